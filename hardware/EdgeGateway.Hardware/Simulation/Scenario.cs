using System;
using EdgeGateway.Hardware.Server;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Hardware.Simulation;

/// <summary>What a simulated installation does: meet the standard, miss it, or fail in one of the ways field devices fail.</summary>
public enum Scenario
{
    /// <summary>Well-tuned plant: a boiler above its GB 24500-2020 grade-3 limit, a motor and transformer at nameplate.</summary>
    Compliant,

    /// <summary>Badly tuned or obsolete plant: high excess air and flue temperature; an S11-class transformer core.</summary>
    NonCompliant,

    /// <summary>One sensor freezes at its first value (a stuck transmitter).</summary>
    SensorStuck,

    /// <summary>One sensor drifts steadily away from the truth (an uncalibrated O₂ probe, a CT going bad).</summary>
    Drift,

    /// <summary>One sensor reads far outside its plausible range (open loop, broken probe).</summary>
    Failed,

    /// <summary>The slave answers every request with exception 04 (server device failure).</summary>
    Exceptions,

    /// <summary>The slave never answers.</summary>
    Timeout,

    /// <summary>The slave's answers have a wrong CRC (RTU) or a wrong transaction id (TCP).</summary>
    CorruptCrc,
}

public static class Scenarios
{
    public static readonly string[] Names = { "compliant", "non-compliant", "sensor-stuck", "drift", "failed", "exceptions", "timeout", "corrupt-crc" };

    public static Scenario Parse(string name)
    {
        int i = Array.IndexOf(Names, name);
        if (i < 0)
        {
            throw new InputException("--scenario", name, "must be one of " + string.Join(", ", Names));
        }

        return (Scenario)i;
    }

    public static string Name(Scenario s) => Names[(int)s];

    /// <summary>The wire fault a scenario puts on its slaves.</summary>
    public static FaultMode Fault(Scenario s) => s switch
    {
        Scenario.Exceptions => FaultMode.Exceptions,
        Scenario.Timeout => FaultMode.Timeout,
        Scenario.CorruptCrc => FaultMode.CorruptCrc,
        _ => FaultMode.None,
    };

    /// <summary>The sensor fault a scenario puts on the model's chosen sensor.</summary>
    public static SensorFault SensorFault(Scenario s) => s switch
    {
        Scenario.SensorStuck => Simulation.SensorFault.Stuck,
        Scenario.Drift => Simulation.SensorFault.Drift,
        Scenario.Failed => Simulation.SensorFault.Failed,
        _ => Simulation.SensorFault.None,
    };

    /// <summary>True when the plant itself is the badly performing one.</summary>
    public static bool PoorPlant(Scenario s) => s == Scenario.NonCompliant;
}

public enum SensorFault
{
    None,
    Stuck,
    Drift,
    Failed,
}
