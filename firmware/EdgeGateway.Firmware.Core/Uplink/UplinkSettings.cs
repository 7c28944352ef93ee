namespace EdgeGateway.Firmware.Core.Uplink
{
    /// <summary>How the uplink identifies itself and paces itself. Values come from the gateway configuration.</summary>
    public sealed class UplinkSettings
    {
        public string SiteId;
        public string DeviceId;

        /// <summary>MQTT client id; when null or empty the device id is used (unique per gateway by provisioning).</summary>
        public string ClientId;
        public string UserName;
        public string Password;
        public int KeepAliveSeconds = 30;
        public int PublishTimeoutMs = 10000;

        /// <summary>
        /// Upper bound on historical (replayed) frames per second after an outage, so a fleet of gateways coming back
        /// together does not flood the broker. Live frames are not throttled: polling paces them.
        /// </summary>
        public int ReplayMaxPerSecond = 50;

        /// <summary>Reconnect backoff: doubles from the initial value to the maximum, with ±20 % jitter so that gateways
        /// cut off by the same outage do not reconnect in lockstep.</summary>
        public int BackoffInitialMs = 1000;
        public int BackoffMaxMs = 60000;

        /// <summary>Most frames sent per <see cref="UplinkForwarder.Step"/> call, so the caller's loop stays responsive.</summary>
        public int MaxFramesPerStep = 100;
    }
}
