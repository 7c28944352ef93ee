using System;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Hardware.Profiles;

namespace EdgeGateway.Hardware.Simulation;

/// <summary>
/// A 630 kVA 10/0.4 kV oil-immersed distribution transformer with an SDM630 on each side: unit N on the primary
/// (through VT 10 kV/100 V and CTs, the meter set to report primary values) and unit N+1 on the secondary.
/// Losses = P0 + β²·Pk, β = S₂/S_N. Compliant: P0 0.51 kW, Pk 4.96 kW (GB 20052-2024 grade 2 for 630 kVA [3P]);
/// non-compliant: an S11-class unit, P0 0.81 kW [3P] (above the grade-3 0.57), Pk 6.20 kW.
/// </summary>
public sealed class TransformerModel : SimulatedDevice
{
    private readonly ProfileBank primary;
    private readonly ProfileBank secondary;
    private double primaryKwh;
    private double secondaryKwh;
    private double lastSeconds;

    public TransformerModel(Scenario scenario, byte firstUnit, IClock clock, int seed)
        : this(scenario, firstUnit, clock, seed, ProfileCatalog.Load(ProfileCatalog.Sdm630), ProfileCatalog.Load(ProfileCatalog.Sdm630))
    {
    }

    public TransformerModel(Scenario scenario, byte firstUnit, IClock clock, int seed, DeviceProfile primaryProfile, DeviceProfile secondaryProfile)
        : base(scenario, clock, seed)
    {
        // The primary meter reports primary-side values, so its plausible ranges are those of a 10 kV feeder.
        SetRange(primaryProfile, "voltageV", 5000, 6500);
        SetRange(primaryProfile, "currentA", 0, 60);
        primary = new ProfileBank(primaryProfile, firstUnit);
        secondary = new ProfileBank(secondaryProfile, (byte)(firstUnit + 1));
        SetRange(secondaryProfile, "currentA", 0, 1200);
        SetRange(secondaryProfile, "activePowerKw", -700, 700);
        Slaves.Add(primary);
        Slaves.Add(secondary);
        bool poor = Scenarios.PoorPlant(scenario);
        NoLoadLossKw = poor ? 0.81 : 0.51;
        LoadLossKw = poor ? 6.20 : 4.96;
        DriftPerMinute = 1.0;
    }

    public double RatedKva { get; set; } = 630.0;

    public double NoLoadLossKw { get; set; }

    public double LoadLossKw { get; set; }

    public double PowerFactor { get; set; } = 0.9;

    public double? FixedLoad { get; set; }

    public override string FaultySensor => "activePowerTotal";

    protected override int FaultySlaveIndex => 1;

    public double LoadFraction(double seconds) => FixedLoad ?? (0.55 + (0.25 * Math.Sin(2.0 * Math.PI * seconds / 900.0)));

    /// <summary>Losses at load factor β, kW: P0 + β²·Pk [M].</summary>
    public double LossesKw(double beta) => NoLoadLossKw + (beta * beta * LoadLossKw);

    public override void Update()
    {
        double t = ElapsedSeconds;
        double beta = LoadFraction(t);
        double p2 = beta * RatedKva * PowerFactor;
        double loss = LossesKw(beta);
        double p1 = p2 + loss;
        double dtH = Math.Max(0.0, t - lastSeconds) / 3600.0;
        lastSeconds = t;
        primaryKwh += p1 * dtH;
        secondaryKwh += p2 * dtH;
        Truth["load"] = beta;
        Truth["secondaryPowerKw"] = p2;
        Truth["primaryPowerKw"] = p1;
        Truth["lossesKw"] = loss;
        Truth["efficiencyPercent"] = 100.0 * p2 / p1;

        Publish(primary, 10000.0, p1, primaryKwh);
        Publish(secondary, 400.0, p2, secondaryKwh);
    }

    private void Publish(ProfileBank meter, double lineVoltageV, double powerKw, double energyKwh)
    {
        double phaseV = lineVoltageV / Math.Sqrt(3.0);
        double apparentKva = powerKw / PowerFactor;
        double currentA = apparentKva * 1000.0 / (Math.Sqrt(3.0) * lineVoltageV);
        for (int phase = 1; phase <= 3; phase++)
        {
            Sensor(meter, "voltageL" + phase, phaseV);
            Sensor(meter, "currentL" + phase, currentA);
            Sensor(meter, "activePowerL" + phase, powerKw / 3.0);
        }

        // The loss is the small difference of two large numbers: totals are served without noise so the test of
        // P1 − P2 = P0 + β²·Pk sees the physics, not the noise (real meters: see standards note on class 0.2S).
        meter.SetPoint("activePowerTotal", powerKw);
        if (meter == secondary && Scenarios.SensorFault(Scenario) != SensorFault.None)
        {
            Sensor(meter, "activePowerTotal", powerKw);
        }

        meter.SetPoint("apparentPowerTotal", apparentKva);
        meter.SetPoint("reactivePowerTotal", Math.Sqrt((apparentKva * apparentKva) - (powerKw * powerKw)));
        meter.SetPoint("powerFactorTotal", PowerFactor);
        meter.SetPoint("frequency", 50.0);
        meter.SetPoint("importActiveEnergy", energyKwh);
        meter.SetPoint("exportActiveEnergy", 0.0);
        meter.SetPoint("importReactiveEnergy", 0.0);
    }

    private static void SetRange(DeviceProfile profile, string measurement, double min, double max)
    {
        foreach (ProfilePoint p in profile.Points)
        {
            RegisterPoint rp = p.Point;
            if (rp.Measurement == measurement)
            {
                rp.MinPlausible = min;
                rp.MaxPlausible = max;
            }
        }
    }
}
