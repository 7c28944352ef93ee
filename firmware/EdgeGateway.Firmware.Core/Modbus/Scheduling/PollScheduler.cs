using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Core.Modbus.Scheduling
{
    /// <summary>Called after each device poll (on the polling thread; keep it short and allocation-free).</summary>
    public delegate void DevicePolledHandler(PolledDevice device);

    /// <summary>How the scheduler treats slaves that stop answering.</summary>
    public sealed class PollSchedulerOptions
    {
        /// <summary>Consecutive failed polls after which a slave is marked offline and backed off.</summary>
        public int OfflineAfterFailures = 3;

        /// <summary>First back-off once offline (at least the device's poll interval); doubled on each further failure.</summary>
        public int BackoffInitialMs = 1000;

        /// <summary>Back-off cap: an offline slave is still retried this often and comes back by itself.</summary>
        public int BackoffMaxMs = 60000;

        /// <summary>
        /// Extra attempts per read for a slave whose last poll succeeded (a slave already failing never gets any).
        /// Default 0: the next cycle is the retry, so a slave that dies costs the bus exactly one timeout per cycle.
        /// </summary>
        public int Retries;
    }

    /// <summary>
    /// Polls several slaves on one bus (one <see cref="ModbusClient"/>). Each device has its own interval. A slave that
    /// stops answering costs at most one timeout per cycle: its poll stops at the first failed read, later polls of a
    /// failing slave use no retries, and after <see cref="PollSchedulerOptions.OfflineAfterFailures"/> failures it is
    /// marked offline and only tried again after an exponential back-off (capped); one good answer brings it back.
    /// The other slaves are polled every cycle regardless. The scheduler's own <see cref="PollSchedulerOptions.Retries"/>
    /// applies, not the client's. Steady-state polling allocates nothing.
    /// </summary>
    public sealed class PollScheduler
    {
        private readonly ModbusClient _client;
        private readonly IClock _clock;
        private PolledDevice[] _devices = new PolledDevice[0];

        public PollScheduler(ModbusClient client, IClock clock)
            : this(client, clock, new PollSchedulerOptions())
        {
        }

        public PollScheduler(ModbusClient client, IClock clock, PollSchedulerOptions options)
        {
            if (client == null || clock == null || options == null)
            {
                throw new InputException("PollScheduler", "null", "a client, a clock and options are required");
            }

            if (options.OfflineAfterFailures < 1)
            {
                throw new InputException("offlineAfterFailures", options.OfflineAfterFailures.ToString(), "1 or more failed polls");
            }

            if (options.BackoffInitialMs < 1 || options.BackoffMaxMs < options.BackoffInitialMs)
            {
                throw new InputException("backoffMs", options.BackoffInitialMs.ToString() + ".." + options.BackoffMaxMs.ToString(), "initial ≥ 1 ms and max ≥ initial");
            }

            _client = client;
            _clock = clock;
            Options = options;
        }

        public PollSchedulerOptions Options { get; }

        public ModbusClient Client => _client;

        /// <summary>The devices in polling order.</summary>
        public PolledDevice[] Devices => _devices;

        /// <summary>Raised after every device poll.</summary>
        public DevicePolledHandler DevicePolled;

        /// <summary>
        /// Adds a slave: plans its reads (maxGap registers may be read unused to merge reads; maxRegistersPerRead 0 = 125)
        /// and allocates its buffers. Configuration time only.
        /// </summary>
        public PolledDevice AddDevice(string name, byte unit, RegisterPoint[] points, int pollIntervalMs, int maxGap, int maxRegistersPerRead)
        {
            if (unit < 1 || unit > 247)
            {
                throw new InputException((name ?? "device") + ".unit", unit.ToString(), "1..247 (0 is broadcast and never answers)");
            }

            if (pollIntervalMs < 0)
            {
                throw new InputException((name ?? "device") + ".pollIntervalMs", pollIntervalMs.ToString(), "0 or more milliseconds (0 = every cycle)");
            }

            ReadPlan plan = RequestPlanner.Plan(points, maxGap, maxRegistersPerRead, 0);
            PolledDevice device = new PolledDevice(name, unit, points, plan, pollIntervalMs);
            device.Status.NextPollMs = _clock.MonotonicMilliseconds;
            PolledDevice[] grown = new PolledDevice[_devices.Length + 1];
            for (int i = 0; i < _devices.Length; i++)
            {
                grown[i] = _devices[i];
            }

            grown[_devices.Length] = device;
            _devices = grown;
            return device;
        }

        /// <summary>Polls every device that is due now, in order. Returns how many were polled.</summary>
        public int RunOnce()
        {
            long cycleStart = _clock.MonotonicMilliseconds;
            int polled = 0;
            for (int i = 0; i < _devices.Length; i++)
            {
                PolledDevice device = _devices[i];
                if (device.Status.NextPollMs <= cycleStart)
                {
                    Poll(device);
                    polled++;
                }
            }

            return polled;
        }

        /// <summary>Milliseconds until the next device is due (0 if one is due now): how long the host may sleep.</summary>
        public int MillisecondsUntilNextDue()
        {
            if (_devices.Length == 0)
            {
                return 1000;
            }

            long now = _clock.MonotonicMilliseconds;
            long soonest = long.MaxValue;
            for (int i = 0; i < _devices.Length; i++)
            {
                long next = _devices[i].Status.NextPollMs;
                if (next < soonest)
                {
                    soonest = next;
                }
            }

            long wait = soonest - now;
            return wait <= 0 ? 0 : (wait > int.MaxValue ? int.MaxValue : (int)wait);
        }

        /// <summary>Polls one device now (all its reads), updates its values, qualities and status.</summary>
        public void Poll(PolledDevice device)
        {
            DeviceStatus status = device.Status;
            long start = _clock.MonotonicMilliseconds;
            status.LastAttemptMs = start;
            status.Polls++;

            // A slave that already failed gets no retries: the next poll is its retry, and the bus stays free for the others.
            int retries = status.ConsecutiveFailures > 0 ? 0 : Options.Retries;
            ReadBlock[] blocks = device.Plan.Blocks;
            bool reached = false;
            FrameStatus failure = FrameStatus.Ok;
            for (int b = 0; b < blocks.Length; b++)
            {
                ReadBlock block = blocks[b];
                FrameStatus result;
                bool bits = block.Kind == RegisterKind.Coil || block.Kind == RegisterKind.DiscreteInput;
                if (bits)
                {
                    result = _client.TryReadBits(device.Unit, block.Kind, block.Start, block.Count, device.BitBuffer, 0, retries);
                }
                else
                {
                    result = _client.TryReadRegisters(device.Unit, block.Kind, block.Start, block.Count, device.RegisterBuffer, 0, retries);
                }

                if (result == FrameStatus.Ok)
                {
                    reached = true;
                    StoreBlock(device, b, bits);
                }
                else if (result == FrameStatus.ModbusException)
                {
                    reached = true;
                    status.LastExceptionCode = _client.LastExceptionCode;
                    MarkBlock(device, b, PointQuality.DeviceException);
                }
                else
                {
                    // Stop at the first failure: the remaining reads would each cost another timeout.
                    failure = result;
                    for (int rest = b; rest < blocks.Length; rest++)
                    {
                        MarkBlock(device, rest, PointQuality.CommFailure);
                    }

                    break;
                }
            }

            if (failure == FrameStatus.Ok)
            {
                if (reached || blocks.Length == 0)
                {
                    status.Online = true;
                    status.ConsecutiveFailures = 0;
                    status.BackoffMs = 0;
                    status.LastSuccessMs = _clock.MonotonicMilliseconds;
                    status.LastSuccessUtc = _clock.UtcNow;
                }

                status.NextPollMs = start + device.PollIntervalMs;
            }
            else
            {
                status.FailedPolls++;
                status.LastError = failure;
                status.ConsecutiveFailures++;
                if (status.ConsecutiveFailures >= Options.OfflineAfterFailures)
                {
                    status.Online = false;
                    if (status.BackoffMs == 0)
                    {
                        status.BackoffMs = Options.BackoffInitialMs > device.PollIntervalMs ? Options.BackoffInitialMs : device.PollIntervalMs;
                    }
                    else
                    {
                        status.BackoffMs = status.BackoffMs >= Options.BackoffMaxMs / 2 ? Options.BackoffMaxMs : status.BackoffMs * 2;
                    }

                    if (status.BackoffMs > Options.BackoffMaxMs)
                    {
                        status.BackoffMs = Options.BackoffMaxMs;
                    }

                    status.NextPollMs = _clock.MonotonicMilliseconds + status.BackoffMs;
                }
                else
                {
                    status.NextPollMs = start + device.PollIntervalMs;
                }
            }

            DevicePolledHandler handler = DevicePolled;
            if (handler != null)
            {
                handler(device);
            }
        }

        private static void StoreBlock(PolledDevice device, int block, bool bits)
        {
            RegisterPoint[] points = device.Points;
            int[] pointBlock = device.Plan.PointBlock;
            int[] pointOffset = device.Plan.PointOffset;
            for (int i = 0; i < points.Length; i++)
            {
                if (pointBlock[i] != block)
                {
                    continue;
                }

                RegisterPoint point = points[i];
                if (point.DataType == RegisterDataType.String)
                {
                    device.Values[i] = double.NaN;
                    device.Quality[i] = PointQuality.NotNumeric;
                    continue;
                }

                double value = bits
                    ? RegisterDecoder.DecodeBit(device.BitBuffer, pointOffset[i])
                    : RegisterDecoder.Decode(point, device.RegisterBuffer, pointOffset[i]);
                device.Values[i] = value;
                bool plausible = !double.IsNaN(value) && !double.IsInfinity(value) && value >= point.MinPlausible && value <= point.MaxPlausible;
                device.Quality[i] = plausible ? PointQuality.Good : PointQuality.Implausible;
            }
        }

        private static void MarkBlock(PolledDevice device, int block, PointQuality quality)
        {
            int[] pointBlock = device.Plan.PointBlock;
            for (int i = 0; i < pointBlock.Length; i++)
            {
                if (pointBlock[i] == block)
                {
                    device.Quality[i] = quality;
                }
            }
        }
    }
}
