using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Ports;
using System.Runtime.InteropServices;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Io;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Firmware.Core.Storage;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Firmware.Linux.Configuration;
using EdgeGateway.Firmware.Linux.Io;
using EdgeGateway.Firmware.Linux.Platform;
using EdgeGateway.Firmware.Linux.Storage;
using EdgeGateway.Firmware.Linux.Transport;
using EdgeGateway.Firmware.Linux.Uplink;

namespace EdgeGateway.Firmware.Linux.Runtime;

/// <summary>How a Linux gateway maps the portable runtime onto this machine.</summary>
public sealed class LinuxPlatformOptions
{
    /// <summary>Directory of gateway.json, gateway.previous.json, boot-counter, pulse totals (created when missing).</summary>
    public string StateDirectory { get; init; } = "egw-data/state";

    /// <summary>The hardware/devices folder for "profileRef" (null = configurations must be inline).</summary>
    public string? DevicesRoot { get; init; }

    /// <summary>Relative store paths are resolved against this directory (default: the current directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Pulse inputs count on a <see cref="SimulatedGpioDriver"/> instead of the board's GPIO.</summary>
    public bool SimulateGpio { get; init; }

    /// <summary>The simulated driver to use with <see cref="SimulateGpio"/> (null = a new one; tests and the demo pass theirs to drive pulses).</summary>
    public SimulatedGpioDriver? SimulatedGpio { get; init; }

    public string FirmwareVersion { get; init; } = LinuxPlatform.DefaultFirmwareVersion;

    public string DeviceModel { get; init; } = "linux-gateway";

    public IClock? Clock { get; init; }
}

/// <summary>
/// <see cref="IGatewayPlatform"/> on Linux: serial ports (System.IO.Ports) and TCP sockets per bus kind, the store in a
/// directory, the config store in the state directory, MQTTnet for the uplink (TLS with the configured CA file or PEM
/// text), System.Device.Gpio for pulse inputs (a simulated driver with --simulate-gpio), the system clocks.
/// One instance per runtime: <see cref="Release"/> disposes what it created.
/// </summary>
public sealed class LinuxPlatform : IGatewayPlatform, IDisposable
{
    public const string DefaultFirmwareVersion = "0.1.0";

    private readonly LinuxPlatformOptions options;
    private readonly List<IDisposable> owned = new();
    private readonly object gate = new();
    private GpioPulseCounter? pulseCounter;

    public LinuxPlatform(LinuxPlatformOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        Clock = options.Clock ?? SystemClock.Instance;
        ConfigStore = new DirectoryConfigStore(options.StateDirectory);
        ProfileResolver = options.DevicesRoot == null ? null : new DirectoryProfileResolver(options.DevicesRoot);
    }

    public string PlatformName => RuntimeInformation.RuntimeIdentifier;

    public string FirmwareVersion => options.FirmwareVersion;

    public string DeviceModel => options.DeviceModel;

    public IClock Clock { get; }

    public IConfigStore ConfigStore { get; }

    public IProfileResolver? ProfileResolver { get; }

    /// <summary>The state directory's store (typed, for the host).</summary>
    public DirectoryConfigStore DirectoryConfigStore => (DirectoryConfigStore)ConfigStore;

    /// <summary>The store directory the last <see cref="OpenStoreFiles"/> used.</summary>
    public string? StoreDirectory { get; private set; }

    public IPulseCounter? PulseCounter
    {
        get
        {
            lock (gate)
            {
                if (pulseCounter == null)
                {
                    if (options.SimulateGpio)
                    {
                        SimulatedGpioDriver driver = options.SimulatedGpio ?? new SimulatedGpioDriver();
                        pulseCounter = new GpioPulseCounter(driver, disposeDriver: options.SimulatedGpio == null);
                    }
                    else
                    {
                        pulseCounter = new GpioPulseCounter(HardwareGpio.CreateController(), disposeController: true);
                    }

                    owned.Add(pulseCounter);
                }

                return pulseCounter;
            }
        }
    }

    public IByteTransport OpenBus(BusConfig bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        IByteTransport transport;
        if (bus.Kind == BusKind.Tcp)
        {
            transport = new TcpClientTransport(bus.Host, bus.TcpPort, Math.Max(bus.TimeoutMs, 1000));
        }
        else
        {
            Parity parity = bus.Parity == BusParity.None ? Parity.None : (bus.Parity == BusParity.Even ? Parity.Even : Parity.Odd);
            transport = new SerialPortTransport(bus.SerialPort, bus.Baud, parity, bus.DataBits, bus.StopBits == 2 ? StopBits.Two : StopBits.One);
        }

        lock (gate)
        {
            owned.Add((IDisposable)transport);
        }

        return transport;
    }

    public IStoreFiles OpenStoreFiles(StoreConfig store)
    {
        ArgumentNullException.ThrowIfNull(store);
        string path = string.IsNullOrEmpty(store.Path) ? Path.Combine(options.StateDirectory, "store") : store.Path;
        if (!Path.IsPathRooted(path))
        {
            path = Path.GetFullPath(Path.Combine(options.BaseDirectory ?? Directory.GetCurrentDirectory(), path));
        }

        StoreDirectory = path;
        return new DirectoryStoreFiles(path);
    }

    public IMqttConnection? CreateMqtt(UplinkConfig uplink)
    {
        if (uplink == null || string.IsNullOrEmpty(uplink.Host))
        {
            return null;
        }

        string? caPath = null;
        if (uplink.Tls && !string.IsNullOrEmpty(uplink.CaCertificate))
        {
            if (uplink.CaCertificateIsPem)
            {
                // PEM text inside the configuration (as an ESP32 carries it): MQTTnet's adapter wants a file.
                caPath = Path.Combine(options.StateDirectory, "uplink-ca.pem");
                File.WriteAllText(caPath, uplink.CaCertificate);
            }
            else
            {
                caPath = uplink.CaCertificate;
            }
        }

        var connection = new MqttNetConnection(new MqttEndpoint
        {
            Host = uplink.Host,
            Port = uplink.Port,
            UseTls = uplink.Tls,
            CaCertificatePemPath = caPath,
            ConnectTimeoutMs = Math.Max(uplink.PublishTimeoutMs, 2000),
        });
        lock (gate)
        {
            owned.Add(connection);
        }

        return connection;
    }

    public string? DescribeUplinkError(IMqttConnection connection) => (connection as MqttNetConnection)?.LastError;

    public long FreeMemoryBytes()
    {
        GCMemoryInfo info = GC.GetGCMemoryInfo();
        long total = info.TotalAvailableMemoryBytes;
        return total > 0 ? Math.Max(0, total - GC.GetTotalMemory(false)) : -1;
    }

    public void Dispose() => Release();

    public void Release()
    {
        IDisposable[] items;
        lock (gate)
        {
            items = owned.ToArray();
            owned.Clear();
            pulseCounter = null;
        }

        foreach (IDisposable d in items)
        {
            try
            {
                d.Dispose();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                // Already closed by the runtime; nothing left to release.
            }
        }
    }
}
