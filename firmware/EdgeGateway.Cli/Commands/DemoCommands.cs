using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EdgeGateway.Cli.Demo;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Firmware.Linux.Configuration;
using EdgeGateway.Firmware.Linux.Runtime;
using EdgeGateway.Hardware.Simulation;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// `egw demo` (what ./run.sh runs): the whole chain in one process on 127.0.0.1 — the four simulators of
/// firmware/samples/gateway.json (gas boiler, coal boiler, fan motor, transformer), an embedded MQTT broker, a small
/// fleet-side subscriber that decodes every frame, and the gateway runtime with its status page.
/// </summary>
public static class DemoCommands
{
    public const string DemoUser = "gw-sim-01";
    public const string DemoPassword = "demo-only-password";

    public const string UsageText =
        "usage: egw demo [--status-port 8080] [--mqtt-port 1883] [--sim-base-port 15020] [--scenario compliant]\n" +
        "                [--steady-window-s 60] [--report-s 60] [--state-dir DIR] [--duration-s 0 (= until Ctrl-C)]\n" +
        "  Port 0 = any free port. --sim-base-port moves the four simulators to P..P+3 (the demo config follows).\n" +
        "  The steady-state window is shortened to 60 s so verdicts appear within minutes (a real gateway judges 900 s).";

    /// <summary>The simulators the sample configuration's buses expect, in bus order.</summary>
    private static readonly (string BusId, string Kind, string Label)[] Simulators =
    {
        ("sim-gas-boiler", "gas", "gas boiler 10 t/h (units 1-3)"),
        ("sim-coal-boiler", "coal", "coal boiler 10 t/h (units 1-3)"),
        ("sim-motor", "motor", "37 kW fan motor behind an SDM630 (unit 1)"),
        ("sim-transformer", "transformer", "630 kVA transformer, HV and LV meters (units 1, 2)"),
    };

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if ((args.Length > 0 && args[0] == "help") || Array.IndexOf(args, "--help") >= 0 || Array.IndexOf(args, "-h") >= 0)
        {
            console.Out.WriteLine(UsageText);
            return Program.ExitOk;
        }

        var cl = new CommandLine(args, 0, "demo", "status-port", "mqtt-port", "sim-base-port", "scenario", "steady-window-s", "report-s", "state-dir", "duration-s");
        if (cl.Positionals.Count > 0)
        {
            throw new InputException("argument", cl.Positionals[0], "'egw demo' takes only --options; see 'egw demo --help'");
        }

        int statusPort = cl.OptionalInt("status-port", 8080, 0, 65535);
        int mqttPort = cl.OptionalInt("mqtt-port", 1883, 0, 65535);
        int simBase = cl.OptionalInt("sim-base-port", -1, 0, 65531);
        Scenario scenario = Scenarios.Parse(cl.OptionalString("scenario") ?? "compliant");
        double steadyS = cl.OptionalDouble("steady-window-s", 60, "a steady-state window in seconds, 10 or more");
        int reportS = cl.OptionalInt("report-s", 60, 5, 86400);
        string? stateDirOption = cl.OptionalString("state-dir");
        int durationS = cl.OptionalInt("duration-s", 0, 0, int.MaxValue);
        cl.RejectUnused();
        if (steadyS < 10)
        {
            throw new InputException("--steady-window-s", steadyS.ToString(CultureInfo.InvariantCulture), "10 s or more");
        }

        string samplePath = FindSample();
        string? devicesRoot = GatewayConfigFile.FindDevicesRoot(null, Directory.GetCurrentDirectory())
            ?? GatewayConfigFile.FindDevicesRoot(null, AppContext.BaseDirectory);
        if (devicesRoot == null)
        {
            throw new InputException("profiles", "hardware/devices not found", "run egw demo from the repository (./run.sh) so the device profiles are found");
        }

        bool tempState = stateDirOption == null;
        string stateDir = stateDirOption ?? Path.Combine(Path.GetTempPath(), "egw-demo-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(stateDir);

        var hosts = new List<SimulationHost>();
        using var simCancel = new CancellationTokenSource();
        var simLoops = new List<Task>();
        EmbeddedBroker? broker = null;
        FleetMonitor? fleet = null;
        LinuxGatewayHost? gateway = null;
        try
        {
            // 1. Simulators on the ports of the sample (or --sim-base-port .. +3).
            JsonObject config = JsonNode.Parse(File.ReadAllText(samplePath))!.AsObject();
            JsonArray buses = config["buses"]!.AsArray();
            var clock = new HostClock();
            console.Out.WriteLine("egw demo: simulators, MQTT broker, fleet subscriber and gateway in one process (all on 127.0.0.1)");
            for (int i = 0; i < Simulators.Length; i++)
            {
                JsonObject bus = FindBus(buses, Simulators[i].BusId, samplePath);
                int port = simBase < 0 ? (int)bus["port"]! : (simBase == 0 ? 0 : simBase + i);
                SimulatedDevice device = Simulators[i].Kind switch
                {
                    "gas" => new BoilerModel(BoilerFuel.Gas, scenario, 1, clock, 1),
                    "coal" => new BoilerModel(BoilerFuel.Coal, scenario, 1, clock, 2),
                    "motor" => new MotorModel(scenario, 1, clock, 3),
                    _ => new TransformerModel(scenario, 1, clock, 4),
                };
                var host = new SimulationHost(device);
                hosts.Add(host);
                try
                {
                    host.StartTcp(new IPEndPoint(IPAddress.Loopback, port));
                }
                catch (SocketException e)
                {
                    // The user sets these ports with --sim-base-port (simulator i listens on base + i), so the message names it.
                    string value = simBase < 0
                        ? "(not given: the sample's ports " + SamplePorts(buses, samplePath) + ")"
                        : simBase.ToString(CultureInfo.InvariantCulture);
                    throw new InputException("--sim-base-port", value,
                        "simulator port 127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + " is in use (" + Program.OneLine(e.Message)
                        + "): stop the other demo or egw sim, or pass --sim-base-port 0 (free ports) or another base port");
                }

                bus["port"] = host.TcpEndPoint!.Port;
                simLoops.Add(host.RunAsync(1000, null, simCancel.Token));
                console.Out.WriteLine("  simulator " + Simulators[i].Label + ": Modbus TCP " + host.TcpEndPoint + ", scenario " + Scenarios.Name(scenario));
            }

            // 2. The embedded broker, with the gateway's user name and password.
            if (mqttPort == 0)
            {
                mqttPort = FreePort();
            }

            broker = new EmbeddedBroker(mqttPort, DemoUser, DemoPassword);
            try
            {
                broker.Start();
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                throw new InputException("--mqtt-port", mqttPort.ToString(CultureInfo.InvariantCulture),
                    "is in use (" + e.Message + "; a mosquitto running?): pass --mqtt-port 0 for a free port");
            }

            console.Out.WriteLine("  MQTT broker (embedded, MQTTnet): mqtt://127.0.0.1:" + mqttPort + ", user " + DemoUser);

            // 3. The fleet side.
            fleet = new FleetMonitor();
            fleet.Connect(mqttPort, DemoUser, DemoPassword);
            console.Out.WriteLine("  fleet subscriber: egw/v1/# (decodes every frame; one line per gateway every " + reportS + " s)");

            // 4. The gateway, on a copy of the sample pointed at the broker and a store in the state directory.
            JsonObject uplink = config["uplink"]!.AsObject();
            uplink["host"] = "127.0.0.1";
            uplink["port"] = mqttPort;
            uplink["tls"] = false;
            uplink["username"] = DemoUser;
            uplink["password"] = DemoPassword;
            config["store"]!["path"] = Path.GetFullPath(Path.Combine(stateDir, "store"));
            config["notes"] = "written by egw demo from " + samplePath + ": simulator ports, embedded broker and store path replaced";
            string demoConfig = Path.Combine(stateDir, "demo-gateway.json");
            File.WriteAllText(demoConfig, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

            gateway = new LinuxGatewayHost(new LinuxGatewayHostOptions
            {
                ConfigPath = demoConfig,
                StateDirectory = stateDir,
                DevicesRoot = devicesRoot,
                StatusPort = statusPort,
                StatusBindAddress = "127.0.0.1",
                SimulateGpio = true,
                DeviceModel = "egw-demo",
                Runtime = new RuntimeOptions { SteadyWindowSeconds = steadyS },
                Log = line => GatewayCommands.Log(console, line),
            });
            try
            {
                gateway.Start();
            }
            catch (SocketException e)
            {
                throw new InputException("--status-port", statusPort.ToString(CultureInfo.InvariantCulture),
                    "is in use (" + e.Message + "): pass --status-port 0 for a free port, or another port");
            }

            GatewayCommands.PrintPlan(gateway, console);
            console.Out.WriteLine("  Steady-state window shortened to " + steadyS.ToString(CultureInfo.InvariantCulture)
                + " s for the demo (EN 12953-11 judges a test period; `egw gateway run` uses 900 s): boiler verdicts appear after that.");
            console.Out.WriteLine("  Ctrl-C stops everything" + (durationS > 0 ? " (or after " + durationS + " s)" : "") + ".");
            console.Out.Flush();

            LinuxGatewayHost g = gateway;
            FleetMonitor f = fleet;
            GatewayCommands.WaitForShutdown(durationS, elapsed =>
            {
                if (elapsed == 10 || elapsed % reportS == 0)
                {
                    GatewayCommands.Log(console, GatewayCommands.StatusLine(g.Runtime));
                    foreach (string line in f.SummaryLines())
                    {
                        GatewayCommands.Log(console, line);
                    }
                }
            });

            GatewayCommands.Log(console, "stopping the gateway (store closed cleanly), the broker and the simulators");
            gateway.Stop();
            Thread.Sleep(300); // let the death frame and the last acknowledgements reach the subscriber
            GatewayCommands.Log(console, GatewayCommands.StatusLine(gateway.Runtime));
            foreach (string line in fleet.SummaryLines())
            {
                GatewayCommands.Log(console, line);
            }

            return Program.ExitOk;
        }
        finally
        {
            gateway?.Dispose();
            if (fleet != null)
            {
                fleet.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            if (broker != null)
            {
                broker.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            simCancel.Cancel();
            foreach (Task t in simLoops)
            {
                t.GetAwaiter().GetResult();
            }

            foreach (SimulationHost h in hosts)
            {
                h.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            if (tempState)
            {
                try
                {
                    Directory.Delete(stateDir, recursive: true);
                }
                catch (IOException)
                {
                    // Left in /tmp; harmless.
                }
            }
        }
    }

    /// <summary>"15020..15023": the ports the sample's simulator buses use.</summary>
    private static string SamplePorts(JsonArray buses, string samplePath)
    {
        var ports = new List<string>();
        foreach ((string busId, string _, string _) in Simulators)
        {
            ports.Add(((int)FindBus(buses, busId, samplePath)["port"]!).ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(", ", ports);
    }

    private static JsonObject FindBus(JsonArray buses, string id, string samplePath)
    {
        foreach (JsonNode? b in buses)
        {
            if (b is JsonObject o && (string?)o["id"] == id)
            {
                return o;
            }
        }

        throw new InputException(samplePath + ": buses", id + " missing", "the demo expects the buses sim-gas-boiler, sim-coal-boiler, sim-motor, sim-transformer of the sample");
    }

    /// <summary>firmware/samples/gateway.json in the checkout above the current directory, else the copy next to egw.</summary>
    private static string FindSample()
    {
        for (string? dir = Directory.GetCurrentDirectory(); dir != null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, "firmware", "samples", "gateway.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        string next = Path.Combine(AppContext.BaseDirectory, "samples", "gateway.json");
        if (File.Exists(next))
        {
            return next;
        }

        throw new InputException("firmware/samples/gateway.json", "not found", "run egw demo from the repository (./run.sh)");
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
