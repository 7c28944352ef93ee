using System;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Boilers.SteadyState
{
    /// <summary>Why a window is or is not steady.</summary>
    public enum SteadyStateReason
    {
        /// <summary>Every sample within the limits.</summary>
        Steady = 0,

        /// <summary>The samples do not yet reach back over the whole window.</summary>
        NotEnoughData = 1,

        /// <summary>The ring buffer is full but spans less than the window: capacity too small for the sample rate.</summary>
        CapacityTooSmall = 2,

        /// <summary>A sample in the window has a missing (NaN) flue temperature or O₂.</summary>
        MissingValue = 3,

        /// <summary>A flue temperature deviates more than the limit from the window mean.</summary>
        FlueTemperatureUnstable = 4,

        /// <summary>An O₂ reading deviates more than the limit from the window mean.</summary>
        O2Unstable = 5,
    }

    /// <summary>
    /// Decides whether a period counts as steady state for the heat-loss method. Rule (EN 12953-11) [V]: over the test
    /// period every exhaust temperature lies within ±10 °C of its mean and every O₂ reading within ±0.5 percentage
    /// points of its mean. Samples go into a fixed-capacity ring buffer: <see cref="Add"/> never allocates.
    /// A window of W seconds is judged only when the buffer reaches back at least W before the newest sample; the
    /// samples with timestamps in [newest − W, newest] are judged. Size the capacity ≥ W / sample interval + 1.
    /// Not thread-safe: feed and evaluate from one thread (or lock outside).
    /// </summary>
    public sealed class SteadyStateDetector
    {
        /// <summary>EN 12953-11 limit for the exhaust temperature, ± °C around the mean [V].</summary>
        public const double En12953FlueTemperatureToleranceC = 10.0;

        /// <summary>EN 12953-11 limit for O₂, ± percentage points around the mean [V].</summary>
        public const double En12953O2TolerancePoints = 0.5;

        private readonly long[] _ticks;
        private readonly double[] _flueC;
        private readonly double[] _o2;
        private readonly long _windowTicks;
        private int _next;
        private int _count;

        /// <summary>Detector with the EN 12953-11 limits.</summary>
        /// <param name="capacity">samples kept (≥ 2)</param>
        /// <param name="windowSeconds">the test period judged, s (&gt; 0)</param>
        public SteadyStateDetector(int capacity, double windowSeconds)
            : this(capacity, windowSeconds, En12953FlueTemperatureToleranceC, En12953O2TolerancePoints)
        {
        }

        /// <summary>Detector with custom limits (e.g. a site's own acceptance rule).</summary>
        public SteadyStateDetector(int capacity, double windowSeconds, double flueTemperatureToleranceC,
            double o2TolerancePoints)
        {
            if (capacity < 2 || capacity > 1000000)
            {
                throw new InputException("steadyState.capacity", capacity.ToString(), "from 2 to 1 000 000 samples");
            }

            if (double.IsNaN(windowSeconds) || double.IsInfinity(windowSeconds) || windowSeconds <= 0.0
                || windowSeconds > 7.0 * 86400.0)
            {
                throw new InputException("steadyState.windowSeconds", Text(windowSeconds),
                    "a window greater than 0 s and at most 7 days");
            }

            if (double.IsNaN(flueTemperatureToleranceC) || flueTemperatureToleranceC <= 0.0)
            {
                throw new InputException("steadyState.flueTemperatureToleranceC", Text(flueTemperatureToleranceC),
                    "a tolerance greater than 0 °C (EN 12953-11: 10)");
            }

            if (double.IsNaN(o2TolerancePoints) || o2TolerancePoints <= 0.0)
            {
                throw new InputException("steadyState.o2TolerancePoints", Text(o2TolerancePoints),
                    "a tolerance greater than 0 percentage points (EN 12953-11: 0.5)");
            }

            _ticks = new long[capacity];
            _flueC = new double[capacity];
            _o2 = new double[capacity];
            _windowTicks = (long)(windowSeconds * TimeSpan.TicksPerSecond);
            WindowSeconds = windowSeconds;
            FlueTemperatureToleranceC = flueTemperatureToleranceC;
            O2TolerancePoints = o2TolerancePoints;
            Reason = SteadyStateReason.NotEnoughData;
            ResetStatistics();
        }

        public double WindowSeconds { get; }

        public double FlueTemperatureToleranceC { get; }

        public double O2TolerancePoints { get; }

        public int Capacity
        {
            get { return _ticks.Length; }
        }

        /// <summary>Samples currently held (≤ capacity).</summary>
        public int Count
        {
            get { return _count; }
        }

        // ---- outcome of the last Evaluate() ----

        /// <summary>Result of the last <see cref="Evaluate"/>.</summary>
        public bool IsSteady { get; private set; }

        public SteadyStateReason Reason { get; private set; }

        /// <summary>Samples judged in the last evaluation (those inside the window).</summary>
        public int SamplesInWindow { get; private set; }

        public double MeanFlueTemperatureC { get; private set; }

        public double MeanO2Percent { get; private set; }

        /// <summary>Largest |t − mean| in the window, °C.</summary>
        public double MaxFlueTemperatureDeviationC { get; private set; }

        /// <summary>Largest |O₂ − mean| in the window, percentage points.</summary>
        public double MaxO2DeviationPoints { get; private set; }

        /// <summary>Timestamp of the sample with the largest offending deviation (or of the newest sample).</summary>
        public DateTime OffendingSampleUtc { get; private set; }

        /// <summary>
        /// Adds a sample. Timestamps must not go backwards (equal is allowed). NaN readings are stored (a sensor
        /// fault) and make every window containing them unsteady.
        /// </summary>
        public void Add(DateTime timestampUtc, double flueTemperatureC, double o2Percent)
        {
            long ticks = timestampUtc.Ticks;
            if (_count > 0)
            {
                long newest = _ticks[(_next - 1 + _ticks.Length) % _ticks.Length];
                if (ticks < newest)
                {
                    throw new InputException("steadyState.timestamp", timestampUtc.ToString("o"),
                        "samples must be added in time order (not before the previous sample "
                        + new DateTime(newest).ToString("o") + ")");
                }
            }

            _ticks[_next] = ticks;
            _flueC[_next] = flueTemperatureC;
            _o2[_next] = o2Percent;
            _next = (_next + 1) % _ticks.Length;
            if (_count < _ticks.Length)
            {
                _count++;
            }
        }

        /// <summary>Forgets all samples (e.g. after a burner trip).</summary>
        public void Clear()
        {
            _count = 0;
            _next = 0;
            IsSteady = false;
            Reason = SteadyStateReason.NotEnoughData;
            ResetStatistics();
        }

        /// <summary>
        /// Judges the window ending at the newest sample and stores the outcome in the properties above.
        /// Allocation-free; <see cref="ReasonText"/> builds the message on demand.
        /// </summary>
        public bool Evaluate()
        {
            ResetStatistics();
            IsSteady = false;
            if (_count == 0)
            {
                Reason = SteadyStateReason.NotEnoughData;
                return false;
            }

            int newestIndex = (_next - 1 + _ticks.Length) % _ticks.Length;
            int oldestIndex = (_next - _count + _ticks.Length) % _ticks.Length;
            long newest = _ticks[newestIndex];
            long windowStart = newest - _windowTicks;
            OffendingSampleUtc = new DateTime(newest);
            if (_ticks[oldestIndex] > windowStart)
            {
                Reason = _count == _ticks.Length ? SteadyStateReason.CapacityTooSmall : SteadyStateReason.NotEnoughData;
                return false;
            }

            // Pass 1: means over the samples inside the window (walking back from the newest).
            double sumFlue = 0.0, sumO2 = 0.0;
            int n = 0;
            for (int k = 0; k < _count; k++)
            {
                int i = (newestIndex - k + _ticks.Length) % _ticks.Length;
                if (_ticks[i] < windowStart)
                {
                    break;
                }

                if (double.IsNaN(_flueC[i]) || double.IsNaN(_o2[i]) || double.IsInfinity(_flueC[i])
                    || double.IsInfinity(_o2[i]))
                {
                    SamplesInWindow = n + 1;
                    OffendingSampleUtc = new DateTime(_ticks[i]);
                    Reason = SteadyStateReason.MissingValue;
                    return false;
                }

                sumFlue += _flueC[i];
                sumO2 += _o2[i];
                n++;
            }

            SamplesInWindow = n;
            if (n < 2)
            {
                Reason = SteadyStateReason.NotEnoughData;
                return false;
            }

            double meanFlue = sumFlue / n;
            double meanO2 = sumO2 / n;
            MeanFlueTemperatureC = meanFlue;
            MeanO2Percent = meanO2;

            // Pass 2: largest deviations.
            double maxFlue = 0.0, maxO2 = 0.0;
            long worstFlueTicks = newest, worstO2Ticks = newest;
            for (int k = 0; k < n; k++)
            {
                int i = (newestIndex - k + _ticks.Length) % _ticks.Length;
                double df = Math.Abs(_flueC[i] - meanFlue);
                double dox = Math.Abs(_o2[i] - meanO2);
                if (df > maxFlue)
                {
                    maxFlue = df;
                    worstFlueTicks = _ticks[i];
                }

                if (dox > maxO2)
                {
                    maxO2 = dox;
                    worstO2Ticks = _ticks[i];
                }
            }

            MaxFlueTemperatureDeviationC = maxFlue;
            MaxO2DeviationPoints = maxO2;
            if (maxFlue > FlueTemperatureToleranceC)
            {
                Reason = SteadyStateReason.FlueTemperatureUnstable;
                OffendingSampleUtc = new DateTime(worstFlueTicks);
                return false;
            }

            if (maxO2 > O2TolerancePoints)
            {
                Reason = SteadyStateReason.O2Unstable;
                OffendingSampleUtc = new DateTime(worstO2Ticks);
                return false;
            }

            Reason = SteadyStateReason.Steady;
            IsSteady = true;
            return true;
        }

        /// <summary>The last evaluation's outcome in one sentence (allocates; call it for display, not per sample).</summary>
        public string ReasonText()
        {
            switch (Reason)
            {
                case SteadyStateReason.Steady:
                    return "steady: " + SamplesInWindow + " samples over " + WindowSeconds.ToString("F0")
                        + " s, flue temperature within ±" + MaxFlueTemperatureDeviationC.ToString("F1") + " °C of "
                        + MeanFlueTemperatureC.ToString("F1") + " °C, O₂ within ±" + MaxO2DeviationPoints.ToString("F2")
                        + " points of " + MeanO2Percent.ToString("F2") + " % (EN 12953-11 limits ±"
                        + FlueTemperatureToleranceC.ToString("F1") + " °C, ±" + O2TolerancePoints.ToString("F2") + ")";
                case SteadyStateReason.NotEnoughData:
                    return "not enough data: the samples do not yet cover the " + WindowSeconds.ToString("F0") + " s window";
                case SteadyStateReason.CapacityTooSmall:
                    return "the buffer of " + Capacity + " samples spans less than the " + WindowSeconds.ToString("F0")
                        + " s window: raise the capacity or lower the sample rate";
                case SteadyStateReason.MissingValue:
                    return "a sample at " + OffendingSampleUtc.ToString("o")
                        + " has no flue temperature or O₂ value (sensor fault)";
                case SteadyStateReason.FlueTemperatureUnstable:
                    return "flue temperature deviates " + MaxFlueTemperatureDeviationC.ToString("F1")
                        + " °C from its mean " + MeanFlueTemperatureC.ToString("F1") + " °C (limit ±"
                        + FlueTemperatureToleranceC.ToString("F1") + " °C, EN 12953-11) at "
                        + OffendingSampleUtc.ToString("o");
                case SteadyStateReason.O2Unstable:
                    return "O₂ deviates " + MaxO2DeviationPoints.ToString("F2") + " points from its mean "
                        + MeanO2Percent.ToString("F2") + " % (limit ±" + O2TolerancePoints.ToString("F2")
                        + " points, EN 12953-11) at " + OffendingSampleUtc.ToString("o");
                default:
                    return "unknown";
            }
        }

        private void ResetStatistics()
        {
            SamplesInWindow = 0;
            MeanFlueTemperatureC = double.NaN;
            MeanO2Percent = double.NaN;
            MaxFlueTemperatureDeviationC = double.NaN;
            MaxO2DeviationPoints = double.NaN;
        }

        private static string Text(double value)
        {
            return double.IsNaN(value) ? "missing" : InputException.Format(value);
        }
    }
}
