using System;
using System.Net;
using System.Threading.Tasks;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace EdgeGateway.Cli.Demo;

/// <summary>
/// The demo's MQTT broker, in-process (MQTTnet.Server) on 127.0.0.1 with one user name and password, so `egw demo`
/// needs no mosquitto. Retained messages (birth, config/reported, config/desired) are kept in memory. Not a
/// production broker: no TLS, no persistence; a real fleet uses mosquitto or the fleet service's broker.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer server;

    public EmbeddedBroker(int port, string userName, string password)
    {
        var factory = new MqttServerFactory();
        MqttServerOptions options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        server = factory.CreateMqttServer(options);
        server.ValidatingConnectionAsync += e =>
        {
            if (e.UserName != userName || e.Password != password)
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        Port = port;
        UserName = userName;
        Password = password;
    }

    public int Port { get; }

    public string UserName { get; }

    public string Password { get; }

    public void Start() => server.StartAsync().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync().ConfigureAwait(false);
        server.Dispose();
    }
}
