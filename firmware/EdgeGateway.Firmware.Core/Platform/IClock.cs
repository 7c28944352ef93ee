using System;

namespace EdgeGateway.Firmware.Core.Platform
{
    /// <summary>
    /// Time, injected so that scheduling, backoff and timestamps are testable and so the core never calls
    /// platform clocks directly (nanoFramework has no Stopwatch and no DateTime.Now).
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds from an arbitrary start; never goes backwards (unlike wall time after an NTP step).</summary>
        long MonotonicMilliseconds { get; }

        /// <summary>Wall-clock UTC time for timestamps on measurements.</summary>
        DateTime UtcNow { get; }

        /// <summary>Blocks the calling thread for <paramref name="milliseconds"/>.</summary>
        void Sleep(int milliseconds);
    }
}
