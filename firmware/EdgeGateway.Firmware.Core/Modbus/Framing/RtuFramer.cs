namespace EdgeGateway.Firmware.Core.Modbus.Framing
{
    /// <summary>
    /// Modbus RTU framing ("Modbus over Serial Line V1.02", §2.5): unit id, PDU, CRC-16 low byte first. A frame ends
    /// after a silent interval of 3.5 character times; this class computes it and, better, the exact expected length
    /// from the PDU header so a reader can stop as soon as the frame is complete. Works on byte arrays only.
    /// </summary>
    public static class RtuFramer
    {
        /// <summary>The PDU starts after the unit id.</summary>
        public const int PduOffset = 1;

        /// <summary>Largest RTU ADU (§2.5.1).</summary>
        public const int MaxAduLength = 256;

        /// <summary>Unit + function + exception code + CRC: the shortest valid response.</summary>
        public const int MinResponseLength = 5;

        /// <summary>Above 19200 baud the spec fixes t3.5 at 1750 µs and t1.5 at 750 µs (§2.5.1.1).</summary>
        public const int FixedSilentIntervalMicroseconds = 1750;

        /// <summary>Writes the unit id and the CRC around a PDU already at adu[PduOffset]; returns the ADU length.</summary>
        public static int Finish(byte[] adu, byte unit, int pduLength)
        {
            adu[0] = unit;
            return Crc16.Append(adu, 0, 1 + pduLength);
        }

        /// <summary>
        /// Bits on the wire per character: start + 8 data + parity (if any) + stop bits. The spec's default is 11
        /// (even parity, 1 stop, or no parity with 2 stops).
        /// </summary>
        public static int BitsPerCharacter(bool parity, int stopBits)
        {
            return 1 + 8 + (parity ? 1 : 0) + stopBits;
        }

        /// <summary>t3.5: the silent interval that separates frames, in microseconds.</summary>
        public static int SilentIntervalMicroseconds(int baud, int bitsPerCharacter)
        {
            if (baud > 19200)
            {
                return FixedSilentIntervalMicroseconds;
            }

            // 3.5 characters × bits × 1e6 / baud, computed in integers: 35 × bits × 100000 / baud.
            long numerator = 35L * bitsPerCharacter * 100000L;
            return (int)((numerator + baud - 1) / baud);
        }

        /// <summary>t3.5 rounded up to whole milliseconds (at least 1), the granularity transports work in.</summary>
        public static int SilentIntervalMilliseconds(int baud, int bitsPerCharacter)
        {
            int micros = SilentIntervalMicroseconds(baud, bitsPerCharacter);
            int ms = (micros + 999) / 1000;
            return ms < 1 ? 1 : ms;
        }

        /// <summary>Total ADU length of a response from its first bytes, or ModbusPdu.NeedMoreBytes / UnknownLength.</summary>
        public static int ExpectedResponseLength(byte[] adu, int received)
        {
            if (received < 2)
            {
                return ModbusPdu.NeedMoreBytes;
            }

            int pdu = ModbusPdu.ResponseLength(adu, PduOffset, received - PduOffset);
            return pdu < 0 ? pdu : 1 + pdu + 2;
        }

        /// <summary>Total ADU length of a request from its first bytes (for servers), or NeedMoreBytes / UnknownLength.</summary>
        public static int ExpectedRequestLength(byte[] adu, int received)
        {
            if (received < 2)
            {
                return ModbusPdu.NeedMoreBytes;
            }

            int pdu = ModbusPdu.RequestLength(adu, PduOffset, received - PduOffset);
            return pdu < 0 ? pdu : 1 + pdu + 2;
        }

        /// <summary>
        /// Checks a received ADU of <paramref name="length"/> bytes: long enough, CRC, unit. Returns Ok with the PDU at
        /// PduOffset and its length in <paramref name="pduLength"/>; otherwise ShortFrame, CrcError or WrongUnit. The CRC is
        /// checked before the unit: a corrupted unit byte is a CRC error, not another slave speaking.
        /// </summary>
        public static FrameStatus Check(byte[] adu, int length, byte unit, out int pduLength)
        {
            pduLength = 0;
            if (length < MinResponseLength)
            {
                return FrameStatus.ShortFrame;
            }

            int expected = ExpectedResponseLength(adu, length);
            if (expected > length)
            {
                return FrameStatus.ShortFrame;
            }

            if (!Crc16.Check(adu, 0, length))
            {
                return FrameStatus.CrcError;
            }

            if (adu[0] != unit)
            {
                return FrameStatus.WrongUnit;
            }

            pduLength = length - 3;
            return FrameStatus.Ok;
        }
    }
}
