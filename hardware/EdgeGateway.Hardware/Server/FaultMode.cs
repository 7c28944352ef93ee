namespace EdgeGateway.Hardware.Server;

/// <summary>How a simulated slave misbehaves on the wire (scenarios "exceptions", "timeout", "corrupt-crc").</summary>
public enum FaultMode
{
    None,

    /// <summary>Every request gets exception 04 (server device failure), as a device with a broken sensor board does.</summary>
    Exceptions,

    /// <summary>Requests are received and never answered: a dead or mis-addressed slave.</summary>
    Timeout,

    /// <summary>RTU: the answer's CRC is wrong (noise on the line). TCP has no CRC: the MBAP transaction id is wrong instead.</summary>
    CorruptCrc,
}
