using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using EdgeGateway.Benchmarks.Infrastructure;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Modbus.Scheduling;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Linux.Platform;
using EdgeGateway.Firmware.Linux.Storage;
using EdgeGateway.Firmware.Linux.Transport;
using EdgeGateway.Hardware.Server;
using EdgeGateway.Modbus.Tests.Peers;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Benchmarks.Sections;

/// <summary>
/// 3. Bytes allocated on the polling thread per steady-state cycle (GC.GetAllocatedBytesForCurrentThread around N
/// cycles after a warm-up), against our simulator's TCP server in this process (its allocations happen on its own
/// threads and are not counted). Three scopes, each including the one before:
///   a. one ModbusClient read of 125 holding registers (core client + Linux socket transport);
///   b. one PollScheduler cycle (PollCycleAllocation, the measurement its unit test bounds): FC03 ×125 + FC01 ×16,
///      81 points decoded;
///   c. + encode a 12-point telemetry frame of the polled values (WireWriter);
///   d. + RecordStore.Append (Flush every 32 = group commit) + Peek/Acknowledge over DirectoryStoreFiles: the
///      gateway's poll-and-publish cycle without the MQTT client.
/// Goal: 0 in the portable core. The ratio is bytes per cycle of scope b (the core's poll cycle); 0.00 is the goal.
/// </summary>
internal sealed class AllocationSection : ISection
{
    public string Name => "alloc";

    public string Title => "3. Bytes allocated per steady-state poll cycle (portable core over TCP)";

    public void Run(BenchSettings settings, Report report)
    {
        int cycles = settings.AllocationCycles;
        int warmup = Math.Max(200, cycles / 10);
        ModbusTcpServer server = ModbusPeers.StartSimulator(out _);
        try
        {
            int port = server.EndPoint.Port;
            var rows = new List<string[]>();

            // a. one read
            using (var transport = new TcpClientTransport("127.0.0.1", port))
            {
                var client = new ModbusClient(transport, ModbusFraming.Tcp, SystemClock.Instance, new ModbusClientOptions { ResponseTimeoutMs = 2000, Retries = 0 });
                var registers = new ushort[ModbusPeers.RegistersPerRead];
                for (int i = 0; i < warmup; i++)
                {
                    Require(client.TryReadRegisters(ModbusPeers.Unit, RegisterKind.HoldingRegister, 0, ModbusPeers.RegistersPerRead, registers, 0), client);
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < cycles; i++)
                {
                    Require(client.TryReadRegisters(ModbusPeers.Unit, RegisterKind.HoldingRegister, 0, ModbusPeers.RegistersPerRead, registers, 0), client);
                }

                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                double bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / cycles;
                rows.Add(new[] { "a. ModbusClient.TryReadRegisters ×125", cycles.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "1", Report.F(bytes, 1), Report.F(cycles / seconds, 0) });
            }

            // b. scheduler cycle (shared with the unit test in tests/EdgeGateway.Modbus.Tests)
            PollCycleReport cycle;
            using (var transport = new TcpClientTransport("127.0.0.1", port))
            {
                var client = new ModbusClient(transport, ModbusFraming.Tcp, SystemClock.Instance, new ModbusClientOptions { ResponseTimeoutMs = 2000, Retries = 0 });
                cycle = PollCycleAllocation.Measure(client, "tcp", warmup, cycles);
                rows.Add(new[] { "b. PollScheduler.RunOnce (81 points)", cycles.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cycle.RequestsPerCycle.ToString(System.Globalization.CultureInfo.InvariantCulture), Report.F(cycle.BytesPerCycle, 1), Report.F(cycle.CyclesPerSecond, 0) });
            }

            // c. + encode; d. + store and replay
            string storeDir = Path.Combine(settings.WorkDirectory, "alloc-store");
            foreach (bool withStore in new[] { false, true })
            {
                using var transport = new TcpClientTransport("127.0.0.1", port);
                var client = new ModbusClient(transport, ModbusFraming.Tcp, SystemClock.Instance, new ModbusClientOptions { ResponseTimeoutMs = 2000, Retries = 0 });
                (double bytes, double perSecond) = PollAndPublish(client, withStore ? storeDir : null, warmup, cycles);
                rows.Add(new[]
                {
                    withStore ? "d. c + RecordStore append/flush/peek/ack" : "c. b + WireWriter telemetry frame",
                    cycles.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cycle.RequestsPerCycle.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Report.F(bytes, 1), Report.F(perSecond, 0),
                });
            }

            Report.Table(new[] { "scope (polling thread)", "cycles", "requests/cycle", "bytes/cycle", "cycles/s" }, rows);
            Report.Note("server: our simulator in this process (its threads are not counted). d fsyncs every 32 cycles and persists the read cursor");
            Report.Note("every 32 acks through DirectoryStoreFiles (Linux adapter: FileStream per cursor write), so d includes adapter allocations.");
            report.Ratio("alloc_bytes_per_poll_cycle", cycle.BytesPerCycle, "bytes allocated per PollScheduler cycle in steady state (scope b); goal 0.00, lower is better");
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static (double BytesPerCycle, double CyclesPerSecond) PollAndPublish(ModbusClient client, string? storeDir, int warmup, int cycles)
    {
        RecordStore? store = null;
        if (storeDir != null)
        {
            if (Directory.Exists(storeDir))
            {
                Directory.Delete(storeDir, recursive: true);
            }

            store = new RecordStore(new DirectoryStoreFiles(storeDir), new RecordStoreOptions { MaxTotalBytes = 256L * 1024 * 1024 });
            store.Open();
        }

        var scheduler = new PollScheduler(client, SystemClock.Instance);
        PolledDevice device = scheduler.AddDevice("boiler-1", ModbusPeers.Unit, PollCycleAllocation.MeasuredPoints(), 0, 0, 0);
        var writer = new WireWriter(new byte[WireFormat.MaxFrameBytes]);
        var replay = new byte[WireFormat.MaxFrameBytes];
        int[] codes = BoilerReport.Codes;
        ulong sequence = 0;
        long before = 0;
        long start = 0;
        for (int i = 0; i < warmup + cycles; i++)
        {
            if (i == warmup)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
                start = Stopwatch.GetTimestamp();
            }

            scheduler.RunOnce();
            writer.Reset();
            writer.WriteHeader(MessageType.Telemetry, 0, 17, ++sequence, 1767225600000L + i);
            writer.WriteAscii("boiler-1");
            writer.WriteVarUInt((ulong)codes.Length);
            for (int p = 0; p < codes.Length; p++)
            {
                writer.WritePoint(codes[p], EdgeGateway.Shared.Wire.PointQuality.Good, device.Values[p]);
            }

            if (store == null)
            {
                continue;
            }

            store.Append(writer.Buffer, 0, writer.Length);
            if ((i + 1) % 32 == 0)
            {
                store.Flush();
            }

            if (store.Peek(replay) > 0)
            {
                store.Acknowledge();
            }
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (!device.Status.Online || device.Status.FailedPolls != 0)
        {
            throw new InvalidOperationException($"polls failed during the poll-and-publish measurement ({device.Status.LastError})");
        }

        store?.Close();
        return ((double)allocated / cycles, cycles / seconds);
    }

    private static void Require(FrameStatus status, ModbusClient client)
    {
        if (status != FrameStatus.Ok)
        {
            throw new InvalidOperationException($"read failed during the allocation measurement: {status}; counters: {client.Counters}");
        }
    }
}
