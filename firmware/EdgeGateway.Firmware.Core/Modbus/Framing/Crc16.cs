namespace EdgeGateway.Firmware.Core.Modbus.Framing
{
    /// <summary>
    /// Modbus CRC-16 (polynomial 0xA001 reflected, initial value 0xFFFF), as defined in "Modbus over Serial Line
    /// Specification and Implementation Guide V1.02", §6.2.2. The CRC goes on the wire low byte first.
    /// Table-driven: one static 512-byte table, no allocation per call.
    /// </summary>
    public static class Crc16
    {
        private static readonly ushort[] Table = BuildTable();

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int i = 0; i < 256; i++)
            {
                int crc = i;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
                }

                table[i] = (ushort)crc;
            }

            return table;
        }

        /// <summary>CRC of <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static ushort Compute(byte[] data, int offset, int count)
        {
            int crc = 0xFFFF;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = (crc >> 8) ^ Table[(crc ^ data[i]) & 0xFF];
            }

            return (ushort)crc;
        }

        /// <summary>Writes the CRC of data[offset .. offset+count) right after it (low byte first); returns count + 2.</summary>
        public static int Append(byte[] data, int offset, int count)
        {
            ushort crc = Compute(data, offset, count);
            data[offset + count] = (byte)(crc & 0xFF);
            data[offset + count + 1] = (byte)(crc >> 8);
            return count + 2;
        }

        /// <summary>True when the last two of <paramref name="countWithCrc"/> bytes are the CRC of the bytes before them.</summary>
        public static bool Check(byte[] data, int offset, int countWithCrc)
        {
            if (countWithCrc < 3)
            {
                return false;
            }

            ushort crc = Compute(data, offset, countWithCrc - 2);
            int last = offset + countWithCrc;
            return data[last - 2] == (byte)(crc & 0xFF) && data[last - 1] == (byte)(crc >> 8);
        }
    }
}
