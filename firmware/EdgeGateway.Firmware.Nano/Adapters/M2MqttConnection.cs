using System;
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
        private readonly byte[] _caCertificatePem;
        private readonly IClock _clock;
        private readonly object _ackLock = new object();
        // Ids of acknowledged publishes. A ring, because the PUBACK can arrive before Publish has returned the id.
        private readonly ushort[] _ackedIds = new ushort[AckRingSize];
        private readonly bool[] _ackedValid = new bool[AckRingSize];
        private readonly AutoResetEvent _ackSignal = new AutoResetEvent(false);
        private int _ackNext;
        private MqttClient _client;

        public event MqttMessageHandler MessageReceived;

        /// <param name="caCertificatePem">The broker's CA certificate (PEM bytes); null for a plain TCP broker (port 1883, tests only).</param>
        public M2MqttConnection(string host, int port, byte[] caCertificatePem, IClock clock)
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
            _caCertificatePem = caCertificatePem;
            _clock = clock;
        }

        public bool IsConnected => _client != null && _client.IsConnected;

        public int Connect(string clientId, string userName, string password, string willTopic, byte[] willPayload, int keepAliveSeconds)
        {
            if (keepAliveSeconds < 1 || keepAliveSeconds > ushort.MaxValue)
            {
                throw new InputException("uplink.keepAliveSeconds", keepAliveSeconds.ToString(), "1 to 65535 seconds");
            }

            DropClient();
            MqttClient client;
            try
            {
                bool secure = _caCertificatePem != null;
                X509Certificate caCert = secure ? new X509Certificate(_caCertificatePem) : null;
                client = new MqttClient(_host, _port, secure, caCert, null, secure ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception)
            {
                return TransportFailureCode;
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
            catch (Exception)
            {
                client.MqttMsgPublished -= OnPublished;
                client.MqttMsgPublishReceived -= OnPublishReceived;
                return TransportFailureCode;
            }

            if (code != MqttReasonCode.Success)
            {
                client.MqttMsgPublished -= OnPublished;
                client.MqttMsgPublishReceived -= OnPublishReceived;
                return (int)code;
            }

            _client = client;
            return 0;
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
