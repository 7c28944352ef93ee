using System;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Io
{
    /// <summary>
    /// One meter with a pulse output, in engineering units: the running total (units) and the rate (units per hour)
    /// from an <see cref="IPulseCounter"/> pin, sampled by the runtime (e.g. once per second).
    /// <para>Total: <c>TotalUnits = OffsetUnits + CountedPulses × UnitsPerPulse</c>. CountedPulses starts at 0 on
    /// <see cref="Start"/> and follows the counter through wrap-around (a configured modulus) and through a counter
    /// that restarts at 0 (counted as a reset, the new count taken as new pulses). The hardware counter restarts at
    /// every reboot, so the runtime persists <see cref="TotalUnits"/> now and then and after a reboot calls
    /// <see cref="RestoreTotalUnits"/> with the saved value; pulses between the last save and the power cut are lost
    /// (the meter's own register stays the reference).</para>
    /// <para>Rate: pulses over a sliding window of the samples (at least RateWindowMs) divided by the time they span;
    /// 0 once no pulse arrived for NoPulseTimeoutMs, so a stopped meter never keeps its last rate. A stopped meter is
    /// not a fault (a boiler on standby burns no gas): quality stays Good. Quality is Missing only while the counter
    /// cannot be read (and before the first sample); the last total and rate are then held, flagged Missing.</para>
    /// Allocation-free per <see cref="Sample"/> (fixed ring buffers; only the failure path keeps an exception).
    /// Thread-safe: the runtime samples while the status page reads.
    /// </summary>
    public sealed class PulseMeter
    {
        private const double MsPerHour = 3600000.0;

        private readonly IPulseCounter counter;
        private readonly IClock clock;
        private readonly object sync = new object();

        private readonly int pin;
        private readonly int debounceMs;
        private readonly double unitsPerPulse;
        private readonly long windowMs;
        private readonly long noPulseTimeoutMs;
        private readonly long modulus;
        private readonly string fieldPrefix;

        // Rate window ring: monotonic time (ms) and unwrapped cumulative pulse count of each sample.
        private readonly long[] windowTimesMs;
        private readonly long[] windowCounts;
        private int windowOldest;
        private int windowSize;

        private bool started;
        private bool everRead;
        private long lastRaw;
        private long countedPulses;
        private double offsetUnits;
        private double rateUnitsPerHour;
        private PointQuality quality = PointQuality.Missing;
        private long lastPulseMs;
        private long lastSampleMs;
        private int counterWraps;
        private int counterResets;
        private long readFailures;
        private string lastError;

        /// <summary>Validates <paramref name="options"/>; throws <see cref="InputException"/> naming the bad field.</summary>
        public PulseMeter(IPulseCounter counter, IClock clock, PulseMeterOptions options)
        {
            if (options == null)
            {
                throw new InputException("pulse", "missing", "pulse meter options are required");
            }

            string prefix = options.FieldPrefix == null || options.FieldPrefix.Length == 0 ? "pulse" : options.FieldPrefix;
            if (counter == null)
            {
                throw new InputException(prefix + ".counter", "missing", "a pulse counter adapter (IPulseCounter) is required");
            }

            if (clock == null)
            {
                throw new InputException(prefix + ".clock", "missing", "a clock (IClock) is required");
            }

            if (options.Pin < 0)
            {
                throw new InputException(prefix + ".pin", options.Pin.ToString(), "the GPIO number (0 or more) the meter's pulse output is wired to");
            }

            if (options.DebounceMs < 0 || options.DebounceMs > PulseMeterOptions.MaxDebounceMs)
            {
                throw new InputException(prefix + ".debounceMs", options.DebounceMs.ToString(),
                    "0 to " + PulseMeterOptions.MaxDebounceMs.ToString() + " ms (reed contacts: 10-20; electronic S0 outputs: 0-5)");
            }

            double upp = options.UnitsPerPulse;
            if (double.IsNaN(upp) || double.IsInfinity(upp) || upp <= 0 || upp > PulseMeterOptions.MaxUnitsPerPulse)
            {
                throw new InputException(prefix + ".unitsPerPulse", InputException.Format(upp),
                    "more than 0, up to 1e9 engineering units per pulse from the meter's nameplate (e.g. 0.01 Nm³ for 100 imp/m³)");
            }

            if (options.RateWindowMs < 1000 || options.RateWindowMs > 86400000L)
            {
                throw new InputException(prefix + ".rateWindowMs", options.RateWindowMs.ToString(), "1000 to 86400000 ms (60000 is usual)");
            }

            if (options.NoPulseTimeoutMs < 1000 || options.NoPulseTimeoutMs > 86400000L)
            {
                throw new InputException(prefix + ".noPulseTimeoutMs", options.NoPulseTimeoutMs.ToString(),
                    "1000 to 86400000 ms, longer than the pulse interval at the lowest flow that still counts as running");
            }

            if (options.CounterModulus < 0 || options.CounterModulus == 1)
            {
                throw new InputException(prefix + ".counterModulus", options.CounterModulus.ToString(),
                    "0 (the counter never wraps) or the counter's range: 65536 for 16 bits, 4294967296 for 32 bits");
            }

            if (options.RateWindowSamples < 2 || options.RateWindowSamples > 4096)
            {
                throw new InputException(prefix + ".rateWindowSamples", options.RateWindowSamples.ToString(), "2 to 4096 samples (64 is usual)");
            }

            this.counter = counter;
            this.clock = clock;
            fieldPrefix = prefix;
            pin = options.Pin;
            debounceMs = options.DebounceMs;
            unitsPerPulse = upp;
            windowMs = options.RateWindowMs;
            noPulseTimeoutMs = options.NoPulseTimeoutMs;
            modulus = options.CounterModulus;
            windowTimesMs = new long[options.RateWindowSamples];
            windowCounts = new long[options.RateWindowSamples];
        }

        public int Pin { get { return pin; } }

        public double UnitsPerPulse { get { return unitsPerPulse; } }

        /// <summary>Whether <see cref="Start"/> was called (and not <see cref="Stop"/>).</summary>
        public bool IsStarted { get { lock (sync) { return started; } } }

        /// <summary>The running total in engineering units (the unit of UnitsPerPulse): persist this one.</summary>
        public double TotalUnits
        {
            get { lock (sync) { return offsetUnits + countedPulses * unitsPerPulse; } }
        }

        /// <summary>The total carried over from before this start (see <see cref="RestoreTotalUnits"/>).</summary>
        public double OffsetUnits { get { lock (sync) { return offsetUnits; } } }

        /// <summary>Pulses counted since <see cref="Start"/>, unwrapped (continues through counter wrap-around and restarts).</summary>
        public long CountedPulses { get { lock (sync) { return countedPulses; } } }

        /// <summary>Flow or power in engineering units per hour (Nm³/h, Wh/h = W); 0 when stopped.</summary>
        public double RateUnitsPerHour { get { lock (sync) { return rateUnitsPerHour; } } }

        /// <summary>Good after a successful read; Missing before the first one and while reads fail (values held).</summary>
        public PointQuality Quality { get { lock (sync) { return quality; } } }

        /// <summary>Whether a read ever succeeded since <see cref="Start"/>.</summary>
        public bool EverRead { get { lock (sync) { return everRead; } } }

        /// <summary>Monotonic ms of the sample that first saw the latest pulse (the start time until the first pulse).</summary>
        public long LastPulseMs { get { lock (sync) { return lastPulseMs; } } }

        /// <summary>Monotonic ms of the latest successful sample.</summary>
        public long LastSampleMs { get { lock (sync) { return lastSampleMs; } } }

        /// <summary>Times the counter wrapped around its modulus.</summary>
        public int CounterWraps { get { lock (sync) { return counterWraps; } } }

        /// <summary>Times the counter went backwards without a modulus (restarted at 0 under us).</summary>
        public int CounterResets { get { lock (sync) { return counterResets; } } }

        /// <summary>Failed counter reads since construction.</summary>
        public long ReadFailures { get { lock (sync) { return readFailures; } } }

        /// <summary>Why the latest read failed (null when the latest read succeeded).</summary>
        public string LastError { get { lock (sync) { return lastError; } } }

        /// <summary>Starts the counter on the pin (with the debounce) and the rate window; the count restarts at 0.
        /// Errors of the adapter (pin out of its range, pin busy) propagate as its <see cref="InputException"/>.</summary>
        public void Start()
        {
            lock (sync)
            {
                if (started)
                {
                    throw new InputException(fieldPrefix + ".pin", pin.ToString(), "this pulse meter is already started: Stop it first");
                }

                counter.Start(pin, debounceMs);
                long nowMs = clock.MonotonicMilliseconds;
                started = true;
                everRead = false;
                // The IPulseCounter contract counts from 0 at Start, so the baseline is 0: pulses that arrive
                // before the first sample are not lost.
                lastRaw = 0;
                lastPulseMs = nowMs;
                lastSampleMs = nowMs;
                rateUnitsPerHour = 0;
                quality = PointQuality.Missing;
                windowOldest = 0;
                windowSize = 0;
                Push(nowMs, countedPulses);
            }
        }

        /// <summary>Stops the counter. The total is kept; a later Start continues it (CountedPulses keeps growing).</summary>
        public void Stop()
        {
            lock (sync)
            {
                if (!started)
                {
                    return;
                }

                started = false;
                rateUnitsPerHour = 0;
                quality = PointQuality.Missing;
                counter.Stop(pin);
            }
        }

        /// <summary>
        /// Sets the total after a reboot (the value persisted from <see cref="TotalUnits"/>) or at commissioning (the
        /// meter's register reading): from now on TotalUnits = <paramref name="totalUnits"/> + pulses counted after this call.
        /// </summary>
        public void RestoreTotalUnits(double totalUnits)
        {
            if (double.IsNaN(totalUnits) || double.IsInfinity(totalUnits) || totalUnits < 0)
            {
                throw new InputException(fieldPrefix + ".totalUnits", InputException.Format(totalUnits),
                    "a finite total of 0 or more (the value saved from TotalUnits, or the meter's register reading)");
            }

            lock (sync)
            {
                offsetUnits = totalUnits - countedPulses * unitsPerPulse;
            }
        }

        /// <summary>
        /// Reads the counter and updates total, rate and quality. Returns false when the counter could not be read
        /// (quality Missing, values held, <see cref="LastError"/> says why). Allocation-free on success.
        /// </summary>
        public bool Sample()
        {
            lock (sync)
            {
                if (!started)
                {
                    return false;
                }

                long nowMs = clock.MonotonicMilliseconds;
                long raw;
                try
                {
                    raw = counter.ReadCount(pin);
                }
                catch (Exception e)
                {
                    // Any adapter failure (driver gone, pin closed) is a missing reading, not a crash of the runtime.
                    return Fail(e.Message);
                }

                if (raw < 0)
                {
                    return Fail("the counter returned a negative count");
                }

                if (modulus > 0)
                {
                    raw = raw % modulus;
                }

                long delta = raw - lastRaw;
                if (delta < 0)
                {
                    if (modulus > 0)
                    {
                        // A narrow hardware counter wrapped: it went past modulus - 1 back to 0.
                        delta += modulus;
                        counterWraps++;
                    }
                    else
                    {
                        // A 64-bit count cannot wrap: the counter restarted (adapter re-opened the pin). Everything it
                        // holds now arrived after the restart.
                        delta = raw;
                        counterResets++;
                    }
                }

                lastRaw = raw;
                everRead = true;
                quality = PointQuality.Good;
                lastError = null;
                lastSampleMs = nowMs;
                if (delta > 0)
                {
                    countedPulses += delta;
                    lastPulseMs = nowMs;
                }

                Push(nowMs, countedPulses);
                rateUnitsPerHour = ComputeRate(nowMs);
                return true;
            }
        }

        private bool Fail(string why)
        {
            readFailures++;
            quality = PointQuality.Missing;
            lastError = why;
            return false;
        }

        private void Push(long nowMs, long count)
        {
            int capacity = windowTimesMs.Length;
            if (windowSize > 0)
            {
                int newest = (windowOldest + windowSize - 1) % capacity;
                if (windowTimesMs[newest] == nowMs)
                {
                    // Two samples in the same ms: keep one point, so the span is never zero.
                    windowCounts[newest] = count;
                    Trim(nowMs);
                    return;
                }
            }

            if (windowSize == capacity)
            {
                windowOldest = (windowOldest + 1) % capacity;
                windowSize--;
            }

            int slot = (windowOldest + windowSize) % capacity;
            windowTimesMs[slot] = nowMs;
            windowCounts[slot] = count;
            windowSize++;
            Trim(nowMs);
        }

        // Drops samples while the next one is still at or before the window start, so the oldest kept sample is the
        // last one at or before (now - window): the rate then spans at least the window once enough history exists.
        private void Trim(long nowMs)
        {
            int capacity = windowTimesMs.Length;
            long windowStartMs = nowMs - windowMs;
            while (windowSize >= 2 && windowTimesMs[(windowOldest + 1) % capacity] <= windowStartMs)
            {
                windowOldest = (windowOldest + 1) % capacity;
                windowSize--;
            }
        }

        private double ComputeRate(long nowMs)
        {
            if (nowMs - lastPulseMs >= noPulseTimeoutMs)
            {
                return 0;
            }

            long spanMs = nowMs - windowTimesMs[windowOldest];
            if (spanMs <= 0)
            {
                return 0;
            }

            long pulses = countedPulses - windowCounts[windowOldest];
            return pulses * unitsPerPulse * MsPerHour / spanMs;
        }
    }
}
