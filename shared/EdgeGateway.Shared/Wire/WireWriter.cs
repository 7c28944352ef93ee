using System;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Wire
{
    /// <summary>
    /// Writes wire-contract frames into a caller-owned buffer without allocating, so a device with ~100 KB of heap
    /// can encode a report per poll cycle for months. Reuse one writer: <see cref="Reset"/> starts a new frame.
    /// </summary>
    public sealed class WireWriter
    {
        private readonly byte[] buffer;
        private int position;

        public WireWriter(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            this.buffer = buffer;
        }

        public byte[] Buffer { get { return buffer; } }

        /// <summary>Bytes written so far in the current frame.</summary>
        public int Length { get { return position; } }

        public void Reset()
        {
            position = 0;
        }

        /// <summary>Writes the frame header common to every message type.</summary>
        public void WriteHeader(MessageType type, byte flags, uint bootCounter, ulong sequence, long unixTimeMs)
        {
            WriteByte(WireFormat.Magic);
            WriteByte(WireFormat.Version);
            WriteByte((byte)type);
            WriteByte(flags);
            WriteVarUInt(bootCounter);
            WriteVarUInt(sequence);
            WriteVarUInt((ulong)unixTimeMs);
        }

        public void WriteByte(byte value)
        {
            Ensure(1);
            buffer[position++] = value;
        }

        public void WriteVarUInt(ulong value)
        {
            while (value >= 0x80)
            {
                WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            WriteByte((byte)value);
        }

        public void WriteVarInt(long value)
        {
            WriteVarUInt((ulong)((value << 1) ^ (value >> 63)));
        }

        public void WriteFloat32(float value)
        {
            Ensure(4);
            uint bits = SingleBits(value);
            buffer[position++] = (byte)bits;
            buffer[position++] = (byte)(bits >> 8);
            buffer[position++] = (byte)(bits >> 16);
            buffer[position++] = (byte)(bits >> 24);
        }

        public void WriteFloat64(double value)
        {
            Ensure(8);
            ulong bits = (ulong)BitConverter.DoubleToInt64Bits(value);
            for (int i = 0; i < 8; i++)
            {
                buffer[position++] = (byte)(bits >> (8 * i));
            }
        }

        /// <summary>Writes a length-prefixed ASCII string (identifiers, versions); other characters become '?'.</summary>
        public void WriteAscii(string value)
        {
            int n = value == null ? 0 : value.Length;
            if (n > 255)
            {
                throw new InputException("string", InputException.Format(n) + " characters", "strings on the wire are at most 255 ASCII characters");
            }

            WriteVarUInt((ulong)n);
            Ensure(n);
            for (int i = 0; i < n; i++)
            {
                char c = value[i];
                buffer[position++] = c < 0x20 || c > 0x7E ? (byte)'?' : (byte)c;
            }
        }

        /// <summary>
        /// Writes one measured point: its code, quality and value in the smallest encoding that keeps it exact
        /// enough: whole numbers up to 2^53 as zig-zag varints (energy counters); values a float32 holds exactly, or
        /// below 10^6 to 1 part in 10^7, as float32; everything else as float64.
        /// </summary>
        public void WritePoint(int measurementCode, PointQuality quality, double value)
        {
            WriteVarUInt((ulong)measurementCode);
            if (!double.IsNaN(value) && !double.IsInfinity(value) && value == Math.Floor(value) && value > -9007199254740992.0 && value < 9007199254740992.0)
            {
                WriteByte((byte)(((int)ValueEncoding.SignedInteger << 6) | (int)quality));
                WriteVarInt((long)value);
                return;
            }

            // float32 when it loses nothing (register values from float32 meters), or for engineering values below 10^6
            // where 7 significant digits exceed any instrument's accuracy. Totals and large values go as float64, so a
            // 123 456 789.5 kWh counter is not rounded by several kWh.
            float single = (float)value;
            double back = single;
            double magnitude = Math.Abs(value);
            if (double.IsNaN(value) || back == value || (magnitude < 1e6 && Math.Abs(back - value) <= magnitude * 1e-7))
            {
                WriteByte((byte)(((int)ValueEncoding.Float32 << 6) | (int)quality));
                WriteFloat32(single);
            }
            else
            {
                WriteByte((byte)(((int)ValueEncoding.Float64 << 6) | (int)quality));
                WriteFloat64(value);
            }
        }

        private void Ensure(int count)
        {
            if (position + count > buffer.Length)
            {
                throw new InputException("frame", InputException.Format(position + count) + " bytes",
                    "exceeds the " + InputException.Format(buffer.Length) + "-byte buffer; report fewer points per message");
            }
        }

        /// <summary>float → IEEE bits without BitConverter.SingleToInt32Bits (absent on nanoFramework) or unsafe code.</summary>
        internal static uint SingleBits(float value)
        {
            if (double.IsNaN(value))
            {
                return 0x7FC00000;
            }

            uint sign = value < 0 || (value == 0 && 1 / value < 0) ? 0x80000000u : 0u;
            double a = Math.Abs((double)value);
            if (a == 0)
            {
                return sign;
            }

            if (double.IsInfinity(a))
            {
                return sign | 0x7F800000;
            }

            // The float's exact value is representable as a double: take the double's bits and re-bias.
            long bits = BitConverter.DoubleToInt64Bits(a);
            int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
            ulong mantissa = (ulong)bits & 0xFFFFFFFFFFFFFUL;
            if (exponent >= -126)
            {
                return sign | ((uint)(exponent + 127) << 23) | (uint)(mantissa >> 29);
            }

            // Subnormal float: value = m × 2^-149.
            ulong full = mantissa | 0x10000000000000UL;
            int shift = 29 + (-126 - exponent);
            return sign | (uint)(full >> shift);
        }
    }
}
