using System;
using System.Threading;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Scheduling;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Transport;

namespace EdgeGateway.Firmware.Core.Runtime
{
    /// <summary>
    /// The latest poll of one device, copied out of the bus thread under the bus lock right after each poll, so the
    /// compute thread reads consistent values without holding the bus while a slow slave times out.
    /// </summary>
    public sealed class DeviceShadow
    {
        public DeviceConfig Config;
        public int BusIndex;
        public double[] Values;
        public PointQuality[] Qualities;

        /// <summary>Monotonic time of the latest poll (successful or not); -1 before the first.</summary>
        public long PollMs = -1;

        /// <summary>Counts polls; the compute thread feeds a sensor-health monitor only when it moved.</summary>
        public long PollSequence;
        public bool Online = true;
        public int ConsecutiveFailures;
        public long Polls;
        public long FailedPolls;

        /// <summary>Text of the last failure ("timeout", "connection failed", ...); null when none.</summary>
        public string LastError;

        internal DeviceShadow(DeviceConfig config, int busIndex)
        {
            Config = config;
            BusIndex = busIndex;
            Values = new double[config.Points.Length];
            Qualities = new PointQuality[config.Points.Length];
            for (int i = 0; i < Values.Length; i++)
            {
                Values[i] = double.NaN;
            }
        }
    }

    /// <summary>
    /// One field bus: its transport, Modbus client and poll scheduler, polled by its own thread. The thread runs
    /// <see cref="PollScheduler.RunOnce"/> and sleeps until the next device is due (at most <see cref="MaxSleepMs"/> at a
    /// time so Stop is honoured quickly). A failing bus never stops the others: each has its own thread, and every
    /// exception is caught, counted and shown on the status page.
    /// </summary>
    public sealed class BusPoller
    {
        public const int MaxSleepMs = 100;

        private readonly GatewayRuntime owner;
        private readonly IClock clock;
        private readonly PollScheduler scheduler;
        private readonly DeviceShadow[] shadows;
        private readonly object sync = new object();
        private Thread thread;
        private bool stopping;

        internal BusPoller(GatewayRuntime owner, BusConfig bus, int busIndex, IByteTransport transport, IClock clock, DeviceConfig[] devices, DeviceShadow[] allShadows)
        {
            this.owner = owner;
            this.clock = clock;
            Config = bus;
            Index = busIndex;
            Transport = transport;
            Client = new ModbusClient(transport, bus.Framing, clock, bus.ToClientOptions());
            var options = new PollSchedulerOptions();
            options.Retries = bus.Retries;
            scheduler = new PollScheduler(Client, clock, options);

            int count = 0;
            for (int i = 0; i < devices.Length; i++)
            {
                if (devices[i].BusIndex == busIndex)
                {
                    count++;
                }
            }

            shadows = new DeviceShadow[count];
            int k = 0;
            for (int i = 0; i < devices.Length; i++)
            {
                DeviceConfig d = devices[i];
                if (d.BusIndex != busIndex)
                {
                    continue;
                }

                // Slave 0 is broadcast on RTU; Modbus TCP gateways usually ignore the unit, and the scheduler wants 1..247.
                int unit = d.Unit == 0 ? 1 : d.Unit;
                scheduler.AddDevice(d.Id, (byte)unit, d.Points, d.PollIntervalMs, d.MaxGapRegisters, d.MaxRegistersPerRead);
                shadows[k] = allShadows[i];
                k++;
            }

            scheduler.DevicePolled = OnDevicePolled;
        }

        public BusConfig Config { get; }

        public int Index { get; }

        public IByteTransport Transport { get; }

        public ModbusClient Client { get; }

        public PollScheduler Scheduler { get { return scheduler; } }

        /// <summary>The lock that guards the shadows of this bus's devices.</summary>
        public object Sync { get { return sync; } }

        internal void Start()
        {
            stopping = false;
            thread = new Thread(Loop);
            thread.Start();
        }

        internal void RequestStop()
        {
            lock (sync)
            {
                stopping = true;
            }
        }

        internal void Join()
        {
            if (thread != null)
            {
                thread.Join();
                thread = null;
            }

            try
            {
                Transport.Close();
            }
            catch (Exception e)
            {
                owner.RecordError("bus " + Config.Id + " close", e);
            }
        }

        private bool Stopping
        {
            get
            {
                lock (sync)
                {
                    return stopping;
                }
            }
        }

        private void Loop()
        {
            while (!Stopping)
            {
                try
                {
                    scheduler.RunOnce();
                }
                catch (Exception e)
                {
                    // A transport that throws past the client, a decoder surprise: count it, keep polling.
                    owner.RecordError("bus " + Config.Id, e);
                    clock.Sleep(MaxSleepMs);
                }

                int wait = scheduler.MillisecondsUntilNextDue();
                while (wait > 0 && !Stopping)
                {
                    int step = wait > MaxSleepMs ? MaxSleepMs : wait;
                    clock.Sleep(step);
                    wait -= step;
                }
            }
        }

        private void OnDevicePolled(PolledDevice device)
        {
            DeviceShadow shadow = null;
            for (int i = 0; i < shadows.Length; i++)
            {
                if (shadows[i].Config.Id == device.Name)
                {
                    shadow = shadows[i];
                    break;
                }
            }

            if (shadow == null)
            {
                return;
            }

            DeviceStatus status = device.Status;
            lock (sync)
            {
                for (int i = 0; i < shadow.Values.Length; i++)
                {
                    shadow.Values[i] = device.Values[i];
                    shadow.Qualities[i] = device.Quality[i];
                }

                shadow.PollMs = status.LastAttemptMs;
                shadow.PollSequence++;
                shadow.Online = status.Online;
                shadow.ConsecutiveFailures = status.ConsecutiveFailures;
                shadow.Polls = status.Polls;
                shadow.FailedPolls = status.FailedPolls;
                shadow.LastError = status.ConsecutiveFailures > 0 ? FailureText(status.LastError) : null;
            }
        }

        /// <summary>Short English text of a poll failure for the status page (constant strings: no allocation per poll).</summary>
        public static string FailureText(FrameStatus status)
        {
            switch (status)
            {
                case FrameStatus.Ok: return null;
                case FrameStatus.ModbusException: return "Modbus exception response";
                case FrameStatus.Timeout: return "no answer (timeout)";
                case FrameStatus.ShortFrame: return "short frame";
                case FrameStatus.CrcError: return "CRC error";
                case FrameStatus.WrongUnit: return "answer from the wrong unit";
                case FrameStatus.WrongFunction: return "answer with the wrong function";
                case FrameStatus.WrongTransaction: return "answer with the wrong transaction id";
                case FrameStatus.BadLength: return "answer with a bad length";
                default: return "port or connection failed";
            }
        }
    }
}
