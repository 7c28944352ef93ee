using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using EdgeGateway.Cli.Commands;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Linux.Runtime;

namespace EdgeGateway.Cli.Tests;

/// <summary>
/// The findings of a new user's review of egw: every mistake is one line "error: field = value: what to do" naming
/// the field as the user typed it; exit 2 for bad input, 1 for the machine or the line; never a stack trace.
/// </summary>
public class BadInputReviewTests
{
    /// <summary>The repository (firmware/samples, hardware/devices), found above the test output.</summary>
    private static string Repo
    {
        get
        {
            for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "firmware", "samples", "gateway.json")) && Directory.Exists(Path.Combine(dir, "hardware", "devices")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("the repository was not found above " + AppContext.BaseDirectory);
        }
    }

    private static string SampleGateway => Path.Combine(Repo, "firmware", "samples", "gateway.json");

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "egw-review-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    // --- 1. A misspelled option is unknown (with the nearest name), not a missing one ------------------------------

    [Theory]
    [InlineData(new[] { "calc", "steam", "--pressure-mpa-abs", "1", "--temperatur-c", "100" }, "--temperatur-c", "calc steam", "--temperature-c")]
    [InlineData(new[] { "calc", "saturation", "--pressure-mpa-ab", "1" }, "--pressure-mpa-ab", "calc saturation", "--pressure-mpa-abs")]
    [InlineData(new[] { "calc", "boiler", "--inptu", "x.json" }, "--inptu", "calc boiler", "--input")]
    [InlineData(new[] { "calc", "motor", "--rated-kw", "11", "--pole", "4", "--efficiency-percent", "91" }, "--pole", "calc motor", "--poles")]
    [InlineData(new[] { "calc", "transformer", "--kind", "oil", "--core", "amorphous", "--rated-kav", "400" }, "--rated-kav", "calc transformer", "--rated-kva")]
    [InlineData(new[] { "modbus", "read", "--tcp", "127.0.0.1:502", "--unti", "1" }, "--unti", "modbus read", "--unit")]
    [InlineData(new[] { "modbus", "write", "--tcp", "127.0.0.1:502", "--unit", "1", "--vale", "3" }, "--vale", "modbus write", "--value")]
    [InlineData(new[] { "modbus", "scan", "--tpc", "127.0.0.1:502" }, "--tpc", "modbus scan", "--tcp")]
    [InlineData(new[] { "modbus", "probe", "--tcp", "127.0.0.1:502", "--profiel", "p.json" }, "--profiel", "modbus probe", "--profile")]
    [InlineData(new[] { "sim", "boiler", "--tcp", "127.0.0.1:5020", "--scenaro", "drift" }, "--scenaro", "sim boiler", "--scenario")]
    [InlineData(new[] { "config", "validate", "x.json", "--profile-dir", "y" }, "--profile-dir", "config validate", "--profiles-dir")]
    [InlineData(new[] { "config", "resolve", "x.json", "--output", "y.json" }, "--output", "config resolve", "--out")]
    [InlineData(new[] { "gateway", "run", "--confg", "x.json" }, "--confg", "gateway run", "--config")]
    [InlineData(new[] { "gateway", "validate", "--conifg", "x.json" }, "--conifg", "gateway validate", "--config")]
    [InlineData(new[] { "demo", "--sim-base-prot", "15020" }, "--sim-base-prot", "demo", "--sim-base-port")]
    public void A_misspelled_option_is_unknown_with_the_nearest_name_before_any_required_option_check(string[] args, string typo, string command, string meant)
    {
        string line = Egw.Run(args).BadInputLine();
        Assert.StartsWith("error: " + typo + " = ", line, StringComparison.Ordinal);
        Assert.Contains("is not an option of '" + command + "'", line, StringComparison.Ordinal);
        Assert.EndsWith("did you mean " + meant + "?", line, StringComparison.Ordinal);
        Assert.DoesNotContain("missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_far_from_every_name_lists_the_options_instead_of_guessing()
    {
        string line = Egw.Run("calc", "steam", "--colour", "blue").BadInputLine();
        Assert.Contains("--colour = blue: is not an option of 'calc steam'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", line, StringComparison.Ordinal);
        Assert.Contains("--pressure-mpa-abs, --temperature-c, --json", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_of_the_command_that_the_other_options_make_pointless_is_still_refused()
    {
        // --type means nothing when the profile says what to read; silently ignoring it would hide a mistake.
        string profile = Path.Combine(Repo, "hardware", "devices", "eastron-sdm630", "profile.json");
        string line = Egw.Run("modbus", "read", "--tcp", "127.0.0.1:502", "--unit", "1", "--profile", profile, "--type", "coil").BadInputLine();
        Assert.Contains("--type = coil: does not apply to 'modbus read'", line, StringComparison.Ordinal);
    }

    // --- 2. A directory given as a file ------------------------------------------------------------------------------

    [Theory]
    [InlineData("calc", "boiler", "--input")]
    [InlineData("gateway", "validate", "--config")]
    [InlineData("gateway", "run", "--config")]
    [InlineData("config", "validate", "FILE")]
    [InlineData("config", "resolve", "FILE")]
    [InlineData("modbus", "read", "--profile")]
    public void A_directory_given_as_a_file_is_named_as_a_directory(string command, string verb, string field)
    {
        string dir = TempDir();
        string[] args = command == "modbus"
            ? new[] { command, verb, "--tcp", "127.0.0.1:502", "--unit", "1", "--profile", dir }
            : field == "FILE" ? new[] { command, verb, dir } : new[] { command, verb, field, dir };
        string line = Egw.Run(args).BadInputLine();
        Assert.StartsWith("error: " + field + " = " + dir + ": is a directory; give a .json file", line, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", line, StringComparison.OrdinalIgnoreCase);
    }

    // --- 3. A serial device that does not exist ----------------------------------------------------------------------

    [Fact]
    public void A_serial_device_that_does_not_exist_says_so_with_exit_1()
    {
        EgwResult r = Egw.Run("modbus", "read", "--rtu", "/dev/egw-review-nonexistent", "--unit", "1", "--type", "holding", "--address", "0");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("error: --rtu = /dev/egw-review-nonexistent: no such serial device; list /dev/ttyUSB* /dev/ttyS*, or check the adapter is plugged in", line);
    }

    [Fact]
    public void A_simulator_on_a_serial_device_that_does_not_exist_says_so_with_exit_1()
    {
        EgwResult r = Egw.Run("sim", "motor", "--rtu", "/dev/egw-review-nonexistent");
        Assert.Equal(1, r.ExitCode);
        string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: --rtu = /dev/egw-review-nonexistent: no such serial device", line, StringComparison.Ordinal);
    }

    // --- 4. No ":0" when a profile problem has no line ---------------------------------------------------------------

    [Fact]
    public void A_missing_profile_is_named_by_its_option_without_a_line_number()
    {
        string line = Egw.Run("modbus", "read", "--tcp", "127.0.0.1:502", "--unit", "1", "--profile", "/nonexistent.json").BadInputLine();
        Assert.StartsWith("error: --profile = /nonexistent.json: no such file", line, StringComparison.Ordinal);
        Assert.DoesNotContain(":0", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_profile_is_named_with_its_file_and_line()
    {
        string dir = TempDir();
        string path = Path.Combine(dir, "profile.json");
        File.WriteAllText(path, "{\n  \"device\": {\n    \"id\": \"x\",,\n  }\n}\n");
        string line = Egw.Run("modbus", "probe", "--tcp", "127.0.0.1:502", "--profile", path).BadInputLine();
        Assert.StartsWith("error: " + path + ":3 ", line, StringComparison.Ordinal);
        Assert.Contains("egw modbus profile validate", line, StringComparison.Ordinal);
    }

    // --- 5. The field as the user typed it ---------------------------------------------------------------------------

    [Fact]
    public void A_tcp_port_out_of_range_names_the_tcp_option()
    {
        string line = Egw.Run("modbus", "read", "--tcp", "127.0.0.1:99999", "--unit", "1", "--type", "holding", "--address", "0").BadInputLine();
        Assert.StartsWith("error: --tcp = 127.0.0.1:99999: ", line, StringComparison.Ordinal);
        Assert.Contains("1 to 65535", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_busy_simulator_port_in_the_demo_names_sim_base_port()
    {
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            string port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            EgwResult r = Egw.Run("demo", "--sim-base-port", port, "--status-port", "0", "--mqtt-port", "0", "--duration-s", "1");
            Assert.True(r.ExitCode == 2, "exit " + r.ExitCode + "; stderr: " + r.Stderr);
            string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("error: --sim-base-port = " + port + ": simulator port 127.0.0.1:" + port + " is in use", line, StringComparison.Ordinal);
        }
        finally
        {
            busy.Stop();
        }
    }

    // --- 6. One error format everywhere ------------------------------------------------------------------------------

    [Theory]
    [InlineData(new[] { "calc", "motor", "--rated-kw", "11", "--poles", "5", "--efficiency-percent", "91" }, "--poles = 5")]
    [InlineData(new[] { "modbus", "read", "--tcp", "127.0.0.1:502", "--unit", "1", "--type", "holdings", "--address", "0" }, "--type = holdings")]
    [InlineData(new[] { "modbus", "raed" }, "egw modbus = raed")]
    [InlineData(new[] { "modbus" }, "egw modbus = missing")]
    [InlineData(new[] { "sim", "motor", "--tcp", "127.0.0.1:5020", "--unit", "0" }, "--unit = 0")]
    [InlineData(new[] { "config" }, "egw config = missing")]
    [InlineData(new[] { "config", "validate", "/nonexistent/gateway.json" }, "FILE = /nonexistent/gateway.json")]
    [InlineData(new[] { "gateway", "run", "--steady-window-s", "5", "--config", "x.json" }, "--steady-window-s = 5")]
    [InlineData(new[] { "gateway", "stop" }, "egw gateway = stop")]
    [InlineData(new[] { "demo", "--report-s", "1" }, "--report-s = 1")]
    public void Every_command_reports_bad_input_as_error_field_value_what_to_do(string[] args, string fieldAndValue)
    {
        string line = Egw.Run(args).BadInputLine();
        Assert.StartsWith("error: " + fieldAndValue + ": ", line, StringComparison.Ordinal);
        Assert.True(line.Length > ("error: " + fieldAndValue + ": ").Length + 3, "no advice after the value: " + line);
    }

    [Fact]
    public void A_line_failure_uses_the_same_format_with_exit_1()
    {
        string endpoint = "127.0.0.1:" + ModbusBadInputTests.ClosedPort();
        EgwResult r = Egw.Run("modbus", "read", "--tcp", endpoint, "--unit", "1", "--type", "holding", "--address", "0");
        Assert.Equal(1, r.ExitCode);
        string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: --tcp = " + endpoint + ": cannot connect", line, StringComparison.Ordinal);
    }

    // --- 7. gateway validate is config validate ----------------------------------------------------------------------

    [Fact]
    public void Gateway_validate_prints_exactly_what_config_validate_prints()
    {
        string broken = Path.Combine(TempDir(), "gateway.json");
        File.WriteAllText(broken, "{\n  \"schemaVersion\": 1,\n  \"gateway\": { \"siteId\": \"plant 7\" }\n}\n");
        foreach (string file in new[] { SampleGateway, broken })
        {
            EgwResult config = Egw.Run("config", "validate", file);
            EgwResult gateway = Egw.Run("gateway", "validate", "--config", file);
            Assert.Equal(config.ExitCode, gateway.ExitCode);
            Assert.Equal(config.Stdout, gateway.Stdout);
            Assert.Equal(config.Stderr, gateway.Stderr);
        }

        EgwResult invalid = Egw.Run("gateway", "validate", "--config", broken);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("error: gateway.siteId (line 3, column ", invalid.Stderr, StringComparison.Ordinal);
        Assert.Matches("(?m)^OK hash [0-9a-f]{8}$", Egw.Run("gateway", "validate", "--config", SampleGateway).Stdout);
    }

    // --- 8. Transformer losses in W ----------------------------------------------------------------------------------

    [Fact]
    public void Transformer_losses_typed_in_W_are_refused_not_graded()
    {
        string line = Egw.Run("calc", "transformer", "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400",
            "--no-load-loss-kw", "410", "--load-loss-kw", "4520").BadInputLine();
        Assert.StartsWith("error: --no-load-loss-kw = 410: is more than 5 % of the rating", line, StringComparison.Ordinal);
        Assert.Contains("kW, not W?", line, StringComparison.Ordinal);

        line = Egw.Run("calc", "transformer", "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400",
            "--no-load-loss-kw", "0.41", "--load-loss-kw", "4520").BadInputLine();
        Assert.StartsWith("error: --load-loss-kw = 4520: ", line, StringComparison.Ordinal);
    }

    // --- 9 and 10. A gateway with every device offline ---------------------------------------------------------------

    /// <summary>The sample configuration with every bus and the broker on ports nobody listens on; store.path relative.</summary>
    private static string OfflineConfig(string dir)
    {
        JsonObject config = JsonNode.Parse(File.ReadAllText(SampleGateway))!.AsObject();
        foreach (JsonNode? bus in config["buses"]!.AsArray())
        {
            bus!["port"] = ModbusBadInputTests.ClosedPort();
        }

        config["uplink"]!["port"] = ModbusBadInputTests.ClosedPort();
        config["store"]!["path"] = "queue/store";
        string path = Path.Combine(dir, "gateway.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    [Fact]
    public void Gateway_run_with_a_state_dir_puts_a_relative_store_path_under_it()
    {
        string configDir = TempDir();
        string config = OfflineConfig(configDir);
        string stateDir = TempDir();
        EgwResult r = Egw.RunProcess(null, "gateway", "run", "--config", config, "--state-dir", stateDir, "--status-port", "0",
            "--status-bind", "127.0.0.1", "--duration-s", "1");
        Assert.True(r.ExitCode == 0, "exit " + r.ExitCode + "; stderr: " + r.Stderr + "; stdout: " + r.Stdout);
        string expected = Path.Combine(stateDir, "queue", "store");
        Assert.Contains("store " + expected, r.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(expected), "no queue in " + expected + "; stdout: " + r.Stdout);
        Assert.False(Directory.Exists(Path.Combine(configDir, "queue")), "the queue was written next to the configuration file");
    }

    /// <summary>How the runtime opens a nameplate verdict (Chinese first, as the page is).</summary>
    private const string NameplatePrefix = "铭牌等级 / nameplate grade";

    [Fact]
    public async System.Threading.Tasks.Task With_every_device_offline_motor_and_transformer_verdicts_say_they_are_nameplate_grades()
    {
        string dir = TempDir();
        using var host = new LinuxGatewayHost(new LinuxGatewayHostOptions
        {
            ConfigPath = OfflineConfig(dir),
            StateDirectory = Path.Combine(dir, "state"),
            StoreBaseDirectory = dir,
            DevicesRoot = Path.Combine(Repo, "hardware", "devices"),
            StatusPort = 0,
            StatusBindAddress = "127.0.0.1",
            SimulateGpio = true,
            Runtime = new RuntimeOptions { ComputeIntervalMs = 100 },
        });
        host.Start();
        EquipmentStatus[] equipment = Array.Empty<EquipmentStatus>();
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            equipment = host.Runtime.Snapshot.Equipment;
            if (equipment.Any(e => e.Kind == EquipmentKind.Transformer && e.Verdict != null) && equipment.Any(e => e.Kind == EquipmentKind.Motor && e.Verdict != null))
            {
                break;
            }

            await System.Threading.Tasks.Task.Delay(100);
        }

        Assert.All(host.Runtime.Snapshot.Devices, d => Assert.False(d.Online, d.Id + " is online: the test needs every device offline"));
        EquipmentStatus transformer = equipment.First(e => e.Kind == EquipmentKind.Transformer);
        EquipmentStatus motor = equipment.First(e => e.Kind == EquipmentKind.Motor);

        // Nothing measured: the transformer is not "steady", yet its nameplate grade stands and says what it is.
        Assert.False(transformer.Steady);
        Assert.True(double.IsNaN(transformer.EfficiencyPercent));
        Assert.NotEqual(PassState.Unknown, transformer.Pass);
        Assert.StartsWith(NameplatePrefix, transformer.Verdict, StringComparison.Ordinal);
        Assert.Contains("nameplate losses", transformer.Verdict, StringComparison.Ordinal);
        Assert.StartsWith(NameplatePrefix, motor.Verdict, StringComparison.Ordinal);
        Assert.Contains("nameplate efficiency", motor.Verdict, StringComparison.Ordinal);

        // The console summary labels them too; a boiler's verdict (on measurements) is not labelled.
        string summary = GatewayCommands.StatusLine(host.Runtime);
        Assert.Contains(transformer.Id + " — " + StatusRenderer.PassCode(transformer.Pass) + " (nameplate)", summary, StringComparison.Ordinal);
        Assert.Contains(motor.Id + " — " + StatusRenderer.PassCode(motor.Pass) + " (nameplate)", summary, StringComparison.Ordinal);
        foreach (EquipmentStatus boiler in equipment.Where(e => e.Kind == EquipmentKind.Boiler))
        {
            Assert.Contains(boiler.Id + " — unknown", summary, StringComparison.Ordinal);
        }

        // And on the status page itself.
        using var http = new System.Net.Http.HttpClient();
        string html = await http.GetStringAsync(host.StatusServer!.BaseAddress);
        Assert.Contains("nameplate grade", html, StringComparison.Ordinal);
        host.Stop();
    }
}
