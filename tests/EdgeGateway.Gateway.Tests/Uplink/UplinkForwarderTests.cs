using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Firmware.Linux.Storage;
using EdgeGateway.Firmware.Linux.Uplink;
using EdgeGateway.Gateway.Tests.Peers;
using EdgeGateway.Gateway.Tests.StoreForward;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Uplink;

/// <summary>
/// Store → MQTT forwarding against a real mosquitto: order, acknowledgement before release, historical marking and
/// paced replay after an outage, birth before data, reconnect with backoff after the broker dies.
/// Time for pacing and backoff is a manual clock, so the assertions count frames instead of measuring time.
/// </summary>
public sealed class UplinkForwarderTests : IDisposable
{
    private readonly MosquittoBroker broker = new();
    private readonly StoreDirectory dir = new();

    public void Dispose()
    {
        broker.Dispose();
        dir.Dispose();
    }

    private static byte[] Frame(MessageType type, ulong sequence)
    {
        var w = new WireWriter(new byte[128]);
        w.WriteHeader(type, 0, 3, sequence, 1764028800000L + (long)sequence);
        w.WriteAscii("boiler-1");
        w.WriteVarUInt(1);
        w.WritePoint(Measurements.SteamFlowTph, PointQuality.Good, sequence * 0.5);
        return w.Buffer.AsSpan(0, w.Length).ToArray();
    }

    private static void Queue(RecordStore store, ulong first, int count)
    {
        for (ulong s = first; s < first + (ulong)count; s++)
        {
            byte[] f = Frame(MessageType.Telemetry, s);
            store.Append(f, 0, f.Length);
        }

        store.Flush();
    }

    private sealed class Subscriber : IDisposable
    {
        private readonly MqttNetConnection connection;

        public Subscriber(MosquittoBroker broker, string filter)
        {
            connection = new MqttNetConnection(new MqttEndpoint { Port = broker.PlainPort });
            Assert.Equal(0, connection.Connect("fleet-" + Guid.NewGuid().ToString("N")[..6], MosquittoBroker.User, MosquittoBroker.Password, null!, null!, 30));
            connection.MessageReceived += (t, p) => Messages.Add((t, p));
            connection.Subscribe(filter);
        }

        public BlockingCollection<(string Topic, byte[] Payload)> Messages { get; } = new();

        /// <summary>Takes the next telemetry frame's (sequence, historical) or fails after a timeout.</summary>
        public (ulong Sequence, bool Historical) NextData()
        {
            while (Messages.TryTake(out var m, 10000))
            {
                if (m.Topic.EndsWith("/data", StringComparison.Ordinal))
                {
                    var r = new WireReader(m.Payload, 0, m.Payload.Length);
                    r.ReadHeader();
                    return (r.Sequence, r.IsHistorical);
                }
            }

            throw new TimeoutException("no telemetry frame arrived");
        }

        public void Dispose() => connection.Dispose();
    }

    private static UplinkForwarder Forwarder(IMqttConnection connection, RecordStore store, ManualClock clock, int replayPerSecond) =>
        new(connection, store, clock, new UplinkSettings
        {
            SiteId = "site-f",
            DeviceId = "gw-f",
            UserName = MosquittoBroker.User,
            Password = MosquittoBroker.Password,
            ReplayMaxPerSecond = replayPerSecond,
            BackoffInitialMs = 1000,
            BackoffMaxMs = 8000,
            PublishTimeoutMs = 3000,
        }, randomSeed: 1);

    [Fact]
    public void Backlog_is_replayed_in_order_marked_historical_at_the_configured_rate_after_the_birth()
    {
        var store = new RecordStore(new DirectoryStoreFiles(dir.Path), new RecordStoreOptions());
        store.Open();
        Queue(store, 1, 25);
        using var fleet = new Subscriber(broker, "egw/v1/site-f/gw-f/#");
        using var connection = new MqttNetConnection(new MqttEndpoint { Host = "localhost", Port = broker.TlsPort, UseTls = true, CaCertificatePemPath = broker.CaCertificatePath });
        var clock = new ManualClock();
        var forwarder = Forwarder(connection, store, clock, replayPerSecond: 10);
        byte[] birth = Frame(MessageType.Birth, 0);
        forwarder.SetBirthAndDeath(birth, birth.Length, Frame(MessageType.Death, 0));

        // Pacing: one token at connect, then ReplayMaxPerSecond per second of (manual) time, capped at one second's worth.
        Assert.Equal(1, forwarder.Step());
        Assert.Equal(UplinkState.Replaying, forwarder.State);
        Assert.Equal(0, forwarder.Step());
        clock.Advance(1000);
        Assert.Equal(10, forwarder.Step());
        clock.Advance(5000);
        Assert.Equal(10, forwarder.Step()); // not 50: a burst is capped
        clock.Advance(1000);
        Assert.Equal(4, forwarder.Step());  // the rest of the backlog
        Assert.Equal(UplinkState.Connected, forwarder.State);
        Assert.Equal(0, store.BacklogRecords);

        // Live frames after the replay are sent at once and not marked historical.
        Queue(store, 26, 3);
        Assert.Equal(3, forwarder.Step());

        var first = fleet.Messages.Take();
        Assert.EndsWith("/birth", first.Topic, StringComparison.Ordinal);
        for (ulong s = 1; s <= 25; s++)
        {
            Assert.Equal((s, true), fleet.NextData());
        }

        for (ulong s = 26; s <= 28; s++)
        {
            Assert.Equal((s, false), fleet.NextData());
        }

        Assert.Equal(25, forwarder.ReplayedFrames);
        Assert.Equal(28, forwarder.PublishedFrames);
    }

    private static string CaCertificatePath(MosquittoBroker broker) => broker.CaCertificatePath;

    [Fact]
    public void Broker_outage_keeps_frames_queued_backs_off_and_delivers_everything_after_it_returns()
    {
        var store = new RecordStore(new DirectoryStoreFiles(dir.Path), new RecordStoreOptions());
        store.Open();
        using var connection = new MqttNetConnection(new MqttEndpoint { Port = broker.PlainPort, ConnectTimeoutMs = 2000 });
        var clock = new ManualClock();
        var forwarder = Forwarder(connection, store, clock, replayPerSecond: 1000);
        var delivered = new List<ulong>();
        using (var fleet = new Subscriber(broker, "egw/v1/site-f/gw-f/data"))
        {
            Assert.Equal(0, forwarder.Step()); // connects; nothing queued yet
            Assert.Equal(UplinkState.Connected, forwarder.State);
            Queue(store, 1, 5);
            Assert.Equal(5, forwarder.Step()); // live frames go out at once
            for (int i = 0; i < 5; i++)
            {
                delivered.Add(fleet.NextData().Sequence);
            }
        }

        broker.Kill();
        Queue(store, 6, 20); // measurements keep arriving during the outage
        Assert.Equal(0, forwarder.Step()); // publish fails or the session is found dead
        Assert.Equal(20, store.BacklogRecords);
        int attempts = forwarder.ConnectAttempts;

        // While the broker is down, attempts follow the backoff: none before it expires, one after.
        clock.Advance(100);
        Assert.Equal(0, forwarder.Step());
        clock.Advance(1500);
        forwarder.Step();
        clock.Advance(100);
        forwarder.Step();
        Assert.Equal(attempts + 1, forwarder.ConnectAttempts);
        Assert.Equal(UplinkState.WaitingToReconnect, forwarder.State);
        Assert.NotEqual(0, forwarder.LastConnectCode);
        Assert.Equal(20, store.BacklogRecords); // nothing released without a broker acknowledgement

        broker.Start();
        using (var fleet = new Subscriber(broker, "egw/v1/site-f/gw-f/data"))
        {
            clock.Advance(10000);
            int sent = 0;
            for (int i = 0; i < 10 && store.BacklogRecords > 0; i++)
            {
                sent += forwarder.Step();
                clock.Advance(1000);
            }

            Assert.Equal(0, store.BacklogRecords);
            Assert.True(sent >= 20);
            while (delivered.Count < 25)
            {
                var (seq, historical) = fleet.NextData();
                Assert.True(historical, $"frame {seq} queued during the outage was not marked historical");
                if (!delivered.Contains(seq))
                {
                    delivered.Add(seq); // at-least-once: a frame in flight at the outage may come twice
                }
            }
        }

        Assert.Equal(new List<ulong> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25 }, delivered);
    }
}
