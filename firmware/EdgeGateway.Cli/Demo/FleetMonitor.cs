using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EdgeGateway.Firmware.Core.Reporting;
using EdgeGateway.Shared.Wire;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeGateway.Cli.Demo;

/// <summary>
/// A small fleet-side subscriber for the demo: receives every frame under egw/v1/#, decodes it with the shared wire
/// reader and the frame decoders (as the fleet service does), and keeps per gateway what a fleet operator checks
/// first: frames received, the latest efficiency per equipment, sequence gaps and duplicates per boot, replayed
/// (historical) frames, and the last config/reported status.
/// </summary>
public sealed class FleetMonitor : IAsyncDisposable
{
    private readonly IMqttClient client;
    private readonly object gate = new();
    private readonly SortedDictionary<string, GatewayStats> gateways = new(StringComparer.Ordinal);
    private readonly TelemetryBody body = new();

    public FleetMonitor()
    {
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            OnFrame(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
    }

    /// <summary>Per gateway "site/device" what was received.</summary>
    public sealed class GatewayStats
    {
        public long Frames { get; set; }
        public long Births { get; set; }
        public long Deaths { get; set; }
        public long Telemetry { get; set; }
        public long Health { get; set; }
        public long GapFrames { get; set; }
        public long Historical { get; set; }
        public long MissingSequences { get; set; }
        public long Duplicates { get; set; }
        public long DecodeErrors { get; set; }
        public uint Boot { get; set; }
        public ulong HighestSequence { get; set; }
        public string FirmwareVersion { get; set; } = "";
        public string ConfigHash { get; set; } = "";
        public string? ConfigReported { get; set; }
        public SortedDictionary<string, double> Efficiency { get; } = new(StringComparer.Ordinal);
    }

    public void Connect(int port, string userName, string password)
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("egw-demo-fleet")
            .WithCredentials(userName, password).WithCleanSession(true).Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        MqttClientConnectResult result = client.ConnectAsync(options, cts.Token).GetAwaiter().GetResult();
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException("fleet monitor: broker refused the connection: " + result.ResultCode);
        }

        client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("egw/v1/#", MqttQualityOfServiceLevel.AtLeastOnce).Build(), cts.Token)
            .GetAwaiter().GetResult();
    }

    /// <summary>A copy of the statistics (safe to read while frames arrive).</summary>
    public GatewayStats? Stats(string siteAndDevice)
    {
        lock (gate)
        {
            return gateways.TryGetValue(siteAndDevice, out GatewayStats? s) ? Copy(s) : null;
        }
    }

    /// <summary>One line per gateway for the console.</summary>
    public IReadOnlyList<string> SummaryLines()
    {
        var lines = new List<string>();
        lock (gate)
        {
            if (gateways.Count == 0)
            {
                lines.Add("[fleet] no frames received yet");
            }

            foreach (KeyValuePair<string, GatewayStats> kv in gateways)
            {
                GatewayStats s = kv.Value;
                var sb = new StringBuilder();
                sb.Append("[fleet] ").Append(kv.Key).Append(": ").Append(s.Frames).Append(" frames received (birth ").Append(s.Births)
                    .Append(", telemetry ").Append(s.Telemetry).Append(", health ").Append(s.Health).Append(", replayed ").Append(s.Historical)
                    .Append("), boot ").Append(s.Boot).Append(", last seq ").Append(s.HighestSequence)
                    .Append(", gaps ").Append(s.MissingSequences).Append(", duplicates ").Append(s.Duplicates);
                foreach (KeyValuePair<string, double> e in s.Efficiency)
                {
                    sb.Append(", η ").Append(e.Key).Append(' ').Append(e.Value.ToString("F1", CultureInfo.InvariantCulture)).Append(" %");
                }

                if (s.ConfigReported != null)
                {
                    sb.Append(", config ").Append(s.ConfigReported);
                }

                lines.Add(sb.ToString());
            }
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync().ConfigureAwait(false);
        }

        client.Dispose();
    }

    private void OnFrame(string topic, byte[] payload)
    {
        // egw/v1/{site}/{device}/{leaf...}
        string[] parts = topic.Split('/');
        if (parts.Length < 5)
        {
            return;
        }

        string key = parts[2] + "/" + parts[3];
        string leaf = string.Join('/', parts, 4, parts.Length - 4);
        lock (gate)
        {
            if (!gateways.TryGetValue(key, out GatewayStats? s))
            {
                s = new GatewayStats();
                gateways[key] = s;
            }

            if (leaf == Topics.ConfigReported)
            {
                s.ConfigReported = StatusOf(payload);
                return;
            }

            if (leaf == Topics.ConfigDesired)
            {
                return;
            }

            try
            {
                var r = new WireReader(payload, 0, payload.Length);
                r.ReadHeader();
                s.Frames++;
                if (r.IsHistorical)
                {
                    s.Historical++;
                }

                switch (r.Type)
                {
                    case MessageType.Birth:
                        s.Births++;
                        var birth = new BirthInfo();
                        FrameEncoders.ReadBirthBody(r, birth);
                        s.FirmwareVersion = birth.FirmwareVersion;
                        s.ConfigHash = birth.ConfigHash;
                        break;
                    case MessageType.Death:
                        s.Deaths++;
                        break;
                    case MessageType.Telemetry:
                        s.Telemetry++;
                        FrameEncoders.ReadTelemetryBody(r, body);
                        Efficiency(s, body);
                        break;
                    case MessageType.Health:
                        s.Health++;
                        break;
                    case MessageType.Gap:
                        s.GapFrames++;
                        break;
                }

                if (r.Sequence > 0)
                {
                    if (r.BootCounter != s.Boot)
                    {
                        // A new boot starts a new sequence (WIRE.md); replayed frames of an older boot arrive first.
                        s.Boot = r.BootCounter;
                        s.HighestSequence = 0;
                    }

                    if (r.Sequence <= s.HighestSequence)
                    {
                        s.Duplicates++;
                    }
                    else
                    {
                        s.MissingSequences += (long)(r.Sequence - s.HighestSequence - 1);
                        s.HighestSequence = r.Sequence;
                    }
                }
            }
            catch (WireFormatException)
            {
                s.DecodeErrors++;
            }
        }
    }

    private static void Efficiency(GatewayStats s, TelemetryBody t)
    {
        for (int i = 0; i < t.PointCount; i++)
        {
            int code = t.Codes[i];
            if ((code == Measurements.BoilerEfficiencyPercent || code == Measurements.MotorEfficiencyPercent || code == Measurements.TransformerEfficiencyPercent)
                && !double.IsNaN(t.Values[i]))
            {
                s.Efficiency[t.EquipmentId] = t.Values[i];
            }
        }
    }

    private static string StatusOf(byte[] payload)
    {
        string text = Encoding.UTF8.GetString(payload);
        int i = text.IndexOf("\"status\":\"", StringComparison.Ordinal);
        if (i < 0)
        {
            return "?";
        }

        int start = i + 10;
        int end = text.IndexOf('"', start);
        return end > start ? text.Substring(start, end - start) : "?";
    }

    private static GatewayStats Copy(GatewayStats s)
    {
        var c = new GatewayStats
        {
            Frames = s.Frames, Births = s.Births, Deaths = s.Deaths, Telemetry = s.Telemetry, Health = s.Health, GapFrames = s.GapFrames,
            Historical = s.Historical, MissingSequences = s.MissingSequences, Duplicates = s.Duplicates, DecodeErrors = s.DecodeErrors,
            Boot = s.Boot, HighestSequence = s.HighestSequence, FirmwareVersion = s.FirmwareVersion, ConfigHash = s.ConfigHash,
            ConfigReported = s.ConfigReported,
        };
        foreach (KeyValuePair<string, double> kv in s.Efficiency)
        {
            c.Efficiency[kv.Key] = kv.Value;
        }

        return c;
    }
}
