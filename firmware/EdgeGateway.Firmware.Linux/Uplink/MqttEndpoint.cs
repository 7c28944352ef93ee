namespace EdgeGateway.Firmware.Linux.Uplink;

/// <summary>Where the gateway's uplink connects, and how it proves who the broker is.</summary>
public sealed class MqttEndpoint
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    /// <summary>Use TLS (1.2 or 1.3). With <see cref="CaCertificatePemPath"/> set, only a broker certificate that
    /// chains to that CA and names <see cref="Host"/> is accepted; without it the system's trust store decides.</summary>
    public bool UseTls { get; init; }

    public string? CaCertificatePemPath { get; init; }

    /// <summary>Connect, TLS handshake and CONNACK together must finish within this time.</summary>
    public int ConnectTimeoutMs { get; init; } = 10000;
}
