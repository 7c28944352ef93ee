using System;
using System.Threading;
using EdgeGateway.Firmware.Core.Platform;

namespace EdgeGateway.Gateway.Tests.Uplink;

/// <summary>A clock the test moves by hand, so pacing and backoff are checked by counting, not by timing.</summary>
internal sealed class ManualClock : IClock
{
    private long nowMs;

    public long MonotonicMilliseconds => Interlocked.Read(ref nowMs);

    public DateTime UtcNow => new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(MonotonicMilliseconds);

    public void Advance(long ms) => Interlocked.Add(ref nowMs, ms);

    public void Sleep(int milliseconds) => Advance(milliseconds);
}
