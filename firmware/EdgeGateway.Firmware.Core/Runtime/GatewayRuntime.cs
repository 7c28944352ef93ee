using System;
using System.Text;
using System.Threading;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Io;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Reporting;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Runtime
{
    /// <summary>Raised by the runtime (on one of its threads); keep handlers short.</summary>
    public delegate void GatewayRuntimeHandler(GatewayRuntime runtime);

    /// <summary>
    /// The gateway: polls the buses, counts pulses, computes efficiencies, stores every report in the persistent queue
    /// and forwards it to the fleet, applies remote configurations and keeps a status snapshot for the local page.
    /// Portable (nanoFramework and Linux): threads and locks, no generics, no async.
    ///
    /// Threads: one per bus (<see cref="BusPoller"/>); a compute thread (every <see cref="RuntimeOptions.ComputeIntervalMs"/>:
    /// poll results and pulse meters → sensor health → measurement sets → calculators → <see cref="ReportBuilder"/> →
    /// status snapshot); an uplink thread (<see cref="UplinkForwarder.Step"/>, config/desired handling). The store is
    /// thread-safe; each other object is owned by one thread. Every exception inside a loop is caught, counted and kept
    /// as <see cref="LastError"/>: a bad reading, a full disk or a broker hiccup never stops the runtime.
    ///
    /// Remote configuration: a message on config/desired is validated by <see cref="ConfigApplier"/>; the reported
    /// document goes out retained on config/reported; when the configuration was applied (written atomically to the
    /// config store), <see cref="RestartRequested"/> is set and <see cref="RestartRequestedEvent"/> raised: the host
    /// stops this runtime and starts a new one with <see cref="NewConfig"/>.
    /// </summary>
    public sealed class GatewayRuntime
    {
        public const string BootCounterName = "boot-counter";
        public const string PulseTotalsName = "pulse-totals";
        private const long UnixEpochTicks = 621355968000000000L;

        private readonly GatewayConfig config;
        private readonly IGatewayPlatform platform;
        private readonly RuntimeOptions options;
        private readonly IClock clock;
        private readonly object sync = new object();
        private readonly object snapshotSync = new object();

        private RecordStore store;
        private ReportBuilder builder;
        private UplinkForwarder forwarder;
        private IMqttConnection connection;
        private ConfigApplier applier;
        private BusPoller[] buses = new BusPoller[0];
        private DeviceShadow[] shadows = new DeviceShadow[0];
        private EquipmentRuntime[] equipment = new EquipmentRuntime[0];
        private PulseMeter[] pulses = new PulseMeter[0];
        private Thread computeThread;
        private Thread uplinkThread;
        private bool stopping;
        private bool started;
        private long startMs;
        private long lastPulsePersistMs;
        private StatusSnapshot snapshot;
        private byte[] pendingDesired;
        private byte[] pendingReported;
        private bool wasConnected;
        private long errorCount;
        private string lastError;
        private bool restartRequested;
        private GatewayConfig newConfig;
        private ConfigApplyResult lastApply;
        private long computeCycles;
        private byte[] deathFrame;

        public GatewayRuntime(GatewayConfig config, IGatewayPlatform platform)
            : this(config, platform, null)
        {
        }

        public GatewayRuntime(GatewayConfig config, IGatewayPlatform platform, RuntimeOptions options)
        {
            if (config == null)
            {
                throw new InputException("config", "null", "a validated GatewayConfig (ConfigLoader)");
            }

            if (platform == null)
            {
                throw new InputException("platform", "null", "the platform adapters (IGatewayPlatform)");
            }

            this.config = config;
            this.platform = platform;
            this.options = options ?? new RuntimeOptions();
            clock = platform.Clock;
            snapshot = new StatusSnapshot();
        }

        public GatewayConfig Config { get { return config; } }

        /// <summary>This start's boot counter (persisted, incremented at every Start).</summary>
        public uint BootCounter { get; private set; }

        /// <summary>The latest status snapshot (a new object every compute cycle; never changed after it is published).</summary>
        public StatusSnapshot Snapshot
        {
            get
            {
                lock (snapshotSync)
                {
                    return snapshot;
                }
            }
        }

        /// <summary>A remote configuration was applied: the host should restart the runtime with <see cref="NewConfig"/>.</summary>
        public bool RestartRequested
        {
            get
            {
                lock (sync)
                {
                    return restartRequested;
                }
            }
        }

        /// <summary>The applied configuration to restart with (null until <see cref="RestartRequested"/>).</summary>
        public GatewayConfig NewConfig
        {
            get
            {
                lock (sync)
                {
                    return newConfig;
                }
            }
        }

        /// <summary>The outcome of the last desired configuration handled (null before the first).</summary>
        public ConfigApplyResult LastApply
        {
            get
            {
                lock (sync)
                {
                    return lastApply;
                }
            }
        }

        /// <summary>Raised once when a remote configuration was applied (on the uplink thread).</summary>
        public event GatewayRuntimeHandler RestartRequestedEvent;

        /// <summary>Exceptions caught inside the loops since Start.</summary>
        public long ErrorCount
        {
            get
            {
                lock (sync)
                {
                    return errorCount;
                }
            }
        }

        /// <summary>"where: message" of the last exception caught inside a loop; null when none.</summary>
        public string LastError
        {
            get
            {
                lock (sync)
                {
                    return lastError;
                }
            }
        }

        public long ComputeCycles
        {
            get
            {
                lock (sync)
                {
                    return computeCycles;
                }
            }
        }

        /// <summary>The persistent queue (for tests and the host's log lines).</summary>
        public RecordStore Store { get { return store; } }

        public ReportBuilder Reports { get { return builder; } }

        /// <summary>The uplink (null when no broker is configured).</summary>
        public UplinkForwarder Uplink { get { return forwarder; } }

        public BusPoller[] Buses { get { return buses; } }

        /// <summary>
        /// Starts polling, computing and forwarding. Throws <see cref="InputException"/> when the configuration cannot
        /// run on this platform (no pulse counter, a slave address the scheduler refuses).
        /// </summary>
        public void Start()
        {
            if (started)
            {
                throw new InputException("runtime", "started", "Start once; create a new GatewayRuntime to restart");
            }

            started = true;
            startMs = clock.MonotonicMilliseconds;
            BootCounter = NextBootCounter();
            applier = new ConfigApplier(platform.ConfigStore, platform.ProfileResolver, null);

            store = new RecordStore(platform.OpenStoreFiles(config.Store), config.Store.ToOptions());
            store.Open();

            // Buses and the shadows of their devices.
            shadows = new DeviceShadow[config.Devices.Length];
            for (int i = 0; i < shadows.Length; i++)
            {
                shadows[i] = new DeviceShadow(config.Devices[i], config.Devices[i].BusIndex);
            }

            buses = new BusPoller[config.Buses.Length];
            for (int b = 0; b < buses.Length; b++)
            {
                buses[b] = new BusPoller(this, config.Buses[b], b, platform.OpenBus(config.Buses[b]), clock, config.Devices, shadows);
            }

            StartPulseMeters();

            equipment = new EquipmentRuntime[config.Equipment.Length];
            for (int e = 0; e < equipment.Length; e++)
            {
                equipment[e] = new EquipmentRuntime(config.Equipment[e], config, options);
            }

            var reportOptions = new ReportOptions();
            reportOptions.FullReportIntervalS = config.Reporting.FullReportIntervalS;
            reportOptions.HealthIntervalS = config.Reporting.HealthIntervalS;
            reportOptions.MaxEquipment = equipment.Length > 16 ? equipment.Length : 16;
            var deadbands = new DeadbandTable();
            for (int i = 0; i < config.Reporting.DeadbandCodes.Length; i++)
            {
                deadbands.Set(config.Reporting.DeadbandCodes[i], config.Reporting.DeadbandValues[i]);
            }

            builder = new ReportBuilder(store, BootCounter, reportOptions, deadbands, startMs);
            for (int e = 0; e < equipment.Length; e++)
            {
                builder.AddEquipment(equipment[e].Set);
            }

            StartUplink();

            stopping = false;
            for (int b = 0; b < buses.Length; b++)
            {
                buses[b].Start();
            }

            PublishSnapshot(BuildSnapshot());
            computeThread = new Thread(ComputeLoop);
            computeThread.Start();
            if (forwarder != null)
            {
                uplinkThread = new Thread(UplinkLoop);
                uplinkThread.Start();
            }
        }

        /// <summary>
        /// Stops every thread, closes the store cleanly (data and cursor flushed, so nothing is re-sent), publishes the
        /// death frame and disconnects. Safe to call twice.
        /// </summary>
        public void Stop()
        {
            lock (sync)
            {
                if (stopping || !started)
                {
                    return;
                }

                stopping = true;
            }

            for (int b = 0; b < buses.Length; b++)
            {
                buses[b].RequestStop();
            }

            Join(computeThread);
            Join(uplinkThread);
            for (int b = 0; b < buses.Length; b++)
            {
                buses[b].Join();
            }

            for (int i = 0; i < pulses.Length; i++)
            {
                Guard("pulse stop", pulses[i]);
            }

            PersistPulseTotals();
            try
            {
                store.Close();
            }
            catch (Exception e)
            {
                RecordError("store close", e);
            }

            if (connection != null)
            {
                try
                {
                    if (connection.IsConnected && deathFrame != null)
                    {
                        // A clean stop announces itself; the will covers the unclean ones.
                        connection.Publish(Topics.For(config.Gateway.SiteId, config.Gateway.DeviceId, Topics.Death), deathFrame, deathFrame.Length, 1, true, 2000);
                    }

                    connection.Disconnect();
                }
                catch (Exception e)
                {
                    RecordError("uplink disconnect", e);
                }
            }

            try
            {
                platform.Release();
            }
            catch (Exception e)
            {
                RecordError("platform release", e);
            }
        }

        /// <summary>Counts an exception caught inside a loop and keeps it for the status page and the log.</summary>
        public void RecordError(string where, Exception e)
        {
            lock (sync)
            {
                errorCount++;
                lastError = where + ": " + (e == null ? "unknown" : e.Message);
            }
        }

        // ---------------------------------------------------------------- start-up

        private uint NextBootCounter()
        {
            uint previous = 0;
            byte[] stored = platform.ConfigStore.Read(BootCounterName);
            if (stored != null && stored.Length > 0)
            {
                string text = new string(Encoding.UTF8.GetChars(stored));
                double parsed;
                if (double.TryParse(text.Trim(), out parsed) && parsed >= 0 && parsed < 4294967295.0)
                {
                    previous = (uint)parsed;
                }
            }

            uint next = previous + 1;
            platform.ConfigStore.WriteAtomic(BootCounterName, Encoding.UTF8.GetBytes(next.ToString()));
            return next;
        }

        private void StartPulseMeters()
        {
            PulseInputConfig[] configured = config.PulseInputs;
            pulses = new PulseMeter[configured.Length];
            if (configured.Length == 0)
            {
                return;
            }

            IPulseCounter counter = platform.PulseCounter;
            if (counter == null)
            {
                throw new InputException("pulseInputs", configured.Length.ToString() + " configured", "this platform has no pulse counter; remove the pulse inputs or run where GPIO exists");
            }

            string[] savedIds;
            double[] savedTotals;
            ReadPulseTotals(out savedIds, out savedTotals);
            for (int i = 0; i < configured.Length; i++)
            {
                var o = new PulseMeterOptions();
                o.FieldPrefix = "pulseInputs[" + i.ToString() + "]";
                o.Pin = configured[i].Pin;
                o.DebounceMs = configured[i].DebounceMs;
                o.UnitsPerPulse = configured[i].UnitsPerPulse;
                pulses[i] = new PulseMeter(counter, clock, o);
                pulses[i].Start();
                for (int s = 0; s < savedIds.Length; s++)
                {
                    if (savedIds[s] == configured[i].Id)
                    {
                        pulses[i].RestoreTotalUnits(savedTotals[s]);
                    }
                }
            }

            lastPulsePersistMs = clock.MonotonicMilliseconds;
        }

        private void ReadPulseTotals(out string[] ids, out double[] totals)
        {
            ids = new string[0];
            totals = new double[0];
            byte[] stored = platform.ConfigStore.Read(PulseTotalsName);
            if (stored == null)
            {
                return;
            }

            string[] lines = new string(Encoding.UTF8.GetChars(stored)).Split('\n');
            ids = new string[lines.Length];
            totals = new double[lines.Length];
            for (int i = 0; i < lines.Length; i++)
            {
                int eq = lines[i].IndexOf('=');
                double value;
                if (eq > 0 && double.TryParse(lines[i].Substring(eq + 1), out value))
                {
                    ids[i] = lines[i].Substring(0, eq);
                    totals[i] = value;
                }
            }
        }

        private void PersistPulseTotals()
        {
            if (pulses.Length == 0)
            {
                return;
            }

            try
            {
                var sb = new StringBuilder();
                for (int i = 0; i < pulses.Length; i++)
                {
                    sb.Append(config.PulseInputs[i].Id).Append('=').Append(pulses[i].TotalUnits.ToString("G17")).Append('\n');
                }

                platform.ConfigStore.WriteAtomic(PulseTotalsName, Encoding.UTF8.GetBytes(sb.ToString()));
            }
            catch (Exception e)
            {
                RecordError("pulse totals", e);
            }
        }

        private void StartUplink()
        {
            connection = platform.CreateMqtt(config.Uplink);
            if (connection == null)
            {
                return;
            }

            var settings = new UplinkSettings();
            settings.SiteId = config.Gateway.SiteId;
            settings.DeviceId = config.Gateway.DeviceId;
            settings.ClientId = config.Uplink.ClientId;
            settings.UserName = config.Uplink.Username;
            settings.Password = config.Uplink.Password;
            settings.KeepAliveSeconds = config.Uplink.KeepAliveS;
            settings.PublishTimeoutMs = config.Uplink.PublishTimeoutMs;
            settings.ReplayMaxPerSecond = config.Uplink.ReplayMaxPerSecond;
            settings.BackoffInitialMs = config.Uplink.BackoffInitialMs;
            settings.BackoffMaxMs = config.Uplink.BackoffMaxMs;
            forwarder = new UplinkForwarder(connection, store, clock, settings, (int)(BootCounter ^ config.Hash));

            long unixMs = UnixMs(clock.UtcNow);
            var writer = new WireWriter(new byte[WireFormat.MaxFrameBytes]);
            var birth = new BirthInfo();
            birth.FirmwareVersion = platform.FirmwareVersion;
            birth.Platform = platform.PlatformName;
            birth.DeviceModel = platform.DeviceModel;
            birth.ConfigHash = config.HashHex;
            birth.BootCounter = BootCounter;
            birth.Capabilities = CapabilitiesOf(config);
            FrameEncoders.WriteBirth(writer, unixMs, birth);
            byte[] birthFrame = FrameEncoders.ToArray(writer);
            FrameEncoders.WriteDeath(writer, unixMs, BootCounter);
            deathFrame = FrameEncoders.ToArray(writer);
            forwarder.SetBirthAndDeath(birthFrame, birthFrame.Length, deathFrame);

            pendingReported = options.StartupReport != null ? options.StartupReport
                : ConfigApplier.BuildReport("running", config.Hash, config.Hash, true, null, -1, ConfigApplier.CurrentName);
            connection.MessageReceived += OnMessage;
        }

        /// <summary>The birth message's capability bits for a configuration.</summary>
        public static uint CapabilitiesOf(GatewayConfig config)
        {
            uint caps = Capabilities.HistoricalReplay | Capabilities.RemoteConfiguration;
            for (int i = 0; i < config.Equipment.Length; i++)
            {
                switch (config.Equipment[i].Kind)
                {
                    case Configuration.EquipmentKind.Boiler: caps |= Capabilities.BoilerEfficiency; break;
                    case Configuration.EquipmentKind.Motor: caps |= Capabilities.MotorEfficiency; break;
                    default: caps |= Capabilities.TransformerLosses; break;
                }
            }

            if (config.PulseInputs.Length > 0)
            {
                caps |= Capabilities.PulseInputs;
            }

            if (config.StatusPage.Enabled)
            {
                caps |= Capabilities.LocalStatusPage;
            }

            return caps;
        }

        // ---------------------------------------------------------------- compute loop

        private bool Stopping
        {
            get
            {
                lock (sync)
                {
                    return stopping;
                }
            }
        }

        private void ComputeLoop()
        {
            long next = clock.MonotonicMilliseconds;
            while (!Stopping)
            {
                try
                {
                    ComputeOnce();
                }
                catch (Exception e)
                {
                    RecordError("compute", e);
                }

                next += options.ComputeIntervalMs;
                long now = clock.MonotonicMilliseconds;
                if (next < now)
                {
                    next = now; // fell behind (slow disk): do not try to catch up in a burst
                }

                SleepUntil(next);
            }
        }

        /// <summary>One cycle: inputs → calculators → reports → status snapshot.</summary>
        public void ComputeOnce()
        {
            long now = clock.MonotonicMilliseconds;
            long unixMs = UnixMs(clock.UtcNow);
            for (int i = 0; i < pulses.Length; i++)
            {
                try
                {
                    pulses[i].Sample();
                }
                catch (Exception e)
                {
                    RecordError("pulse " + config.PulseInputs[i].Id, e);
                }
            }

            for (int e = 0; e < equipment.Length; e++)
            {
                try
                {
                    equipment[e].Update(now, unixMs, shadows, buses, pulses);
                }
                catch (Exception ex)
                {
                    RecordError("equipment " + equipment[e].Id, ex);
                }
            }

            HealthReport health = builder.Health;
            health.FreeMemoryBytes = platform.FreeMemoryBytes();
            health.BusCount = buses.Length > HealthReport.MaxBuses ? HealthReport.MaxBuses : buses.Length;
            for (int b = 0; b < health.BusCount; b++)
            {
                health.SetBus(b, buses[b].Client.Counters);
            }

            try
            {
                builder.Build(now, unixMs);
            }
            catch (Exception e)
            {
                RecordError("report/store", e);
            }

            if (pulses.Length > 0 && now - lastPulsePersistMs >= options.PulseTotalsPersistMs)
            {
                lastPulsePersistMs = now;
                PersistPulseTotals();
            }

            PublishSnapshot(BuildSnapshot());
            lock (sync)
            {
                computeCycles++;
            }
        }

        private void PublishSnapshot(StatusSnapshot s)
        {
            lock (snapshotSync)
            {
                snapshot = s;
            }
        }

        private StatusSnapshot BuildSnapshot()
        {
            var s = new StatusSnapshot();
            GatewayStatus g = s.Gateway;
            g.SiteId = config.Gateway.SiteId;
            g.DeviceId = config.Gateway.DeviceId;
            g.FirmwareVersion = platform.FirmwareVersion;
            g.UptimeS = (clock.MonotonicMilliseconds - startMs) / 1000;
            g.FreeMemoryBytes = platform.FreeMemoryBytes();
            g.ConfigHash = config.HashHex;
            g.ErrorCount = ErrorCount;
            g.LastError = LastError;
            g.ClockUtc = clock.UtcNow;

            UplinkStatus u = s.Uplink;
            UplinkConfig uc = config.Uplink;
            if (forwarder == null)
            {
                u.State = UplinkState.Disconnected;
                u.Broker = "(uplink disabled: no uplink.host)";
            }
            else
            {
                u.State = forwarder.State;
                u.Broker = (uc.Tls ? "mqtts://" : "mqtt://") + uc.Host + ":" + uc.Port.ToString();
                u.PublishedFrames = forwarder.PublishedFrames;
                if (forwarder.LastConnectCode != 0 && u.State != UplinkState.Connected && u.State != UplinkState.Replaying)
                {
                    string why = platform.DescribeUplinkError(connection);
                    u.LastConnectError = why != null && why.Length > 0 ? why
                        : (forwarder.LastConnectCode < 0 ? "no answer from the broker" : "broker refused the connection, code " + forwarder.LastConnectCode.ToString());
                }
            }

            if (store != null)
            {
                u.BacklogRecords = store.BacklogRecords;
                u.DroppedRecords = store.DroppedRecords;
            }

            var busStatus = new BusStatus[buses.Length];
            for (int b = 0; b < buses.Length; b++)
            {
                var bs = new BusStatus();
                bs.Id = buses[b].Config.Id;
                Modbus.Client.ModbusCounters c = buses[b].Client.Counters;
                bs.Requests = c.Requests;
                bs.Timeouts = c.Timeouts;
                bs.CrcErrors = c.CrcErrors;
                bs.Exceptions = c.Exceptions;
                busStatus[b] = bs;
            }

            s.Buses = busStatus;

            var devices = new DeviceHealthStatus[shadows.Length];
            for (int i = 0; i < shadows.Length; i++)
            {
                DeviceShadow d = shadows[i];
                var ds = new DeviceHealthStatus();
                ds.Id = d.Config.Id;
                lock (buses[d.BusIndex].Sync)
                {
                    ds.Online = d.Online && d.PollMs >= 0;
                    ds.ConsecutiveFailures = d.ConsecutiveFailures;
                    ds.LastError = d.PollMs < 0 ? "not polled yet" : d.LastError;
                }

                devices[i] = ds;
            }

            s.Devices = devices;

            var eq = new EquipmentStatus[equipment.Length];
            for (int e = 0; e < equipment.Length; e++)
            {
                eq[e] = equipment[e].BuildStatus();
            }

            s.Equipment = eq;
            return s;
        }

        // ---------------------------------------------------------------- uplink loop

        private void UplinkLoop()
        {
            while (!Stopping)
            {
                int sent = 0;
                try
                {
                    sent = forwarder.Step();
                    bool connected = connection.IsConnected;
                    if (connected && !wasConnected)
                    {
                        PublishPendingReport();
                    }

                    wasConnected = connected;
                    if (connected)
                    {
                        HandleDesired();
                    }
                }
                catch (Exception e)
                {
                    RecordError("uplink", e);
                }

                if (sent == 0)
                {
                    SleepFor(options.UplinkIdleSleepMs);
                }
            }
        }

        /// <summary>Called on the MQTT client's thread: only queue (publishing from here could block its receive loop).</summary>
        private void OnMessage(string topic, byte[] payload)
        {
            if (forwarder != null && topic == forwarder.DesiredConfigTopic)
            {
                lock (sync)
                {
                    pendingDesired = payload; // the latest desired configuration wins
                }
            }
        }

        private void HandleDesired()
        {
            byte[] desired;
            lock (sync)
            {
                desired = pendingDesired;
                pendingDesired = null;
                if (restartRequested)
                {
                    return; // already switching to a new configuration; the retained message comes again after the restart
                }
            }

            if (desired == null)
            {
                return;
            }

            ConfigApplyResult result = applier.Apply(desired, config.Hash, UnixMs(clock.UtcNow));
            lock (sync)
            {
                lastApply = result;
                pendingReported = result.Reported;
            }

            PublishPendingReport();
            if (result.Status == ConfigApplyStatus.Applied)
            {
                GatewayRuntimeHandler handler;
                lock (sync)
                {
                    restartRequested = true;
                    newConfig = result.Config;
                    handler = RestartRequestedEvent;
                }

                if (handler != null)
                {
                    handler(this);
                }
            }
        }

        private void PublishPendingReport()
        {
            byte[] report;
            lock (sync)
            {
                report = pendingReported;
            }

            if (report == null)
            {
                return;
            }

            string topic = Topics.For(config.Gateway.SiteId, config.Gateway.DeviceId, Topics.ConfigReported);
            if (connection.Publish(topic, report, report.Length, 1, true, config.Uplink.PublishTimeoutMs))
            {
                lock (sync)
                {
                    if (pendingReported == report)
                    {
                        pendingReported = null;
                    }
                }
            }
        }

        // ---------------------------------------------------------------- helpers

        private void SleepUntil(long monotonicMs)
        {
            while (!Stopping)
            {
                long left = monotonicMs - clock.MonotonicMilliseconds;
                if (left <= 0)
                {
                    return;
                }

                clock.Sleep(left > BusPoller.MaxSleepMs ? BusPoller.MaxSleepMs : (int)left);
            }
        }

        private void SleepFor(int ms)
        {
            SleepUntil(clock.MonotonicMilliseconds + ms);
        }

        private void Guard(string where, PulseMeter meter)
        {
            try
            {
                meter.Stop();
            }
            catch (Exception e)
            {
                RecordError(where, e);
            }
        }

        private static void Join(Thread thread)
        {
            if (thread != null)
            {
                thread.Join();
            }
        }

        /// <summary>Unix time in ms of a UTC DateTime (no DateTimeOffset on nanoFramework).</summary>
        public static long UnixMs(DateTime utc)
        {
            return (utc.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;
        }
    }
}
