using System;
using System.IO;
using System.Threading;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Linux.Configuration;
using EdgeGateway.Firmware.Linux.Io;
using EdgeGateway.Firmware.Linux.Status;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Linux.Runtime;

/// <summary>What <see cref="LinuxGatewayHost"/> runs and where.</summary>
public sealed class LinuxGatewayHostOptions
{
    /// <summary>A gateway.json to deploy into the state directory at start (the technician's file wins); null = run what the state directory holds.</summary>
    public string? ConfigPath { get; init; }

    public string StateDirectory { get; init; } = "egw-data/state";

    public string? DevicesRoot { get; init; }

    /// <summary>
    /// The directory a relative store.path is resolved against (egw gateway run --state-dir passes the state
    /// directory); null = the current directory.
    /// </summary>
    public string? StoreBaseDirectory { get; init; }

    /// <summary>Overrides statusPage.port (0 = any free port); null = the configuration's.</summary>
    public int? StatusPort { get; init; }

    /// <summary>Address the status page binds (0.0.0.0: the plant network; 127.0.0.1: this machine only).</summary>
    public string StatusBindAddress { get; init; } = "0.0.0.0";

    public bool SimulateGpio { get; init; }

    public SimulatedGpioDriver? SimulatedGpio { get; init; }

    public string DeviceModel { get; init; } = "linux-gateway";

    /// <summary>Loop tuning for every runtime the host starts (steady-state window, intervals).</summary>
    public RuntimeOptions? Runtime { get; init; }

    /// <summary>Log lines (start, restarts, errors); null = none.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>
/// Runs the portable <see cref="GatewayRuntime"/> on Linux for `egw gateway run` and `egw demo`: deploys and loads the
/// configuration (gateway.json in the state directory, falling back to gateway.previous.json), serves the status
/// page, and restarts the runtime in-process when a remote configuration was applied. The status page stays up across
/// restarts and always shows the current runtime.
/// </summary>
public sealed class LinuxGatewayHost : IDisposable
{
    private readonly LinuxGatewayHostOptions options;
    private readonly object gate = new();
    private GatewayRuntime? runtime;
    private LinuxPlatform? platform;
    private StatusHttpServer? status;
    private Thread? supervisor;
    private volatile bool stopping;

    public LinuxGatewayHost(LinuxGatewayHostOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The runtime running now (replaced at every restart).</summary>
    public GatewayRuntime Runtime
    {
        get
        {
            lock (gate)
            {
                return runtime ?? throw new InvalidOperationException("the gateway host is not started");
            }
        }
    }

    /// <summary>The platform of the current runtime (its store directory, config store).</summary>
    public LinuxPlatform Platform
    {
        get
        {
            lock (gate)
            {
                return platform ?? throw new InvalidOperationException("the gateway host is not started");
            }
        }
    }

    /// <summary>The status page server (null when statusPage.enabled is false).</summary>
    public StatusHttpServer? StatusServer => status;

    /// <summary>Runtime restarts after applied remote configurations.</summary>
    public int Restarts { get; private set; }

    /// <summary>Where the configuration came from at the last (re)start, one line.</summary>
    public string ConfigMessage { get; private set; } = "";

    /// <summary>
    /// Validates a configuration file: every error, or the configuration. Never throws for a bad configuration
    /// (only when the file cannot be read).
    /// </summary>
    public static ConfigValidationResult Validate(string path, string? devicesRoot) => GatewayConfigFile.Load(path, devicesRoot);

    /// <summary>Deploys and loads the configuration, starts the runtime and the status page. Throws InputException when nothing valid can run.</summary>
    public void Start()
    {
        var store = new DirectoryConfigStore(options.StateDirectory);
        var resolver = options.DevicesRoot == null ? null : new DirectoryProfileResolver(options.DevicesRoot);
        var applier = new ConfigApplier(store, resolver, null);
        if (options.ConfigPath != null)
        {
            Deploy(store, applier, options.ConfigPath);
        }

        ConfigStartupResult startup = applier.LoadAtStartup();
        if (startup.Config == null)
        {
            throw new InputException(Path.Combine(options.StateDirectory, ConfigApplier.CurrentName), "no valid configuration", startup.Message);
        }

        ConfigMessage = startup.Message;
        StartRuntime(startup.Config, startup.Reported);
        GatewayConfig config = startup.Config;
        if (config.StatusPage.Enabled)
        {
            status = new StatusHttpServer(() => CurrentSnapshot(), new StatusHttpServerOptions
            {
                BindAddress = options.StatusBindAddress,
                Port = options.StatusPort ?? config.StatusPage.Port,
            });
            status.Start();
        }

        supervisor = new Thread(Supervise) { IsBackground = true, Name = "egw-supervisor" };
        supervisor.Start();
    }

    /// <summary>Stops the runtime (store closed cleanly, MQTT disconnected) and the status page.</summary>
    public void Stop()
    {
        if (stopping)
        {
            return;
        }

        stopping = true;
        supervisor?.Join();
        GatewayRuntime? r;
        lock (gate)
        {
            r = runtime;
        }

        r?.Stop();
        status?.Dispose();
    }

    public void Dispose() => Stop();

    private StatusSnapshot CurrentSnapshot()
    {
        lock (gate)
        {
            return runtime?.Snapshot ?? new StatusSnapshot();
        }
    }

    private void StartRuntime(GatewayConfig config, byte[]? startupReport)
    {
        RuntimeOptions ro = options.Runtime ?? new RuntimeOptions();
        var runtimeOptions = new RuntimeOptions
        {
            ComputeIntervalMs = ro.ComputeIntervalMs,
            UplinkIdleSleepMs = ro.UplinkIdleSleepMs,
            SteadyWindowSeconds = ro.SteadyWindowSeconds,
            StuckAfterMs = ro.StuckAfterMs,
            MissingAfterPolls = ro.MissingAfterPolls,
            PulseTotalsPersistMs = ro.PulseTotalsPersistMs,
            StartupReport = startupReport,
        };
        var p = new LinuxPlatform(new LinuxPlatformOptions
        {
            StateDirectory = options.StateDirectory,
            DevicesRoot = options.DevicesRoot,
            BaseDirectory = options.StoreBaseDirectory == null ? null : Path.GetFullPath(options.StoreBaseDirectory),
            SimulateGpio = options.SimulateGpio,
            SimulatedGpio = options.SimulatedGpio,
            DeviceModel = options.DeviceModel,
        });
        var r = new GatewayRuntime(config, p, runtimeOptions);
        try
        {
            r.Start();
        }
        catch
        {
            r.Stop();
            p.Release();
            throw;
        }

        lock (gate)
        {
            runtime = r;
            platform = p;
        }

        options.Log?.Invoke("gateway runtime started: configuration " + config.HashHex + ", boot " + r.BootCounter
            + ", store " + p.StoreDirectory + " (" + r.Store.BacklogRecords + " frames waiting)");
    }

    private void Supervise()
    {
        while (!stopping)
        {
            Thread.Sleep(100);
            GatewayRuntime? r;
            lock (gate)
            {
                r = runtime;
            }

            if (r == null || !r.RestartRequested || stopping)
            {
                continue;
            }

            GatewayConfig next = r.NewConfig;
            options.Log?.Invoke("remote configuration " + next.HashHex + " applied: restarting the runtime");
            r.Stop();
            try
            {
                // Reload from the store as a cold start would (the applied file is now gateway.json).
                var applier = new ConfigApplier(new DirectoryConfigStore(options.StateDirectory),
                    options.DevicesRoot == null ? null : new DirectoryProfileResolver(options.DevicesRoot), null);
                ConfigStartupResult startup = applier.LoadAtStartup();
                ConfigMessage = startup.Message;
                StartRuntime(startup.Config ?? next, null);
                Restarts++;
            }
            catch (Exception e) when (e is InputException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                options.Log?.Invoke("restart failed: " + e.Message + "; restarting with the previous configuration");
                StartRuntime(r.Config, null);
            }
        }
    }

    /// <summary>Writes the technician's file as gateway.json (the valid one it replaces kept as gateway.previous.json).</summary>
    private static void Deploy(DirectoryConfigStore store, ConfigApplier applier, string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("--config", path, "cannot be read (" + e.Message + "); give the path of a gateway.json");
        }

        ConfigValidationResult v = applier.Validate(bytes);
        if (!v.IsValid)
        {
            v.ThrowIfInvalid();
        }

        byte[]? current = store.Read(ConfigApplier.CurrentName);
        if (current != null)
        {
            ConfigValidationResult cv = applier.Validate(current);
            if (cv.IsValid && cv.Hash == v.Hash)
            {
                return;
            }

            if (cv.IsValid)
            {
                store.WriteAtomic(ConfigApplier.PreviousName, current);
            }
        }

        store.WriteAtomic(ConfigApplier.CurrentName, bytes);
    }
}
