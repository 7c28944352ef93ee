using System;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Uplink
{
    /// <summary>Where the uplink stands, for the status page and the health report.</summary>
    public enum UplinkState
    {
        Disconnected = 0,
        WaitingToReconnect = 1,
        Connected = 2,
        Replaying = 3,
    }

    /// <summary>
    /// Moves frames from the persistent queue to the broker: connect (with the death frame as MQTT will), publish the
    /// birth frame, then publish every queued frame at QoS 1 in order, releasing each from the queue only when the
    /// broker acknowledged it. A frame that was already queued when the connection came up is replayed marked
    /// historical (flag bit in the frame header) at a bounded rate. Reconnects with exponential backoff and jitter.
    ///
    /// Single-threaded: the caller's uplink loop calls <see cref="Step"/> repeatedly. Allocation-free in steady state.
    /// </summary>
    public sealed class UplinkForwarder
    {
        private const int FlagsOffset = 3; // byte 3 of every wire frame (shared/WIRE.md)
        private const int TypeOffset = 2;

        private readonly IMqttConnection connection;
        private readonly RecordStore store;
        private readonly IClock clock;
        private readonly UplinkSettings settings;
        private readonly Random random;
        private readonly byte[] frame = new byte[WireFormat.MaxFrameBytes];
        private readonly string[] topicByType = new string[8];
        private readonly string birthTopic;
        private readonly string deathTopic;
        private readonly string desiredConfigTopic;

        private byte[] birthFrame;
        private int birthLength;
        private byte[] deathFrame;
        private long nextAttemptMs;
        private int backoffMs;
        private long replayRemaining;
        private double replayTokens;
        private long lastTokenMs;

        public UplinkForwarder(IMqttConnection connection, RecordStore store, IClock clock, UplinkSettings settings, int randomSeed)
        {
            this.connection = connection;
            this.store = store;
            this.clock = clock;
            this.settings = settings;
            random = new Random(randomSeed);
            for (int t = 1; t < topicByType.Length; t++)
            {
                topicByType[t] = Topics.For(settings.SiteId, settings.DeviceId, Topics.LeafOf((MessageType)t));
            }

            birthTopic = topicByType[(int)MessageType.Birth];
            deathTopic = topicByType[(int)MessageType.Death];
            desiredConfigTopic = Topics.For(settings.SiteId, settings.DeviceId, Topics.ConfigDesired);
            backoffMs = settings.BackoffInitialMs;
        }

        public UplinkState State { get; private set; }

        /// <summary>Frames published and acknowledged since start.</summary>
        public long PublishedFrames { get; private set; }

        /// <summary>Of those, replayed historical frames.</summary>
        public long ReplayedFrames { get; private set; }

        public int ConnectAttempts { get; private set; }

        /// <summary>CONNACK code of the last failed attempt (-1 = no answer at all), 0 after a success.</summary>
        public int LastConnectCode { get; private set; }

        /// <summary>The topic the fleet publishes desired configurations on (subscribed at every connect).</summary>
        public string DesiredConfigTopic { get { return desiredConfigTopic; } }

        /// <summary>Sets the birth frame (published retained after every connect) and the death frame (the MQTT will).</summary>
        public void SetBirthAndDeath(byte[] birth, int birthCount, byte[] death)
        {
            birthFrame = birth;
            birthLength = birthCount;
            deathFrame = death;
        }

        /// <summary>
        /// One round of work: (re)connects when it is time, then publishes up to MaxFramesPerStep frames.
        /// Returns the number of frames the broker acknowledged in this call.
        /// </summary>
        public int Step()
        {
            long now = clock.MonotonicMilliseconds;
            if (!connection.IsConnected)
            {
                if (State == UplinkState.Connected || State == UplinkState.Replaying)
                {
                    ScheduleReconnect(now); // lost the session: wait before trying again
                }

                if (now < nextAttemptMs)
                {
                    return 0;
                }

                if (!TryConnect(now))
                {
                    return 0;
                }
            }

            int sent = 0;
            while (sent < settings.MaxFramesPerStep)
            {
                bool historical = replayRemaining > 0;
                if (historical && !TakeReplayToken())
                {
                    break;
                }

                int length = store.Peek(frame);
                if (length <= 0)
                {
                    replayRemaining = 0;
                    State = UplinkState.Connected;
                    break;
                }

                if (historical)
                {
                    frame[FlagsOffset] = (byte)(frame[FlagsOffset] | WireFormat.FlagHistorical);
                }

                byte type = length > TypeOffset ? frame[TypeOffset] : (byte)0;
                string topic = type > 0 && type < topicByType.Length ? topicByType[type] : topicByType[(int)MessageType.Telemetry];
                if (!connection.Publish(topic, frame, length, 1, false, settings.PublishTimeoutMs))
                {
                    // No PUBACK: keep the frame (it is re-sent after reconnect; the fleet drops the duplicate if the
                    // broker did receive it) and drop the session so the next Step reconnects cleanly.
                    connection.Disconnect();
                    ScheduleReconnect(clock.MonotonicMilliseconds);
                    break;
                }

                store.Acknowledge();
                PublishedFrames++;
                sent++;
                if (historical)
                {
                    ReplayedFrames++;
                    replayRemaining--;
                    if (replayRemaining == 0)
                    {
                        State = UplinkState.Connected;
                    }
                }
            }

            return sent;
        }

        private bool TryConnect(long now)
        {
            ConnectAttempts++;
            string clientId = settings.ClientId == null || settings.ClientId.Length == 0 ? settings.DeviceId : settings.ClientId;
            int code = connection.Connect(clientId, settings.UserName, settings.Password, deathTopic, deathFrame, settings.KeepAliveSeconds);
            LastConnectCode = code;
            if (code != 0 || !connection.IsConnected)
            {
                ScheduleReconnect(now);
                return false;
            }

            connection.Subscribe(desiredConfigTopic);
            if (birthFrame != null && !connection.Publish(birthTopic, birthFrame, birthLength, 1, true, settings.PublishTimeoutMs))
            {
                connection.Disconnect();
                ScheduleReconnect(now);
                return false;
            }

            backoffMs = settings.BackoffInitialMs;
            replayRemaining = store.BacklogRecords;
            replayTokens = 1;
            lastTokenMs = now;
            State = replayRemaining > 0 ? UplinkState.Replaying : UplinkState.Connected;
            return true;
        }

        private void ScheduleReconnect(long now)
        {
            // ±20 % jitter around the current backoff, then double it for next time.
            double jitter = 0.8 + 0.4 * random.NextDouble();
            nextAttemptMs = now + (long)(backoffMs * jitter);
            backoffMs = backoffMs >= settings.BackoffMaxMs / 2 ? settings.BackoffMaxMs : backoffMs * 2;
            State = UplinkState.WaitingToReconnect;
        }

        private bool TakeReplayToken()
        {
            long now = clock.MonotonicMilliseconds;
            replayTokens += (now - lastTokenMs) * settings.ReplayMaxPerSecond / 1000.0;
            lastTokenMs = now;
            double burst = settings.ReplayMaxPerSecond < 1 ? 1 : settings.ReplayMaxPerSecond;
            if (replayTokens > burst)
            {
                replayTokens = burst;
            }

            if (replayTokens < 1)
            {
                return false;
            }

            replayTokens -= 1;
            return true;
        }
    }
}
