using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Edge
{
    /// <summary>
    /// The current values of one piece of equipment (a boiler, motor or transformer), one slot per measurement code of
    /// the wire vocabulary (<see cref="Measurements"/>): value, quality, Unix time in ms, and whether it was ever set.
    /// Fixed size (one slot per vocabulary code, about 18 bytes each) and allocation-free after construction; codes map to slots through one
    /// static table shared by all sets. Filled by the runtime from poll results and pulse counters, read by the
    /// calculators (which also write their results back here) and by the report builder.
    /// Not thread-safe: fill, calculate and report from one loop.
    /// </summary>
    public sealed class MeasurementSet
    {
        /// <summary>Codes at or above this are not in the slot table (v1 codes end at 69).</summary>
        public const int MaxCode = 127;

        private static readonly sbyte[] slotOfCode = BuildSlotTable();

        private readonly double[] values;
        private readonly PointQuality[] qualities;
        private readonly long[] timesMs;
        private readonly bool[] present;

        public MeasurementSet(string equipmentId)
        {
            Identifiers.Check("equipmentId", equipmentId);
            EquipmentId = equipmentId;
            int n = Measurements.Count;
            values = new double[n];
            qualities = new PointQuality[n];
            timesMs = new long[n];
            present = new bool[n];
            ClearAll();
        }

        /// <summary>The equipment id that goes on the wire (1–32 ASCII letters, digits, '-', '_', '.').</summary>
        public string EquipmentId { get; }

        /// <summary>Number of slots (= <see cref="Measurements.Count"/>).</summary>
        public int SlotCount { get { return values.Length; } }

        /// <summary>The slot of a code, or -1 when unknown.</summary>
        public static int SlotOf(int code)
        {
            return code >= 0 && code <= MaxCode ? slotOfCode[code] : -1;
        }

        /// <summary>The code stored in a slot.</summary>
        public static int CodeAtSlot(int slot)
        {
            return Measurements.CodeAt(slot);
        }

        /// <summary>Stores a value. Throws <see cref="InputException"/> for a code outside the vocabulary (a configuration error).</summary>
        public void Set(int code, double value, PointQuality quality, long unixMs)
        {
            int slot = SlotOf(code);
            if (slot < 0)
            {
                throw new InputException("measurementCode", code.ToString(), "a measurement code of the wire vocabulary (shared/WIRE.md, Measurements.cs)");
            }

            values[slot] = value;
            qualities[slot] = quality;
            timesMs[slot] = unixMs;
            present[slot] = true;
        }

        /// <summary>Forgets one value (the point is no longer reported).</summary>
        public void Clear(int code)
        {
            int slot = SlotOf(code);
            if (slot >= 0)
            {
                ClearSlot(slot);
            }
        }

        public void ClearAll()
        {
            for (int i = 0; i < values.Length; i++)
            {
                ClearSlot(i);
            }
        }

        /// <summary>Whether the code was ever set (and not cleared).</summary>
        public bool Has(int code)
        {
            int slot = SlotOf(code);
            return slot >= 0 && present[slot];
        }

        /// <summary>The value, NaN when never set.</summary>
        public double Value(int code)
        {
            int slot = SlotOf(code);
            return slot >= 0 ? values[slot] : double.NaN;
        }

        /// <summary>The quality, Missing when never set.</summary>
        public PointQuality Quality(int code)
        {
            int slot = SlotOf(code);
            return slot >= 0 && present[slot] ? qualities[slot] : PointQuality.Missing;
        }

        /// <summary>Unix time (ms) of the value, 0 when never set.</summary>
        public long TimestampMs(int code)
        {
            int slot = SlotOf(code);
            return slot >= 0 ? timesMs[slot] : 0;
        }

        /// <summary>
        /// A value a calculator may use: set, quality Good (or Calculated, for a value another calculator produced),
        /// and a finite number.
        /// </summary>
        public bool IsUsable(int code)
        {
            int slot = SlotOf(code);
            if (slot < 0 || !present[slot])
            {
                return false;
            }

            PointQuality q = qualities[slot];
            double v = values[slot];
            return (q == PointQuality.Good || q == PointQuality.Calculated) && !double.IsNaN(v) && !double.IsInfinity(v);
        }

        // ---- slot access for the report builder ----

        public bool PresentAt(int slot) { return present[slot]; }

        public double ValueAt(int slot) { return values[slot]; }

        public PointQuality QualityAt(int slot) { return qualities[slot]; }

        public long TimestampAt(int slot) { return timesMs[slot]; }

        private void ClearSlot(int slot)
        {
            values[slot] = double.NaN;
            qualities[slot] = PointQuality.Missing;
            timesMs[slot] = 0;
            present[slot] = false;
        }

        private static sbyte[] BuildSlotTable()
        {
            sbyte[] table = new sbyte[MaxCode + 1];
            for (int i = 0; i < table.Length; i++)
            {
                table[i] = -1;
            }

            for (int i = 0; i < Measurements.Count; i++)
            {
                table[Measurements.CodeAt(i)] = (sbyte)i;
            }

            return table;
        }
    }
}
