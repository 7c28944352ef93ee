using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using EdgeGateway.Hardware.Simulation;

namespace EdgeGateway.Cli.Tests;

/// <summary>A motor simulator (SDM630 at unit 1) and a gas boiler simulator (units 1-3) served in-process on free ports.</summary>
public sealed class CliSimulatorFixture : IDisposable
{
    public CliSimulatorFixture()
    {
        Motor = new SimulationHost(new MotorModel(Scenario.Compliant, 1, new ManualClock(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), 7));
        Motor.StartTcp(new IPEndPoint(IPAddress.Loopback, 0));
        Boiler = new SimulationHost(new BoilerModel(BoilerFuel.Gas, Scenario.Compliant, 1, new ManualClock(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), 7));
        Boiler.StartTcp(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public SimulationHost Motor { get; }

    public SimulationHost Boiler { get; }

    public static string Endpoint(SimulationHost host) => "127.0.0.1:" + host.TcpEndPoint!.Port.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Motor.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Boiler.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>`egw modbus read --profile` and `egw modbus probe` against our own simulators, with the shipped profiles.</summary>
public class ModbusAgainstSimulatorTests : IClassFixture<CliSimulatorFixture>
{
    private readonly CliSimulatorFixture fx;

    public ModbusAgainstSimulatorTests(CliSimulatorFixture fixture)
    {
        fx = fixture;
    }

    [Fact]
    public void Read_with_the_shipped_meter_profile_gives_the_motor_s_values_all_plausible()
    {
        EgwResult r = Egw.Run("modbus", "read", "--tcp", CliSimulatorFixture.Endpoint(fx.Motor), "--profile", ProfileCatalog.PathOf(ProfileCatalog.Sdm630));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("OUT OF RANGE", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stderr);

        // What the simulator says it serves (its own bookkeeping) is what egw decoded from the wire.
        double servedVoltage = fx.Motor.Device.Slaves[0].Served["voltageL1"];
        Match m = Regex.Match(r.Stdout, @"^voltageL1\s+(\S+) V$", RegexOptions.Multiline);
        Assert.True(m.Success, r.Stdout);
        Assert.Equal(servedVoltage, double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 1e-3);
        Assert.InRange(servedVoltage, 400 / Math.Sqrt(3) * 0.98, 400 / Math.Sqrt(3) * 1.02);
    }

    [Fact]
    public void Read_the_boiler_s_flow_computer_with_its_word_swapped_profile()
    {
        EgwResult r = Egw.Run("modbus", "read", "--tcp", CliSimulatorFixture.Endpoint(fx.Boiler), "--profile", ProfileCatalog.PathOf(ProfileCatalog.SteamFlowComputer));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("OUT OF RANGE", r.Stdout, StringComparison.Ordinal);
        Match m = Regex.Match(r.Stdout, @"^steamFlow\s+(\S+) t/h$", RegexOptions.Multiline);
        Assert.True(m.Success, r.Stdout);
        double decodedTph = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(fx.Boiler.Device.Slaves[1].Served["steamFlow"], decodedTph, 1e-3);
        // Independent of the simulator's bookkeeping: its clock never advances, so load = 0.75 + 0.15·sin(0) = 0.75 of
        // the 10 t/h rating = 7.5 t/h, with 0.2 % sensor noise (±2 % = 10σ). A wrong word order lands orders off.
        Assert.InRange(decodedTph, 7.5 * 0.98, 7.5 * 1.02);
    }

    [Fact]
    public void Probe_with_the_wrong_word_order_proposes_the_device_s_order()
    {
        string text = File.ReadAllText(ProfileCatalog.PathOf(ProfileCatalog.Sdm630));
        const string Order = "\"byteOrder\": \"ABCD\"";
        Assert.Equal(1, Regex.Count(text, Regex.Escape(Order)));
        string wrong = ModbusCommandTests.TempFile("profile.json", text.Replace(Order, "\"byteOrder\": \"CDAB\"", StringComparison.Ordinal));

        // Reading with it shows the symptom...
        EgwResult read = Egw.Run("modbus", "read", "--tcp", CliSimulatorFixture.Endpoint(fx.Motor), "--profile", wrong);
        Assert.Equal(0, read.ExitCode);
        Assert.Contains("OUT OF RANGE", read.Stdout, StringComparison.Ordinal);
        Assert.Contains("egw modbus probe", read.Stderr, StringComparison.Ordinal);

        // ...and the probe names the cure.
        EgwResult probe = Egw.Run("modbus", "probe", "--tcp", CliSimulatorFixture.Endpoint(fx.Motor), "--profile", wrong);
        Assert.True(probe.ExitCode == 0, probe.Stderr);
        Assert.Contains("PROPOSAL: byteOrder ABCD (instead of CDAB)", probe.Stdout, StringComparison.Ordinal);
        Match plausible = Regex.Match(probe.Stdout, @"makes (\d+)/(\d+) values plausible");
        Assert.True(plausible.Success, probe.Stdout);
        Assert.Equal(plausible.Groups[2].Value, plausible.Groups[1].Value);
    }

    [Fact]
    public void Probe_with_the_right_profile_proposes_nothing()
    {
        EgwResult probe = Egw.Run("modbus", "probe", "--tcp", CliSimulatorFixture.Endpoint(fx.Motor), "--profile", ProfileCatalog.PathOf(ProfileCatalog.Sdm630));
        Assert.True(probe.ExitCode == 0, probe.Stderr);
        Assert.Contains("no change proposed", probe.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("PROPOSAL", probe.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_finds_the_boiler_s_three_slaves()
    {
        EgwResult r = Egw.Run("modbus", "scan", "--tcp", CliSimulatorFixture.Endpoint(fx.Boiler), "--from", "1", "--to", "5", "--timeout-ms", "300");
        Assert.True(r.ExitCode == 0, r.Stderr);
        string[] units = Regex.Matches(r.Stdout, @"^unit (\d+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(new[] { "1", "2", "3" }, units);
    }
}

/// <summary>`egw sim` as a real process, read by mbpoll (libmodbus) and by egw; and its option errors.</summary>
public class SimCommandTests
{
    private const string MbpollHint = "install the peers: sudo apt-get install -y --no-install-recommends mbpoll socat";

    [Fact]
    public async System.Threading.Tasks.Task Sim_boiler_as_a_process_serves_values_mbpoll_and_egw_read_then_stops_by_itself()
    {
        string mbpoll = Require("mbpoll");
        int port = ModbusBadInputTests.ClosedPort();
        string endpoint = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        using Process sim = StartEgw("sim", "boiler", "--tcp", endpoint, "--duration-s", "6", "--period-ms", "200");
        var stdout = sim.StandardOutput.ReadToEndAsync();
        var stderr = sim.StandardError.ReadToEndAsync();
        try
        {
            WaitForListener(port, sim);

            // libmodbus reads the flow computer (unit 2, input registers 0-1, float with swapped words = CDAB).
            var psi = new ProcessStartInfo(mbpoll) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-m", "tcp", "-p", port.ToString(CultureInfo.InvariantCulture), "-a", "2", "-t", "3:float", "-0", "-r", "0", "-c", "1", "-1", "127.0.0.1" })
            {
                psi.ArgumentList.Add(a);
            }

            using Process mb = Process.Start(psi)!;
            string mbOut = mb.StandardOutput.ReadToEnd() + mb.StandardError.ReadToEnd();
            Assert.True(mb.WaitForExit(20000), "mbpoll did not finish");
            Assert.True(mb.ExitCode == 0, "mbpoll failed: " + mbOut);
            Match m = Regex.Match(mbOut, @"^\[0\]:\s+(\S+)", RegexOptions.Multiline);
            Assert.True(m.Success, mbOut);
            double steamFlowTph = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(steamFlowTph, 0.5, 40); // the flow computer's plausible range; a wrong decoding lands far outside

            EgwResult read = Egw.Run("modbus", "read", "--tcp", endpoint, "--profile", ProfileCatalog.PathOf(ProfileCatalog.SteamFlowComputer));
            Assert.True(read.ExitCode == 0, read.Stderr);
            Assert.Matches(@"(?m)^steamFlow\s+\S+ t/h$", read.Stdout);
            Assert.DoesNotContain("OUT OF RANGE", read.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (!sim.WaitForExit(30000))
            {
                sim.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, sim.ExitCode);
        string output = await stdout;
        Assert.Contains("Modbus TCP on " + endpoint, output, StringComparison.Ordinal);
        Assert.Contains("unit 2 = generic-steam-flow-computer", output, StringComparison.Ordinal);
        Match stopped = Regex.Match(output, @"stopped: (\d+) requests");
        Assert.True(stopped.Success, output + await stderr);
        Assert.True(int.Parse(stopped.Groups[1].Value, CultureInfo.InvariantCulture) >= 2, output);
    }

    [Theory]
    [InlineData(new[] { "sim", "boiller", "--tcp", "127.0.0.1:5020" }, "boiller", "boiler, motor, transformer")]
    [InlineData(new[] { "sim", "boiler" }, "--tcp/--rtu", "missing")]
    [InlineData(new[] { "sim", "boiler", "--tcp", "127.0.0.1:5020", "--rtu", "/dev/ttyS9" }, "--tcp/--rtu", "both")]
    [InlineData(new[] { "sim", "boiler", "--tcp", "127.0.0.1" }, "--tcp = 127.0.0.1", "ADDRESS:PORT")]
    [InlineData(new[] { "sim", "boiler", "--tcp", "localhost:5020" }, "--tcp = localhost:5020", "ADDRESS:PORT")]
    [InlineData(new[] { "sim", "motor", "--tcp", "127.0.0.1:5020", "--unit", "0" }, "--unit = 0", "1 to")]
    [InlineData(new[] { "sim", "motor", "--tcp", "127.0.0.1:5020", "--scenario", "broken" }, "--scenario = broken", "non-compliant")]
    [InlineData(new[] { "sim", "motor", "--tcp", "127.0.0.1:5020", "--fuel", "coal" }, "--fuel = coal", "boiler")]
    [InlineData(new[] { "sim", "motor", "--tcp", "127.0.0.1:5020", "--period-ms", "10" }, "--period-ms = 10", "50")]
    [InlineData(new[] { "sim", "motor", "--tcp", "127.0.0.1:5020", "--speed", "2" }, "--speed", "not an option")]
    public void Bad_sim_options_are_one_line_with_exit_2(string[] args, string named, string allowed)
    {
        string line = Egw.Run(args).BadInputLine();
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains(allowed, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_one_line_with_exit_1()
    {
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            int port = ((IPEndPoint)busy.LocalEndpoint).Port;
            EgwResult r = Egw.Run("sim", "motor", "--tcp", "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), "--duration-s", "1");
            Assert.Equal(1, r.ExitCode);
            string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("cannot open the port", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            busy.Stop();
        }
    }

    [Fact]
    public void Sim_help_lists_kinds_and_scenarios()
    {
        EgwResult r = Egw.Run("sim", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (string s in new[] { "boiler|motor|transformer", "--tcp", "--rtu", "--scenario", "corrupt-crc", "--duration-s" })
        {
            Assert.Contains(s, r.Stdout, StringComparison.Ordinal);
        }
    }

    private static Process StartEgw(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "egw.dll");
        Assert.True(File.Exists(dll), "egw.dll not found at " + dll);
        string? self = Environment.ProcessPath;
        string host = self != null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("egw did not start");
    }

    private static void WaitForListener(int port, Process sim)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(sim.HasExited, "egw sim exited early with " + (sim.HasExited ? sim.ExitCode : 0));
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        Assert.Fail("egw sim did not listen on port " + port + " within 30 s");
    }

    private static string Require(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Append("/usr/bin"))
        {
            string path = Path.Combine(dir, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Fail(tool + " is not installed; " + MbpollHint);
        return tool;
    }
}
