using System;
using System.Collections.Generic;
using EdgeGateway.Firmware.Core.Platform;

namespace EdgeGateway.Hardware.Simulation;

/// <summary>
/// A simulated installation: a physical model advanced by an injected clock, serving its values through one or more
/// slaves (each a real device profile at a unit id). Deterministic: the same seed and clock steps give the same values.
/// One chosen sensor carries the scenario's sensor fault (stuck, drift, failed).
/// </summary>
public abstract class SimulatedDevice
{
    private readonly Random random;
    private readonly Dictionary<string, double> stuckValues = new(StringComparer.Ordinal);
    private readonly long startMs;

    protected SimulatedDevice(Scenario scenario, IClock clock, int seed)
    {
        Scenario = scenario;
        Clock = clock;
        random = new Random(seed);
        startMs = clock.MonotonicMilliseconds;
    }

    public Scenario Scenario { get; }

    public IClock Clock { get; }

    /// <summary>The slaves this device serves, first unit first.</summary>
    public List<ProfileBank> Slaves { get; } = new();

    /// <summary>The true (physical) values of the last update, by measurement-like key, for tests and the console.</summary>
    public Dictionary<string, double> Truth { get; } = new(StringComparer.Ordinal);

    /// <summary>Which sensor the scenario's sensor fault hits (a point name of the first slave that has it).</summary>
    public abstract string FaultySensor { get; }

    /// <summary>Relative noise on served values (0.002 = ±0.2 %); 0 for exact values in tests.</summary>
    public double NoiseFraction { get; set; } = 0.002;

    /// <summary>Drift rate of the drifting sensor, in its engineering unit per minute.</summary>
    public double DriftPerMinute { get; set; } = 0.05;

    /// <summary>Seconds since the simulation started, by the injected clock.</summary>
    public double ElapsedSeconds => (Clock.MonotonicMilliseconds - startMs) / 1000.0;

    /// <summary>Recomputes the physics for the current clock time and writes every slave's registers.</summary>
    public abstract void Update();

    /// <summary>One line per slave and value, for `egw sim` to print.</summary>
    public IEnumerable<string> Describe()
    {
        foreach (ProfileBank slave in Slaves)
        {
            yield return "unit " + slave.UnitId + " = " + slave.Profile.Id + " (" + slave.Profile.Manufacturer + " " + slave.Profile.Model + ")";
            foreach (var p in slave.Profile.Points)
            {
                if (slave.Served.TryGetValue(p.Point.Name, out double v))
                {
                    yield return "  " + p.Point.Name.PadRight(22) + " " + v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture).PadLeft(12) + " " + p.Point.Unit;
                }
            }
        }
    }

    /// <summary>
    /// The value a sensor reports: the true value with noise, and for <see cref="FaultySensor"/> the scenario's fault.
    /// </summary>
    protected double Sensor(ProfileBank slave, string pointName, double trueValue)
    {
        double v = trueValue * (1.0 + (NoiseFraction * Gaussian()));
        if (pointName == FaultySensor && slave == Slaves[FaultySlaveIndex])
        {
            switch (Scenarios.SensorFault(Scenario))
            {
                case SensorFault.Stuck:
                    if (!stuckValues.TryGetValue(pointName, out double stuck))
                    {
                        stuck = v;
                        stuckValues[pointName] = stuck;
                    }

                    v = stuck;
                    break;
                case SensorFault.Drift:
                    v = trueValue + (DriftPerMinute * ElapsedSeconds / 60.0);
                    break;
                case SensorFault.Failed:
                    var point = slave.Profile.FindByName(pointName)!;
                    v = point.MaxPlausible + (0.25 * (point.MaxPlausible - point.MinPlausible));
                    break;
            }
        }

        slave.SetPoint(pointName, v);
        return v;
    }

    /// <summary>Index in <see cref="Slaves"/> of the slave carrying <see cref="FaultySensor"/>.</summary>
    protected virtual int FaultySlaveIndex => 0;

    /// <summary>Standard normal sample (Box–Muller) from the seeded generator.</summary>
    protected double Gaussian()
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
