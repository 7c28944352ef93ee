using System;
using System.Threading;
using EdgeGateway.Firmware.Core.Platform;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>
    /// IClock on nanoFramework. Monotonic time comes from Environment.TickCount64 (nanoFramework.Runtime.Native:
    /// milliseconds since boot, unaffected by SNTP steps); wall time from DateTime.UtcNow, which is only right after
    /// Wi-Fi connected with requiresDateTime (SNTP) or Rtc.SetSystemTime.
    /// </summary>
    public sealed class NanoClock : IClock
    {
        public long MonotonicMilliseconds => Environment.TickCount64;

        public DateTime UtcNow => DateTime.UtcNow;

        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
