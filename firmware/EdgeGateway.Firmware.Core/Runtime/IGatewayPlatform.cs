using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Io;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Storage;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Firmware.Core.Uplink;

namespace EdgeGateway.Firmware.Core.Runtime
{
    /// <summary>
    /// Everything the portable <see cref="GatewayRuntime"/> needs from the machine it runs on: field buses, pulse
    /// inputs, persistent storage, the MQTT session, time and identity. Linux implements it with System.IO.Ports,
    /// sockets, files and MQTTnet; the ESP32 with its UART, GpioPulseCounter, littlefs and M2Mqtt; tests with fakes.
    /// The runtime never touches a platform API directly, so the same loops run everywhere.
    /// </summary>
    public interface IGatewayPlatform
    {
        /// <summary>"linux-x64", "linux-arm64", "esp32", ... (birth message).</summary>
        string PlatformName { get; }

        /// <summary>Firmware version, e.g. "0.1.0" (birth message, status page).</summary>
        string FirmwareVersion { get; }

        /// <summary>Hardware model of the gateway (birth message).</summary>
        string DeviceModel { get; }

        IClock Clock { get; }

        /// <summary>Resolves "profileRef" in configurations received from the fleet (Linux: hardware/devices); null on devices, where configurations are inline.</summary>
        IProfileResolver ProfileResolver { get; }

        /// <summary>Small blobs that survive a power cut (configuration, boot counter).</summary>
        IConfigStore ConfigStore { get; }

        /// <summary>The pulse counter for GPIO pulse inputs, or null when the platform has none.</summary>
        IPulseCounter PulseCounter { get; }

        /// <summary>The transport of one bus (not opened yet: the Modbus client opens it and re-opens it after a failure).</summary>
        IByteTransport OpenBus(BusConfig bus);

        /// <summary>The files of the store-and-forward queue at <see cref="StoreConfig.Path"/> (or the platform default).</summary>
        IStoreFiles OpenStoreFiles(StoreConfig store);

        /// <summary>The broker session for the uplink, or null when the uplink is disabled (no host configured).</summary>
        IMqttConnection CreateMqtt(UplinkConfig uplink);

        /// <summary>Why the last connect or publish of <paramref name="connection"/> failed, for the status page; null when unknown.</summary>
        string DescribeUplinkError(IMqttConnection connection);

        /// <summary>Free managed memory in bytes; -1 when the platform does not tell.</summary>
        long FreeMemoryBytes();

        /// <summary>Releases what the platform created for one runtime (transports, MQTT client, GPIO); called once by Stop.</summary>
        void Release();
    }
}
