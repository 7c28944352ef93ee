using System;
using System.Buffers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using EdgeGateway.Firmware.Core.Uplink;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeGateway.Firmware.Linux.Uplink;

/// <summary>
/// The uplink's MQTT session on Linux gateways, on MQTTnet 5. The portable core is synchronous (nanoFramework has no
/// async), so each call blocks on MQTTnet's task with a timeout. MQTTnet does not throw on a refused connection — the
/// CONNACK result code is checked and returned.
/// </summary>
public sealed class MqttNetConnection : IMqttConnection, IDisposable
{
    private readonly MqttEndpoint endpoint;
    private readonly IMqttClient client;
    private readonly X509Certificate2Collection? trustedCa;
    private string? certificateProblem;

    public MqttNetConnection(MqttEndpoint endpoint)
    {
        this.endpoint = endpoint;
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessage;
        if (endpoint.CaCertificatePemPath != null)
        {
            trustedCa = new X509Certificate2Collection();
            try
            {
                trustedCa.ImportFromPemFile(endpoint.CaCertificatePemPath);
            }
            catch (Exception e) when (e is System.IO.IOException or CryptographicException or UnauthorizedAccessException)
            {
                throw new EdgeGateway.Shared.Errors.InputException("uplink.caCertificate", endpoint.CaCertificatePemPath,
                    "must be a readable PEM file with the broker's CA certificate (" + e.Message + ")");
            }

            if (trustedCa.Count == 0)
            {
                throw new EdgeGateway.Shared.Errors.InputException("uplink.caCertificate", endpoint.CaCertificatePemPath, "holds no PEM certificate");
            }
        }
    }

    public event MqttMessageHandler? MessageReceived;

    public bool IsConnected => client.IsConnected;

    /// <summary>Why the last Connect failed, for the status page and logs ("" after a success).</summary>
    public string LastError { get; private set; } = "";

    public int Connect(string clientId, string userName, string password, string willTopic, byte[] willPayload, int keepAliveSeconds)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(endpoint.Host, endpoint.Port)
            .WithClientId(clientId)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAliveSeconds))
            .WithTimeout(TimeSpan.FromMilliseconds(endpoint.ConnectTimeoutMs))
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311);
        if (!string.IsNullOrEmpty(userName))
        {
            builder.WithCredentials(userName, password);
        }

        if (willTopic != null)
        {
            builder.WithWillTopic(willTopic).WithWillPayload(willPayload).WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithWillRetain(true);
        }

        if (endpoint.UseTls)
        {
            builder.WithTlsOptions(o =>
            {
                o.UseTls(true).WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13).WithTargetHost(endpoint.Host);
                if (trustedCa != null)
                {
                    o.WithCertificateValidationHandler(ValidateAgainstCa);
                }
            });
        }

        certificateProblem = null;
        try
        {
            using var cts = new CancellationTokenSource(endpoint.ConnectTimeoutMs);
            MqttClientConnectResult result = client.ConnectAsync(builder.Build(), cts.Token).GetAwaiter().GetResult();
            LastError = result.ResultCode == MqttClientConnectResultCode.Success ? "" : "broker refused: " + result.ResultCode;
            return (int)result.ResultCode;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or AuthenticationException or System.Net.Sockets.SocketException or MQTTnet.Adapter.MqttConnectingFailedException)
        {
            LastError = certificateProblem ?? Describe(e);
            return -1; // no CONNACK at all: network, TLS or timeout
        }
    }

    public bool Publish(string topic, byte[] payload, int count, int qos, bool retain, int timeoutMs)
    {
        if (!client.IsConnected)
        {
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(new ArraySegment<byte>(payload, 0, count))
            .WithQualityOfServiceLevel(qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        try
        {
            using var cts = new CancellationTokenSource(timeoutMs);
            MqttClientPublishResult result = client.PublishAsync(message, cts.Token).GetAwaiter().GetResult();
            return result.IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or MQTTnet.Exceptions.MqttClientNotConnectedException or InvalidOperationException)
        {
            LastError = Describe(e);
            return false;
        }
    }

    public void Subscribe(string topicFilter)
    {
        var options = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build();
        using var cts = new CancellationTokenSource(endpoint.ConnectTimeoutMs);
        client.SubscribeAsync(options, cts.Token).GetAwaiter().GetResult();
    }

    public void Disconnect()
    {
        if (client.IsConnected)
        {
            try
            {
                using var cts = new CancellationTokenSource(2000);
                client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cts.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                LastError = Describe(e);
            }
        }
    }

    public void Dispose()
    {
        Disconnect();
        client.Dispose();
    }

    /// <summary>Drops the connection without a DISCONNECT packet, as a power cut would (the broker then sends the will).</summary>
    public void Abort() => client.Dispose();

    private bool ValidateAgainstCa(MqttClientCertificateValidationEventArgs args)
    {
        if ((args.SslPolicyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || args.Certificate == null)
        {
            certificateProblem = "broker certificate does not name " + endpoint.Host + ": check uplink.host against the certificate's subjectAltName";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedCa!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = X509CertificateLoader.LoadCertificate(args.Certificate.GetRawCertData());
        bool ok = chain.Build(certificate);
        if (!ok)
        {
            certificateProblem = "broker certificate does not chain to the configured CA (uplink.caCertificate): wrong CA file, or a broker impersonating the fleet";
        }

        return ok;
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        byte[] payload = e.ApplicationMessage.Payload.ToArray();
        MessageReceived?.Invoke(e.ApplicationMessage.Topic, payload);
        return Task.CompletedTask;
    }

    private static string Describe(Exception e) => e.GetBaseException().Message;
}
