using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Linux.Configuration;
using EdgeGateway.Firmware.Linux.Runtime;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// `egw gateway run|validate`: the gateway on a Linux box (polls the configured buses, computes, stores and forwards,
/// serves the status page) and the configuration check technicians run before deploying.
/// </summary>
public static class GatewayCommands
{
    public const string UsageText =
        "usage: egw gateway run [--config FILE] [--state-dir egw-data/state] [--profiles-dir hardware/devices]\n" +
        "                       [--status-port P] [--status-bind 0.0.0.0] [--simulate-gpio] [--steady-window-s 900] [--duration-s 0]\n" +
        "       egw gateway validate --config FILE [--profiles-dir hardware/devices]   (alias of egw config validate FILE)\n" +
        "  run: --config deploys FILE into the state directory as gateway.json (the technician's file wins at start);\n" +
        "       without it the state directory's gateway.json runs (falling back to gateway.previous.json).\n" +
        "       With --state-dir, a relative store.path is resolved against that directory (else against the current directory).\n" +
        "       Runs until Ctrl-C / SIGTERM (or --duration-s); a remote configuration restarts the runtime in-process.";

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        string sub = args.Length > 0 ? args[0] : "";
        if (sub is "--help" or "-h" or "help" || Array.IndexOf(args, "--help") >= 0)
        {
            console.Out.WriteLine(UsageText);
            return Program.ExitOk;
        }

        return sub switch
        {
            "run" => RunGateway(new CommandLine(args, 1, "gateway run", RunOptions), console),
            "validate" => ValidateCommand(new CommandLine(args, 1, "gateway validate", "config", "profiles-dir"), console),
            _ => throw new InputException("egw gateway", sub.Length == 0 ? "missing" : sub, "must be run or validate; see 'egw gateway --help'"),
        };
    }

    private static readonly string[] RunOptions =
        { "config", "state-dir", "profiles-dir", "status-port", "status-bind", "simulate-gpio", "steady-window-s", "duration-s" };

    /// <summary>An alias of `egw config validate FILE`: the same check and the same output.</summary>
    private static int ValidateCommand(CommandLine cl, Console2 console)
    {
        if (cl.Positionals.Count > 0)
        {
            throw new InputException("argument", cl.Positionals[0], "'egw gateway validate' takes the file as --config FILE (or run 'egw config validate FILE')");
        }

        string path = cl.RequiredString("config", "the path of a gateway.json");
        string? profilesDir = cl.OptionalString("profiles-dir");
        cl.RejectUnused();
        return ConfigCommands.ValidateFile("--config", path, profilesDir, console);
    }

    private static int RunGateway(CommandLine cl, Console2 console)
    {
        if (cl.Positionals.Count > 0)
        {
            throw new InputException("argument", cl.Positionals[0], "'egw gateway run' takes only --options (the file as --config FILE); see 'egw gateway --help'");
        }

        string? configPath = cl.OptionalString("config");
        string? stateDirOption = cl.OptionalString("state-dir");
        string stateDir = stateDirOption ?? Path.Combine("egw-data", "state");
        string? devices = ConfigCommands.DevicesRoot(cl.OptionalString("profiles-dir"));
        int statusPort = cl.OptionalInt("status-port", -1, 0, 65535);
        string bind = cl.OptionalString("status-bind") ?? "0.0.0.0";
        bool simulateGpio = cl.Flag("simulate-gpio");
        double steadyS = cl.OptionalDouble("steady-window-s", 900, "a steady-state window in seconds, 10 or more (900 = 15 min)");
        int durationS = cl.OptionalInt("duration-s", 0, 0, int.MaxValue);
        cl.RejectUnused();
        if (steadyS < 10)
        {
            throw new InputException("--steady-window-s", steadyS.ToString(CultureInfo.InvariantCulture), "10 s or more (EN 12953-11 test periods are longer; 900 is the default)");
        }

        if (stateDirOption != null && File.Exists(stateDirOption))
        {
            throw new InputException("--state-dir", stateDirOption, "is a file; give a directory (created when missing) for gateway.json, boot counter and the queue");
        }

        if (configPath != null)
        {
            InputFiles.RequireFile("--config", configPath, "a gateway.json");
            ConfigValidationResult v = LinuxGatewayHost.Validate(configPath, devices);
            if (!ConfigCommands.PrintErrors(configPath, v, console))
            {
                return Program.ExitBadInput;
            }
        }
        else if (!File.Exists(Path.Combine(stateDir, ConfigApplier.CurrentName)) && !File.Exists(Path.Combine(stateDir, ConfigApplier.PreviousName)))
        {
            throw new InputException("--config", "missing", "give --config gateway.json (nothing is deployed in " + stateDir + " yet)");
        }

        using var host = new LinuxGatewayHost(new LinuxGatewayHostOptions
        {
            ConfigPath = configPath,
            StateDirectory = stateDir,
            // A relative store.path belongs under the state directory the technician named, not the current directory.
            StoreBaseDirectory = stateDirOption,
            DevicesRoot = devices,
            StatusPort = statusPort >= 0 ? statusPort : null,
            StatusBindAddress = bind,
            SimulateGpio = simulateGpio,
            Runtime = new RuntimeOptions { SteadyWindowSeconds = steadyS },
            Log = line => Log(console, line),
        });
        try
        {
            host.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InputException("--status-port", (statusPort >= 0 ? statusPort : 8080).ToString(CultureInfo.InvariantCulture),
                "cannot be bound (" + e.Message + "); choose another with --status-port");
        }

        PrintPlan(host, console);
        WaitForShutdown(durationS, elapsed =>
        {
            if (elapsed % 10 == 0)
            {
                Log(console, StatusLine(host.Runtime));
            }
        });
        Log(console, "stopping: closing the store and the uplink");
        host.Stop();
        Log(console, "stopped. " + StatusLine(host.Runtime));
        return Program.ExitOk;
    }

    /// <summary>What the gateway polls, computes and where its page and broker are.</summary>
    internal static void PrintPlan(LinuxGatewayHost host, Console2 console)
    {
        GatewayConfig c = host.Runtime.Config;
        console.Out.WriteLine("gateway " + c.Gateway.SiteId + "/" + c.Gateway.DeviceId + " (" + c.Gateway.Name + "), configuration " + c.HashHex
            + ", boot " + host.Runtime.BootCounter + " — " + host.ConfigMessage);
        foreach (BusConfig b in c.Buses)
        {
            var sb = new StringBuilder("  bus ").Append(b.Id).Append(" (");
            sb.Append(b.Kind == BusKind.Tcp ? "tcp " + b.Host + ":" + b.TcpPort : "rtu " + b.SerialPort + " " + b.Baud + " " + b.ParityName);
            sb.Append("):");
            foreach (DeviceConfig d in c.Devices)
            {
                if (d.BusId == b.Id)
                {
                    sb.Append(' ').Append(d.Id).Append(" unit ").Append(d.Unit).Append(" every ").Append(d.PollIntervalMs).Append(" ms (")
                        .Append(d.Points.Length).Append(" points);");
                }
            }

            console.Out.WriteLine(sb.ToString().TrimEnd(';'));
        }

        foreach (PulseInputConfig p in c.PulseInputs)
        {
            console.Out.WriteLine("  pulse input " + p.Id + " on GPIO " + p.Pin + ": " + p.Measurement + ", " + p.UnitsPerPulse.ToString(CultureInfo.InvariantCulture) + " per pulse");
        }

        foreach (EquipmentConfig e in c.Equipment)
        {
            console.Out.WriteLine("  equipment " + e.Id + " (" + e.KindName + ", " + e.Name + "): " + e.Inputs.Length + " inputs");
        }

        console.Out.WriteLine("  uplink: " + (string.IsNullOrEmpty(c.Uplink.Host) ? "disabled" : (c.Uplink.Tls ? "mqtts://" : "mqtt://") + c.Uplink.Host + ":" + c.Uplink.Port)
            + ", store " + host.Platform.StoreDirectory);
        if (host.StatusServer != null)
        {
            string url = host.StatusServer.BaseAddress.ToString();
            console.Out.WriteLine();
            console.Out.WriteLine("  ==> 状态页 / status page: " + url + "   (JSON: " + url + "status.json)");
            console.Out.WriteLine();
        }
        else
        {
            console.Out.WriteLine("  status page disabled (statusPage.enabled = false)");
        }
    }

    /// <summary>One line: uptime, frames, uplink, errors.</summary>
    internal static string StatusLine(GatewayRuntime r)
    {
        StatusSnapshot s = r.Snapshot;
        var sb = new StringBuilder("[gateway] up ").Append(s.Gateway.UptimeS).Append(" s, frames stored ").Append(r.Reports?.FramesStored ?? 0)
            .Append(", published ").Append(s.Uplink.PublishedFrames).Append(", backlog ").Append(s.Uplink.BacklogRecords)
            .Append(", uplink ").Append(StatusRendererCode(s));
        int offline = 0;
        foreach (DeviceHealthStatus d in s.Devices)
        {
            if (!d.Online)
            {
                offline++;
            }
        }

        sb.Append(", devices offline ").Append(offline).Append('/').Append(s.Devices.Length);
        foreach (EquipmentStatus e in s.Equipment)
        {
            sb.Append(", ").Append(e.Id).Append(' ')
                .Append(double.IsNaN(e.EfficiencyPercent) ? "—" : e.EfficiencyPercent.ToString("F1", CultureInfo.InvariantCulture) + " %")
                .Append(' ').Append(VerdictWord(e));
        }

        if (s.Uplink.LastConnectError != null)
        {
            sb.Append(", last uplink error: ").Append(s.Uplink.LastConnectError);
        }

        if (r.ErrorCount > 0)
        {
            sb.Append(", runtime errors ").Append(r.ErrorCount).Append(" (last: ").Append(r.LastError).Append(')');
        }

        return sb.ToString();
    }

    /// <summary>
    /// pass / fail / unknown; for motors and transformers "(nameplate)" is added: GB 18613 and GB 20052 grade the
    /// nameplate efficiency / losses, so the verdict stands even while every meter is offline and must not read as
    /// a verdict on the measurements.
    /// </summary>
    internal static string VerdictWord(EquipmentStatus e)
    {
        string code = EdgeGateway.Firmware.Core.Status.StatusRenderer.PassCode(e.Pass);
        bool nameplate = e.Kind == EdgeGateway.Firmware.Core.Status.EquipmentKind.Motor || e.Kind == EdgeGateway.Firmware.Core.Status.EquipmentKind.Transformer;
        return nameplate && e.Pass != PassState.Unknown ? code + " (nameplate)" : code;
    }

    private static string StatusRendererCode(StatusSnapshot s) => EdgeGateway.Firmware.Core.Status.StatusRenderer.UplinkCode(s.Uplink.State);

    internal static void Log(Console2 console, string line)
    {
        lock (console)
        {
            console.Out.WriteLine(DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " " + line);
            console.Out.Flush();
        }
    }

    /// <summary>
    /// Blocks until Ctrl-C, SIGTERM or <paramref name="durationS"/> (0 = no limit), calling <paramref name="everySecond"/>
    /// with the whole seconds elapsed, about once a second.
    /// </summary>
    internal static void WaitForShutdown(int durationS, Action<int> everySecond)
    {
        using var done = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            done.Set();
        };
        Console.CancelKeyPress += onCancel;
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;
            done.Set();
        });
        try
        {
            DateTime start = DateTime.UtcNow;
            int lastSecond = 0;
            while (!done.IsSet)
            {
                int elapsed = (int)(DateTime.UtcNow - start).TotalSeconds;
                if (durationS > 0 && elapsed >= durationS)
                {
                    break;
                }

                if (elapsed > lastSecond)
                {
                    lastSecond = elapsed;
                    everySecond(elapsed);
                }

                done.Wait(200);
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
