using System;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Core.Modbus.Registers
{
    /// <summary>
    /// Turns raw 16-bit registers into engineering values and back, for every <see cref="RegisterDataType"/> and
    /// <see cref="ByteOrder"/>. The byte order names where the bytes of the big-endian value A B C D (… H for 64 bits)
    /// land in the registers as read: word order is reversed for CDAB and DCBA, bytes within each register are swapped
    /// for BADC and DCBA. For 64-bit values the same two rules apply to four registers (CDAB = GH EF CD AB).
    /// For 16-bit types only the byte swap matters; for strings (two characters per register, first character in the
    /// high byte) only the byte swap applies too. Engineering value = raw × Scale + Offset.
    /// Allocation-free: floats are rebuilt from their bits (nanoFramework's BitConverter has no bit-cast for Single).
    /// </summary>
    public static class RegisterDecoder
    {
        /// <summary>True when the order reverses the register (word) order.</summary>
        public static bool SwapsWords(ByteOrder order)
        {
            return order == ByteOrder.CDAB || order == ByteOrder.DCBA;
        }

        /// <summary>True when the order swaps the two bytes inside each register.</summary>
        public static bool SwapsBytes(ByteOrder order)
        {
            return order == ByteOrder.BADC || order == ByteOrder.DCBA;
        }

        private static int Swap16(int word)
        {
            return ((word & 0xFF) << 8) | ((word >> 8) & 0xFF);
        }

        /// <summary>Assembles <paramref name="words"/> registers (1, 2 or 4) into the big-endian unsigned value they encode.</summary>
        public static ulong ReadBits(ushort[] registers, int offset, int words, ByteOrder order)
        {
            bool swapWords = SwapsWords(order);
            bool swapBytes = SwapsBytes(order);
            ulong value = 0;
            for (int i = 0; i < words; i++)
            {
                int word = registers[offset + (swapWords ? words - 1 - i : i)];
                if (swapBytes)
                {
                    word = Swap16(word);
                }

                value = (value << 16) | (uint)word;
            }

            return value;
        }

        /// <summary>Spreads the low 16 × <paramref name="words"/> bits of a big-endian value into registers.</summary>
        public static void WriteBits(ulong value, int words, ByteOrder order, ushort[] registers, int offset)
        {
            bool swapWords = SwapsWords(order);
            bool swapBytes = SwapsBytes(order);
            for (int i = 0; i < words; i++)
            {
                int word = (int)((value >> (16 * (words - 1 - i))) & 0xFFFF);
                if (swapBytes)
                {
                    word = Swap16(word);
                }

                registers[offset + (swapWords ? words - 1 - i : i)] = (ushort)word;
            }
        }

        /// <summary>
        /// The raw (unscaled) value of a numeric type at registers[offset]. Bit: register non-zero → 1. String: NaN
        /// (use DecodeString).
        /// </summary>
        public static double DecodeRaw(RegisterDataType type, ByteOrder order, ushort[] registers, int offset)
        {
            switch (type)
            {
                case RegisterDataType.Bit:
                    return registers[offset] != 0 ? 1.0 : 0.0;
                case RegisterDataType.Int16:
                    return (short)ReadBits(registers, offset, 1, order);
                case RegisterDataType.UInt16:
                    return (ushort)ReadBits(registers, offset, 1, order);
                case RegisterDataType.Int32:
                    return (int)(uint)ReadBits(registers, offset, 2, order);
                case RegisterDataType.UInt32:
                    return (uint)ReadBits(registers, offset, 2, order);
                case RegisterDataType.Float32:
                    return SingleBitsToDouble((uint)ReadBits(registers, offset, 2, order));
                case RegisterDataType.Float64:
                    return BitConverter.Int64BitsToDouble((long)ReadBits(registers, offset, 4, order));
                default:
                    return double.NaN;
            }
        }

        /// <summary>Engineering value of a register-kind point whose first register is registers[offset].</summary>
        public static double Decode(RegisterPoint point, ushort[] registers, int offset)
        {
            double raw;
            if (point.DataType == RegisterDataType.Bit && point.BitIndex >= 0)
            {
                raw = (registers[offset] >> point.BitIndex & 1) != 0 ? 1.0 : 0.0;
                return raw;
            }

            raw = DecodeRaw(point.DataType, point.Order, registers, offset);
            if (point.DataType == RegisterDataType.Bit)
            {
                return raw;
            }

            return (raw * point.Scale) + point.Offset;
        }

        /// <summary>Value of a coil or discrete input: 1 or 0 (bits are never scaled).</summary>
        public static double DecodeBit(bool[] bits, int offset)
        {
            return bits[offset] ? 1.0 : 0.0;
        }

        /// <summary>
        /// Decodes a string of <paramref name="registerCount"/> registers into dest; stops at the first NUL; trailing
        /// spaces are kept. Returns the number of characters written (bytes are taken as Latin-1 / ASCII).
        /// </summary>
        public static int DecodeString(ushort[] registers, int offset, int registerCount, ByteOrder order, char[] destination, int destinationOffset)
        {
            bool swapBytes = SwapsBytes(order);
            int written = 0;
            for (int i = 0; i < registerCount; i++)
            {
                int word = registers[offset + i];
                if (swapBytes)
                {
                    word = Swap16(word);
                }

                int first = (word >> 8) & 0xFF;
                if (first == 0)
                {
                    return written;
                }

                destination[destinationOffset + written++] = (char)first;
                int second = word & 0xFF;
                if (second == 0)
                {
                    return written;
                }

                destination[destinationOffset + written++] = (char)second;
            }

            return written;
        }

        /// <summary>Allocating convenience for tools: the string at registers[offset].</summary>
        public static string DecodeString(ushort[] registers, int offset, int registerCount, ByteOrder order)
        {
            char[] chars = new char[registerCount * 2];
            int count = DecodeString(registers, offset, registerCount, order, chars, 0);
            return new string(chars, 0, count);
        }

        /// <summary>
        /// Encodes text into <paramref name="registerCount"/> registers, NUL-padded. Throws InputException when the text is
        /// longer than the registers hold or has characters above 0xFF.
        /// </summary>
        public static void EncodeString(string text, ByteOrder order, ushort[] registers, int offset, int registerCount)
        {
            if (text == null)
            {
                text = string.Empty;
            }

            if (text.Length > registerCount * 2)
            {
                throw new InputException("string", text, "at most " + (registerCount * 2).ToString() + " characters fit in " + registerCount.ToString() + " registers: shorten it");
            }

            bool swapBytes = SwapsBytes(order);
            for (int i = 0; i < registerCount; i++)
            {
                int first = 2 * i < text.Length ? text[2 * i] : 0;
                int second = (2 * i) + 1 < text.Length ? text[(2 * i) + 1] : 0;
                if (first > 0xFF || second > 0xFF)
                {
                    throw new InputException("string", text, "only 8-bit (Latin-1) characters can be written to registers");
                }

                int word = (first << 8) | second;
                registers[offset + i] = (ushort)(swapBytes ? Swap16(word) : word);
            }
        }

        /// <summary>
        /// Encodes a raw (unscaled) value of a numeric type into registers; integers are rounded half away from zero.
        /// Throws InputException when the value does not fit the type. Returns the number of registers written.
        /// </summary>
        public static int EncodeRaw(RegisterDataType type, ByteOrder order, double raw, ushort[] registers, int offset)
        {
            if (double.IsNaN(raw))
            {
                throw new InputException("value", "NaN", "a number is needed to write " + TypeName(type));
            }

            switch (type)
            {
                case RegisterDataType.Bit:
                    registers[offset] = raw != 0 ? (ushort)1 : (ushort)0;
                    return 1;
                case RegisterDataType.Int16:
                    WriteBits((ulong)(ushort)(short)RoundChecked(raw, -32768.0, 32767.0, type), 1, order, registers, offset);
                    return 1;
                case RegisterDataType.UInt16:
                    WriteBits((ulong)RoundChecked(raw, 0.0, 65535.0, type), 1, order, registers, offset);
                    return 1;
                case RegisterDataType.Int32:
                    WriteBits((ulong)(uint)(int)RoundChecked(raw, -2147483648.0, 2147483647.0, type), 2, order, registers, offset);
                    return 2;
                case RegisterDataType.UInt32:
                    WriteBits((ulong)RoundChecked(raw, 0.0, 4294967295.0, type), 2, order, registers, offset);
                    return 2;
                case RegisterDataType.Float32:
                    if (!double.IsInfinity(raw) && (raw > 3.4028234663852886E+38 || raw < -3.4028234663852886E+38))
                    {
                        throw new InputException("value", InputException.Format(raw), "outside the float32 range ±3.4028235E+38");
                    }

                    WriteBits(DoubleToSingleBits(raw), 2, order, registers, offset);
                    return 2;
                case RegisterDataType.Float64:
                    WriteBits((ulong)BitConverter.DoubleToInt64Bits(raw), 4, order, registers, offset);
                    return 4;
                default:
                    throw new InputException("dataType", TypeName(type), "strings are written with EncodeString");
            }
        }

        /// <summary>Encodes an engineering value of a register-kind point: raw = (value − Offset) / Scale. Returns registers written.</summary>
        public static int Encode(RegisterPoint point, double value, ushort[] registers, int offset)
        {
            if (point.DataType == RegisterDataType.Bit)
            {
                return EncodeRaw(point.DataType, point.Order, value, registers, offset);
            }

            if (point.Scale == 0)
            {
                throw new InputException(point.Name + ".scale", "0", "a non-zero scale is needed to write a value");
            }

            return EncodeRaw(point.DataType, point.Order, (value - point.Offset) / point.Scale, registers, offset);
        }

        private static long RoundChecked(double raw, double min, double max, RegisterDataType type)
        {
            double rounded = raw >= 0 ? (double)(long)(raw + 0.5) : -(double)(long)(-raw + 0.5);
            if (double.IsInfinity(raw) || rounded < min || rounded > max)
            {
                throw new InputException("value", InputException.Format(raw), "does not fit " + TypeName(type) + " (" + InputException.Format(min) + " .. " + InputException.Format(max) + "): check the scale or the data type");
            }

            return (long)rounded;
        }

        /// <summary>Lower-case type name as used in profiles ("float32").</summary>
        public static string TypeName(RegisterDataType type)
        {
            switch (type)
            {
                case RegisterDataType.Bit: return "bit";
                case RegisterDataType.Int16: return "int16";
                case RegisterDataType.UInt16: return "uint16";
                case RegisterDataType.Int32: return "int32";
                case RegisterDataType.UInt32: return "uint32";
                case RegisterDataType.Float32: return "float32";
                case RegisterDataType.Float64: return "float64";
                default: return "string";
            }
        }

        /// <summary>IEEE 754 binary32 bits → the exact double value (handles zero, subnormals, infinities, NaN).</summary>
        public static double SingleBitsToDouble(uint bits)
        {
            long sign = (long)(bits >> 31) << 63;
            int exponent = (int)((bits >> 23) & 0xFF);
            long mantissa = bits & 0x7FFFFF;
            long doubleBits;
            if (exponent == 0xFF)
            {
                doubleBits = sign | (0x7FFL << 52) | (mantissa << 29);
            }
            else if (exponent == 0)
            {
                if (mantissa == 0)
                {
                    doubleBits = sign;
                }
                else
                {
                    // Subnormal: value = mantissa × 2^-149; normalise so the leading 1 becomes implicit.
                    int unbiased = -126;
                    while ((mantissa & 0x800000) == 0)
                    {
                        mantissa <<= 1;
                        unbiased--;
                    }

                    mantissa &= 0x7FFFFF;
                    doubleBits = sign | ((long)(unbiased + 1023) << 52) | (mantissa << 29);
                }
            }
            else
            {
                doubleBits = sign | ((long)(exponent - 127 + 1023) << 52) | (mantissa << 29);
            }

            return BitConverter.Int64BitsToDouble(doubleBits);
        }

        /// <summary>The IEEE 754 binary32 bits of value rounded to float (round to nearest even, as the cast does).</summary>
        public static uint DoubleToSingleBits(double value)
        {
            // The cast does the rounding; the widened float is then exactly representable, so taking its bits apart is exact.
            double exact = (float)value;
            long bits = BitConverter.DoubleToInt64Bits(exact);
            uint sign = (uint)((ulong)bits >> 63) << 31;
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0x7FF)
            {
                uint fraction = (uint)(mantissa >> 29);
                if (mantissa != 0 && fraction == 0)
                {
                    fraction = 0x400000;
                }

                return sign | (0xFFu << 23) | fraction;
            }

            if (exponent == 0)
            {
                return sign;
            }

            int unbiased = exponent - 1023;
            if (unbiased >= -126)
            {
                return sign | ((uint)(unbiased + 127) << 23) | (uint)(mantissa >> 29);
            }

            // Float subnormal: mantissa field = 1.m × 2^(unbiased + 149).
            long withLeadingOne = mantissa | (1L << 52);
            return sign | (uint)(withLeadingOne >> (-97 - unbiased));
        }
    }
}
