using System;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Hardware.Profiles;

namespace EdgeGateway.Hardware.Simulation;

/// <summary>
/// A three-phase induction motor behind an Eastron SDM630 (unit N). Shaft load swings 0.55–0.95 of rating over
/// 10 min; losses = constant (iron, friction) + β²·load-dependent (copper), split 35/65 at rated load [M: typical
/// split], calibrated so that at rated load the efficiency equals the nameplate value. Compliant: a 37 kW 4-pole IE3
/// motor at 93.9 % (GB 18613-2020 grade 3 [3P]); non-compliant: an obsolete motor at 91.0 % (below grade 3).
/// Input power P = P_shaft/η, current I = P/(√3·U·cosφ).
/// </summary>
public sealed class MotorModel : SimulatedDevice
{
    private readonly ProfileBank meter;
    private double energyKwh;
    private double lastSeconds;

    public MotorModel(Scenario scenario, byte unit, IClock clock, int seed)
        : this(scenario, unit, clock, seed, ProfileCatalog.Load(ProfileCatalog.Sdm630))
    {
    }

    public MotorModel(Scenario scenario, byte unit, IClock clock, int seed, DeviceProfile meterProfile)
        : base(scenario, clock, seed)
    {
        meter = new ProfileBank(meterProfile, unit);
        Slaves.Add(meter);
        RatedEfficiencyPercent = Scenarios.PoorPlant(scenario) ? 91.0 : 93.9;
        DriftPerMinute = 0.5;
    }

    public double RatedPowerKw { get; set; } = 37.0;

    public double RatedEfficiencyPercent { get; set; }

    public double LineVoltageV { get; set; } = 400.0;

    public double? FixedLoad { get; set; }

    public override string FaultySensor => "currentL1";

    public double LoadFraction(double seconds) => FixedLoad ?? (0.75 + (0.2 * Math.Sin(2.0 * Math.PI * seconds / 600.0)));

    /// <summary>Efficiency at load fraction β, %.</summary>
    public double EfficiencyPercent(double beta)
    {
        double ratedLossKw = RatedPowerKw * ((100.0 / RatedEfficiencyPercent) - 1.0);
        double lossKw = (0.35 * ratedLossKw) + (0.65 * ratedLossKw * beta * beta);
        double shaftKw = beta * RatedPowerKw;
        return 100.0 * shaftKw / (shaftKw + lossKw);
    }

    /// <summary>Power factor with load [M: a typical 4-pole curve, 0.85 at rated load, falling at part load].</summary>
    public static double PowerFactor(double beta) => Math.Clamp(0.85 - (0.35 * (1.0 - beta) * (1.0 - beta)), 0.2, 0.95);

    public override void Update()
    {
        double t = ElapsedSeconds;
        double beta = LoadFraction(t);
        double eta = EfficiencyPercent(beta);
        double inputKw = beta * RatedPowerKw / (eta / 100.0);
        double pf = PowerFactor(beta);
        double currentA = inputKw * 1000.0 / (Math.Sqrt(3.0) * LineVoltageV * pf);
        double apparentKva = inputKw / pf;
        double reactiveKvar = Math.Sqrt((apparentKva * apparentKva) - (inputKw * inputKw));
        energyKwh += inputKw * Math.Max(0.0, t - lastSeconds) / 3600.0;
        lastSeconds = t;
        Truth["load"] = beta;
        Truth["shaftPowerKw"] = beta * RatedPowerKw;
        Truth["inputPowerKw"] = inputKw;
        Truth["efficiencyPercent"] = eta;
        Truth["currentA"] = currentA;

        double phaseV = LineVoltageV / Math.Sqrt(3.0);
        Sensor(meter, "voltageL1", phaseV);
        Sensor(meter, "voltageL2", phaseV);
        Sensor(meter, "voltageL3", phaseV);
        Sensor(meter, "currentL1", currentA);
        Sensor(meter, "currentL2", currentA);
        Sensor(meter, "currentL3", currentA);
        for (int phase = 1; phase <= 3; phase++)
        {
            Sensor(meter, "activePowerL" + phase, inputKw / 3.0);
        }

        Sensor(meter, "activePowerTotal", inputKw);
        Sensor(meter, "apparentPowerTotal", apparentKva);
        Sensor(meter, "reactivePowerTotal", reactiveKvar);
        meter.SetPoint("powerFactorTotal", pf);
        meter.SetPoint("frequency", 50.0);
        meter.SetPoint("importActiveEnergy", energyKwh);
        meter.SetPoint("exportActiveEnergy", 0.0);
        meter.SetPoint("importReactiveEnergy", energyKwh * reactiveKvar / inputKw);
    }
}
