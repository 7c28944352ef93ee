using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Shared.Errors;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>
    /// IMqttConnection on nanoFramework.M2Mqtt (MQTT 3.1.1 over TLS 1.2 with the broker's CA certificate).
    /// The CA certificate is the PEM text from the configuration or a PEM file on the device (e.g. I:\ca.pem). It is
    /// read and parsed at the first connect attempt, so a certificate deployed later is picked up without a reboot;
    /// it goes to X509Certificate(string), which keeps the NUL terminator mbedTLS needs to parse PEM.
    /// Without a certificate TLS still verifies the broker, against the CA root stored on the device by
    /// nanoff --networkdeployment.
    /// QoS 1 publishes block until M2Mqtt raises MqttMsgPublished for that message id (the broker's PUBACK).
    /// M2Mqtt takes the will message as a string, so will payloads must be UTF-8 text.
    /// </summary>
    public sealed class M2MqttConnection : IMqttConnection
    {
        /// <summary>Returned by Connect when no CONNACK arrived (DNS, TCP or TLS failure).</summary>
        public const int TransportFailureCode = -1;

        private const int AckRingSize = 16;

        private readonly string _host;
        private readonly int _port;
        private readonly bool _tls;
        private readonly string _caCertificate;
        private X509Certificate _ca;
        private readonly IClock _clock;
        private readonly object _ackLock = new object();
        // Ids of acknowledged publishes. A ring, because the PUBACK can arrive before Publish has returned the id.
        private readonly ushort[] _ackedIds = new ushort[AckRingSize];
        private readonly bool[] _ackedValid = new bool[AckRingSize];
        private readonly AutoResetEvent _ackSignal = new AutoResetEvent(false);
        private int _ackNext;
        private MqttClient _client;

        public event MqttMessageHandler MessageReceived;

        /// <param name="tls">MQTT over TLS 1.2 (false: plain TCP, port 1883, tests only).</param>
        /// <param name="caCertificate">The broker's CA certificate: PEM text ("-----BEGIN ...") or the path of a PEM file; null: the device's stored CA root.</param>
        public M2MqttConnection(string host, int port, bool tls, string caCertificate, IClock clock)
        {
            if (host == null || host.Length == 0)
            {
                throw new InputException("uplink.host", "(empty)", "the MQTT broker's host name");
            }

            if (port < 1 || port > 65535)
            {
                throw new InputException("uplink.port", port.ToString(), "1 to 65535 (8883 for MQTT over TLS)");
            }

            _host = host;
            _port = port;
            _tls = tls;
            _caCertificate = caCertificate;
            _clock = clock;
        }

        public bool IsConnected => _client != null && _client.IsConnected;

        /// <summary>Why the last connect failed (for the status page); null after a successful connect.</summary>
        public string LastError { get; private set; }

        public int Connect(string clientId, string userName, string password, string willTopic, byte[] willPayload, int keepAliveSeconds)
        {
            if (keepAliveSeconds < 1 || keepAliveSeconds > ushort.MaxValue)
            {
                throw new InputException("uplink.keepAliveSeconds", keepAliveSeconds.ToString(), "1 to 65535 seconds");
            }

            DropClient();
            MqttClient client;
            string step = "CA certificate";
            try
            {
                if (_tls && _ca == null && _caCertificate != null)
                {
                    string pem = _caCertificate;
                    if (!pem.StartsWith("-----BEGIN"))
                    {
                        if (!File.Exists(pem))
                        {
                            return Fail("CA certificate file " + pem + " not found: deploy it with nanoff --filedeployment", null);
                        }

                        byte[] bytes = File.ReadAllBytes(pem);
                        pem = Encoding.UTF8.GetString(bytes, 0, bytes.Length);
                    }

                    _ca = new X509Certificate(pem);
                }

                step = "connect to " + _host + ":" + _port.ToString();
                client = new MqttClient(_host, _port, _tls, _ca, null, _tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception ex)
            {
                return Fail(step, ex);
            }

            client.MqttMsgPublished += OnPublished;
            client.MqttMsgPublishReceived += OnPublishReceived;
            bool hasWill = willTopic != null && willPayload != null;
            string willText = hasWill ? Encoding.UTF8.GetString(willPayload, 0, willPayload.Length) : null;
            MqttReasonCode code;
            try
            {
                code = client.Connect(clientId, userName, password, false, MqttQoSLevel.AtLeastOnce, hasWill, willTopic, willText, true, (ushort)keepAliveSeconds);
            }
            catch (Exception ex)
            {
                client.MqttMsgPublished -= OnPublished;
                client.MqttMsgPublishReceived -= OnPublishReceived;
                return Fail("MQTT connect (TLS handshake or CONNACK)", ex);
            }

            if (code != MqttReasonCode.Success)
            {
                client.MqttMsgPublished -= OnPublished;
                client.MqttMsgPublishReceived -= OnPublishReceived;
                LastError = "broker refused the connection, code " + ((int)code).ToString();
                return (int)code;
            }

            _client = client;
            LastError = null;
            return 0;
        }

        private int Fail(string what, Exception ex)
        {
            // nanoFramework exceptions often carry no message: name the type then.
            LastError = ex == null ? what : what + ": " + (ex.Message != null && ex.Message.Length > 0 ? ex.Message : ex.GetType().FullName);
            return TransportFailureCode;
        }

        public bool Publish(string topic, byte[] payload, int count, int qos, bool retain, int timeoutMs)
        {
            if (count != payload.Length)
            {
                // M2Mqtt publishes whole arrays: copy the used part of the uplink's reused buffer.
                byte[] exact = new byte[count];
                Array.Copy(payload, exact, count);
                payload = exact;
            }

            MqttQoSLevel level;
            if (qos == 0)
            {
                level = MqttQoSLevel.AtMostOnce;
            }
            else if (qos == 1)
            {
                level = MqttQoSLevel.AtLeastOnce;
            }
            else
            {
                throw new InputException("uplink.qos", qos.ToString(), "0 or 1 (QoS 2 is not used by the gateway)");
            }

            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            ushort messageId;
            try
            {
                messageId = client.Publish(topic, payload, null, null, level, retain);
            }
            catch (Exception)
            {
                return false;
            }

            if (level == MqttQoSLevel.AtMostOnce)
            {
                return true;
            }

            long deadline = _clock.MonotonicMilliseconds + timeoutMs;
            while (true)
            {
                if (TakeAck(messageId))
                {
                    return true;
                }

                long remaining = deadline - _clock.MonotonicMilliseconds;
                if (remaining <= 0)
                {
                    return false;
                }

                _ackSignal.WaitOne((int)remaining, false);
            }
        }

        public void Subscribe(string topicFilter)
        {
            MqttClient client = _client;
            if (client == null)
            {
                throw new InvalidOperationException("subscribe to " + topicFilter + " needs a connection: call Connect first");
            }

            client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
        }

        public void Disconnect()
        {
            MqttClient client = _client;
            if (client != null && client.IsConnected)
            {
                try
                {
                    client.Disconnect();
                }
                catch (Exception)
                {
                    // Already broken: nothing more to close cleanly.
                }
            }

            DropClient();
        }

        private void DropClient()
        {
            MqttClient client = _client;
            _client = null;
            if (client != null)
            {
                client.MqttMsgPublished -= OnPublished;
                client.MqttMsgPublishReceived -= OnPublishReceived;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            if (!e.IsPublished)
            {
                return;
            }

            lock (_ackLock)
            {
                _ackedIds[_ackNext] = e.MessageId;
                _ackedValid[_ackNext] = true;
                _ackNext = (_ackNext + 1) % AckRingSize;
            }

            _ackSignal.Set();
        }

        private bool TakeAck(ushort messageId)
        {
            lock (_ackLock)
            {
                for (int i = 0; i < AckRingSize; i++)
                {
                    if (_ackedValid[i] && _ackedIds[i] == messageId)
                    {
                        _ackedValid[i] = false;
                        return true;
                    }
                }
            }

            return false;
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(e.Topic, e.Message);
            }
        }
    }
}
