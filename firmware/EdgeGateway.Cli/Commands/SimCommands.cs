using System;
using System.Globalization;
using System.IO.Ports;
using System.Net;
using System.Threading;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Firmware.Linux.Transport;
using EdgeGateway.Hardware.Simulation;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// `egw sim boiler|motor|transformer (--tcp 127.0.0.1:PORT | --rtu DEVICE) --unit N --scenario NAME [--fuel gas|coal]`:
/// serves a simulated installation over Modbus until Ctrl-C (or --duration-s), printing what it serves.
/// </summary>
public static class SimCommands
{
    private const string Usage =
        "usage: egw sim boiler|motor|transformer (--tcp 127.0.0.1:PORT | --rtu DEVICE [--baud 9600] [--parity none|even|odd])\n" +
        "               [--unit 1] [--scenario " + "compliant|non-compliant|sensor-stuck|drift|failed|exceptions|timeout|corrupt-crc] [--fuel gas|coal]\n" +
        "               [--seed 1] [--period-ms 1000] [--duration-s 0 (= until Ctrl-C)]";

    private static readonly string[] Kinds = { "boiler", "motor", "transformer" };
    private static readonly string[] Fuels = { "gas", "coal" };

    private static readonly string[] Options = { "tcp", "rtu", "baud", "parity", "unit", "scenario", "fuel", "seed", "period-ms", "duration-s" };

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        int start = args.Length > 0 && args[0] == "sim" ? 1 : 0;
        if (args.Length > start && (args[start] == "help" || Array.IndexOf(args, "--help") >= 0 || Array.IndexOf(args, "-h") >= 0))
        {
            console.Out.WriteLine(Usage);
            return 0;
        }

        if (args.Length <= start || Array.IndexOf(Kinds, args[start]) < 0)
        {
            throw new InputException("egw sim", args.Length > start ? args[start] : "missing", "must be one of boiler, motor, transformer; see 'egw sim --help'");
        }

        string kind = args[start];
        var cl = new CommandLine(args, start + 1, "sim " + kind, Options);
        if (cl.Positionals.Count > 0)
        {
            throw new InputException("argument", cl.Positionals[0], "'egw sim " + kind + "' takes only --options; see 'egw sim --help'");
        }

        try
        {
            return Serve(kind, cl, console);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or System.IO.IOException or UnauthorizedAccessException)
        {
            string field = cl.Has("tcp") ? "--tcp" : "--rtu";
            throw new EnvironmentFailureException(field, cl.OptionalString(field.Substring(2)) ?? "?", "cannot open the port (" + Program.OneLine(e.Message) + "); "
                + (field == "--tcp" ? "choose a free port, or stop what listens there" : "check the device path (a socat pty pair?) and that nothing else holds it"));
        }
    }

    private static int Serve(string kind, CommandLine cl, Console2 console)
    {
        string? tcp = cl.OptionalString("tcp");
        string? rtu = cl.OptionalString("rtu");
        if ((tcp == null) == (rtu == null))
        {
            throw new InputException("--tcp/--rtu", tcp == null ? "missing" : "both", "give exactly one: --tcp 127.0.0.1:PORT or --rtu DEVICE (e.g. one end of a socat pty pair)");
        }

        byte unit = (byte)cl.OptionalInt("unit", 1, 1, 245);
        Scenario scenario = Scenarios.Parse(cl.OptionalString("scenario") ?? "compliant");
        string fuel = cl.Choice("fuel", Fuels, "gas");
        if (kind != "boiler" && cl.Has("fuel"))
        {
            throw new InputException("--fuel", fuel, "only 'egw sim boiler' burns fuel");
        }

        int seed = cl.OptionalInt("seed", 1, int.MinValue, int.MaxValue);
        int periodMs = cl.OptionalInt("period-ms", 1000, 50, 3600000);
        int durationS = cl.OptionalInt("duration-s", 0, 0, int.MaxValue);
        int baud = cl.OptionalInt("baud", 9600, 300, 921600);
        string? parityText = rtu != null ? cl.OptionalString("parity") : null;
        Parity parity = Parity.None;
        try
        {
            parity = rtu != null ? SerialPortTransport.ParseParity(parityText ?? "none") : Parity.None;
        }
        catch (InputException e)
        {
            throw new InputException("--parity", parityText ?? "none", e.Allowed);
        }

        IPEndPoint? endPoint = null;
        // IPEndPoint.TryParse accepts a bare address as port 0 (any free port): a forgotten port must not start a server nobody can find.
        if (tcp != null && (!IPEndPoint.TryParse(tcp, out endPoint) || (endPoint.Port == 0 && !tcp.EndsWith(":0", StringComparison.Ordinal))))
        {
            throw new InputException("--tcp", tcp, "must be ADDRESS:PORT such as 127.0.0.1:5020");
        }

        cl.RejectUnused();
        if (rtu != null && !System.IO.File.Exists(rtu))
        {
            throw new EnvironmentFailureException("--rtu", rtu, "no such serial device; list /dev/ttyUSB* /dev/ttyS*, check the adapter is plugged in, or create a pair with socat");
        }

        var clock = new HostClock();
        SimulatedDevice device = kind switch
        {
            "boiler" => new BoilerModel(fuel == "coal" ? BoilerFuel.Coal : BoilerFuel.Gas, scenario, unit, clock, seed),
            "motor" => new MotorModel(scenario, unit, clock, seed),
            _ => new TransformerModel(scenario, unit, clock, seed),
        };

        var host = new SimulationHost(device);
        try
        {
            if (endPoint != null)
            {
                host.StartTcp(endPoint);
                console.Out.WriteLine("egw sim " + kind + ": Modbus TCP on " + host.TcpEndPoint + ", scenario " + Scenarios.Name(scenario) + ", seed " + seed);
            }
            else
            {
                host.StartRtu(rtu!, baud, parity, parity == Parity.None ? StopBits.Two : StopBits.One);
                console.Out.WriteLine("egw sim " + kind + ": Modbus RTU on " + rtu + " at " + baud + " baud, parity " + parity + ", scenario " + Scenarios.Name(scenario) + ", seed " + seed);
            }

            foreach (string line in device.Describe())
            {
                console.Out.WriteLine(line);
            }

            console.Out.WriteLine("serving until Ctrl-C" + (durationS > 0 ? " or " + durationS + " s" : "") + "; a status line every 10 updates");
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            if (durationS > 0)
            {
                cancel.CancelAfter(TimeSpan.FromSeconds(durationS));
            }

            int updates = 0;
            host.RunAsync(periodMs, () =>
            {
                if (++updates % 10 == 0)
                {
                    console.Out.WriteLine(Status(device, host));
                }
            }, cancel.Token).GetAwaiter().GetResult();
            Console.CancelKeyPress -= onCancel;
            console.Out.WriteLine("stopped: " + host.Core.Requests + " requests, " + host.Core.ExceptionsSent + " exception responses, " + host.Core.Unanswered + " unanswered");
            return 0;
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string Status(SimulatedDevice device, SimulationHost host)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("t=").Append(device.ElapsedSeconds.ToString("F0", CultureInfo.InvariantCulture)).Append(" s");
        foreach (var kv in device.Truth)
        {
            sb.Append(' ').Append(kv.Key).Append('=').Append(kv.Value.ToString("G5", CultureInfo.InvariantCulture));
        }

        sb.Append(" requests=").Append(host.Core.Requests);
        return sb.ToString();
    }
}
