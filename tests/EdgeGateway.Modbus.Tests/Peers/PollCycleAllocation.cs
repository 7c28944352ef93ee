using System;
using System.Diagnostics;
using System.Globalization;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Modbus.Scheduling;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Firmware.Linux.Platform;

namespace EdgeGateway.Modbus.Tests.Peers;

/// <summary>What one allocation measurement found.</summary>
public sealed record PollCycleReport(string Transport, int Cycles, int RequestsPerCycle, double BytesPerCycle, double CyclesPerSecond, double MeanCycleMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Transport}: {BytesPerCycle:F1} bytes allocated per poll cycle ({RequestsPerCycle} requests, {Cycles} cycles), {CyclesPerSecond:F0} cycles/s, {MeanCycleMs:F3} ms/cycle");
}

/// <summary>
/// Measures what the portable core allocates per steady-state poll cycle (the figure that decides whether a
/// microcontroller stays up for months): a scheduler polls a device of 125 holding registers (60 float32 + 5 uint16)
/// and 16 coils; after a warm-up, GC.GetAllocatedBytesForCurrentThread() over N cycles / N. The benchmark calls it too.
/// </summary>
public static class PollCycleAllocation
{
    /// <summary>The device map measured: 125 holding registers and 16 coils → one FC03 of 125 and one FC01 of 16 per cycle.</summary>
    public static RegisterPoint[] MeasuredPoints()
    {
        var points = new RegisterPoint[60 + 5 + 16];
        for (int i = 0; i < 60; i++)
        {
            points[i] = new RegisterPoint { Name = "f" + i, Kind = RegisterKind.HoldingRegister, Address = 2 * i, DataType = RegisterDataType.Float32, Order = ByteOrder.CDAB, Scale = 0.5 };
        }

        for (int i = 0; i < 5; i++)
        {
            points[60 + i] = new RegisterPoint { Name = "u" + i, Kind = RegisterKind.HoldingRegister, Address = 120 + i, DataType = RegisterDataType.UInt16 };
        }

        for (int i = 0; i < 16; i++)
        {
            points[65 + i] = new RegisterPoint { Name = "c" + i, Kind = RegisterKind.Coil, Address = i, DataType = RegisterDataType.Bit };
        }

        return points;
    }

    /// <summary>Polls unit 1 of <paramref name="peer"/> (TCP or RTU, as it was started) and reports allocations per cycle.</summary>
    public static PollCycleReport Measure(PymodbusPeer peer, int warmupCycles, int cycles)
    {
        ModbusClient client = peer.NewClient(out IByteTransport transport, new ModbusClientOptions { ResponseTimeoutMs = 2000, Retries = 0 });
        try
        {
            return Measure(client, peer.IsRtu ? "rtu (pty)" : "tcp", warmupCycles, cycles);
        }
        finally
        {
            ((IDisposable)transport).Dispose();
        }
    }

    /// <summary>As above with any client (its transport decides what is measured besides the core).</summary>
    public static PollCycleReport Measure(ModbusClient client, string transportName, int warmupCycles, int cycles)
    {
        ArgumentNullException.ThrowIfNull(client);
        var scheduler = new PollScheduler(client, SystemClock.Instance);
        PolledDevice device = scheduler.AddDevice("measured", 1, MeasuredPoints(), 0, 0, 0);
        for (int i = 0; i < warmupCycles; i++)
        {
            scheduler.RunOnce();
        }

        long failedBefore = device.Status.FailedPolls;
        long responsesBefore = client.Counters.Responses;
        long exceptionsBefore = client.Counters.Exceptions;
        long start = GC.GetAllocatedBytesForCurrentThread();
        long ticks = Stopwatch.GetTimestamp();
        for (int i = 0; i < cycles; i++)
        {
            scheduler.RunOnce();
        }

        double seconds = Stopwatch.GetElapsedTime(ticks).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - start;
        long answered = client.Counters.Responses - responsesBefore;
        if (device.Status.FailedPolls != failedBefore || !device.Status.Online || answered != (long)cycles * device.Plan.Blocks.Length
            || client.Counters.Exceptions != exceptionsBefore)
        {
            throw new InvalidOperationException($"polls failed during the measurement ({device.Status.LastError}); counters: {client.Counters}");
        }

        return new PollCycleReport(transportName, cycles, device.Plan.Blocks.Length, (double)allocated / cycles, cycles / seconds, seconds * 1000 / cycles);
    }
}
