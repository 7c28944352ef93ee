using System;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;

namespace EdgeGateway.Firmware.Core.Modbus.Scheduling
{
    /// <summary>Health of one polled slave, for the status page and the uplink.</summary>
    public sealed class DeviceStatus
    {
        /// <summary>False after <c>OfflineAfterFailures</c> consecutive failed polls; true again after the first good one.</summary>
        public bool Online = true;

        public int ConsecutiveFailures;

        /// <summary>What went wrong in the last failed poll (Ok when none has failed yet).</summary>
        public FrameStatus LastError;

        /// <summary>Code of the last exception response to any of the device's reads.</summary>
        public ModbusExceptionCode LastExceptionCode;

        /// <summary>Monotonic time of the last poll that reached the device; -1 before the first.</summary>
        public long LastSuccessMs = -1;

        /// <summary>Wall-clock time of the last poll that reached the device (DateTime.MinValue before the first).</summary>
        public DateTime LastSuccessUtc = DateTime.MinValue;

        public long LastAttemptMs = -1;

        /// <summary>When the scheduler polls the device next (monotonic ms).</summary>
        public long NextPollMs;

        /// <summary>Current back-off while offline (0 when online).</summary>
        public int BackoffMs;

        public long Polls;
        public long FailedPolls;
    }
}
