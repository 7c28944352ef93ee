namespace EdgeGateway.Firmware.Core.Io
{
    /// <summary>
    /// Settings of one meter pulse input (a gas, water or energy meter's pulse output on a GPIO). Plain fields so the
    /// runtime fills them from <c>pulseInputs[i]</c> of the gateway configuration; <see cref="PulseMeter"/> validates
    /// them and names a bad one as <c>FieldPrefix + "." + field</c>.
    /// </summary>
    public sealed class PulseMeterOptions
    {
        /// <summary>Upper limit of <see cref="DebounceMs"/> (same as the configuration's "debounceMs").</summary>
        public const int MaxDebounceMs = 10000;

        /// <summary>Upper limit of <see cref="UnitsPerPulse"/> (same as the configuration's "unitsPerPulse").</summary>
        public const double MaxUnitsPerPulse = 1e9;

        /// <summary>Prefix of field names in error messages, e.g. "pulseInputs[0]".</summary>
        public string FieldPrefix = "pulse";

        /// <summary>GPIO number the meter's pulse output is wired to (its upper limit is the counter adapter's).</summary>
        public int Pin = -1;

        /// <summary>Edges closer than this are contact bounce (reed contacts bounce for a few ms); 0 = no debounce.</summary>
        public int DebounceMs = 10;

        /// <summary>Engineering units of the total per pulse, from the meter's nameplate: 0.01 (Nm³) for a gas meter
        /// with "100 imp/m³", 1 (Wh) for an energy meter with "1000 imp/kWh". Must be &gt; 0.</summary>
        public double UnitsPerPulse = double.NaN;

        /// <summary>The rate is the pulses of the last RateWindowMs (at least; up to one sample interval more) divided
        /// by the time they span. Longer = smoother but slower; it should hold several pulses at the lowest flow of
        /// interest (quantisation is one pulse per window).</summary>
        public long RateWindowMs = 60000;

        /// <summary>No pulse for this long means the meter stopped: the rate is 0 at once instead of decaying over the
        /// window. Must exceed the pulse interval at the lowest flow that still counts as running.</summary>
        public long NoPulseTimeoutMs = 120000;

        /// <summary>The counter's wrap-around modulus for counters narrower than 64 bits (65536 for a 16-bit hardware
        /// counter, 4294967296 for 32-bit); 0 = never wraps (the Linux and ESP32 adapters return 64-bit counts).
        /// With a modulus, the meter must be sampled before the counter advances by a whole modulus.</summary>
        public long CounterModulus = 0;

        /// <summary>Samples kept for the rate window (two arrays of longs, 16 bytes per sample). If the window holds
        /// more samples than this, the oldest are dropped and the rate spans less time, still correctly.</summary>
        public int RateWindowSamples = 64;
    }
}
