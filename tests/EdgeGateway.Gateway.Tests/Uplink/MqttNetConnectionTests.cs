using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using EdgeGateway.Firmware.Linux.Uplink;
using EdgeGateway.Gateway.Tests.Peers;

namespace EdgeGateway.Gateway.Tests.Uplink;

/// <summary>The Linux MQTT adapter (MQTTnet 5) against a real mosquitto with TLS and password authentication.</summary>
public sealed class MqttNetConnectionTests : IClassFixture<MosquittoBroker>
{
    private readonly MosquittoBroker broker;

    public MqttNetConnectionTests(MosquittoBroker broker) => this.broker = broker;

    private MqttNetConnection Tls(string? ca = null) => new(new MqttEndpoint
    {
        Host = "127.0.0.1",
        Port = broker.TlsPort,
        UseTls = true,
        CaCertificatePemPath = ca ?? broker.CaCertificatePath,
        ConnectTimeoutMs = 5000,
    });

    private MqttNetConnection Plain() => new(new MqttEndpoint { Host = "127.0.0.1", Port = broker.PlainPort, ConnectTimeoutMs = 5000 });

    [Fact]
    public void Publishes_over_TLS_with_credentials_and_a_subscriber_receives_the_exact_bytes()
    {
        using var subscriber = Plain();
        Assert.Equal(0, subscriber.Connect("sub-" + Guid.NewGuid().ToString("N")[..8], MosquittoBroker.User, MosquittoBroker.Password, null!, null!, 30));
        var received = new BlockingCollection<(string Topic, byte[] Payload)>();
        subscriber.MessageReceived += (t, p) => received.Add((t, p));
        subscriber.Subscribe("egw/v1/site-a/#");

        using var gateway = Tls();
        int code = gateway.Connect("gw-tls", MosquittoBroker.User, MosquittoBroker.Password, "egw/v1/site-a/gw-tls/death", new byte[] { 1 }, 30);
        Assert.True(code == 0, "connect failed: " + gateway.LastError);
        byte[] buffer = new byte[64];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(255 - i);
        }

        Assert.True(gateway.Publish("egw/v1/site-a/gw-tls/data", buffer, 10, 1, false, 5000));
        Assert.True(received.TryTake(out var message, 5000), "nothing arrived at the subscriber");
        Assert.Equal("egw/v1/site-a/gw-tls/data", message.Topic);
        Assert.Equal(buffer[..10], message.Payload); // exactly the counted bytes, not the whole buffer
    }

    [Fact]
    public void Wrong_password_returns_the_brokers_refusal_code_and_does_not_throw()
    {
        using var gateway = Tls();
        int code = gateway.Connect("gw-badpw", MosquittoBroker.User, "wrong", null!, null!, 30);
        Assert.NotEqual(0, code);
        Assert.True(code > 0, $"expected a CONNACK refusal code, got {code}: {gateway.LastError}");
        Assert.False(gateway.IsConnected);
        Assert.False(gateway.Publish("egw/v1/s/d/data", new byte[] { 1 }, 1, 1, false, 1000));
    }

    [Fact]
    public void A_broker_whose_certificate_does_not_chain_to_the_configured_CA_is_refused()
    {
        using var gateway = Tls(broker.OtherCaCertificatePath);
        int code = gateway.Connect("gw-otherca", MosquittoBroker.User, MosquittoBroker.Password, null!, null!, 30);
        Assert.Equal(-1, code);
        Assert.False(gateway.IsConnected);
        Assert.True(gateway.LastError.Contains("CA", StringComparison.Ordinal), gateway.LastError);
    }

    [Fact]
    public void A_missing_CA_file_is_a_configuration_error_naming_the_setting()
    {
        var ex = Assert.Throws<EdgeGateway.Shared.Errors.InputException>(() => Tls("/nonexistent/ca.pem"));
        Assert.Equal("uplink.caCertificate", ex.Field);
    }

    [Fact]
    public void The_death_message_is_published_by_the_broker_when_the_gateway_vanishes()
    {
        using var subscriber = Plain();
        Assert.Equal(0, subscriber.Connect("sub-will", MosquittoBroker.User, MosquittoBroker.Password, null!, null!, 30));
        var received = new BlockingCollection<(string Topic, byte[] Payload)>();
        subscriber.MessageReceived += (t, p) => received.Add((t, p));
        subscriber.Subscribe("egw/v1/site-w/+/death");

        var gateway = Plain();
        Assert.Equal(0, gateway.Connect("gw-will", MosquittoBroker.User, MosquittoBroker.Password, "egw/v1/site-w/gw-will/death", Encoding.ASCII.GetBytes("dead"), 30));
        gateway.Abort(); // the TCP connection drops without a DISCONNECT packet, as when power is cut

        Assert.True(received.TryTake(out var message, 10000), "the broker published no will");
        Assert.Equal("egw/v1/site-w/gw-will/death", message.Topic);
        Assert.Equal("dead", Encoding.ASCII.GetString(message.Payload));
    }
}
