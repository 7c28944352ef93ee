using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Reporting
{
    /// <summary>Capability bits of the birth frame (which edge functions this gateway build and configuration provide).</summary>
    public static class Capabilities
    {
        public const uint BoilerEfficiency = 0x01;
        public const uint MotorEfficiency = 0x02;
        public const uint TransformerLosses = 0x04;
        public const uint PulseInputs = 0x08;
        public const uint HistoricalReplay = 0x10;
        public const uint RemoteConfiguration = 0x20;
        public const uint LocalStatusPage = 0x40;
    }

    /// <summary>Gap reasons (the gap frame's reason byte).</summary>
    public static class GapReasons
    {
        /// <summary>The persistent queue was full and dropped its oldest records (RecordStoreOptions: drop-oldest policy).</summary>
        public const byte QueueFullDropOldest = 1;
    }

    /// <summary>Who the gateway is: the birth frame body.</summary>
    public sealed class BirthInfo
    {
        public string FirmwareVersion = "";

        /// <summary>"linux-x64", "linux-arm64", "esp32", ...</summary>
        public string Platform = "";

        /// <summary>Hardware model of the gateway.</summary>
        public string DeviceModel = "";

        /// <summary>Hash of the running configuration, hex (as reported on config/reported).</summary>
        public string ConfigHash = "";

        public uint BootCounter;

        /// <summary>Bit set of <see cref="Capabilities"/>.</summary>
        public uint Capabilities;
    }

    /// <summary>Gap frame body: records the gateway had to drop before they were sent.</summary>
    public sealed class GapReport
    {
        public byte Reason;

        /// <summary>Records dropped since the previous gap frame.</summary>
        public long DroppedRecords;

        /// <summary>Records dropped since the gateway started.</summary>
        public long DroppedTotal;
    }

    /// <summary>Health frame body. The runtime fills free memory and bus counters; the report builder the rest.</summary>
    public sealed class HealthReport
    {
        public const int MaxBuses = 8;

        public long UptimeSeconds;

        /// <summary>Free managed memory, bytes; -1 when the platform does not tell.</summary>
        public long FreeMemoryBytes = -1;

        /// <summary>Buses reported (0 to <see cref="MaxBuses"/>), in configuration order.</summary>
        public int BusCount;

        public readonly long[] BusRequests = new long[MaxBuses];
        public readonly long[] BusTimeouts = new long[MaxBuses];
        public readonly long[] BusCrcErrors = new long[MaxBuses];
        public readonly long[] BusExceptions = new long[MaxBuses];

        /// <summary>Records in the persistent queue waiting for the broker's acknowledgement.</summary>
        public long BacklogRecords;

        /// <summary>Records dropped unsent since the gateway started (queue full).</summary>
        public long DroppedRecords;

        /// <summary>Records skipped when read because their checksum no longer held (media corruption).</summary>
        public long CorruptRecords;

        /// <summary>Bytes of a torn tail discarded when the queue was opened (power cut while writing).</summary>
        public long DiscardedTailBytes;

        /// <summary>Sets one bus's counters (index = bus order in the configuration); raises BusCount to cover it.</summary>
        public void SetBus(int index, long requests, long timeouts, long crcErrors, long exceptions)
        {
            if (index < 0 || index >= MaxBuses)
            {
                throw new InputException("health.bus", index.ToString(), "a bus index from 0 to " + (MaxBuses - 1).ToString());
            }

            BusRequests[index] = requests;
            BusTimeouts[index] = timeouts;
            BusCrcErrors[index] = crcErrors;
            BusExceptions[index] = exceptions;
            if (index >= BusCount)
            {
                BusCount = index + 1;
            }
        }

        /// <summary>Sets one bus's counters from its Modbus client.</summary>
        public void SetBus(int index, ModbusCounters counters)
        {
            SetBus(index, counters.Requests, counters.Timeouts, counters.CrcErrors, counters.Exceptions);
        }
    }

    /// <summary>A decoded telemetry body (fleet side and tests; decoding allocates).</summary>
    public sealed class TelemetryBody
    {
        public string EquipmentId = "";
        public int PointCount;
        public int[] Codes = new int[0];
        public PointQuality[] Qualities = new PointQuality[0];
        public double[] Values = new double[0];

        /// <summary>Index of a code in this body, or -1.</summary>
        public int IndexOf(int code)
        {
            for (int i = 0; i < PointCount; i++)
            {
                if (Codes[i] == code)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// Encoders and decoders of the frame bodies defined with the gateway runtime (shared/WIRE.md): telemetry, health,
    /// gap, birth, death. Encoders write a whole frame (header + body) into a reused <see cref="WireWriter"/> and
    /// allocate nothing; decoders read the body after <see cref="WireReader.ReadHeader"/> and ignore trailing bytes
    /// (a newer gateway may append fields). Birth and death frames carry sequence 0: they are not stored frames
    /// (birth is published retained after each connect, death is the MQTT will), so they never count in the
    /// per-boot sequence the fleet checks for gaps.
    /// </summary>
    public static class FrameEncoders
    {
        /// <summary>The most bytes one telemetry point can take: code varint (≤ 2) + quality byte + value (≤ 8).</summary>
        public const int MaxPointBytes = 11;

        /// <summary>The most bytes of a header: 4 bytes + boot varint (≤ 5) + sequence varint (≤ 10) + time varint (≤ 10).</summary>
        public const int MaxHeaderBytes = 29;

        /// <summary>The sequence number of frames outside the stored sequence (birth, death).</summary>
        public const ulong UnsequencedFrame = 0;

        // ---- telemetry (type 3) ----

        /// <summary>
        /// Starts a telemetry frame: header, equipment id, and a one-byte point count placeholder (at most 127
        /// points per frame). Returns the offset of the count byte; patch it with <see cref="FinishTelemetry"/>.
        /// </summary>
        public static int BeginTelemetry(WireWriter w, byte flags, uint bootCounter, ulong sequence, long unixMs, string equipmentId)
        {
            w.Reset();
            w.WriteHeader(MessageType.Telemetry, flags, bootCounter, sequence, unixMs);
            w.WriteAscii(equipmentId);
            int countOffset = w.Length;
            w.WriteByte(0);
            return countOffset;
        }

        /// <summary>Writes the point count into the placeholder (a one-byte varint: count ≤ 127).</summary>
        public static void FinishTelemetry(WireWriter w, int countOffset, int pointCount)
        {
            if (pointCount < 0 || pointCount > 127)
            {
                throw new InputException("pointCount", pointCount.ToString(), "0 to 127 points per telemetry frame");
            }

            w.Buffer[countOffset] = (byte)pointCount;
        }

        public static void ReadTelemetryBody(WireReader r, TelemetryBody into)
        {
            into.EquipmentId = r.ReadAscii();
            ulong n = r.ReadVarUInt();
            if (n > 1024)
            {
                throw new WireFormatException(r.Position, "point count " + n.ToString() + " exceeds what a frame can hold");
            }

            int count = (int)n;
            if (into.Codes.Length < count)
            {
                into.Codes = new int[count];
                into.Qualities = new PointQuality[count];
                into.Values = new double[count];
            }

            for (int i = 0; i < count; i++)
            {
                int code;
                PointQuality q;
                double v;
                r.ReadPoint(out code, out q, out v);
                into.Codes[i] = code;
                into.Qualities[i] = q;
                into.Values[i] = v;
            }

            into.PointCount = count;
        }

        // ---- health (type 4) ----

        public static void WriteHealth(WireWriter w, uint bootCounter, ulong sequence, long unixMs, HealthReport h)
        {
            w.Reset();
            w.WriteHeader(MessageType.Health, 0, bootCounter, sequence, unixMs);
            w.WriteVarUInt((ulong)NonNegative(h.UptimeSeconds));
            w.WriteVarInt(h.FreeMemoryBytes);
            int buses = h.BusCount < 0 ? 0 : h.BusCount > HealthReport.MaxBuses ? HealthReport.MaxBuses : h.BusCount;
            w.WriteVarUInt((ulong)buses);
            for (int i = 0; i < buses; i++)
            {
                w.WriteVarUInt((ulong)NonNegative(h.BusRequests[i]));
                w.WriteVarUInt((ulong)NonNegative(h.BusTimeouts[i]));
                w.WriteVarUInt((ulong)NonNegative(h.BusCrcErrors[i]));
                w.WriteVarUInt((ulong)NonNegative(h.BusExceptions[i]));
            }

            w.WriteVarUInt((ulong)NonNegative(h.BacklogRecords));
            w.WriteVarUInt((ulong)NonNegative(h.DroppedRecords));
            w.WriteVarUInt((ulong)NonNegative(h.CorruptRecords));
            w.WriteVarUInt((ulong)NonNegative(h.DiscardedTailBytes));
        }

        public static void ReadHealthBody(WireReader r, HealthReport into)
        {
            into.UptimeSeconds = (long)r.ReadVarUInt();
            into.FreeMemoryBytes = r.ReadVarInt();
            ulong buses = r.ReadVarUInt();
            if (buses > HealthReport.MaxBuses)
            {
                throw new WireFormatException(r.Position, "bus count " + buses.ToString() + " exceeds " + HealthReport.MaxBuses.ToString());
            }

            into.BusCount = (int)buses;
            for (int i = 0; i < into.BusCount; i++)
            {
                into.BusRequests[i] = (long)r.ReadVarUInt();
                into.BusTimeouts[i] = (long)r.ReadVarUInt();
                into.BusCrcErrors[i] = (long)r.ReadVarUInt();
                into.BusExceptions[i] = (long)r.ReadVarUInt();
            }

            into.BacklogRecords = (long)r.ReadVarUInt();
            into.DroppedRecords = (long)r.ReadVarUInt();
            into.CorruptRecords = (long)r.ReadVarUInt();
            into.DiscardedTailBytes = (long)r.ReadVarUInt();
        }

        // ---- gap (type 5) ----

        public static void WriteGap(WireWriter w, uint bootCounter, ulong sequence, long unixMs, byte reason, long droppedRecords, long droppedTotal)
        {
            w.Reset();
            w.WriteHeader(MessageType.Gap, 0, bootCounter, sequence, unixMs);
            w.WriteByte(reason);
            w.WriteVarUInt((ulong)NonNegative(droppedRecords));
            w.WriteVarUInt((ulong)NonNegative(droppedTotal));
        }

        public static void ReadGapBody(WireReader r, GapReport into)
        {
            into.Reason = r.ReadByte();
            into.DroppedRecords = (long)r.ReadVarUInt();
            into.DroppedTotal = (long)r.ReadVarUInt();
        }

        // ---- birth (type 1) ----

        /// <summary>Writes a birth frame (sequence 0, flags 0). Throws InputException for strings over 255 characters.</summary>
        public static void WriteBirth(WireWriter w, long unixMs, BirthInfo b)
        {
            w.Reset();
            w.WriteHeader(MessageType.Birth, 0, b.BootCounter, UnsequencedFrame, unixMs);
            w.WriteAscii(b.FirmwareVersion);
            w.WriteAscii(b.Platform);
            w.WriteAscii(b.DeviceModel);
            w.WriteAscii(b.ConfigHash);
            w.WriteVarUInt(b.BootCounter);
            w.WriteVarUInt(b.Capabilities);
        }

        public static void ReadBirthBody(WireReader r, BirthInfo into)
        {
            into.FirmwareVersion = r.ReadAscii();
            into.Platform = r.ReadAscii();
            into.DeviceModel = r.ReadAscii();
            into.ConfigHash = r.ReadAscii();
            ulong boot = r.ReadVarUInt();
            if (boot > uint.MaxValue)
            {
                throw new WireFormatException(r.Position, "boot counter exceeds 32 bits");
            }

            into.BootCounter = (uint)boot;
            ulong caps = r.ReadVarUInt();
            into.Capabilities = (uint)(caps & 0xFFFFFFFFUL);
        }

        // ---- death (type 2) ----

        /// <summary>Writes a death frame (sequence 0): the MQTT will, set at connect.</summary>
        public static void WriteDeath(WireWriter w, long unixMs, uint bootCounter)
        {
            w.Reset();
            w.WriteHeader(MessageType.Death, 0, bootCounter, UnsequencedFrame, unixMs);
            w.WriteVarUInt(bootCounter);
        }

        public static uint ReadDeathBody(WireReader r)
        {
            ulong boot = r.ReadVarUInt();
            if (boot > uint.MaxValue)
            {
                throw new WireFormatException(r.Position, "boot counter exceeds 32 bits");
            }

            return (uint)boot;
        }

        /// <summary>Copies the current frame of a writer into a new array of its exact length (birth/death set-up only).</summary>
        public static byte[] ToArray(WireWriter w)
        {
            byte[] copy = new byte[w.Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = w.Buffer[i];
            }

            return copy;
        }

        private static long NonNegative(long value)
        {
            return value < 0 ? 0 : value;
        }
    }
}
