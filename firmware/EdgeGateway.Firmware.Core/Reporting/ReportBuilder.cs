using System;
using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Reporting
{
    /// <summary>When the report builder sends what.</summary>
    public sealed class ReportOptions
    {
        /// <summary>Every point of every equipment is sent (flag FullReport) at this interval, s; also at the first build.
        /// Same default as the configuration's reporting.fullReportIntervalS.</summary>
        public int FullReportIntervalS = Configuration.ReportingConfig.DefaultFullReportIntervalS;

        /// <summary>A health frame is stored at this interval, s; also at the first build.</summary>
        public int HealthIntervalS = Configuration.ReportingConfig.DefaultHealthIntervalS;

        /// <summary>Largest frame produced, bytes (≤ WireFormat.MaxFrameBytes; smaller only for tests or small MTUs).</summary>
        public int MaxFrameBytes = WireFormat.MaxFrameBytes;

        /// <summary>Equipment the builder can hold (the per-equipment state is allocated at AddEquipment, start-up only).</summary>
        public int MaxEquipment = 16;

        /// <summary>Flush (fsync) the store once after each build that stored frames (group commit).</summary>
        public bool FlushAfterBuild = true;

        /// <summary>Smallest allowed frame: header + a 32-character equipment id + count + one point.</summary>
        public const int MinFrameBytes = FrameEncoders.MaxHeaderBytes + 1 + WireFormat.MaxIdLength + 1 + FrameEncoders.MaxPointBytes;

        public void Validate()
        {
            if (FullReportIntervalS < 1)
            {
                throw new InputException("report.fullReportIntervalS", FullReportIntervalS.ToString(), "1 s or more (900 is usual)");
            }

            if (HealthIntervalS < 1)
            {
                throw new InputException("report.healthIntervalS", HealthIntervalS.ToString(), "1 s or more (300 is usual)");
            }

            if (MaxFrameBytes < MinFrameBytes || MaxFrameBytes > WireFormat.MaxFrameBytes)
            {
                throw new InputException("report.maxFrameBytes", MaxFrameBytes.ToString(),
                    "from " + MinFrameBytes.ToString() + " to " + WireFormat.MaxFrameBytes.ToString() + " bytes");
            }

            if (MaxEquipment < 1)
            {
                throw new InputException("report.maxEquipment", MaxEquipment.ToString(), "1 or more");
            }
        }
    }

    /// <summary>
    /// Turns the current values of every equipment into wire frames and appends them to the persistent queue:
    /// report by exception (a point goes out when its value moved by more than its deadband since it was last sent,
    /// or its quality changed), a periodic full report (every point, FlagFullReport), health frames, and gap frames
    /// when the queue had to drop records. Each cycle: the runtime fills the measurement sets and
    /// <see cref="Health"/>, runs the calculators, then calls <see cref="Build"/> once.
    ///
    /// Sequence numbers: per boot, the first stored frame is 1, +1 for every frame stored (telemetry, health, gap);
    /// the boot counter comes from the caller, which persists it. Frames larger than
    /// <see cref="ReportOptions.MaxFrameBytes"/> are split into several telemetry frames of the same equipment.
    /// Allocation-free after <see cref="AddEquipment"/>: one reused frame buffer, fixed per-equipment arrays.
    /// Not thread-safe: one loop owns it (and the RecordStore's appends).
    /// </summary>
    public sealed class ReportBuilder
    {
        private const int MaxPointsPerFrame = 127; // the count is one varint byte

        private readonly RecordStore store;
        private readonly ReportOptions options;
        private readonly DeadbandTable deadbands;
        private readonly WireWriter writer = new WireWriter(new byte[WireFormat.MaxFrameBytes]);
        private readonly MeasurementSet[] sets;
        private readonly double[][] sentValues;
        private readonly PointQuality[][] sentQualities;
        private readonly bool[][] sentEver;
        private readonly int[] selection = new int[Measurements.Count];
        private readonly long startMonotonicMs;
        private readonly HealthReport health = new HealthReport();
        private int equipmentCount;
        private long nextFullReportMs;
        private long nextHealthMs;
        private bool first = true;
        private bool forceFull;

        /// <param name="store">the opened persistent queue</param>
        /// <param name="bootCounter">this boot's counter (persisted and incremented by the runtime at every start)</param>
        /// <param name="options">intervals and frame size; null = defaults</param>
        /// <param name="deadbands">deadbands per code; null = defaults</param>
        /// <param name="startMonotonicMs">monotonic time of the gateway's start, for the uptime</param>
        public ReportBuilder(RecordStore store, uint bootCounter, ReportOptions options, DeadbandTable deadbands, long startMonotonicMs)
        {
            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }

            this.store = store;
            this.options = options ?? new ReportOptions();
            this.options.Validate();
            this.deadbands = deadbands ?? new DeadbandTable();
            BootCounter = bootCounter;
            this.startMonotonicMs = startMonotonicMs;
            int n = this.options.MaxEquipment;
            sets = new MeasurementSet[n];
            sentValues = new double[n][];
            sentQualities = new PointQuality[n][];
            sentEver = new bool[n][];
        }

        public uint BootCounter { get; }

        /// <summary>Sequence number of the last stored frame (0 before the first).</summary>
        public ulong LastSequence { get; private set; }

        /// <summary>Health figures; the runtime sets FreeMemoryBytes and the bus counters before <see cref="Build"/>.</summary>
        public HealthReport Health { get { return health; } }

        public DeadbandTable Deadbands { get { return deadbands; } }

        public int EquipmentCount { get { return equipmentCount; } }

        // ---- statistics (status page, benchmarks) ----

        public long FramesStored { get; private set; }

        public long TelemetryFramesStored { get; private set; }

        public long PointsSent { get; private set; }

        /// <summary>Points that were present but held back by their deadband.</summary>
        public long PointsSuppressed { get; private set; }

        /// <summary>Whether the last <see cref="Build"/> was a full report.</summary>
        public bool LastBuildWasFullReport { get; private set; }

        /// <summary>Registers an equipment's measurement set (start-up only: allocates its report state). Returns its index.</summary>
        public int AddEquipment(MeasurementSet set)
        {
            if (set == null)
            {
                throw new ArgumentNullException(nameof(set));
            }

            for (int i = 0; i < equipmentCount; i++)
            {
                if (sets[i].EquipmentId == set.EquipmentId)
                {
                    throw new InputException("equipmentId", set.EquipmentId, "must be unique across the gateway's equipment");
                }
            }

            if (equipmentCount == sets.Length)
            {
                throw new InputException("equipment", (equipmentCount + 1).ToString() + " items", "at most " + sets.Length.ToString() + " (raise report.maxEquipment)");
            }

            int slots = set.SlotCount;
            sets[equipmentCount] = set;
            sentValues[equipmentCount] = new double[slots];
            sentQualities[equipmentCount] = new PointQuality[slots];
            sentEver[equipmentCount] = new bool[slots];
            return equipmentCount++;
        }

        /// <summary>Makes the next <see cref="Build"/> a full report (e.g. after the fleet asked for one).</summary>
        public void RequestFullReport()
        {
            forceFull = true;
        }

        /// <summary>
        /// Stores this cycle's frames: a gap frame when the queue dropped records, telemetry per equipment (by
        /// exception, or everything when a full report is due), a health frame when due. Returns the number of frames
        /// stored. Flushes the store once at the end when frames were stored (see <see cref="ReportOptions.FlushAfterBuild"/>).
        /// </summary>
        /// <param name="monotonicMs">IClock.MonotonicMilliseconds (schedules)</param>
        /// <param name="unixMs">wall-clock time of the measurements, Unix ms UTC (frame time)</param>
        public int Build(long monotonicMs, long unixMs)
        {
            int stored = 0;
            long dropped = store.TakeDroppedSinceLastReport();
            if (dropped > 0)
            {
                FrameEncoders.WriteGap(writer, BootCounter, LastSequence + 1, unixMs, GapReasons.QueueFullDropOldest, dropped, store.DroppedRecords);
                StoreFrame();
                stored++;
            }

            bool full = first || forceFull || monotonicMs >= nextFullReportMs;
            if (full)
            {
                nextFullReportMs = monotonicMs + options.FullReportIntervalS * 1000L;
                forceFull = false;
            }

            LastBuildWasFullReport = full;
            for (int e = 0; e < equipmentCount; e++)
            {
                stored += BuildTelemetry(e, full, unixMs);
            }

            if (first || monotonicMs >= nextHealthMs)
            {
                nextHealthMs = monotonicMs + options.HealthIntervalS * 1000L;
                health.UptimeSeconds = (monotonicMs - startMonotonicMs) / 1000;
                health.BacklogRecords = store.BacklogRecords;
                health.DroppedRecords = store.DroppedRecords;
                health.CorruptRecords = store.CorruptRecordsSkipped;
                health.DiscardedTailBytes = store.DiscardedTailBytes;
                FrameEncoders.WriteHealth(writer, BootCounter, LastSequence + 1, unixMs, health);
                StoreFrame();
                stored++;
            }

            first = false;
            if (stored > 0 && options.FlushAfterBuild)
            {
                store.Flush();
            }

            return stored;
        }

        private int BuildTelemetry(int e, bool full, long unixMs)
        {
            MeasurementSet set = sets[e];
            double[] lastValue = sentValues[e];
            PointQuality[] lastQuality = sentQualities[e];
            bool[] ever = sentEver[e];

            // Select the points to send.
            int selected = 0;
            for (int slot = 0; slot < set.SlotCount; slot++)
            {
                if (!set.PresentAt(slot))
                {
                    continue;
                }

                if (full || !ever[slot] || set.QualityAt(slot) != lastQuality[slot]
                    || Moved(set.ValueAt(slot), lastValue[slot], deadbands.AtSlot(slot)))
                {
                    selection[selected++] = slot;
                }
                else
                {
                    PointsSuppressed++;
                }
            }

            if (selected == 0)
            {
                return 0;
            }

            byte flags = full ? WireFormat.FlagFullReport : (byte)0;
            int limit = options.MaxFrameBytes;
            int frames = 0;
            int next = 0;
            while (next < selected)
            {
                int countOffset = FrameEncoders.BeginTelemetry(writer, flags, BootCounter, LastSequence + 1, unixMs, set.EquipmentId);
                int firstInFrame = next;
                int inFrame = 0;

                // Conservative fit check (the largest point size) so WireWriter never overflows: no exception path.
                while (next < selected && inFrame < MaxPointsPerFrame && writer.Length + FrameEncoders.MaxPointBytes <= limit)
                {
                    int slot = selection[next];
                    writer.WritePoint(MeasurementSet.CodeAtSlot(slot), set.QualityAt(slot), set.ValueAt(slot));
                    next++;
                    inFrame++;
                }

                FrameEncoders.FinishTelemetry(writer, countOffset, inFrame);
                StoreFrame();
                TelemetryFramesStored++;
                frames++;

                // Remember what was sent only once it is in the queue.
                for (int k = firstInFrame; k < next; k++)
                {
                    int slot = selection[k];
                    lastValue[slot] = set.ValueAt(slot);
                    lastQuality[slot] = set.QualityAt(slot);
                    ever[slot] = true;
                }

                PointsSent += inFrame;
            }

            return frames;
        }

        private void StoreFrame()
        {
            store.Append(writer.Buffer, 0, writer.Length);
            LastSequence++;
            FramesStored++;
        }

        /// <summary>Moved by more than the deadband; a change between a number and NaN always counts.</summary>
        private static bool Moved(double value, double last, double deadband)
        {
            bool valueNaN = double.IsNaN(value);
            bool lastNaN = double.IsNaN(last);
            if (valueNaN || lastNaN)
            {
                return valueNaN != lastNaN;
            }

            if (double.IsInfinity(value) || double.IsInfinity(last))
            {
                return value != last;
            }

            return Math.Abs(value - last) > deadband;
        }
    }
}
