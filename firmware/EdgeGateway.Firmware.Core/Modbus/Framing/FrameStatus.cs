namespace EdgeGateway.Firmware.Core.Modbus.Framing
{
    /// <summary>
    /// Outcome of checking a received frame (or of a whole request in <see cref="Client.ModbusClient"/>).
    /// Anything other than Ok and ModbusException means the bytes must not be used as data.
    /// </summary>
    public enum FrameStatus
    {
        Ok = 0,
        /// <summary>A well-formed exception response (function code | 0x80); the device answered "no".</summary>
        ModbusException = 1,
        /// <summary>No (complete) answer within the response timeout.</summary>
        Timeout = 2,
        /// <summary>The frame ended before its length said it should (or is shorter than any valid frame).</summary>
        ShortFrame = 3,
        /// <summary>RTU: the CRC-16 does not match.</summary>
        CrcError = 4,
        /// <summary>The answer names another unit id than the one asked.</summary>
        WrongUnit = 5,
        /// <summary>The answer carries another function code than the one asked.</summary>
        WrongFunction = 6,
        /// <summary>TCP: the MBAP transaction id is not the one of the request (typically a stale answer).</summary>
        WrongTransaction = 7,
        /// <summary>Byte count, MBAP length or protocol id inconsistent with the request or the frame.</summary>
        BadLength = 8,
        /// <summary>The port or connection failed (see TransportException).</summary>
        TransportError = 9,
    }
}
