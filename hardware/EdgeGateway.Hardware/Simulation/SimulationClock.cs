using System;
using System.Diagnostics;
using System.Threading;
using EdgeGateway.Firmware.Core.Platform;

namespace EdgeGateway.Hardware.Simulation;

/// <summary>A clock tests move by hand, so a simulation is reproducible: same seed, same steps, same values.</summary>
public sealed class ManualClock : IClock
{
    private long nowMs;

    public ManualClock(DateTime startUtc)
    {
        StartUtc = startUtc;
    }

    public DateTime StartUtc { get; }

    public long MonotonicMilliseconds => Interlocked.Read(ref nowMs);

    public DateTime UtcNow => StartUtc.AddMilliseconds(MonotonicMilliseconds);

    public void Advance(TimeSpan by) => Interlocked.Add(ref nowMs, (long)by.TotalMilliseconds);

    /// <summary>Sleeping on a manual clock just moves it on.</summary>
    public void Sleep(int milliseconds) => Interlocked.Add(ref nowMs, milliseconds);
}

/// <summary>The host's clock, for `egw sim` running in real time.</summary>
public sealed class HostClock : IClock
{
    private readonly Stopwatch watch = Stopwatch.StartNew();

    public long MonotonicMilliseconds => watch.ElapsedMilliseconds;

    public DateTime UtcNow => DateTime.UtcNow;

    public void Sleep(int milliseconds) => Thread.Sleep(milliseconds);
}
