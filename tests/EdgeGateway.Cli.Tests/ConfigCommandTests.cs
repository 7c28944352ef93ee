using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdgeGateway.Firmware.Core.Configuration;

namespace EdgeGateway.Cli.Tests;

/// <summary>`egw config validate|resolve` on the repository's sample configurations and on broken ones.</summary>
public class ConfigCommandTests
{
    private static readonly Regex OkHash = new("^OK hash ([0-9a-f]{8})$", RegexOptions.Multiline);

    /// <summary>The repository (found above the test output), whose firmware/samples and hardware/devices the tests use.</summary>
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

            throw new InvalidOperationException("the repository (firmware/samples, hardware/devices) was not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Sample(string name) => Path.Combine(Repo, "firmware", "samples", name);

    private static string Devices => Path.Combine(Repo, "hardware", "devices");

    private static string HashOf(EgwResult r)
    {
        Assert.True(r.ExitCode == 0, "egw exited " + r.ExitCode + "; stdout: " + r.Stdout + "; stderr: " + r.Stderr);
        Match m = OkHash.Match(r.Stdout);
        Assert.True(m.Success, "no 'OK hash' line in: " + r.Stdout);
        return m.Groups[1].Value;
    }

    [Fact]
    public void Sample_with_profile_refs_is_valid_and_the_devices_folder_is_found_by_walking_up()
    {
        string found = HashOf(Egw.Run("config", "validate", Sample("gateway.json")));
        string given = HashOf(Egw.Run("config", "validate", Sample("gateway.json"), "--profiles-dir", Devices));
        Assert.Equal(given, found);
    }

    [Fact]
    public void Hash_ignores_layout_and_key_order_but_not_values()
    {
        string original = HashOf(Egw.Run("config", "validate", Sample("gateway-rtu.json")));

        // Same document, keys reversed at the top level and no whitespace: the same configuration.
        JsonObject doc = JsonNode.Parse(File.ReadAllText(Sample("gateway-rtu.json")))!.AsObject();
        var reordered = new JsonObject();
        foreach (var kv in doc.ToArray().Reverse())
        {
            doc.Remove(kv.Key);
            reordered[kv.Key] = kv.Value;
        }

        string compact = Egw.TempCase(reordered.ToJsonString());
        Assert.Equal(original, HashOf(Egw.Run("config", "validate", compact)));

        reordered["gateway"]!["name"] = "4号锅炉房";
        string changed = Egw.TempCase(reordered.ToJsonString());
        Assert.NotEqual(original, HashOf(Egw.Run("config", "validate", changed)));
    }

    [Fact]
    public void Invalid_configuration_lists_every_error_one_per_line_with_line_and_column_and_exits_2()
    {
        string text =
            "{\n" +
            "  \"schemaVersion\": 1,\n" +
            "  \"gateway\": { \"siteId\": \"plant 7\", \"deviceId\": \"gw-1\" },\n" +
            "  \"buses\": [ { \"id\": \"rs485\", \"kind\": \"rtu\", \"port\": \"/dev/ttyUSB0\" } ],\n" +
            "  \"devices\": [\n" +
            "    { \"id\": \"meter\", \"bus\": \"rs485\", \"unit\": 300, \"profileRef\": \"eastron-sdm630\" },\n" +
            "    { \"id\": \"flow\", \"bus\": \"rs485\", \"unti\": 3, \"profileRef\": \"generic-steam-flow-computer\" }\n" +
            "  ],\n" +
            "  \"uplink\": { \"host\": \"broker.example\" }\n" +
            "}\n";
        string path = Egw.TempCase(text);
        EgwResult r = Egw.Run("config", "validate", path, "--profiles-dir", Devices);
        Assert.Equal(2, r.ExitCode);
        // Every error on stderr, one line each in egw's error format "error: field = value: what to do".
        string[] errors = r.Stderr.TrimEnd('\n').Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Select(l => l["error: ".Length..]).ToArray();

        AssertError(errors, "gateway.siteId", 3, Column(text, 3, "\"plant 7\""), "\"plant 7\"");
        AssertError(errors, "devices[0].unit", 6, Column(text, 6, "300"), "300");
        AssertError(errors, "devices[1].unti", 7, 0, "3");
        Assert.Contains(errors, l => l.StartsWith("devices[1].unit (line 7", StringComparison.Ordinal) && l.Contains("missing", StringComparison.Ordinal));
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains(path + ": " + errors.Length + " error(s)", r.Stderr, StringComparison.Ordinal);
    }

    /// <summary>One line "path (line L, column C) = value: allowed"; column 0 means "any column".</summary>
    private static void AssertError(string[] lines, string path, int line, int column, string value)
    {
        string prefix = path + " (line " + line + ", column " + (column > 0 ? column + ")" : string.Empty);
        string? hit = lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(hit != null, "no error starting '" + prefix + "' in:\n" + string.Join("\n", lines));
        Assert.Matches(@"\) = " + Regex.Escape(value) + ": \\S", hit);
    }

    /// <summary>1-based column of <paramref name="needle"/> on 1-based line <paramref name="line"/> of the text.</summary>
    private static int Column(string text, int line, string needle)
    {
        string l = text.Split('\n')[line - 1];
        int at = l.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, needle + " not on line " + line);
        return at + 1;
    }

    [Fact]
    public void Unknown_profile_ref_is_an_error_naming_it()
    {
        string text = File.ReadAllText(Sample("gateway.json")).Replace("\"profileRef\": \"generic-flue-gas-analyser\"", "\"profileRef\": \"generic-flue-gas-analyzer\"", StringComparison.Ordinal);
        Assert.Contains("generic-flue-gas-analyzer", text, StringComparison.Ordinal);
        EgwResult r = Egw.Run("config", "validate", Egw.TempCase(text), "--profiles-dir", Devices);
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"(?m)^error: devices\[2\]\.profileRef \(line \d+, column \d+\) = ""generic-flue-gas-analyzer"": .*generic-flue-gas-analyser", r.Stderr);
    }

    [Fact]
    public void Resolve_writes_an_all_inline_configuration_with_the_same_hash()
    {
        string source = HashOf(Egw.Run("config", "validate", Sample("gateway.json")));
        string outPath = Path.Combine(Path.GetDirectoryName(Egw.TempCase("{}"))!, "gateway-esp32.json");
        EgwResult r = Egw.Run("config", "resolve", Sample("gateway.json"), "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("hash " + source, r.Stdout, StringComparison.Ordinal);

        byte[] written = File.ReadAllBytes(outPath);
        string text = Encoding.UTF8.GetString(written);
        Assert.DoesNotContain("profileRef", text, StringComparison.Ordinal);

        // What the ESP32 does with it: load it with no profile folder at all.
        ConfigValidationResult device = ConfigLoader.Load(written);
        Assert.True(device.IsValid, device.Summary());
        Assert.Equal(source, device.HashHex);

        // And the points came from the shipped profile: the motor meter has the SDM630's total active power at 0x0034.
        JsonElement meter = JsonDocument.Parse(text).RootElement.GetProperty("devices").EnumerateArray().First(d => d.GetProperty("id").GetString() == "motorMeter");
        JsonElement power = meter.GetProperty("profile").GetProperty("points").EnumerateArray().First(p => p.GetProperty("name").GetString() == "activePowerTotal");
        Assert.Equal("input", power.GetProperty("registerType").GetString());
        Assert.Equal(0x34, power.GetProperty("address").ValueKind == JsonValueKind.Number ? power.GetProperty("address").GetInt32() : Convert.ToInt32(power.GetProperty("address").GetString(), 16));
    }

    [Fact]
    public void Resolve_to_stdout_prints_the_json_and_the_hash_on_stderr()
    {
        string source = HashOf(Egw.Run("config", "validate", Sample("gateway-rtu.json")));
        EgwResult r = Egw.Run("config", "resolve", Sample("gateway-rtu.json"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(source, ConfigLoader.Load(Encoding.UTF8.GetBytes(r.Stdout)).HashHex);
        Assert.Contains("hash " + source, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_of_an_invalid_configuration_writes_nothing_and_exits_2()
    {
        string path = Egw.TempCase("{ \"schemaVersion\": 2 }");
        string outPath = Path.Combine(Path.GetDirectoryName(path)!, "out.json");
        EgwResult r = Egw.Run("config", "resolve", path, "--out", outPath);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: schemaVersion (line 1", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(outPath));
    }

    [Fact]
    public void Json_syntax_error_is_located()
    {
        EgwResult r = Egw.Run("config", "validate", Egw.TempCase("{\n  \"schemaVersion\": 1,\n  \"gateway\": { \"siteId\": \"a\",, }\n}"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("(line 3, column ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "config", "validate" }, "FILE = missing")]
    [InlineData(new[] { "config", "validate", "a.json", "b.json" }, "FILE = a.json b.json")]
    [InlineData(new[] { "config", "validate", "/nonexistent/gateway.json" }, "FILE = /nonexistent/gateway.json")]
    [InlineData(new[] { "config", "check", "x.json" }, "egw config = check")]
    [InlineData(new[] { "config", "validate", "x.json", "--profiles-dir", "/nonexistent/devices" }, "--profiles-dir = /nonexistent/devices")]
    [InlineData(new[] { "config", "validate", "x.json", "--profile-dir", "y" }, "--profile-dir = y")]
    public void Bad_input_is_one_line_with_exit_2(string[] args, string expected)
    {
        Assert.Contains(expected, Egw.Run(args).BadInputLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_profiles_dir_without_profiles_is_refused()
    {
        string empty = Path.GetDirectoryName(Egw.TempCase("{}"))!;
        string line = Egw.Run("config", "validate", Sample("gateway.json"), "--profiles-dir", empty).BadInputLine();
        Assert.Contains("profile.json", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_config_and_its_verbs()
    {
        Assert.Contains("egw config validate|resolve", Egw.Run("help").Stdout, StringComparison.Ordinal);
        EgwResult r = Egw.Run("config", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--profiles-dir", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("--out", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_process_validate_and_resolve_agree_on_the_hash()
    {
        EgwResult v = Egw.RunProcess(null, "config", "validate", Sample("gateway.json"));
        string hash = HashOf(v);
        EgwResult r = Egw.RunProcess(null, "config", "resolve", Sample("gateway.json"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("hash " + hash, r.Stderr, StringComparison.Ordinal);
        Assert.Contains("warning: ", r.Stderr, StringComparison.Ordinal); // the sample leaves status words out: warnings, on stderr
        ConfigValidationResult loaded = ConfigLoader.Load(Encoding.UTF8.GetBytes(r.Stdout));
        Assert.True(loaded.Parsed, loaded.Summary() + "\n" + r.Stdout[..Math.Min(300, r.Stdout.Length)]);
        Assert.Equal(hash, loaded.HashHex);
    }

    [Fact]
    public void Real_process_invalid_configuration_exits_2_without_stack_trace()
    {
        EgwResult r = Egw.RunProcess(null, "config", "validate", Egw.TempCase("{ \"schemaVersion\": 1 }"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: gateway", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stdout + r.Stderr, StringComparison.Ordinal);
    }
}
