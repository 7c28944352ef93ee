namespace EdgeGateway.Firmware.Core.Modbus.Client
{
    /// <summary>
    /// Answer to FC 43/14 (Read Device Identification, "MODBUS Application Protocol V1.1b3" §6.21). Basic objects:
    /// 0 VendorName, 1 ProductCode, 2 MajorMinorRevision; regular/extended objects are kept by id when a device sends them.
    /// </summary>
    public sealed class DeviceIdentification
    {
        /// <summary>Object values by object id (0..255); null when the device did not send that object.</summary>
        public readonly string[] Objects = new string[256];

        /// <summary>The device's conformity level byte (0x01 basic, 0x02 regular, 0x03 extended; +0x80 individual access).</summary>
        public int ConformityLevel;

        /// <summary>How many 43/14 requests it took ("more follows" answers are followed up).</summary>
        public int Requests;

        public string VendorName => Objects[0];
        public string ProductCode => Objects[1];
        public string MajorMinorRevision => Objects[2];
    }
}
