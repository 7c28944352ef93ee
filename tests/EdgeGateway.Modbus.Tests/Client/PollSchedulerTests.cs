using System;
using System.Collections.Generic;
using System.Linq;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Modbus.Scheduling;

namespace EdgeGateway.Modbus.Tests.Client;

public class PollSchedulerTests
{
    private const int TimeoutMs = 200;
    private const int IntervalMs = 1000;

    private readonly FakeClock _clock = new();
    private readonly ScriptedTransport _bus;
    private readonly HashSet<byte> _alive = new() { 1, 2, 3 };
    private readonly List<byte> _requestsByUnit = new();
    private readonly ModbusClient _client;

    public PollSchedulerTests()
    {
        _bus = new ScriptedTransport(_clock) { Handler = Answer };
        _client = new ModbusClient(_bus, ModbusFraming.Rtu, _clock, new ModbusClientOptions { ResponseTimeoutMs = TimeoutMs, Retries = 3, InterFrameDelayMs = 0 });
    }

    /// <summary>Register value served by every fake slave: depends on unit and address so mix-ups show.</summary>
    private static ushort Served(byte unit, int address) => (ushort)((unit * 1000) + address);

    /// <summary>A fake RTU slave per unit answering FC 03 (and FC 01 with alternating bits); dead units stay silent.</summary>
    private byte[]? Answer(byte[] request)
    {
        byte unit = request[0];
        _requestsByUnit.Add(unit);
        if (!_alive.Contains(unit))
        {
            return null;
        }

        int start = (request[2] << 8) | request[3];
        int count = (request[4] << 8) | request[5];
        if (request[1] == 0x01)
        {
            var bits = new byte[3 + ((count + 7) / 8)];
            bits[0] = unit;
            bits[1] = 0x01;
            bits[2] = (byte)((count + 7) / 8);
            for (int i = 0; i < count; i++)
            {
                if ((start + i) % 2 == 1)
                {
                    bits[3 + (i / 8)] |= (byte)(1 << (i % 8));
                }
            }

            return ReferenceCrc.WithCrc(bits);
        }

        var body = new List<byte> { unit, 0x03, (byte)(count * 2) };
        for (int i = 0; i < count; i++)
        {
            ushort value = Served(unit, start + i);
            body.Add((byte)(value >> 8));
            body.Add((byte)value);
        }

        return ReferenceCrc.WithCrc(body.ToArray());
    }

    private static RegisterPoint[] Points() => new[]
    {
        new RegisterPoint { Name = "a", Kind = RegisterKind.HoldingRegister, Address = 10, DataType = RegisterDataType.UInt16 },
        new RegisterPoint { Name = "b", Kind = RegisterKind.HoldingRegister, Address = 12, DataType = RegisterDataType.UInt16, Scale = 0.5, MaxPlausible = 100000 },
        new RegisterPoint { Name = "far", Kind = RegisterKind.HoldingRegister, Address = 300, DataType = RegisterDataType.UInt16, MaxPlausible = 10 },
        new RegisterPoint { Name = "coil", Kind = RegisterKind.Coil, Address = 5, DataType = RegisterDataType.Bit },
    };

    private PollScheduler NewScheduler()
    {
        var scheduler = new PollScheduler(_client, _clock, new PollSchedulerOptions { OfflineAfterFailures = 3, BackoffInitialMs = IntervalMs, BackoffMaxMs = 8000 });
        scheduler.AddDevice("boiler", 1, Points(), IntervalMs, 4, 0);
        scheduler.AddDevice("meter", 2, Points(), IntervalMs, 4, 0);
        scheduler.AddDevice("analyser", 3, Points(), IntervalMs, 4, 0);
        return scheduler;
    }

    /// <summary>Advances the fake clock to the next due device and runs one cycle; returns the units asked in it.</summary>
    private List<byte> Cycle(PollScheduler scheduler, out int timeouts)
    {
        _clock.Now += scheduler.MillisecondsUntilNextDue();
        _requestsByUnit.Clear();
        int before = _bus.TimedOutReads;
        scheduler.RunOnce();
        timeouts = _bus.TimedOutReads - before;
        return _requestsByUnit.ToList();
    }

    [Fact]
    public void Values_and_quality_are_delivered_per_point()
    {
        PollScheduler scheduler = NewScheduler();
        PolledDevice meter = scheduler.Devices[1];
        Assert.All(meter.Quality, q => Assert.Equal(PointQuality.NotRead, q));
        Assert.True(double.IsNaN(meter.Values[0]));

        Cycle(scheduler, out _);

        Assert.Equal(Served(2, 10), meter.Values[0]);
        Assert.Equal(Served(2, 12) * 0.5, meter.Values[1]);
        Assert.Equal(Served(2, 300), meter.Values[2]);
        Assert.Equal(1.0, meter.Values[3]);
        Assert.Equal(new[] { PointQuality.Good, PointQuality.Good, PointQuality.Implausible, PointQuality.Good }, meter.Quality);
        Assert.True(meter.Status.Online);
        Assert.Equal(_clock.Now, meter.Status.LastSuccessMs);
        // Planned reads: coil 5, holding 10..12, holding 300 → three requests per slave.
        Assert.Equal(3, meter.Plan.Blocks.Length);
    }

    [Fact]
    public void A_dead_slave_costs_at_most_one_timeout_per_cycle_backs_off_and_comes_back()
    {
        PollScheduler scheduler = NewScheduler();
        PolledDevice meter = scheduler.Devices[1];
        Cycle(scheduler, out _);
        _alive.Remove(2);

        var attemptTimes = new List<long>();
        var livePolls = new Dictionary<byte, List<long>> { [1] = new(), [3] = new() };
        scheduler.DevicePolled = device =>
        {
            if (device.Unit != 2)
            {
                livePolls[device.Unit].Add(device.Status.LastAttemptMs);
            }
        };
        while (_clock.Now < 40_000)
        {
            long cycleStart = _clock.Now + scheduler.MillisecondsUntilNextDue();
            List<byte> asked = Cycle(scheduler, out int timeouts);
            Assert.True(timeouts <= 1, $"at {cycleStart} ms: {timeouts} timeouts in one cycle");
            int meterRequests = asked.Count(u => u == 2);
            Assert.True(meterRequests <= 1, $"at {cycleStart} ms: dead slave asked {meterRequests} times (retries or later blocks)");
            if (meterRequests == 1)
            {
                attemptTimes.Add(cycleStart);
            }
        }

        // The others keep their interval: never later than one timeout, in every cycle.
        foreach (List<long> polls in livePolls.Values)
        {
            Assert.True(polls.Count >= 35);
            long[] liveGaps = polls.Zip(polls.Skip(1), (a, b) => b - a).ToArray();
            Assert.All(liveGaps, gap => Assert.InRange(gap, IntervalMs - TimeoutMs, IntervalMs + TimeoutMs));
        }

        Assert.False(meter.Status.Online);
        Assert.Equal(FrameStatus.Timeout, meter.Status.LastError);
        Assert.All(meter.Quality, q => Assert.Equal(PointQuality.CommFailure, q));
        Assert.Equal(Served(2, 10), meter.Values[0]);

        // Three failures at the poll interval, then 1 s, 2 s, 4 s, 8 s, 8 s … between attempts.
        long[] gaps = attemptTimes.Zip(attemptTimes.Skip(1), (a, b) => b - a).ToArray();
        Assert.True(gaps.Length >= 6);
        Assert.InRange(gaps[0], IntervalMs, IntervalMs + TimeoutMs);
        for (int i = 3; i < gaps.Length; i++)
        {
            Assert.True(gaps[i] >= gaps[i - 1] - TimeoutMs, $"back-off shrank: {string.Join(",", gaps)}");
            Assert.True(gaps[i] <= 8000 + IntervalMs + TimeoutMs, $"back-off not capped: {string.Join(",", gaps)}");
        }

        Assert.True(gaps[^1] >= 8000, $"back-off never reached its cap: {string.Join(",", gaps)}");
        Assert.Equal(8000, meter.Status.BackoffMs);

        // Comes back by itself at its next retry and is polled every cycle again.
        _alive.Add(2);
        long waitedUntil = _clock.Now + 9000;
        while (!meter.Status.Online && _clock.Now < waitedUntil)
        {
            Cycle(scheduler, out _);
        }

        Assert.True(meter.Status.Online);
        Assert.Equal(0, meter.Status.ConsecutiveFailures);
        Assert.Equal(0, meter.Status.BackoffMs);
        Assert.Equal(new[] { PointQuality.Good, PointQuality.Good, PointQuality.Implausible, PointQuality.Good }, meter.Quality);
        Assert.Equal(meter.Status.LastAttemptMs + IntervalMs, meter.Status.NextPollMs);
        List<byte> next;
        int lastTimeouts;
        do
        {
            next = Cycle(scheduler, out lastTimeouts);
        }
        while (!next.Contains(2));

        Assert.Equal(3, next.Count(u => u == 2));
        Assert.Equal(0, lastTimeouts);
    }

    [Fact]
    public void Offline_after_the_configured_number_of_failures()
    {
        PollScheduler scheduler = NewScheduler();
        _alive.Remove(3);
        PolledDevice analyser = scheduler.Devices[2];
        Cycle(scheduler, out _);
        Assert.True(analyser.Status.Online);
        Assert.Equal(1, analyser.Status.ConsecutiveFailures);
        Cycle(scheduler, out _);
        Assert.True(analyser.Status.Online);
        Cycle(scheduler, out _);
        Assert.False(analyser.Status.Online);
        Assert.Equal(3, analyser.Status.FailedPolls);
        Assert.Equal(-1, analyser.Status.LastSuccessMs);
    }

    [Fact]
    public void An_exception_answer_marks_its_points_but_keeps_the_device_online()
    {
        PollScheduler scheduler = NewScheduler();
        _bus.Handler = request => request[0] == 1 && request[1] == 0x03 && request[3] == 0x2C
            ? ReferenceCrc.WithCrc(0x01, 0x83, 0x02)
            : Answer(request);
        Cycle(scheduler, out _);
        PolledDevice boiler = scheduler.Devices[0];
        Assert.True(boiler.Status.Online);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, boiler.Status.LastExceptionCode);
        Assert.Equal(new[] { PointQuality.Good, PointQuality.Good, PointQuality.DeviceException, PointQuality.Good }, boiler.Quality);
    }

    [Fact]
    public void Devices_keep_their_own_intervals()
    {
        var scheduler = new PollScheduler(_client, _clock);
        PolledDevice fast = scheduler.AddDevice("fast", 1, Points(), 500, 4, 0);
        PolledDevice slow = scheduler.AddDevice("slow", 2, Points(), 2000, 4, 0);
        for (int i = 0; i < 40; i++)
        {
            Cycle(scheduler, out _);
        }

        // Over ~10 s of fake time: fast ~20 polls, slow ~5.
        Assert.InRange(fast.Status.Polls, 3 * slow.Status.Polls, 5 * slow.Status.Polls);
    }
}
