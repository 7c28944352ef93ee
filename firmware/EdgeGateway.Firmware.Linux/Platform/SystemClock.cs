using System;
using System.Diagnostics;
using System.Threading;
using EdgeGateway.Firmware.Core.Platform;

namespace EdgeGateway.Firmware.Linux.Platform
{
    /// <summary>The host's clocks: Stopwatch for monotonic time (immune to NTP steps), DateTime.UtcNow for timestamps.</summary>
    public sealed class SystemClock : IClock
    {
        private static readonly double MillisecondsPerTick = 1000.0 / Stopwatch.Frequency;

        /// <summary>One shared instance is enough: the clock has no state.</summary>
        public static SystemClock Instance { get; } = new SystemClock();

        public long MonotonicMilliseconds => (long)(Stopwatch.GetTimestamp() * MillisecondsPerTick);

        public DateTime UtcNow => DateTime.UtcNow;

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Thread.Sleep(milliseconds);
            }
        }
    }
}
