using System.Collections;
using System.IO.Ports;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Io;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Firmware.Core.Storage;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Shared.Errors;
using nanoFramework.Runtime.Native;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>
    /// <see cref="IGatewayPlatform"/> on an ESP32: RTU buses on a UART in RS-485 mode (pins from the bus's
    /// txPin/rxPin/rtsPin), TCP buses on sockets, pulse inputs on the hardware pulse counter, the queue and the
    /// configuration on the littlefs partition I:\, M2Mqtt for the uplink. Configurations are inline on the device
    /// (no profile resolver). One instance per runtime: <see cref="Release"/> closes what it created.
    /// </summary>
    public sealed class NanoPlatform : IGatewayPlatform
    {
        public const string Version = "0.1.0";

        /// <summary>The queue's folder when store.path is not given.</summary>
        public const string DefaultStoreFolder = "I:\\store\\";

        /// <summary>
        /// Most queue bytes on the device: the 4 MB ESP32 layout has a 256 KB littlefs partition that also holds the
        /// configuration, certificates and littlefs' own blocks; half of it is left for those.
        /// </summary>
        public const long MaxStoreBytes = 128 * 1024;

        // A GC pass costs milliseconds; the runtime asks twice a second, so the figure is refreshed every 10 s.
        private const int FreeMemoryRefreshMs = 10000;

        private readonly ArrayList _transports = new ArrayList();
        private readonly object _memoryLock = new object();
        private M2MqttConnection _mqtt;
        private long _freeBytes = -1;
        private long _freeAtMs;

        public NanoPlatform(IConfigStore configStore, IClock clock)
        {
            ConfigStore = configStore;
            Clock = clock;
            PulseCounter = new Esp32PulseCounter();
        }

        public string PlatformName => "esp32";

        public string FirmwareVersion => Version;

        /// <summary>The nanoFramework firmware target, e.g. ESP32_PSRAM_REV0.</summary>
        public string DeviceModel => SystemInfo.TargetName;

        public IClock Clock { get; }

        public IProfileResolver ProfileResolver => null;

        public IConfigStore ConfigStore { get; }

        public IPulseCounter PulseCounter { get; }

        public IByteTransport OpenBus(BusConfig bus)
        {
            IByteTransport transport;
            if (bus.Kind == BusKind.Tcp)
            {
                transport = new TcpSocketTransport(bus.Host, bus.TcpPort);
            }
            else
            {
                SerialRs485Transport.AssignPins(bus.SerialPort, bus.TxPin, bus.RxPin, bus.RtsPin);
                Parity parity = bus.Parity == BusParity.None ? Parity.None : (bus.Parity == BusParity.Even ? Parity.Even : Parity.Odd);
                transport = new SerialRs485Transport(bus.SerialPort, bus.Baud, parity, bus.StopBits == 2 ? StopBits.Two : StopBits.One, Clock);
            }

            _transports.Add(transport);
            return transport;
        }

        public IStoreFiles OpenStoreFiles(StoreConfig store)
        {
            string folder = store.Path == null || store.Path.Length == 0 ? DefaultStoreFolder : store.Path;
            if (!folder.StartsWith("I:\\"))
            {
                throw new InputException("store.path", folder, "a folder on I:\\ (the internal littlefs partition), e.g. I:\\store; this application does not mount an SD card (D:)");
            }

            if (store.MaxTotalBytes > MaxStoreBytes)
            {
                throw new InputException("store.maxTotalBytes", store.MaxTotalBytes.ToString(),
                    "at most 131072 on an ESP32 (the littlefs partition is 256 KB and also holds the configuration); set store.maxTotalBytes and store.maxSegmentBytes (e.g. 16384)");
            }

            return new LittleFsStoreFiles(folder);
        }

        public IMqttConnection CreateMqtt(UplinkConfig uplink)
        {
            if (uplink == null || uplink.Host == null || uplink.Host.Length == 0)
            {
                return null;
            }

            _mqtt = new M2MqttConnection(uplink.Host, uplink.Port, uplink.Tls, uplink.Tls ? uplink.CaCertificate : null, Clock);
            return _mqtt;
        }

        public string DescribeUplinkError(IMqttConnection connection)
        {
            var m2 = connection as M2MqttConnection;
            return m2 == null ? null : m2.LastError;
        }

        /// <summary>Free managed heap after a collection (nanoFramework.Runtime.Native GC.Run), at most 10 s old.</summary>
        public long FreeMemoryBytes()
        {
            long now = Clock.MonotonicMilliseconds;
            lock (_memoryLock)
            {
                if (_freeBytes < 0 || now - _freeAtMs >= FreeMemoryRefreshMs)
                {
                    _freeBytes = nanoFramework.Runtime.Native.GC.Run(false);
                    _freeAtMs = now;
                }

                return _freeBytes;
            }
        }

        public void Release()
        {
            for (int i = 0; i < _transports.Count; i++)
            {
                ((IByteTransport)_transports[i]).Close();
            }

            _transports.Clear();
            if (_mqtt != null)
            {
                _mqtt.Disconnect();
                _mqtt = null;
            }
        }
    }
}
