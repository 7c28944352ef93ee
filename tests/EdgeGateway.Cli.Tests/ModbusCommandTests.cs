using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using EdgeGateway.Hardware.Simulation;
using EdgeGateway.Modbus.Tests.Peers;

namespace EdgeGateway.Cli.Tests;

/// <summary>One pymodbus 3.0 TCP server (units 1 and 2) for the technician-tool tests.</summary>
public sealed class CliPymodbusFixture : IDisposable
{
    public CliPymodbusFixture()
    {
        Peer = PymodbusPeer.StartTcp("--units 1,2");
    }

    public PymodbusPeer Peer { get; }

    public string Endpoint => "127.0.0.1:" + Peer.TcpPort.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => Peer.Dispose();
}

/// <summary>
/// `egw modbus read|write|scan|profile validate` in-process against a real pymodbus server: pymodbus' own payload
/// builder puts the values in (and reads written values back), egw must decode and encode them the same way.
/// </summary>
public class ModbusCommandTests : IClassFixture<CliPymodbusFixture>
{
    private readonly CliPymodbusFixture fx;

    public ModbusCommandTests(CliPymodbusFixture fixture)
    {
        fx = fixture;
    }

    private PymodbusPeer Peer => fx.Peer;

    private static EgwResult Modbus(params string[] args) => Egw.Run(new[] { "modbus" }.Concat(args).ToArray());

    private static EgwResult Ok(EgwResult r)
    {
        Assert.True(r.ExitCode == 0, "egw exited " + r.ExitCode + "; stdout: " + r.Stdout + "; stderr: " + r.Stderr);
        return r;
    }

    /// <summary>The decoded number of the line "TYPE ADDRESS: value  [...]" egw prints for one value.</summary>
    private static double ValueAt(string stdout, string type, int address)
    {
        Match m = Regex.Match(stdout, "^" + type + " " + address + ": (\\S+)", RegexOptions.Multiline);
        Assert.True(m.Success, "no line for " + type + " " + address + " in: " + stdout);
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Read_holding_registers_as_int16_shows_signed_values()
    {
        Peer.Command("set 1 hr 100 1234,65535,32768");
        EgwResult r = Ok(Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", "holding", "--address", "100", "--count", "3", "--data-type", "int16"));
        Assert.Equal(1234, ValueAt(r.Stdout, "holding", 100));
        Assert.Equal(-1, ValueAt(r.Stdout, "holding", 101));
        Assert.Equal(-32768, ValueAt(r.Stdout, "holding", 102));
    }

    [Fact]
    public void Read_defaults_to_uint16_and_shows_the_raw_register()
    {
        Peer.Command("set 1 hr 110 65535");
        EgwResult r = Ok(Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", "holding", "--address", "110"));
        Assert.Equal(65535, ValueAt(r.Stdout, "holding", 110));
        Assert.Contains("0xFFFF", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCD", "holding", "hr", 120)]
    [InlineData("CDAB", "holding", "hr", 130)]
    [InlineData("BADC", "input", "ir", 140)]
    [InlineData("DCBA", "input", "ir", 150)]
    public void Read_float32_in_every_byte_order_matches_pymodbus_encoding(string order, string type, string table, int address)
    {
        Peer.Command($"encode 1 {table} {address} float32 {order} -273.25");
        EgwResult r = Ok(Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", type, "--address", address.ToString(CultureInfo.InvariantCulture),
            "--data-type", "float32", "--byte-order", order));
        Assert.Equal(-273.25, ValueAt(r.Stdout, type, address), 4);

        // The same registers read with the order a careless technician assumes must not give the value: the order matters.
        string wrong = order == "ABCD" ? "CDAB" : "ABCD";
        EgwResult w = Ok(Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", type, "--address", address.ToString(CultureInfo.InvariantCulture),
            "--data-type", "float32", "--byte-order", wrong));
        Assert.NotEqual(-273.25, ValueAt(w.Stdout, type, address), 3);
    }

    [Theory]
    [InlineData("int32", "CDAB", "-1234567", 160)]
    [InlineData("uint32", "DCBA", "3000000000", 170)]
    [InlineData("float64", "BADC", "-15000000000.5", 180)]
    public void Read_wide_types_match_pymodbus_encoding(string dataType, string order, string value, int address)
    {
        Peer.Command($"encode 1 ir {address} {dataType} {order} {value}");
        EgwResult r = Ok(Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", "input", "--address", address.ToString(CultureInfo.InvariantCulture),
            "--data-type", dataType, "--byte-order", order));
        Assert.Equal(double.Parse(value, CultureInfo.InvariantCulture), ValueAt(r.Stdout, "input", address), 0);
    }

    [Fact]
    public void Read_applies_the_scale()
    {
        Peer.Command("set 1 ir 190 2345");
        EgwResult r = Ok(Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", "input", "--address", "190", "--scale", "0.1"));
        Assert.Equal(234.5, ValueAt(r.Stdout, "input", 190), 6);
    }

    [Fact]
    public void Read_coils_and_discrete_inputs()
    {
        Peer.Command("set 1 co 40 1,0,1");
        Peer.Command("set 1 di 40 0,1");
        EgwResult c = Ok(Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", "coil", "--address", "40", "--count", "3"));
        Assert.Contains("coil 40: 1\ncoil 41: 0\ncoil 42: 1\n", c.Stdout, StringComparison.Ordinal);
        EgwResult d = Ok(Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", "discrete", "--address", "40", "--count", "2"));
        Assert.Contains("discrete 40: 0\ndiscrete 41: 1\n", d.Stdout, StringComparison.Ordinal);
    }

    private const string TestProfile = """
        {
          "device": {
            "id": "test-boiler-instruments",
            "manufacturer": "generic",
            "model": "test map",
            "generic": true,
            "document": { "title": "test", "edition": "1", "source": "EdgeGateway CLI tests" },
            "defaults": { "byteOrder": "ABCD", "unitId": 2, "maxRegistersPerRead": 64, "baudRate": 9600, "parity": "none", "stopBits": 1 }
          },
          "points": [
            { "name": "steamFlow", "measurement": "steamFlowTph", "registerType": "input", "address": 600,
              "dataType": "float32", "unit": "t/h", "range": [0, 40] },
            { "name": "flueGasTemperature", "measurement": "flueGasTemperatureC", "registerType": "holding", "address": 610,
              "dataType": "uint16", "scale": 0.1, "unit": "°C", "range": [50, 300] },
            { "name": "steamPressureAbs", "measurement": "steamPressureMpaAbs", "registerType": "holding", "address": 611,
              "dataType": "int16", "scale": 0.01, "unit": "MPa", "range": [0.1, 2.6] },
            { "name": "burnerOn", "measurement": "burnerOn", "registerType": "coil", "address": 612,
              "dataType": "bit", "unit": "-" }
          ]
        }
        """;

    [Fact]
    public void Read_with_a_profile_prints_typed_scaled_values_with_units_and_flags_the_implausible_one()
    {
        string profile = TempFile("profile.json", TestProfile);
        Peer.Command("encode 2 ir 600 float32 ABCD 12.5");
        Peer.Command("set 2 hr 610 1453");
        Peer.Command("set 2 hr 611 500"); // 5.00 MPa: above the 2.6 MPa the profile calls plausible
        Peer.Command("set 2 co 612 1");

        // No --unit: the profile's unitId (2) is used.
        EgwResult r = Ok(Modbus("read", "--tcp", fx.Endpoint, "--profile", profile));
        string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^steamFlow\s+12\.5 t/h$", lines[0]);
        Assert.Matches(@"^flueGasTemperature\s+145\.3 °C$", lines[1]);
        Assert.Matches(@"^steamPressureAbs\s+5 MPa\s+OUT OF RANGE \[0\.1, 2\.6\]$", lines[2]);
        Assert.Matches(@"^burnerOn\s+1 -$", lines[3]);
        Assert.Contains("1 value(s) outside their plausible range", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("egw modbus probe", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_one_register_uses_function_06_and_pymodbus_reads_it_back()
    {
        EgwResult r = Ok(Modbus("write", "--tcp", fx.Endpoint, "--unit", "1", "--type", "holding", "--address", "300", "--value", "4242"));
        Assert.Contains("function 06", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("4242", Peer.Command("get 1 hr 300 1"));
    }

    [Fact]
    public void Write_several_registers_uses_function_16()
    {
        EgwResult r = Ok(Modbus("write", "--tcp", fx.Endpoint, "--unit", "1", "--type", "holding", "--address", "305", "--value", "7,-2,-32768", "--data-type", "int16"));
        Assert.Contains("wrote 3 register(s)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("function 16", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("7 65534 32768", Peer.Command("get 1 hr 305 3"));
    }

    [Theory]
    [InlineData("ABCD", 320)]
    [InlineData("CDAB", 324)]
    [InlineData("DCBA", 328)]
    public void Write_float32_in_a_byte_order_is_what_pymodbus_decodes_in_that_order(string order, int address)
    {
        EgwResult r = Ok(Modbus("write", "--tcp", fx.Endpoint, "--unit", "1", "--type", "holding", "--address", address.ToString(CultureInfo.InvariantCulture),
            "--value", "3.5", "--data-type", "float32", "--byte-order", order));
        Assert.Contains("function 16", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(3.5, double.Parse(Peer.Command($"decode 1 hr {address} float32 {order}"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Write_coils_single_uses_05_and_several_use_15()
    {
        EgwResult one = Ok(Modbus("write", "--tcp", fx.Endpoint, "--unit", "1", "--type", "coil", "--address", "50", "--value", "on"));
        Assert.Contains("function 05", one.Stdout, StringComparison.Ordinal);
        Assert.Equal("1", Peer.Command("get 1 co 50 1"));

        EgwResult many = Ok(Modbus("write", "--tcp", fx.Endpoint, "--unit", "1", "--type", "coil", "--address", "51", "--value", "1,0,true,off"));
        Assert.Contains("function 15", many.Stdout, StringComparison.Ordinal);
        Assert.Equal("1 0 1 0", Peer.Command("get 1 co 51 4"));
    }

    [Fact]
    public void Scan_finds_exactly_the_answering_units_with_progress_on_stderr()
    {
        EgwResult r = Ok(Modbus("scan", "--tcp", fx.Endpoint, "--from", "1", "--to", "5", "--timeout-ms", "300"));
        string[] units = Regex.Matches(r.Stdout, @"^unit (\d+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(new[] { "1", "2" }, units);
        Assert.Contains("2 responder(s) between 1 and 5", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("scanning unit 5 of 1..5", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("scanning", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dead_unit_is_a_one_line_timeout_with_exit_1()
    {
        EgwResult r = Modbus("read", "--tcp", fx.Endpoint, "--unit", "9", "--type", "holding", "--address", "0", "--timeout-ms", "200");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("unit 9", line, StringComparison.Ordinal);
        Assert.Contains("no answer", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modbus_exception_from_the_device_is_named_with_exit_1()
    {
        // pymodbus holds 2000 registers: 1999..2000 is outside → exception 02 (illegal data address).
        EgwResult r = Modbus("read", "--tcp", fx.Endpoint, "--unit", "1", "--type", "holding", "--address", "1999", "--count", "2");
        Assert.Equal(1, r.ExitCode);
        string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("unit 1", line, StringComparison.Ordinal);
        Assert.Contains("1999", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_process_read_exits_0_with_the_value()
    {
        Peer.Command("encode 1 hr 700 float32 CDAB 49.95");
        EgwResult r = Egw.RunProcess(null, "modbus", "read", "--tcp", fx.Endpoint, "--unit", "1", "--type", "holding", "--address", "700",
            "--data-type", "float32", "--byte-order", "CDAB");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(49.95, ValueAt(r.Stdout, "holding", 700), 1e-5);
    }

    internal static string TempFile(string name, string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "egw-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary>Bad input to `egw modbus`: one clear line, exit 2 (input) or 1 (the line or device), never a stack trace.</summary>
public class ModbusBadInputTests
{
    private static EgwResult Modbus(params string[] args) => Egw.Run(new[] { "modbus" }.Concat(args).ToArray());

    [Fact]
    public void Unknown_register_type_names_the_option_the_value_and_the_choices()
    {
        string line = Modbus("read", "--tcp", "127.0.0.1:502", "--unit", "1", "--type", "holdings", "--address", "0").BadInputLine();
        Assert.Contains("--type = holdings", line, StringComparison.Ordinal);
        Assert.Contains("holding, input, coil, discrete", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tcp", "127.0.0.1:502", "300", "0 to 255")]
    [InlineData("--rtu", "/dev/ttyUSB-egw-none", "0", "1 to 247")]
    [InlineData("--rtu", "/dev/ttyUSB-egw-none", "248", "1 to 247")]
    public void Unit_id_outside_the_line_s_range_is_refused_before_any_traffic(string line, string target, string unit, string allowed)
    {
        string error = Modbus("read", line, target, "--unit", unit, "--type", "holding", "--address", "0").BadInputLine();
        Assert.Contains("--unit = " + unit, error, StringComparison.Ordinal);
        Assert.Contains(allowed, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tcp_without_port_is_refused()
    {
        string line = Modbus("read", "--tcp", "127.0.0.1", "--unit", "1", "--type", "holding", "--address", "0").BadInputLine();
        Assert.Contains("--tcp = 127.0.0.1", line, StringComparison.Ordinal);
        Assert.Contains("HOST:PORT", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_tcp_nor_rtu_is_refused()
    {
        string line = Modbus("read", "--unit", "1", "--type", "holding", "--address", "0").BadInputLine();
        Assert.Contains("--tcp/--rtu", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_data_type_on_write_is_refused_not_written_as_uint16()
    {
        string line = Modbus("write", "--tcp", "127.0.0.1:502", "--unit", "1", "--type", "holding", "--address", "0", "--value", "1.5", "--data-type", "float").BadInputLine();
        Assert.Contains("--data-type = float", line, StringComparison.Ordinal);
        Assert.Contains("float32", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_that_does_not_fit_the_type_is_refused()
    {
        string line = Modbus("write", "--tcp", "127.0.0.1:" + ClosedPort(), "--unit", "1", "--type", "holding", "--address", "0", "--value", "70000").BadInputLine();
        Assert.Contains("70000", line, StringComparison.Ordinal);
        Assert.Contains("uint16", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_verb_is_one_line()
    {
        string line = Modbus("raed").BadInputLine();
        Assert.Contains("raed", line, StringComparison.Ordinal);
        Assert.Contains("read, write, scan, probe", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("read")]
    [InlineData("scan")]
    public void Nobody_listening_is_one_line_naming_the_endpoint_with_exit_1(string verb)
    {
        string endpoint = "127.0.0.1:" + ClosedPort();
        EgwResult r = verb == "scan"
            ? Modbus("scan", "--tcp", endpoint, "--from", "1", "--to", "3")
            : Modbus("read", "--tcp", endpoint, "--unit", "1", "--type", "holding", "--address", "0");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(endpoint, line, StringComparison.Ordinal);
        Assert.Contains("cannot connect", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_serial_device_is_one_line_with_exit_1()
    {
        EgwResult r = Modbus("read", "--rtu", "/dev/ttyUSB-egw-none", "--unit", "1", "--type", "holding", "--address", "0");
        Assert.Equal(1, r.ExitCode);
        string line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("/dev/ttyUSB-egw-none", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_profile_file_is_bad_input()
    {
        string line = Modbus("read", "--tcp", "127.0.0.1:502", "--profile", "/nonexistent/profile.json").BadInputLine();
        Assert.Contains("/nonexistent/profile.json", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_process_unreachable_host_exits_1_without_stack_trace()
    {
        EgwResult r = Egw.RunProcess(null, "modbus", "read", "--tcp", "127.0.0.1:" + ClosedPort(), "--unit", "1", "--type", "holding", "--address", "0");
        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_process_bad_input_exits_2()
    {
        EgwResult r = Egw.RunProcess(null, "modbus", "read", "--tcp", "127.0.0.1:502", "--unit", "300", "--type", "holding", "--address", "0");
        Assert.Contains("--unit = 300", r.BadInputLine(), StringComparison.Ordinal);
    }

    /// <summary>A port on 127.0.0.1 nobody listens on (bound, then released).</summary>
    internal static int ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

/// <summary>`egw modbus profile validate` on shipped and broken profiles.</summary>
public class ModbusProfileValidateTests
{
    [Fact]
    public void A_shipped_profile_is_ok_with_exit_0()
    {
        string path = ProfileCatalog.PathOf(ProfileCatalog.Sdm630);
        EgwResult r = Egw.Run("modbus", "profile", "validate", path);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains(path + ": ok (", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_profile_lists_each_error_with_file_and_line_and_exits_1()
    {
        string text = File.ReadAllText(ProfileCatalog.PathOf(ProfileCatalog.Sdm630));
        // Two mistakes technicians make: a misspelt data type, and a point moved onto its neighbour's registers.
        int firstFloat = text.IndexOf("\"float32\"", StringComparison.Ordinal);
        text = text.Remove(firstFloat, "\"float32\"".Length).Insert(firstFloat, "\"float\"");
        const string L3Address = "\"address\": \"0x0004\",\n      \"vendorRegister\": \"30005\",";
        Assert.Contains(L3Address, text, StringComparison.Ordinal);
        text = text.Replace(L3Address, "\"address\": \"0x0003\",", StringComparison.Ordinal);
        string path = ModbusCommandTests.TempFile("profile.json", text);
        int typeLine = LineOf(text, "\"float\"");
        int l3NameLine = LineOf(text, "\"voltageL3\"");
        int l3AddressLine = LineOf(text, "\"0x0003\"");

        EgwResult r = Egw.Run("modbus", "profile", "validate", path);
        Assert.Equal(1, r.ExitCode);
        // egw's error format, on stderr: "error: FILE:LINE field = value: what to do".
        Assert.Matches(new Regex("^error: " + Regex.Escape(path) + ":" + typeLine + " .*float.*float32", RegexOptions.Multiline), r.Stderr);
        Match overlap = Regex.Match(r.Stderr, "^error: " + Regex.Escape(path) + ":(\\d+) voltageL3.*overlaps voltageL2", RegexOptions.Multiline);
        Assert.True(overlap.Success, "no overlap error for voltageL3/voltageL2 in: " + r.Stderr);
        int reported = int.Parse(overlap.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(reported, l3NameLine - 1, l3AddressLine); // the point's object, from its brace to its address
        Assert.DoesNotContain(": ok (", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_syntax_error_names_the_line()
    {
        string path = ModbusCommandTests.TempFile("profile.json", "{\n  \"device\": {\n    \"id\": \"x\",,\n  }\n}\n");
        EgwResult r = Egw.Run("modbus", "profile", "validate", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error: " + path + ":3 ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_is_bad_input()
    {
        Assert.Contains("FILE", Egw.Run("modbus", "profile", "validate").BadInputLine(), StringComparison.Ordinal);
    }

    internal static int LineOf(string text, string needle)
    {
        int at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, needle + " not in the profile");
        return text.Take(at).Count(c => c == '\n') + 1;
    }
}
