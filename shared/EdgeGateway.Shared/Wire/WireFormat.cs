namespace EdgeGateway.Shared.Wire
{
    /// <summary>
    /// Constants of the EdgeGateway wire contract, version 1 (shared/WIRE.md is the specification).
    /// A frame is: magic 0xE6, version, message type, flags, then varint boot counter, varint sequence,
    /// varint Unix time in milliseconds, then the body of the message type. Integers are unsigned LEB128 varints
    /// (signed ones zig-zag encoded); floats are IEEE-754 little-endian. Identifiers are ASCII.
    /// </summary>
    public static class WireFormat
    {
        public const byte Magic = 0xE6;
        public const byte Version = 1;

        /// <summary>Topic root; the version is part of the topic so a v2 fleet can run beside v1 gateways.</summary>
        public const string TopicRoot = "egw/v1/";

        public const byte FlagHistorical = 0x01;
        public const byte FlagFullReport = 0x02;

        /// <summary>Largest frame a gateway produces; the device's buffers are sized by it.</summary>
        public const int MaxFrameBytes = 1024;

        /// <summary>Longest site, device or equipment identifier.</summary>
        public const int MaxIdLength = 32;
    }

    /// <summary>Message types; each has its own topic leaf (see <see cref="Topics"/>).</summary>
    public enum MessageType
    {
        Birth = 1,
        Death = 2,
        Telemetry = 3,
        Health = 4,
        Gap = 5,
        ConfigReported = 6,
    }

    /// <summary>How a point's value is encoded, stored in the top two bits of its quality byte.</summary>
    public enum ValueEncoding
    {
        Float32 = 0,
        Float64 = 1,
        SignedInteger = 2,
    }

    /// <summary>Point quality (low six bits of the quality byte); mirrors the sensor-health states the gateway reports.</summary>
    public enum PointQuality
    {
        Good = 0,
        Stuck = 1,
        OutOfRange = 2,
        Missing = 3,
        CommunicationFault = 4,
        Calculated = 5,
        NotSteady = 6,
    }
}
