namespace EdgeGateway.Firmware.Core.Uplink
{
    /// <summary>Called when a message arrives on a subscribed topic (remote configuration, commands).</summary>
    public delegate void MqttMessageHandler(string topic, byte[] payload);

    /// <summary>
    /// The uplink's MQTT session, implemented with MQTTnet 5 on Linux and nanoFramework.M2Mqtt on devices.
    /// Synchronous because nanoFramework's stable track has no async/await.
    /// </summary>
    public interface IMqttConnection
    {
        /// <summary>True while the broker session is up.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Connects with the given identity and a will (death) message. Returns the broker's CONNACK code
        /// (0 = accepted); transport failures also return a non-zero code rather than throw, so the caller's
        /// backoff loop stays simple.
        /// </summary>
        int Connect(string clientId, string userName, string password, string willTopic, byte[] willPayload, int keepAliveSeconds);

        /// <summary>
        /// Publishes the first <paramref name="count"/> bytes of <paramref name="payload"/> and, for QoS 1, blocks until
        /// PUBACK or timeout. Returns true when the broker acknowledged it. (A count instead of an exact-size array lets
        /// the uplink publish straight from its reused store buffer.)
        /// </summary>
        bool Publish(string topic, byte[] payload, int count, int qos, bool retain, int timeoutMs);

        /// <summary>Subscribes one topic filter at QoS 1.</summary>
        void Subscribe(string topicFilter);

        /// <summary>Messages on subscribed topics.</summary>
        event MqttMessageHandler MessageReceived;

        /// <summary>Disconnects cleanly (no will is sent).</summary>
        void Disconnect();
    }
}
