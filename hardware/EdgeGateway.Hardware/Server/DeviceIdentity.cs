namespace EdgeGateway.Hardware.Server;

/// <summary>The basic objects of "Read Device Identification" (function 43 / MEI 14): vendor, product code, revision.</summary>
public sealed class DeviceIdentity
{
    public DeviceIdentity(string vendorName, string productCode, string revision)
    {
        VendorName = vendorName;
        ProductCode = productCode;
        Revision = revision;
    }

    public string VendorName { get; }

    public string ProductCode { get; }

    public string Revision { get; }
}
