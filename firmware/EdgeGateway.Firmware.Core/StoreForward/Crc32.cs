namespace EdgeGateway.Firmware.Core.StoreForward
{
    /// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the per-record checksum of the queue.</summary>
    public static class Crc32
    {
        private static readonly uint[] table = BuildTable();

        public static uint Compute(byte[] data, int offset, int count)
        {
            return Append(0, data, offset, count);
        }

        /// <summary>Continues a CRC over more bytes (pass the previous result; 0 to start).</summary>
        public static uint Append(uint crc, byte[] data, int offset, int count)
        {
            uint c = ~crc;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
            }

            return ~c;
        }

        private static uint[] BuildTable()
        {
            uint[] t = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                t[n] = c;
            }

            return t;
        }
    }
}
