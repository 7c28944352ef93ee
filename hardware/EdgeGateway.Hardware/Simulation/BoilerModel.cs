using System;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Hardware.Profiles;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;

namespace EdgeGateway.Hardware.Simulation;

public enum BoilerFuel
{
    Gas,
    Coal,
}

/// <summary>
/// A steam boiler behind three slaves: a boiler controller (unit N), a steam/gas flow computer (N+1) and a flue-gas
/// analyser (N+2). Load swings slowly (0.6–0.9 of rating over 30 min); steam flow follows load; excess air rises at
/// part load and flue temperature with load. Efficiency is NOT made up here: it is the standards engine's indirect
/// method (IndirectMethod.Calculate: Siegert q2 for gas, heat balance for coal, q3 from CO, q5 with load) applied to
/// the true combustion values, and the fuel flow is then set so the direct method on the served values gives the
/// same efficiency. So a known scenario gives a known efficiency by both methods.
/// </summary>
public sealed class BoilerModel : SimulatedDevice
{
    /// <summary>Natural-gas lower heating value used by the simulator, kJ/Nm³ (a typical pipeline gas) [M].</summary>
    public const double GasLhvKjPerNm3 = 35590.0;

    private readonly ProfileBank controller;
    private readonly ProfileBank flowComputer;
    private readonly ProfileBank analyser;
    private readonly UltimateAnalysis coal;
    private double steamTotalT;
    private double fuelTotalNm3;
    private double lastSeconds;

    public BoilerModel(BoilerFuel fuel, Scenario scenario, byte firstUnit, IClock clock, int seed)
        : this(fuel, scenario, firstUnit, clock, seed,
            ProfileCatalog.Load(ProfileCatalog.BoilerController), ProfileCatalog.Load(ProfileCatalog.SteamFlowComputer), ProfileCatalog.Load(ProfileCatalog.FlueGasAnalyser))
    {
    }

    public BoilerModel(BoilerFuel fuel, Scenario scenario, byte firstUnit, IClock clock, int seed,
        DeviceProfile controllerProfile, DeviceProfile flowProfile, DeviceProfile analyserProfile)
        : base(scenario, clock, seed)
    {
        Fuel = fuel;
        controller = new ProfileBank(controllerProfile, firstUnit);
        flowComputer = new ProfileBank(flowProfile, (byte)(firstUnit + 1));
        analyser = new ProfileBank(analyserProfile, (byte)(firstUnit + 2));
        Slaves.Add(controller);
        Slaves.Add(flowComputer);
        Slaves.Add(analyser);
        analyser.SetString("tag", "SIM-ANALYSER");

        // A typical bituminous coal, as received [M: textbook example composition, not a tested coal].
        coal = new UltimateAnalysis
        {
            CarbonPercent = 55.0, HydrogenPercent = 3.5, OxygenPercent = 8.0, NitrogenPercent = 1.0, SulfurPercent = 0.8,
            MoisturePercent = 8.0, AshPercent = 23.7, Source = "EdgeGateway simulator example coal", Confidence = "M",
        };
        DriftPerMinute = 0.05;
    }

    public BoilerFuel Fuel { get; }

    public double RatedSteamTph { get; set; } = 10.0;

    public double SteamPressureMpaAbs { get; set; } = 1.0;

    /// <summary>Slightly superheated (saturation at 1.0 MPa abs is 179.9 °C), so the steam state is unambiguous.</summary>
    public double SteamTemperatureC { get; set; } = 190.0;

    public double FeedwaterTemperatureC { get; set; } = 105.0;

    public double AirTemperatureC { get; set; } = 20.0;

    /// <summary>When set, load stays here instead of swinging (fraction of rating).</summary>
    public double? FixedLoad { get; set; }

    public override string FaultySensor => "o2Dry";

    protected override int FaultySlaveIndex => 2;

    /// <summary>The standards engine's result for the last update's true values.</summary>
    public IndirectResult? LastIndirect { get; private set; }

    public double EfficiencyPercent => LastIndirect?.EfficiencyPercent ?? double.NaN;

    public double LoadFraction(double seconds) => FixedLoad ?? (0.75 + (0.15 * Math.Sin(2.0 * Math.PI * seconds / 1800.0)));

    /// <summary>The combustion state for a load: what the plant physically does in this scenario.</summary>
    public BoilerMeasurements TrueMeasurements(double load)
    {
        bool poor = Scenarios.PoorPlant(Scenario);
        bool gas = Fuel == BoilerFuel.Gas;
        // Part load: burners run with more excess air; flue temperature follows the heat flux through the surfaces.
        double o2Base = gas ? (poor ? 7.5 : 3.0) : (poor ? 10.0 : 6.0);
        double flueBase = gas ? (poor ? 190.0 : 120.0) : (poor ? 210.0 : 150.0);
        var m = new BoilerMeasurements
        {
            SteamFlowTph = load * RatedSteamTph,
            SteamPressureMpaAbs = SteamPressureMpaAbs,
            SteamTemperatureC = SteamTemperatureC,
            FeedwaterTemperatureC = FeedwaterTemperatureC,
            FlueGasO2PercentDry = o2Base + (2.0 * (0.75 - load)),
            FlueGasTemperatureC = flueBase + (40.0 * (load - 0.75)),
            AirTemperatureC = AirTemperatureC,
            FlueGasCoPpm = gas ? (poor ? 150.0 : 20.0) : (poor ? 400.0 : 80.0),
        };
        if (gas)
        {
            m.FuelLowerHeatingValueKjPerNm3 = GasLhvKjPerNm3;
        }
        else
        {
            m.FuelLowerHeatingValueKjPerKg = coal.MendeleevLowerHeatingValueKjPerKg();
            m.CarbonAsReceivedPercent = coal.CarbonPercent;
            m.HydrogenAsReceivedPercent = coal.HydrogenPercent;
            m.OxygenAsReceivedPercent = coal.OxygenPercent;
            m.NitrogenAsReceivedPercent = coal.NitrogenPercent;
            m.SulfurAsReceivedPercent = coal.SulfurPercent;
            m.MoistureAsReceivedPercent = coal.MoisturePercent;
            m.AshAsReceivedPercent = coal.AshPercent;
            m.SlagFractionPercent = 80.0;
            m.FlyAshFractionPercent = 15.0;
            m.RiddlingsFractionPercent = 5.0;
            m.CarbonInSlagPercent = poor ? 18.0 : 8.0;
            m.CarbonInFlyAshPercent = poor ? 30.0 : 15.0;
            m.CarbonInRiddlingsPercent = poor ? 30.0 : 15.0;
            m.SlagTemperatureC = 600.0;
        }

        return m;
    }

    /// <summary>The engine's indirect-method efficiency for a set of measurements.</summary>
    public IndirectResult Efficiency(BoilerMeasurements m) =>
        IndirectMethod.Calculate(Fuel == BoilerFuel.Gas ? FuelKind.NaturalGas : FuelKind.Coal, m, RatedSteamTph);

    /// <summary>Fuel flow (Nm³/h for gas, kg/h for coal) that makes the direct method give <paramref name="efficiencyPercent"/>.</summary>
    public double FuelFlowFor(BoilerMeasurements m, double efficiencyPercent)
    {
        // The useful heat from the engine's direct method (IAPWS-IF97 enthalpies), with a unit fuel flow as placeholder.
        var probe = Copy(m);
        if (Fuel == BoilerFuel.Gas)
        {
            probe.FuelFlowNm3PerH = 1.0;
        }
        else
        {
            probe.FuelFlowKgPerH = 1.0;
        }

        double usefulKw = DirectMethod.Steam(probe).UsefulHeatKw;
        double lhv = Fuel == BoilerFuel.Gas ? m.FuelLowerHeatingValueKjPerNm3 : m.FuelLowerHeatingValueKjPerKg;
        return usefulKw * 3600.0 / (efficiencyPercent / 100.0 * lhv);
    }

    public override void Update()
    {
        double t = ElapsedSeconds;
        double load = LoadFraction(t);
        BoilerMeasurements m = TrueMeasurements(load);
        IndirectResult eta = Efficiency(m);
        LastIndirect = eta;
        double fuelFlow = FuelFlowFor(m, eta.EfficiencyPercent);
        double dtHours = Math.Max(0.0, t - lastSeconds) / 3600.0;
        lastSeconds = t;
        steamTotalT += m.SteamFlowTph * dtHours;
        if (Fuel == BoilerFuel.Gas)
        {
            fuelTotalNm3 += fuelFlow * dtHours;
        }

        Truth["load"] = load;
        Truth["steamFlowTph"] = m.SteamFlowTph;
        Truth["flueGasO2PercentDry"] = m.FlueGasO2PercentDry;
        Truth["flueGasTemperatureC"] = m.FlueGasTemperatureC;
        Truth["flueGasCoPpm"] = m.FlueGasCoPpm;
        Truth["fuelFlow"] = fuelFlow;
        Truth["efficiencyPercent"] = eta.EfficiencyPercent;

        // Boiler controller.
        Sensor(controller, "load", load * 100.0);
        Sensor(controller, "steamPressureAbs", m.SteamPressureMpaAbs);
        Sensor(controller, "flueGasTemperature", m.FlueGasTemperatureC);
        Sensor(controller, "feedwaterTemperature", m.FeedwaterTemperatureC);
        controller.SetPoint("gasFlow", Fuel == BoilerFuel.Gas ? fuelFlow : 0.0);
        controller.SetPoint("coalFlow", Fuel == BoilerFuel.Coal ? fuelFlow : 0.0);
        controller.SetPoint("status", 3);
        controller.SetPoint("burnerOn", 1);
        controller.SetPoint("alarm", Scenarios.SensorFault(Scenario) == SensorFault.Failed ? 1 : 0);

        // Flow computer (the metering the direct method uses: noise-free totals, measured rates with noise).
        Sensor(flowComputer, "steamFlow", m.SteamFlowTph);
        Sensor(flowComputer, "steamPressureAbs", m.SteamPressureMpaAbs);
        Sensor(flowComputer, "steamTemperature", m.SteamTemperatureC);
        Sensor(flowComputer, "feedwaterTemperature", m.FeedwaterTemperatureC);
        flowComputer.SetPoint("steamTotal", steamTotalT);
        Sensor(flowComputer, "fuelFlow", Fuel == BoilerFuel.Gas ? fuelFlow : 0.0);
        flowComputer.SetPoint("fuelTotal", Math.Floor(fuelTotalNm3));

        // Flue-gas analyser (carries the scenario's faulty sensor: dry O₂).
        Sensor(analyser, "o2Dry", m.FlueGasO2PercentDry);
        Sensor(analyser, "co", m.FlueGasCoPpm);
        Sensor(analyser, "flueGasTemperature", m.FlueGasTemperatureC);
        Sensor(analyser, "airTemperature", m.AirTemperatureC);
        Sensor(analyser, "o2Wet", m.FlueGasO2PercentDry * 0.85);
        analyser.SetPoint("status", 0);
        analyser.SetPoint("alarm", Scenarios.SensorFault(Scenario) == SensorFault.Failed ? 1 : 0);
    }

    private static BoilerMeasurements Copy(BoilerMeasurements m) => new()
    {
        SteamFlowTph = m.SteamFlowTph,
        SteamPressureMpaAbs = m.SteamPressureMpaAbs,
        SteamTemperatureC = m.SteamTemperatureC,
        FeedwaterTemperatureC = m.FeedwaterTemperatureC,
        FuelLowerHeatingValueKjPerNm3 = m.FuelLowerHeatingValueKjPerNm3,
        FuelLowerHeatingValueKjPerKg = m.FuelLowerHeatingValueKjPerKg,
    };
}
