using System;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;
using PollQuality = EdgeGateway.Firmware.Core.Modbus.Scheduling.PointQuality;

namespace EdgeGateway.Firmware.Core.Edge
{
    /// <summary>Health of one input signal.</summary>
    public enum SensorState
    {
        Good = 0,

        /// <summary>Bit-identical value for longer than the stuck time while the equipment runs.</summary>
        Stuck = 1,

        /// <summary>Outside the profile's plausible range, or not a number.</summary>
        OutOfRange = 2,

        /// <summary>No successful read for longer than the allowed number of poll intervals (or never read).</summary>
        Missing = 3,
    }

    /// <summary>Why a signal has its state: one reason per state transition, short enough for the status page.</summary>
    public enum SensorHealthReason
    {
        Ok = 0,
        NeverRead = 1,
        NoRecentRead = 2,
        BelowRange = 3,
        AboveRange = 4,
        NotANumber = 5,
        Unchanged = 6,
    }

    /// <summary>
    /// Classifies one input signal from its reads: Missing, OutOfRange, Stuck or Good (in that priority), and maps
    /// the state to the wire's <see cref="PointQuality"/>. Why "stuck" needs bit-identical values: a live transmitter
    /// always jitters in its last bits (ADC noise, 4–20 mA loop noise), so a reading that repeats exactly for minutes
    /// while the equipment runs comes from a frozen transmitter, a failed analog input or a gateway reading a stale
    /// register. While the equipment is stopped a constant value is normal, so the stuck timer only runs while
    /// <see cref="EquipmentRunning"/> is true. A read failure does not change the state at once (one timeout is not a
    /// sensor fault): the last state and value are held until no read has succeeded for
    /// <c>missingAfterPolls × pollIntervalMs</c>. Allocation-free; reason codes are constant strings.
    /// </summary>
    public sealed class SensorHealthMonitor
    {
        private readonly double minPlausible;
        private readonly double maxPlausible;
        private readonly long stuckAfterMs;
        private readonly long missingAfterMs;

        private bool everRead;
        private long lastOkMs;
        private long lastChangeMs;
        private long lastBits;

        /// <param name="minPlausible">lowest plausible value (the device profile's range; NaN = no lower limit)</param>
        /// <param name="maxPlausible">highest plausible value (NaN = no upper limit)</param>
        /// <param name="stuckAfterMs">a value unchanged for longer than this while running is stuck; 0 = never stuck
        /// (for signals that are legitimately constant, e.g. a setpoint or a counter at rest)</param>
        /// <param name="missingAfterPolls">reads may fail for this many poll intervals before the signal is missing</param>
        /// <param name="pollIntervalMs">the signal's poll interval</param>
        public SensorHealthMonitor(double minPlausible, double maxPlausible, long stuckAfterMs, int missingAfterPolls, int pollIntervalMs)
        {
            if (!double.IsNaN(minPlausible) && !double.IsNaN(maxPlausible) && minPlausible > maxPlausible)
            {
                throw new InputException("sensorHealth.minPlausible", InputException.Format(minPlausible),
                    "must not be above maxPlausible = " + InputException.Format(maxPlausible));
            }

            if (stuckAfterMs < 0)
            {
                throw new InputException("sensorHealth.stuckAfterMs", stuckAfterMs.ToString(), "0 (never stuck) or a time in ms, e.g. 300000 for 5 min");
            }

            if (missingAfterPolls < 1)
            {
                throw new InputException("sensorHealth.missingAfterPolls", missingAfterPolls.ToString(), "1 or more poll intervals (3 is usual)");
            }

            if (pollIntervalMs < 1)
            {
                throw new InputException("sensorHealth.pollIntervalMs", pollIntervalMs.ToString(), "the poll interval in ms, 1 or more");
            }

            this.minPlausible = minPlausible;
            this.maxPlausible = maxPlausible;
            this.stuckAfterMs = stuckAfterMs;
            missingAfterMs = (long)missingAfterPolls * pollIntervalMs;
            EquipmentRunning = true;
            State = SensorState.Missing;
            Reason = SensorHealthReason.NeverRead;
            Value = double.NaN;
        }

        /// <summary>Set by the runtime each cycle (burner on, motor current above no-load, ...); the stuck timer runs only while true.</summary>
        public bool EquipmentRunning { get; set; }

        public SensorState State { get; private set; }

        public SensorHealthReason Reason { get; private set; }

        /// <summary>The last successfully read value (held through failed reads); NaN before the first read.</summary>
        public double Value { get; private set; }

        /// <summary>Monotonic time of the last successful read; -1 before the first.</summary>
        public long LastReadMs { get { return everRead ? lastOkMs : -1; } }

        /// <summary>The state as wire quality.</summary>
        public PointQuality Quality { get { return ToQuality(State); } }

        /// <summary>Short reason code for the status page and logs ("ok", "stuck", "above-range", ...).</summary>
        public string ReasonCode { get { return ReasonCodeOf(Reason); } }

        /// <summary>Feeds one poll result and returns the new quality.</summary>
        /// <param name="monotonicMs">monotonic time of the poll (IClock.MonotonicMilliseconds)</param>
        /// <param name="value">the value read (ignored when <paramref name="readOk"/> is false)</param>
        /// <param name="readOk">the read reached the device and decoded</param>
        public PointQuality Update(long monotonicMs, double value, bool readOk)
        {
            if (!readOk)
            {
                if (!everRead)
                {
                    Set(SensorState.Missing, SensorHealthReason.NeverRead);
                }
                else if (monotonicMs - lastOkMs > missingAfterMs)
                {
                    Set(SensorState.Missing, SensorHealthReason.NoRecentRead);
                }

                // Otherwise hold the last state and value: a single failed read is a bus hiccup, not a sensor fault.
                return Quality;
            }

            long bits = BitConverter.DoubleToInt64Bits(value);
            if (!everRead || bits != lastBits || !EquipmentRunning)
            {
                // A change restarts the stuck timer; so does a stopped machine (constant values are normal at rest).
                lastChangeMs = monotonicMs;
            }

            everRead = true;
            lastOkMs = monotonicMs;
            lastBits = bits;
            Value = value;

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                Set(SensorState.OutOfRange, SensorHealthReason.NotANumber);
            }
            else if (!double.IsNaN(minPlausible) && value < minPlausible)
            {
                Set(SensorState.OutOfRange, SensorHealthReason.BelowRange);
            }
            else if (!double.IsNaN(maxPlausible) && value > maxPlausible)
            {
                Set(SensorState.OutOfRange, SensorHealthReason.AboveRange);
            }
            else if (stuckAfterMs > 0 && monotonicMs - lastChangeMs > stuckAfterMs)
            {
                Set(SensorState.Stuck, SensorHealthReason.Unchanged);
            }
            else
            {
                Set(SensorState.Good, SensorHealthReason.Ok);
            }

            return Quality;
        }

        /// <summary>
        /// Feeds a result of the Modbus poll scheduler: Good and Implausible polls carry a value that was read
        /// (the range check here flags implausible ones); NotRead, CommFailure, DeviceException and NotNumeric are
        /// failed reads.
        /// </summary>
        public PointQuality UpdateFromPoll(long monotonicMs, double value, PollQuality pollQuality)
        {
            return Update(monotonicMs, value, IsRead(pollQuality));
        }

        /// <summary>Whether a poll-scheduler quality means the value was actually read this poll.</summary>
        public static bool IsRead(PollQuality pollQuality)
        {
            return pollQuality == PollQuality.Good || pollQuality == PollQuality.Implausible;
        }

        public static PointQuality ToQuality(SensorState state)
        {
            switch (state)
            {
                case SensorState.Good: return PointQuality.Good;
                case SensorState.Stuck: return PointQuality.Stuck;
                case SensorState.OutOfRange: return PointQuality.OutOfRange;
                default: return PointQuality.Missing;
            }
        }

        public static string ReasonCodeOf(SensorHealthReason reason)
        {
            switch (reason)
            {
                case SensorHealthReason.Ok: return "ok";
                case SensorHealthReason.NeverRead: return "never-read";
                case SensorHealthReason.NoRecentRead: return "no-recent-read";
                case SensorHealthReason.BelowRange: return "below-range";
                case SensorHealthReason.AboveRange: return "above-range";
                case SensorHealthReason.NotANumber: return "not-a-number";
                case SensorHealthReason.Unchanged: return "stuck";
                default: return "unknown";
            }
        }

        private void Set(SensorState state, SensorHealthReason reason)
        {
            State = state;
            Reason = reason;
        }
    }
}
