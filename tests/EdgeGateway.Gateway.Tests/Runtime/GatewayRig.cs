using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EdgeGateway.Firmware.Core.Reporting;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Firmware.Linux.Runtime;
using EdgeGateway.Gateway.Tests.Peers;
using EdgeGateway.Hardware.Simulation;
using EdgeGateway.Shared.Wire;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeGateway.Gateway.Tests.Runtime;

/// <summary>One frame as the fleet side received it.</summary>
public sealed record ReceivedFrame(string Topic, MessageType Type, byte Flags, uint Boot, ulong Sequence, string? EquipmentId, Dictionary<int, (double Value, PointQuality Quality)> Points, string? Text)
{
    public bool Historical => (Flags & WireFormat.FlagHistorical) != 0;
}

/// <summary>
/// The fleet side for a test: an MQTTnet client on the real broker, subscribed to one gateway's topics, decoding
/// every frame with the shared wire reader and the frame decoders.
/// </summary>
public sealed class FleetSubscriber : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private readonly List<ReceivedFrame> frames = new();
    private readonly string filter;

    public FleetSubscriber(string site, string device)
    {
        filter = Topics.For(site, device, "#");
        client.ApplicationMessageReceivedAsync += e =>
        {
            byte[] payload = e.ApplicationMessage.Payload.ToArray();
            string topic = e.ApplicationMessage.Topic;
            ReceivedFrame? f = Decode(topic, payload);
            if (f != null)
            {
                lock (frames)
                {
                    frames.Add(f);
                }
            }

            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<ReceivedFrame> Frames
    {
        get
        {
            lock (frames)
            {
                return frames.ToList();
            }
        }
    }

    public async Task ConnectAsync(int port)
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("fleet-" + Guid.NewGuid().ToString("N")[..8])
            .WithCredentials(MosquittoBroker.User, MosquittoBroker.Password).WithCleanSession(true).Build();
        MqttClientConnectResult r = await client.ConnectAsync(options);
        Assert.Equal(MqttClientConnectResultCode.Success, r.ResultCode);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
    }

    public async Task PublishAsync(string topic, byte[] payload, bool retain)
    {
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
        }

        client.Dispose();
    }

    private static ReceivedFrame? Decode(string topic, byte[] payload)
    {
        if (topic.EndsWith("/" + Topics.ConfigReported, StringComparison.Ordinal) || topic.EndsWith("/" + Topics.ConfigDesired, StringComparison.Ordinal))
        {
            return new ReceivedFrame(topic, MessageType.ConfigReported, 0, 0, 0, null, new(), System.Text.Encoding.UTF8.GetString(payload));
        }

        var r = new WireReader(payload, 0, payload.Length);
        r.ReadHeader();
        var points = new Dictionary<int, (double, PointQuality)>();
        string? equipment = null;
        if (r.Type == MessageType.Telemetry)
        {
            var body = new TelemetryBody();
            FrameEncoders.ReadTelemetryBody(r, body);
            equipment = body.EquipmentId;
            for (int i = 0; i < body.PointCount; i++)
            {
                points[body.Codes[i]] = (body.Values[i], body.Qualities[i]);
            }
        }

        return new ReceivedFrame(topic, r.Type, r.Flags, r.BootCounter, r.Sequence, equipment, points, null);
    }
}

/// <summary>
/// A TCP forwarder between the gateway and the broker. The tests kill the real broker for outages; the gate lets a
/// test hold the gateway off until the fleet subscriber is back on the restarted broker, so nothing it publishes
/// right after the restart can go to a broker with no subscriber yet (mosquitto runs without persistence).
/// </summary>
public sealed class GatedTcpProxy : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> open = new();
    private volatile bool gateOpen = true;

    public GatedTcpProxy(int targetPort)
    {
        this.targetPort = targetPort;
        listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>While closed, new connections are accepted and dropped at once (as a broker that is down).</summary>
    public bool GateOpen
    {
        get => gateOpen;
        set => gateOpen = value;
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (open)
        {
            foreach (TcpClient c in open)
            {
                c.Dispose();
            }
        }

        stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (!gateOpen)
            {
                inbound.Dispose();
                continue;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, targetPort);
            }
            catch (SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (open)
            {
                open.Add(inbound);
                open.Add(outbound);
            }

            _ = Pump(inbound, outbound);
            _ = Pump(outbound, inbound);
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to)
    {
        byte[] buffer = new byte[16384];
        try
        {
            NetworkStream a = from.GetStream();
            NetworkStream b = to.GetStream();
            while (true)
            {
                int n = await a.ReadAsync(buffer);
                if (n == 0)
                {
                    break;
                }

                await b.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }

        from.Dispose();
        to.Dispose();
    }
}

/// <summary>
/// Simulators of firmware/samples/gateway.json on free ports, a configuration written from the sample that points at
/// them and at the test's mosquitto, and the gateway host (runtime + status page on a free port).
/// </summary>
public sealed class GatewayRig : IAsyncDisposable
{
    private static readonly (string Bus, string Kind)[] Sims =
    {
        ("sim-gas-boiler", "gas"), ("sim-coal-boiler", "coal"), ("sim-motor", "motor"), ("sim-transformer", "transformer"),
    };

    private readonly CancellationTokenSource simStop = new();
    private readonly List<Task> simLoops = new();
    private readonly Dictionary<string, SimulationHost> sims = new();

    public GatewayRig(int brokerPort, Action<JsonObject>? edit = null, double steadyWindowS = 10)
    {
        Root = FindRepoRoot();
        SiteId = "test-site";
        DeviceId = "gw-" + Guid.NewGuid().ToString("N")[..10];
        StateDir = Path.Combine(Path.GetTempPath(), "egw-rt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(StateDir);

        JsonObject config = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "firmware", "samples", "gateway.json")))!.AsObject();
        config["gateway"]!["siteId"] = SiteId;
        config["gateway"]!["deviceId"] = DeviceId;
        var clock = new HostClock();
        foreach (JsonNode? bus in config["buses"]!.AsArray())
        {
            string id = (string)bus!["id"]!;
            string kind = Sims.First(s => s.Bus == id).Kind;
            SimulatedDevice device = kind switch
            {
                "gas" => new BoilerModel(EdgeGateway.Hardware.Simulation.BoilerFuel.Gas, Scenario.Compliant, 1, clock, 11),
                "coal" => new BoilerModel(EdgeGateway.Hardware.Simulation.BoilerFuel.Coal, Scenario.Compliant, 1, clock, 12),
                "motor" => new MotorModel(Scenario.Compliant, 1, clock, 13),
                _ => new TransformerModel(Scenario.Compliant, 1, clock, 14),
            };
            var host = new SimulationHost(device);
            host.StartTcp(new IPEndPoint(IPAddress.Loopback, 0));
            simLoops.Add(host.RunAsync(500, null, simStop.Token));
            sims[kind] = host;
            bus["port"] = host.TcpEndPoint!.Port;
            bus["timeoutMs"] = 300;
        }

        JsonObject uplink = config["uplink"]!.AsObject();
        uplink["port"] = brokerPort;
        uplink["username"] = MosquittoBroker.User;
        uplink["password"] = MosquittoBroker.Password;
        uplink["backoffInitialMs"] = 200;
        uplink["backoffMaxMs"] = 1000;
        uplink["replayMaxPerSecond"] = 500;
        config["store"]!["path"] = Path.Combine(StateDir, "store");
        config["reporting"]!["healthIntervalS"] = 10;
        edit?.Invoke(config);
        Config = config;
        ConfigPath = Path.Combine(StateDir, "test-gateway.json");
        File.WriteAllText(ConfigPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        Host = new LinuxGatewayHost(new LinuxGatewayHostOptions
        {
            ConfigPath = ConfigPath,
            StateDirectory = Path.Combine(StateDir, "state"),
            DevicesRoot = Path.Combine(Root, "hardware", "devices"),
            StatusPort = 0,
            StatusBindAddress = "127.0.0.1",
            SimulateGpio = true,
            Runtime = new RuntimeOptions { SteadyWindowSeconds = steadyWindowS },
        });
    }

    public string Root { get; }

    public string SiteId { get; }

    public string DeviceId { get; }

    public string StateDir { get; }

    public JsonObject Config { get; }

    public string ConfigPath { get; }

    public LinuxGatewayHost Host { get; }

    public SimulationHost Sim(string kind) => sims[kind];

    /// <summary>Stops one simulator (its slaves stop answering: connection refused).</summary>
    public async Task StopSimAsync(string kind)
    {
        SimulationHost h = sims[kind];
        sims.Remove(kind);
        await h.DisposeAsync();
    }

    public string Topic(string leaf) => Topics.For(SiteId, DeviceId, leaf);

    public async Task<JsonElement> StatusJsonAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string text = await http.GetStringAsync(new Uri(Host.StatusServer!.BaseAddress, "status.json"));
        using JsonDocument d = JsonDocument.Parse(text);
        return d.RootElement.Clone();
    }

    public static JsonElement Equipment(JsonElement status, string id) =>
        status.GetProperty("equipment").EnumerateArray().First(e => e.GetProperty("id").GetString() == id);

    public static JsonElement Device(JsonElement status, string id) =>
        status.GetProperty("devices").EnumerateArray().First(e => e.GetProperty("id").GetString() == id);

    /// <summary>Polls <paramref name="condition"/> every 100 ms until true or the time is up; fails with <paramref name="what"/>.</summary>
    public static async Task WaitUntil(Func<bool> condition, int timeoutS, Func<string> what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(timeoutS);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("not within " + timeoutS + " s: " + what());
            }

            await Task.Delay(100);
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, int timeoutS, Func<string> what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(timeoutS);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("not within " + timeoutS + " s: " + what());
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        simStop.Cancel();
        foreach (Task t in simLoops)
        {
            await t;
        }

        foreach (SimulationHost h in sims.Values)
        {
            await h.DisposeAsync();
        }

        simStop.Dispose();
        try
        {
            Directory.Delete(StateDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string FindRepoRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "EdgeGateway.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("repository root (EdgeGateway.sln) not found above " + AppContext.BaseDirectory);
    }
}
