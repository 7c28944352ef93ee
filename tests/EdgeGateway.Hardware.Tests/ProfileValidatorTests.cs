using System;
using System.IO;
using System.Linq;
using System.Text;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Hardware.Profiles;
using EdgeGateway.Hardware.Simulation;

namespace EdgeGateway.Hardware.Tests;

public sealed class ProfileValidatorTests
{
    [Theory]
    [InlineData(ProfileCatalog.Sdm630)]
    [InlineData(ProfileCatalog.Sdm120)]
    [InlineData(ProfileCatalog.SteamFlowComputer)]
    [InlineData(ProfileCatalog.FlueGasAnalyser)]
    [InlineData(ProfileCatalog.BoilerController)]
    public void Every_shipped_profile_validates_clean(string id)
    {
        ProfileLoadResult r = ProfileLoader.Load(ProfileCatalog.PathOf(id));
        Assert.True(r.Issues.Count == 0, string.Join("\n", r.Issues));
        Assert.Equal(id, r.Profile!.Id);
        Assert.NotEmpty(r.Profile.Points);
    }

    [Fact]
    public void Sdm630_map_has_the_published_addresses()
    {
        DeviceProfile p = ProfileCatalog.Load(ProfileCatalog.Sdm630);
        // Well-known SDM630 input registers (30001-based numbering minus 30001), float32 big-endian.
        Assert.Equal(0x0000, p.FindByName("voltageL1")!.Address);
        Assert.Equal(0x0006, p.FindByName("currentL1")!.Address);
        Assert.Equal(0x0034, p.FindByName("activePowerTotal")!.Address);
        Assert.Equal(0x0046, p.FindByName("frequency")!.Address);
        Assert.Equal(0x0048, p.FindByName("importActiveEnergy")!.Address);
        Assert.All(p.RegisterPoints(), rp =>
        {
            Assert.Equal(RegisterKind.InputRegister, rp.Kind);
            Assert.Equal(RegisterDataType.Float32, rp.DataType);
            Assert.Equal(ByteOrder.ABCD, rp.Order);
        });
    }

    private const string Bad = """
{
  "device": {
    "id": "bad",
    "manufacturer": "test",
    "model": "broken",
    "document": { "title": "t", "edition": "1", "source": "here" },
    "defaults": { "byteOrder": "ABCD", "unitId": 1, "maxRegistersPerRead": 100, "baudRate": 9600, "parity": "none" }
  },
  "points": [
    { "name": "a", "measurement": "voltageV", "registerType": "input", "address": 0, "dataType": "float32", "unit": "V", "range": [0, 300] },
    { "name": "b", "measurement": "currentA", "registerType": "input", "address": 1, "dataType": "float32", "unit": "A", "range": [0, 10] },
    { "name": "c", "measurement": "steamFlowTph", "registerType": "holding", "address": 0, "dataType": "uint16", "range": [0, 10] },
    { "name": "d", "measurement": "steamFlowTph", "registerType": "holding", "address": 1, "dataType": "uint16", "unit": "t/h" },
    { "name": "e", "measurement": "flueGasO2", "registerType": "holding", "address": 2, "dataType": "uint16", "unit": "%", "range": [0, 21] },
    { "name": "f", "measurement": "frequencyHz", "registerType": "holding", "address": 70000, "dataType": "uint16", "unit": "Hz", "range": [45, 65] },
    { "name": "g", "measurement": "deviceSetting", "registerType": "holding", "address": 10, "dataType": "string", "unit": "-" },
    { "name": "h", "measurement": "activePowerKw", "registerType": "input", "address": 20, "dataType": "float32", "unit": "W", "range": [0, 100] },
    { "name": "i", "measurement": "voltageV", "registerType": "input", "address": 30, "dataType": "float32", "byteOrder": "ACBD", "unit": "V", "range": [0, 300] },
    { "name": "j", "measurement": "voltageV", "registerType": "inputs", "address": 40, "dataType": "real", "unit": "V", "range": [0, 300] },
    { "name": "k", "measurement": "voltageV", "registerType": "input", "address": 50, "vendorRegister": "30050", "dataType": "float32", "unit": "V", "range": [0, 300] }
  ]
}
""";

    private static ProfileLoadResult LoadBad(string text, string name = "bad-profile.json") =>
        ProfileLoader.Load(name, Encoding.UTF8.GetBytes(text));

    private static ProfileIssue Single(ProfileLoadResult r, string fieldContains, string messageContains)
    {
        var hits = r.Issues.Where(i => i.Field.Contains(fieldContains, StringComparison.Ordinal) && i.Message.Contains(messageContains, StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count == 1, "expected one issue on '" + fieldContains + "' about '" + messageContains + "'; got:\n" + string.Join("\n", r.Issues));
        Assert.Equal("bad-profile.json", hits[0].File);
        Assert.StartsWith("bad-profile.json:" + hits[0].Line + ": error: ", hits[0].ToString(), StringComparison.Ordinal);
        return hits[0];
    }

    [Fact]
    public void Overlapping_registers_are_reported_on_the_later_point_with_the_other_line()
    {
        ProfileIssue i = Single(LoadBad(Bad), "b.address", "overlaps a");
        Assert.Equal(11, i.Line);
        Assert.Contains("line 10", i.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_unit_and_missing_range_name_their_lines()
    {
        var r = LoadBad(Bad);
        Assert.Equal(12, Single(r, "points[2].unit", "required").Line);
        Assert.Equal(13, Single(r, "points[3].range", "add \"range\"").Line);
    }

    [Fact]
    public void Unknown_measurement_type_and_order_are_reported_with_the_allowed_values()
    {
        var r = LoadBad(Bad);
        ProfileIssue m = Single(r, "points[4].measurement", "unknown measurement");
        Assert.Equal(14, m.Line);
        Assert.Contains("flueGasO2PercentDry", m.Message, StringComparison.Ordinal);
        Assert.Equal(18, Single(r, "points[8].byteOrder", "ABCD, CDAB, BADC, DCBA").Line);
        Assert.Equal(19, Single(r, "points[9].registerType", "coil, discrete, input, holding").Line);
        Assert.Equal(19, Single(r, "points[9].dataType", "float32").Line);
    }

    [Fact]
    public void Address_out_of_range_string_without_length_and_wrong_unit()
    {
        var r = LoadBad(Bad);
        Assert.Equal(15, Single(r, "points[5].address", "0..65535").Line);
        Assert.Equal(16, Single(r, "points[6].length", "a string needs").Line);
        ProfileIssue u = Single(r, "points[7].unit", "is in \"kW\"");
        Assert.Equal(17, u.Line);
        Assert.Contains("scale", u.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vendor_register_that_disagrees_with_the_address_proposes_the_right_address()
    {
        ProfileIssue i = Single(LoadBad(Bad), "points[10].vendorRegister", "set address to 49");
        Assert.Equal(20, i.Line);
    }

    [Fact]
    public void Json_syntax_error_names_the_line()
    {
        string text = "{\n  \"device\": {\n    \"id\": \"x\",\n    \"model\" \"y\"\n  }\n}\n";
        ProfileLoadResult r = LoadBad(text);
        Assert.Null(r.Profile);
        ProfileIssue i = Assert.Single(r.Issues);
        Assert.Equal(4, i.Line);
        Assert.Contains("syntax", i.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unknown_field_is_a_warning_not_an_error()
    {
        string text = File.ReadAllText(ProfileCatalog.PathOf(ProfileCatalog.Sdm120)).Replace("\"description\": \"Voltage\"", "\"descripton\": \"Voltage\"", StringComparison.Ordinal);
        ProfileLoadResult r = LoadBad(text);
        ProfileIssue i = Assert.Single(r.Issues);
        Assert.Equal(IssueSeverity.Warning, i.Severity);
        Assert.Contains("descripton", i.Field, StringComparison.Ordinal);
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void LoadOrThrow_gives_one_line_with_file_line_field_value_and_remedy()
    {
        string path = Path.Combine(Path.GetTempPath(), "egw-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Bad);
        try
        {
            var e = Assert.Throws<EdgeGateway.Shared.Errors.InputException>(() => ProfileLoader.LoadOrThrow(path));
            Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
