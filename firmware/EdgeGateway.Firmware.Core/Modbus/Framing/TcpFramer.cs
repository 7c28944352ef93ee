namespace EdgeGateway.Firmware.Core.Modbus.Framing
{
    /// <summary>
    /// Modbus TCP framing ("MODBUS Messaging on TCP/IP Implementation Guide V1.0b", §3.1.3): a 7-byte MBAP header
    /// (transaction id, protocol id 0, length of unit + PDU, unit id) before the PDU; no CRC. Works on byte arrays only.
    /// </summary>
    public static class TcpFramer
    {
        public const int MbapLength = 7;

        /// <summary>The PDU starts right after the MBAP header.</summary>
        public const int PduOffset = MbapLength;

        /// <summary>MBAP + the largest PDU (253 bytes).</summary>
        public const int MaxAduLength = 260;

        /// <summary>Writes the MBAP header before a PDU already at adu[PduOffset]; returns the ADU length.</summary>
        public static int Finish(byte[] adu, int transactionId, byte unit, int pduLength)
        {
            ModbusPdu.WriteUInt16(adu, 0, transactionId & 0xFFFF);
            adu[2] = 0;
            adu[3] = 0;
            ModbusPdu.WriteUInt16(adu, 4, pduLength + 1);
            adu[6] = unit;
            return MbapLength + pduLength;
        }

        public static int TransactionId(byte[] adu)
        {
            return ModbusPdu.ReadUInt16(adu, 0);
        }

        public static byte Unit(byte[] adu)
        {
            return adu[6];
        }

        /// <summary>
        /// Checks an MBAP header (<paramref name="received"/> ≥ 7 bytes): protocol id 0 and a length field of 2..254
        /// (unit + at least a function code, at most a full PDU). Returns Ok with the total ADU length, else ShortFrame
        /// or BadLength (the stream is then out of step and the connection should be re-opened).
        /// </summary>
        public static FrameStatus CheckHeader(byte[] adu, int received, out int totalLength)
        {
            totalLength = 0;
            if (received < MbapLength)
            {
                return FrameStatus.ShortFrame;
            }

            int protocol = ModbusPdu.ReadUInt16(adu, 2);
            int length = ModbusPdu.ReadUInt16(adu, 4);
            if (protocol != 0 || length < 2 || length > MaxAduLength - 6)
            {
                return FrameStatus.BadLength;
            }

            totalLength = 6 + length;
            return FrameStatus.Ok;
        }

        /// <summary>
        /// Checks a complete response ADU: header, length, transaction id, unit. Returns Ok with the PDU length,
        /// else ShortFrame, BadLength, WrongTransaction or WrongUnit.
        /// </summary>
        public static FrameStatus Check(byte[] adu, int length, int transactionId, byte unit, out int pduLength)
        {
            pduLength = 0;
            int total;
            FrameStatus header = CheckHeader(adu, length, out total);
            if (header != FrameStatus.Ok)
            {
                return header;
            }

            if (length < total)
            {
                return FrameStatus.ShortFrame;
            }

            if (length > total)
            {
                return FrameStatus.BadLength;
            }

            if (TransactionId(adu) != (transactionId & 0xFFFF))
            {
                return FrameStatus.WrongTransaction;
            }

            if (adu[6] != unit)
            {
                return FrameStatus.WrongUnit;
            }

            pduLength = total - MbapLength;
            return FrameStatus.Ok;
        }

        /// <summary>
        /// True when <paramref name="received"/> is an earlier transaction id than <paramref name="expected"/> (modulo
        /// 65536, within half the range): the answer to a request that already timed out, to be discarded.
        /// </summary>
        public static bool IsStale(int received, int expected)
        {
            int behind = (expected - received) & 0xFFFF;
            return behind != 0 && behind < 0x8000;
        }
    }
}
