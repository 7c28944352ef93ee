using System;
using System.Collections.Generic;

namespace EdgeGateway.Hardware.Profiles;

/// <summary>One entry of the measurement vocabulary: what a point feeds, in which engineering unit.</summary>
/// <param name="Name">Identifier used in profiles, carrying its unit (for example "steamFlowTph").</param>
/// <param name="Unit">The engineering unit after raw × scale + offset ("-" for dimensionless or state values).</param>
/// <param name="Description">Plain words for messages and documentation.</param>
public sealed record Measurement(string Name, string Unit, string Description);

/// <summary>
/// The fixed vocabulary of measurements a profile point may feed. Defined in one place so that the validator, the
/// simulators and the engines agree on names and units; a profile that needs a new quantity adds it here first.
/// </summary>
public static class Measurements
{
    private static readonly Measurement[] All =
    {
        // Boiler: steam side (pressures absolute, as the standards use; gauges must be converted in the device or here).
        new("steamFlowTph", "t/h", "steam mass flow"),
        new("steamTotalT", "t", "steam mass totaliser"),
        new("steamPressureMpaAbs", "MPa", "steam pressure, absolute"),
        new("steamPressureMpaGauge", "MPa", "steam pressure, gauge (add ambient pressure before use)"),
        new("steamTemperatureC", "°C", "steam temperature"),
        new("feedwaterTemperatureC", "°C", "feedwater temperature"),
        new("feedwaterFlowTph", "t/h", "feedwater mass flow"),
        // Hot-water boilers.
        new("waterFlowTph", "t/h", "circulating water mass flow"),
        new("supplyTemperatureC", "°C", "supply (outlet) water temperature"),
        new("returnTemperatureC", "°C", "return (inlet) water temperature"),
        // Boiler: fuel and combustion.
        new("fuelFlowNm3PerH", "Nm3/h", "gas fuel flow at normal conditions"),
        new("fuelTotalNm3", "Nm3", "gas fuel totaliser at normal conditions"),
        new("fuelFlowKgPerH", "kg/h", "solid or liquid fuel mass flow"),
        new("flueGasTemperatureC", "°C", "exhaust gas temperature after the last heating surface"),
        new("flueGasO2PercentDry", "%", "flue-gas oxygen, dry volume %"),
        new("flueGasO2PercentWet", "%", "flue-gas oxygen, wet volume % (zirconia probes)"),
        new("flueGasCoPpm", "ppm", "flue-gas carbon monoxide, volume ppm"),
        new("airTemperatureC", "°C", "combustion-air temperature"),
        new("boilerLoadPercent", "%", "firing rate or load as a share of rated output"),
        new("burnerOn", "-", "burner firing (1) or off (0)"),
        new("alarmActive", "-", "device alarm present (1) or not (0)"),
        new("statusCode", "-", "device status or error code"),
        // Electrical.
        new("voltageV", "V", "voltage, line to neutral"),
        new("voltageLineToLineV", "V", "voltage, line to line"),
        new("currentA", "A", "current"),
        new("activePowerKw", "kW", "active power"),
        new("reactivePowerKvar", "kvar", "reactive power"),
        new("apparentPowerKva", "kVA", "apparent power"),
        new("powerFactor", "-", "power factor"),
        new("phaseAngleDeg", "°", "phase angle"),
        new("frequencyHz", "Hz", "frequency"),
        new("activeEnergyKwh", "kWh", "active energy imported"),
        new("activeEnergyExportKwh", "kWh", "active energy exported"),
        new("reactiveEnergyKvarh", "kvarh", "reactive energy imported"),
        new("speedRpm", "rpm", "shaft speed"),
        // Device configuration registers (baud-rate codes, addresses): read for commissioning, never for verdicts.
        new("deviceSetting", "-", "a configuration register of the device"),
    };

    private static readonly Dictionary<string, Measurement> ByName = BuildIndex();

    /// <summary>Every measurement, in the order above.</summary>
    public static IReadOnlyList<Measurement> List => All;

    public static Measurement? Find(string name) => ByName.TryGetValue(name, out Measurement? m) ? m : null;

    /// <summary>The names, comma separated, for "allowed values" messages.</summary>
    public static string NamesForMessage()
    {
        string[] names = new string[All.Length];
        for (int i = 0; i < All.Length; i++)
        {
            names[i] = All[i].Name;
        }

        return string.Join(", ", names);
    }

    private static Dictionary<string, Measurement> BuildIndex()
    {
        var d = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        foreach (Measurement m in All)
        {
            d.Add(m.Name, m);
        }

        return d;
    }
}
