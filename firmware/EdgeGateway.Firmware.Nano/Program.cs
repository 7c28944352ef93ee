using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Nano.Adapters;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;

namespace EdgeGateway.Firmware.Nano
{
    /// <summary>
    /// Device entry point: connects Wi-Fi, loads gateway.json from the littlefs partition (falling back to
    /// gateway.previous.json), runs the portable <see cref="GatewayRuntime"/> on <see cref="NanoPlatform"/> (Modbus
    /// polling, pulse inputs, efficiencies, store-and-forward, MQTT uplink, remote configuration) and serves the
    /// operators' status page. A fallback or a failure is written to the debug output and shown on the status page.
    ///
    /// When a remote configuration has been applied, the runtime is stopped cleanly (queue flushed, death frame sent)
    /// and the device reboots: the new gateway.json is already stored, and a reboot also returns the TLS buffers, the
    /// UART pin routing and a fragmented heap to a clean state, which an in-process restart would not.
    /// </summary>
    public static class Program
    {
        private const string WifiName = "wifi.txt";
        private const int WifiTimeoutMs = 60000;
        private const int DefaultStatusPort = 8080;
        private const int SuperviseIntervalMs = 1000;

        private static readonly NanoClock Clock = new NanoClock();
        private static long _bootMs;
        private static GatewayRuntime _runtime;

        // Why the device does not run its gateway.json as intended (fallback, failure); null when it does.
        private static string _notice;

        public static void Main()
        {
            _bootMs = Clock.MonotonicMilliseconds;
            var store = new LittleFsConfigStore(LittleFsConfigStore.DefaultRoot);
            ConnectWifi(store);

            var applier = new ConfigApplier(store);
            ConfigStartupResult startup = applier.LoadAtStartup();
            Debug.WriteLine(startup.Message);
            if (startup.Status != ConfigStartupStatus.Running)
            {
                _notice = startup.Message;
            }

            GatewayConfig config = startup.Config;
            if (config != null && !TryStart(config, startup.Reported, store) && startup.Source == ConfigApplier.CurrentName)
            {
                FallBack(store, applier, config);
            }

            if (_runtime != null)
            {
                config = _runtime.Config;
            }

            if (config == null || config.StatusPage.Enabled)
            {
                int port = config == null ? DefaultStatusPort : config.StatusPage.Port;
                var web = new StatusWebServer(port, CurrentSnapshot);
                Debug.WriteLine("status page on port " + port.ToString() + (web.Start() ? "" : ": failed to start"));
            }

            while (true)
            {
                Thread.Sleep(SuperviseIntervalMs);
                GatewayRuntime runtime = _runtime;
                if (runtime != null && runtime.RestartRequested)
                {
                    Debug.WriteLine("remote configuration " + runtime.NewConfig.HashHex + " applied: stopping the runtime and rebooting");
                    runtime.Stop();
                    Power.RebootDevice();
                }
            }
        }

        private static bool TryStart(GatewayConfig config, byte[] startupReport, LittleFsConfigStore store)
        {
            var options = new RuntimeOptions();
            options.StartupReport = startupReport;
            var platform = new NanoPlatform(store, Clock);
            var runtime = new GatewayRuntime(config, platform, options);
            try
            {
                runtime.Start();
                _runtime = runtime;
                Debug.WriteLine("gateway runtime started: configuration " + config.HashHex + ", boot " + runtime.BootCounter.ToString()
                    + ", " + runtime.Store.BacklogRecords.ToString() + " frames waiting");
                return true;
            }
            catch (Exception e)
            {
                _notice = "configuration " + config.HashHex + " did not start: " + e.Message;
                Debug.WriteLine(_notice);
                try
                {
                    // Stop tolerates most of a partial start; what it cannot close, Release does.
                    runtime.Stop();
                }
                catch (Exception)
                {
                }

                platform.Release();
                return false;
            }
        }

        /// <summary>
        /// gateway.json is valid but cannot run here (e.g. a baud rate or store size the ESP32 cannot take): run
        /// gateway.previous.json and put it back as gateway.json, so that a desired configuration re-sent by the broker
        /// cannot push the only runnable configuration out (Apply keeps gateway.json as gateway.previous.json).
        /// </summary>
        private static void FallBack(LittleFsConfigStore store, ConfigApplier applier, GatewayConfig failed)
        {
            string why = _notice;
            byte[] previous = store.Read(ConfigApplier.PreviousName);
            ConfigValidationResult v = previous == null ? null : applier.Validate(previous);
            if (v == null || !v.IsValid)
            {
                _notice = why + "; no valid " + ConfigApplier.PreviousName + " to fall back to";
                return;
            }

            store.WriteAtomic(ConfigApplier.CurrentName, previous);
            var reason = new ConfigValidationResult();
            reason.AddError("runtime", 0, 0, why, "a configuration this ESP32 can run");
            byte[] report = ConfigApplier.BuildReport("fallback", v.Config.Hash, failed.Hash, true, reason, -1, ConfigApplier.PreviousName);
            if (TryStart(v.Config, report, store))
            {
                _notice = why + "; running " + ConfigApplier.PreviousName + " " + v.Config.HashHex + " (restored as " + ConfigApplier.CurrentName + ")";
            }

            Debug.WriteLine(_notice);
        }

        /// <summary>The runtime's snapshot; with a notice, a copy whose gateway error line leads with it.</summary>
        private static StatusSnapshot CurrentSnapshot()
        {
            GatewayRuntime runtime = _runtime;
            string notice = _notice;
            if (runtime != null && notice == null)
            {
                return runtime.Snapshot;
            }

            // The runtime's snapshot is shared and never changed after publication: copy, do not edit.
            var copy = new StatusSnapshot();
            GatewayStatus g = copy.Gateway;
            if (runtime != null)
            {
                StatusSnapshot s = runtime.Snapshot;
                copy.Uplink = s.Uplink;
                copy.Buses = s.Buses;
                copy.Devices = s.Devices;
                copy.Equipment = s.Equipment;
                GatewayStatus r = s.Gateway;
                g.SiteId = r.SiteId;
                g.DeviceId = r.DeviceId;
                g.ConfigHash = r.ConfigHash;
                g.FreeMemoryBytes = r.FreeMemoryBytes;
                g.ErrorCount = r.ErrorCount;
                g.LastError = r.LastError;
            }

            g.FirmwareVersion = NanoPlatform.Version;
            g.UptimeS = (Clock.MonotonicMilliseconds - _bootMs) / 1000;
            g.ClockUtc = Clock.UtcNow;
            g.ErrorCount++;
            g.LastError = g.LastError == null ? notice : notice + " | " + g.LastError;
            return copy;
        }

        private static void ConnectWifi(LittleFsConfigStore store)
        {
            byte[] wifi = store.Read(WifiName);
            if (wifi == null)
            {
                Debug.WriteLine("no wifi.txt: relying on the network configuration deployed with nanoff");
                return;
            }

            // wifi.txt: first line SSID, second line password.
            string[] lines = Encoding.UTF8.GetString(wifi, 0, wifi.Length).Split('\n');
            string ssid = lines[0].Trim();
            string password = lines.Length > 1 ? lines[1].Trim() : string.Empty;
            var cancel = new CancellationTokenSource(WifiTimeoutMs);
            bool connected = WifiNetworkHelper.ConnectDhcp(ssid, password, requiresDateTime: true, token: cancel.Token);
            Debug.WriteLine(connected ? "connected to " + ssid : "Wi-Fi " + ssid + " failed: " + WifiNetworkHelper.Status.ToString());
        }
    }
}
