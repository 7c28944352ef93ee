using System;

namespace EdgeGateway.Shared.Wire
{
    /// <summary>A frame that does not follow the wire contract: says where (byte offset) and what was wrong.</summary>
    public class WireFormatException : Exception
    {
        public WireFormatException(int offset, string problem)
            : base("wire frame invalid at byte " + offset.ToString() + ": " + problem)
        {
            Offset = offset;
        }

        public int Offset { get; }
    }

    /// <summary>
    /// Reads wire-contract frames. Used by the fleet and by tests; it never trusts lengths from the wire: every read
    /// is bounds-checked and a truncated or malformed frame raises <see cref="WireFormatException"/>.
    /// </summary>
    public sealed class WireReader
    {
        private readonly byte[] buffer;
        private readonly int end;
        private int position;

        public WireReader(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentException("buffer range is outside the array");
            }

            this.buffer = buffer;
            position = offset;
            end = offset + count;
        }

        public int Position { get { return position; } }

        public bool AtEnd { get { return position >= end; } }

        public MessageType Type;
        public byte Flags;
        public uint BootCounter;
        public ulong Sequence;
        public long UnixTimeMs;

        public bool IsHistorical { get { return (Flags & WireFormat.FlagHistorical) != 0; } }

        /// <summary>Reads and checks the common header into the public fields.</summary>
        public void ReadHeader()
        {
            if (ReadByte() != WireFormat.Magic)
            {
                throw new WireFormatException(position - 1, "not an EdgeGateway frame (magic byte is not 0xE6)");
            }

            byte version = ReadByte();
            if (version != WireFormat.Version)
            {
                throw new WireFormatException(position - 1, "wire version " + version.ToString() + " is not supported by this reader (supports 1)");
            }

            byte type = ReadByte();
            if (type < (byte)MessageType.Birth || type > (byte)MessageType.ConfigReported)
            {
                throw new WireFormatException(position - 1, "unknown message type " + type.ToString());
            }

            Type = (MessageType)type;
            Flags = ReadByte();
            ulong boot = ReadVarUInt();
            if (boot > uint.MaxValue)
            {
                throw new WireFormatException(position, "boot counter exceeds 32 bits");
            }

            BootCounter = (uint)boot;
            Sequence = ReadVarUInt();
            UnixTimeMs = (long)ReadVarUInt();
        }

        public byte ReadByte()
        {
            if (position >= end)
            {
                throw new WireFormatException(position, "frame ends early");
            }

            return buffer[position++];
        }

        public ulong ReadVarUInt()
        {
            ulong result = 0;
            int shift = 0;
            while (true)
            {
                byte b = ReadByte();
                if (shift == 63 && b > 1)
                {
                    throw new WireFormatException(position - 1, "varint overflows 64 bits");
                }

                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }

                shift += 7;
                if (shift > 63)
                {
                    throw new WireFormatException(position, "varint longer than 10 bytes");
                }
            }
        }

        public long ReadVarInt()
        {
            ulong raw = ReadVarUInt();
            return (long)(raw >> 1) ^ -(long)(raw & 1);
        }

        public float ReadFloat32()
        {
            uint bits = (uint)(ReadByte() | (ReadByte() << 8) | (ReadByte() << 16) | (ReadByte() << 24));
            return SingleFromBits(bits);
        }

        public double ReadFloat64()
        {
            ulong bits = 0;
            for (int i = 0; i < 8; i++)
            {
                bits |= (ulong)ReadByte() << (8 * i);
            }

            return BitConverter.Int64BitsToDouble((long)bits);
        }

        public string ReadAscii()
        {
            ulong n = ReadVarUInt();
            if (n > 255 || position + (int)n > end)
            {
                throw new WireFormatException(position, "string length " + n.ToString() + " runs past the frame");
            }

            char[] chars = new char[(int)n];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)buffer[position++];
            }

            return new string(chars);
        }

        /// <summary>Reads one point written by <see cref="WireWriter.WritePoint"/>.</summary>
        public void ReadPoint(out int measurementCode, out PointQuality quality, out double value)
        {
            ulong code = ReadVarUInt();
            if (code > int.MaxValue)
            {
                throw new WireFormatException(position, "measurement code out of range");
            }

            measurementCode = (int)code;
            byte q = ReadByte();
            quality = (PointQuality)(q & 0x3F);
            int encoding = q >> 6;
            if (encoding == (int)ValueEncoding.Float32)
            {
                value = ReadFloat32();
            }
            else if (encoding == (int)ValueEncoding.Float64)
            {
                value = ReadFloat64();
            }
            else if (encoding == (int)ValueEncoding.SignedInteger)
            {
                value = ReadVarInt();
            }
            else
            {
                throw new WireFormatException(position - 1, "unknown value encoding " + encoding.ToString());
            }
        }

        internal static float SingleFromBits(uint bits)
        {
            bool negative = (bits & 0x80000000u) != 0;
            int exponent = (int)((bits >> 23) & 0xFF);
            uint mantissa = bits & 0x7FFFFF;
            double magnitude;
            if (exponent == 0xFF)
            {
                magnitude = mantissa == 0 ? double.PositiveInfinity : double.NaN;
            }
            else if (exponent == 0)
            {
                magnitude = mantissa * 1.4012984643248171e-45; // 2^-149
            }
            else
            {
                // (1.m) × 2^(e-127), built from IEEE double bits so it is exact.
                long doubleBits = ((long)(exponent - 127 + 1023) << 52) | ((long)mantissa << 29);
                magnitude = BitConverter.Int64BitsToDouble(doubleBits);
            }

            return (float)(negative ? -magnitude : magnitude);
        }
    }
}
