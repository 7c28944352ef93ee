namespace EdgeGateway.Firmware.Core.Modbus.Scheduling
{
    /// <summary>Quality of one polled value (what a consumer may do with <c>Values[i]</c>).</summary>
    public enum PointQuality
    {
        /// <summary>Never read yet; the value is NaN.</summary>
        NotRead = 0,
        /// <summary>Read in the last poll and within its plausible range.</summary>
        Good = 1,
        /// <summary>Read in the last poll but outside [MinPlausible, MaxPlausible] or not a number: wrong byte order or scale, or a faulty sensor.</summary>
        Implausible = 2,
        /// <summary>The last poll did not reach the device (timeout, bad frame, port failure); the value is the last one read.</summary>
        CommFailure = 3,
        /// <summary>The device answered the read with an exception (see DeviceStatus.LastExceptionCode); the value is the last one read.</summary>
        DeviceException = 4,
        /// <summary>A string point: not a number, read it with the client and RegisterDecoder.DecodeString.</summary>
        NotNumeric = 5,
    }
}
