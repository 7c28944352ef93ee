namespace EdgeGateway.Firmware.Core.Runtime
{
    /// <summary>Tuning of the runtime's loops that is not part of the gateway configuration (defaults suit a real plant).</summary>
    public sealed class RuntimeOptions
    {
        /// <summary>How often the compute loop copies values, runs the calculators and builds reports, ms.</summary>
        public int ComputeIntervalMs = 1000;

        /// <summary>How long the uplink loop sleeps when a step sent nothing, ms.</summary>
        public int UplinkIdleSleepMs = 100;

        /// <summary>
        /// Boilers' steady-state window, s. EN 12953-11 judges a test period; 900 s (15 min) is the default. A demo or
        /// a test may shorten it to see verdicts sooner — the status page then judges shorter periods than a test would.
        /// </summary>
        public double SteadyWindowSeconds = EdgeGateway.Firmware.Core.Edge.BoilerCalculator.DefaultSteadyWindowSeconds;

        /// <summary>A value unchanged (bit for bit) for longer than this while the equipment runs is stuck, ms.</summary>
        public long StuckAfterMs = 300000;

        /// <summary>Reads may fail for this many poll intervals before a signal counts as missing.</summary>
        public int MissingAfterPolls = 3;

        /// <summary>How often pulse-meter totals are saved to the config store, ms (they survive a reboot).</summary>
        public long PulseTotalsPersistMs = 60000;

        /// <summary>The config/reported document published after the first connect (null: "running" with this configuration's hash).</summary>
        public byte[] StartupReport;
    }
}
