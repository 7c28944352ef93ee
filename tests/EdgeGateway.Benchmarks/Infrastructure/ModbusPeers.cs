using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Linux.Platform;
using EdgeGateway.Firmware.Linux.Transport;
using EdgeGateway.Hardware.Server;

namespace EdgeGateway.Benchmarks.Infrastructure;

/// <summary>Throughput and latency of one client against one server over one measuring window.</summary>
internal sealed record PollFigures(string Label, long Polls, double Seconds, double PollsPerSecond, double P50Us, double P99Us, long Errors)
{
    public string[] Row(string server) => new[]
    {
        Label, server, Polls.ToString("N0", CultureInfo.InvariantCulture), Report.F(PollsPerSecond, 0), Report.F(P50Us, 0), Report.F(P99Us, 0),
        Errors.ToString(CultureInfo.InvariantCulture),
    };

    public static readonly string[] Header = { "client", "server", "polls", "polls/s", "p50 µs", "p99 µs", "errors" };
}

/// <summary>The Modbus peers: pymodbus 3.0's TCP server, the libmodbus C client, our simulator's TCP server, our client.</summary>
internal static class ModbusPeers
{
    /// <summary>Registers per read: the protocol maximum for FC03, the read a request planner makes for a full block.</summary>
    public const int RegistersPerRead = 125;

    public const byte Unit = 1;

    /// <summary>Starts peers/pymodbus_server.py (unit 1, 200 holding registers valued 1000 + address) on a free port.</summary>
    public static ChildProcess StartPymodbus(out int port)
    {
        Peers.RequirePythonModule("pymodbus.server", Peers.ModbusInstall);
        string script = Path.Combine(AppContext.BaseDirectory, "peers", "pymodbus_server.py");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: the project copies peers/*.py to its output; rebuild it.");
        }

        port = Peers.FreePort();
        ChildProcess server = ChildProcess.Start(Peers.Python, new[] { "-u", script, port.ToString(CultureInfo.InvariantCulture) }, "pymodbus server");
        try
        {
            Peers.WaitForListening(port, server, TimeSpan.FromSeconds(20));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Our simulator's TCP server with one plain register bank shaped like the pymodbus one.</summary>
    public static ModbusTcpServer StartSimulator(out ModbusServerCore core)
    {
        core = new ModbusServerCore();
        var bank = new RegisterBank(200, 200, 200, 200);
        for (int i = 0; i < 200; i++)
        {
            bank.HoldingRegisters[i] = (ushort)(1000 + i);
            bank.InputRegisters[i] = (ushort)(2000 + i);
        }

        core.AddUnit(Unit, bank, new DeviceIdentity("EdgeGateway", "benchmark", "1"));
        var server = new ModbusTcpServer(core, new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        return server;
    }

    /// <summary>Compiles peers/libmodbus_bench.c once per run into the work directory and returns the executable.</summary>
    public static string LibmodbusClient(BenchSettings settings)
    {
        string exe = Path.Combine(settings.WorkDirectory, "libmodbus_bench");
        if (File.Exists(exe))
        {
            return exe;
        }

        string source = Path.Combine(AppContext.BaseDirectory, "peers", "libmodbus_bench.c");
        if (Peers.OnPath("gcc") == null || Peers.OnPath("pkg-config") == null)
        {
            throw new PeerMissingException("gcc / pkg-config (to compile the libmodbus C client)", Peers.ModbusInstall);
        }

        ProcessResult flags = Peers.Run("pkg-config", new[] { "--cflags", "--libs", "libmodbus" }, TimeSpan.FromSeconds(30));
        if (flags.ExitCode != 0)
        {
            throw new PeerMissingException("libmodbus (pkg-config libmodbus: " + flags.StandardError.Trim() + ")", Peers.ModbusInstall);
        }

        Directory.CreateDirectory(settings.WorkDirectory);
        var args = new System.Collections.Generic.List<string> { "-O2", "-o", exe, source };
        args.AddRange(flags.StandardOutput.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        ProcessResult cc = Peers.Run("gcc", args.ToArray(), TimeSpan.FromSeconds(120));
        if (cc.ExitCode != 0)
        {
            throw new InvalidOperationException($"gcc could not compile {source}: {cc.StandardError.Trim()}");
        }

        return exe;
    }

    /// <summary>Runs the libmodbus client against 127.0.0.1:port for the window and parses its one-line result.</summary>
    public static PollFigures RunLibmodbus(string exe, int port, double seconds)
    {
        ProcessResult r = Peers.Run(exe, new[]
        {
            "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), Unit.ToString(CultureInfo.InvariantCulture),
            RegistersPerRead.ToString(CultureInfo.InvariantCulture), seconds.ToString("F1", CultureInfo.InvariantCulture),
        }, TimeSpan.FromSeconds(seconds + 60));
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"libmodbus client exited {r.ExitCode}: {r.StandardError.Trim()} {r.StandardOutput.Trim()}");
        }

        string line = r.StandardOutput.Trim();
        return new PollFigures("libmodbus 3.1 (C)", (long)Peers.Field(line, "polls"), Peers.Field(line, "seconds"), Peers.Field(line, "polls_per_s"),
            Peers.Field(line, "p50_us"), Peers.Field(line, "p99_us"), (long)Peers.Field(line, "errors"));
    }

    /// <summary>
    /// Our client (portable core ModbusClient over the Linux TcpClientTransport, SystemClock) reading 125 holding
    /// registers in a loop, the same loop the C client runs: 50 warm-up reads, then one-in-flight reads for the window.
    /// The values are checked against the server's pattern once, so a fast wrong answer cannot count.
    /// </summary>
    public static PollFigures RunOurClient(int port, double seconds)
    {
        using var transport = new TcpClientTransport("127.0.0.1", port);
        var client = new ModbusClient(transport, ModbusFraming.Tcp, SystemClock.Instance, new ModbusClientOptions { ResponseTimeoutMs = 1000, Retries = 0 });
        var registers = new ushort[RegistersPerRead];
        for (int i = 0; i < 50; i++)
        {
            client.TryReadRegisters(Unit, RegisterKind.HoldingRegister, 0, RegistersPerRead, registers, 0);
        }

        FrameStatus check = client.TryReadRegisters(Unit, RegisterKind.HoldingRegister, 0, RegistersPerRead, registers, 0);
        if (check != FrameStatus.Ok || registers[0] != 1000 || registers[RegistersPerRead - 1] != 1000 + RegistersPerRead - 1)
        {
            throw new InvalidOperationException($"our client's check read failed: status {check}, registers[0] = {registers[0]}, registers[124] = {registers[RegistersPerRead - 1]} (expected 1000 and 1124); counters: {client.Counters}");
        }

        var latencyUs = new double[1 << 20];
        int n = 0;
        long errors = 0;
        double usPerTick = 1e6 / Stopwatch.Frequency;
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(seconds * Stopwatch.Frequency);
        while (n < latencyUs.Length)
        {
            long t0 = Stopwatch.GetTimestamp();
            if (t0 >= end)
            {
                break;
            }

            if (client.TryReadRegisters(Unit, RegisterKind.HoldingRegister, 0, RegistersPerRead, registers, 0) != FrameStatus.Ok)
            {
                errors++;
            }

            latencyUs[n++] = (Stopwatch.GetTimestamp() - t0) * usPerTick;
        }

        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencyUs, 0, n);
        return new PollFigures("ours (C#, core + Linux TCP)", n, elapsed, n / elapsed, n > 0 ? latencyUs[n / 2] : 0, n > 0 ? latencyUs[(int)(n * 0.99)] : 0, errors);
    }

    /// <summary>The round with the median polls/s (rounds alternate, so noise is shared).</summary>
    public static PollFigures Median(System.Collections.Generic.List<PollFigures> rounds)
    {
        rounds.Sort((a, b) => a.PollsPerSecond.CompareTo(b.PollsPerSecond));
        return rounds[rounds.Count / 2];
    }
}
