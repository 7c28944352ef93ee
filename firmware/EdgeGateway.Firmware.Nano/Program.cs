using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using EdgeGateway.Firmware.Nano.Adapters;
using nanoFramework.Networking;

namespace EdgeGateway.Firmware.Nano
{
    /// <summary>
    /// Device entry point. What it does today, and only this: connects Wi-Fi (credentials from wifi.txt on the config
    /// partition, or the network configuration deployed with nanoff), reads gateway.json from the config partition and
    /// serves the local status page/JSON with what it knows (configuration present or not, uptime, IP).
    /// The polling runtime, store-and-forward and MQTT uplink are wired here with issue 4; until then this
    /// application measures nothing and publishes nothing.
    /// </summary>
    public static class Program
    {
        private const string ConfigName = "gateway.json";
        private const string WifiName = "wifi.txt";
        private const int WifiTimeoutMs = 60000;
        private const int StatusPort = 80;

        private static readonly NanoClock Clock = new NanoClock();
        private static long _bootMs;
        private static bool _configPresent;
        private static int _configBytes;
        private static string _networkState = "not connected";

        public static void Main()
        {
            _bootMs = Clock.MonotonicMilliseconds;
            var store = new LittleFsConfigStore(LittleFsConfigStore.DefaultRoot);

            ConnectWifi(store);

            byte[] config = store.Read(ConfigName);
            _configPresent = config != null;
            _configBytes = config == null ? 0 : config.Length;
            Debug.WriteLine(_configPresent
                ? "gateway.json: " + _configBytes.ToString() + " bytes (the runtime that applies it arrives with issue 4)"
                : "gateway.json: missing on I:\\ - deploy it with nanoff --filedeployment (see FLASHING.md)");

            var web = new StatusWebServer(StatusPort, BuildStatusJson);
            Debug.WriteLine(web.Start() ? "status page on port 80" : "status page failed to start");

            Thread.Sleep(Timeout.Infinite);
        }

        private static void ConnectWifi(LittleFsConfigStore store)
        {
            byte[] wifi = store.Read(WifiName);
            if (wifi == null)
            {
                _networkState = "no wifi.txt: relying on the network configuration deployed with nanoff";
                Debug.WriteLine(_networkState);
                return;
            }

            // wifi.txt: first line SSID, second line password.
            string[] lines = Encoding.UTF8.GetString(wifi, 0, wifi.Length).Split('\n');
            string ssid = lines[0].Trim();
            string password = lines.Length > 1 ? lines[1].Trim() : string.Empty;
            var cancel = new CancellationTokenSource(WifiTimeoutMs);
            bool connected = WifiNetworkHelper.ConnectDhcp(ssid, password, requiresDateTime: true, token: cancel.Token);
            _networkState = connected
                ? "connected to " + ssid
                : "Wi-Fi " + ssid + " failed: " + WifiNetworkHelper.Status.ToString();
            Debug.WriteLine(_networkState);
        }

        private static string BuildStatusJson()
        {
            long uptimeS = (Clock.MonotonicMilliseconds - _bootMs) / 1000;
            return "{\"firmware\":\"EdgeGateway.Firmware.Nano\",\"uptimeS\":" + uptimeS.ToString()
                + ",\"configPresent\":" + (_configPresent ? "true" : "false")
                + ",\"configBytes\":" + _configBytes.ToString()
                + ",\"network\":\"" + JsonSafe(_networkState) + "\""
                + ",\"runtime\":\"not yet running: polling arrives with issue 4\"}";
        }

        private static string JsonSafe(string text)
        {
            // No string.Replace on nanoFramework: drop characters that would break the JSON string.
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c != '"' && c != '\\' && c >= ' ')
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }
    }
}
