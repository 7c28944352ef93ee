using System;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;
using static EdgeGateway.Gateway.Tests.Configuration.ConfigTestSupport;

namespace EdgeGateway.Gateway.Tests.Configuration;

public class ConfigLoaderTests
{
    [Fact]
    public void The_minimal_configuration_loads_into_the_model()
    {
        ConfigValidationResult r = ConfigLoader.LoadText(Minimal, null);
        Assert.True(r.IsValid, r.Summary());
        GatewayConfig c = r.Config;
        Assert.Equal("site-1", c.Gateway.SiteId);
        Assert.Equal(480, c.Gateway.UtcOffsetMinutes);
        Assert.Equal(2, c.Buses.Length);
        Assert.Equal(BusKind.Tcp, c.Buses[0].Kind);
        Assert.Equal(15020, c.Buses[0].TcpPort);
        Assert.Equal(BusParity.Even, c.Buses[1].Parity);
        Assert.Equal(11, c.Buses[1].BitsPerCharacter);
        Assert.Equal(11, c.Buses[1].ToClientOptions().BitsPerCharacter);

        DeviceConfig flow = c.FindDevice("flow");
        Assert.Same(c.Buses[0], flow.Bus);
        Assert.Equal(3, flow.Points.Length);
        Assert.Equal(ByteOrder.CDAB, flow.Points[0].Order);
        Assert.Equal(RegisterKind.InputRegister, flow.Points[0].Kind);
        Assert.Equal(RegisterDataType.Float32, flow.Points[0].DataType);
        Assert.Equal(40, flow.Points[0].MaxPlausible);
        Assert.Equal(2, c.FindDevice("flue").Points[1].Address); // "0x0002"
        Assert.Equal(0.1, c.FindDevice("flue").Points[1].Scale);
        Assert.Equal(125, flow.MaxRegistersPerRead);

        PulseInputConfig pulse = c.PulseInputs[0];
        Assert.Equal(Measurements.FuelFlowNm3PerH, pulse.MeasurementCode);
        Assert.Equal(Measurements.FuelTotalNm3, pulse.TotalMeasurementCode);

        EquipmentConfig boiler = c.FindEquipment("boiler1");
        Assert.Equal(EquipmentKind.Boiler, boiler.Kind);
        Assert.Equal("1号锅炉", boiler.Name);
        Assert.Equal(35588, boiler.Boiler.FuelLowerHeatingValueKjPerNm3);
        Assert.True(boiler.Boiler.IsSteam);
        InputSource steam = boiler.FindInput(Measurements.SteamFlowTph).Sources[0];
        Assert.Equal(InputSourceKind.Point, steam.Kind);
        Assert.Equal(0, steam.DeviceIndex);
        Assert.Equal(0, steam.PointIndex);
        InputSource total = boiler.FindInput(Measurements.FuelTotalNm3).Sources[0];
        Assert.Equal(InputSourceKind.Pulse, total.Kind);
        Assert.True(total.PulseTotal);
        Assert.False(boiler.FindInput(Measurements.FuelFlowNm3PerH).Sources[0].PulseTotal);

        Assert.Equal(1883, c.Uplink.Port);
        Assert.Equal("egw-site-1-gw-1", c.Uplink.ClientId);
        Assert.Equal(8080, c.StatusPage.Port);
        Assert.Equal(r.Hash, c.Hash);
        Assert.Equal(8, c.HashHex.Length);
    }

    // Each case breaks one rule of the minimal configuration; the error must name the JSON path and say what is allowed.
    public static TheoryData<string, Action<JsonObject>, string, string> Rules => new()
    {
        { "typo in a key", r => At(r, "devices", 0).Set("unti", Num(3)), "devices[0].unti", "did you mean \"unit\"" },
        { "unknown top-level key", r => r.Set("uplinks", new JsonObject()), "uplinks", "did you mean \"uplink\"" },
        { "missing required key", r => At(r, "gateway").Remove("siteId"), "gateway.siteId", "required" },
        { "missing uplink", r => r.Remove("uplink"), "uplink", "required" },
        { "wrong type", r => At(r, "devices", 0).Set("unit", Str("2")), "devices[0].unit", "whole number" },
        { "fractional integer", r => At(r, "devices", 0).Set("pollIntervalMs", Num(1000.5)), "devices[0].pollIntervalMs", "whole number" },
        { "rtu unit 0", r => At(r, "devices", 1).Set("unit", Num(0)), "devices[1].unit", "from 1 to 247" },
        { "rtu unit 248", r => At(r, "devices", 1).Set("unit", Num(248)), "devices[1].unit", "from 1 to 247" },
        { "non-standard baud", r => At(r, "buses", 1).Set("baud", Num(9601)), "buses[1].baud", "standard rate" },
        { "poll interval below 100 ms", r => At(r, "devices", 0).Set("pollIntervalMs", Num(50)), "devices[0].pollIntervalMs", "from 100" },
        { "tcp port out of range", r => At(r, "buses", 0).Set("port", Num(70000)), "buses[0].port", "from 1 to 65535" },
        { "uplink port 0", r => At(r, "uplink").Set("port", Num(0)), "uplink.port", "from 1 to 65535" },
        { "status page port", r => r.Set("statusPage", Obj("port", Num(65536))), "statusPage.port", "from 1 to 65535" },
        { "rtu key on a tcp bus", r => At(r, "buses", 0).Set("baud", Num(9600)), "buses[0].baud", "applies to rtu buses only" },
        { "bad choice", r => At(r, "buses", 1).Set("parity", Str("Even")), "buses[1].parity", "did you mean \"even\"" },
        { "unknown bus", r => At(r, "devices", 0).Set("bus", Str("tcp2")), "devices[0].bus", "defined buses: tcp1, rs485" },
        { "duplicate device id", r => At(r, "devices", 1).Set("id", Str("flow")), "devices[1].id", "duplicate id" },
        { "duplicate bus id", r => At(r, "buses", 1).Set("id", Str("tcp1")), "buses[1].id", "duplicate id" },
        { "same unit twice on a bus", r => { At(r, "devices", 1).Set("bus", Str("tcp1")); At(r, "devices", 1).Set("unit", Num(2)); }, "devices[1].unit", "already has this unit id" },
        { "measurement not in the vocabulary", r => At(r, "devices", 0, "profile", "points", 0).Set("measurement", Str("steamFlowTPH")), "devices[0].profile.points[0].measurement", "did you mean \"steamFlowTph\"" },
        { "point unit differs from the vocabulary", r => At(r, "devices", 0, "profile", "points", 0).Set("unit", Str("kg/h")), "devices[0].profile.points[0].unit", "is in \"t/h\"" },
        { "other qualifier refused", r => At(r, "devices", 0, "profile", "points", 1).Set("unit", Str("MPa(g)")), "devices[0].profile.points[1].unit", "MPa(abs)" },
        { "overlapping registers", r => At(r, "devices", 0, "profile", "points", 1).Set("address", Num(1)), "devices[0].profile.points[1].address", "overlaps point \"steamFlow\"" },
        { "duplicate point name", r => At(r, "devices", 0, "profile", "points", 1).Set("name", Str("steamFlow")), "devices[0].profile.points[1].name", "duplicate point name" },
        { "address beyond 65535", r => At(r, "devices", 0, "profile", "points", 2).Set("address", Num(65535)), "devices[0].profile.points[2].address", "beyond 65535" },
        { "bad address text", r => At(r, "devices", 0, "profile", "points", 2).Set("address", Str("40007")), "devices[0].profile.points[2].address", "0-based protocol address" },
        { "coil with a register type", r => { At(r, "devices", 0, "profile", "points", 2).Set("registerType", Str("coil")); }, "devices[0].profile.points[2].dataType", "holds one bit" },
        { "string points cannot feed measurements", r => At(r, "devices", 0, "profile", "points", 2).Set("dataType", Str("string")), "devices[0].profile.points[2].dataType", "cannot feed a measurement" },
        { "range min above max", r => At(r, "devices", 0, "profile", "points", 0).Set("range", Arr(Num(40), Num(0))), "devices[0].profile.points[0].range", "min must be below max" },
        { "missing range", r => At(r, "devices", 0, "profile", "points", 0).Remove("range"), "devices[0].profile.points[0].range", "required" },
        { "zero scale", r => At(r, "devices", 0, "profile", "points", 0).Set("scale", Num(0)), "devices[0].profile.points[0].scale", "zero scale" },
        { "no profile", r => At(r, "devices", 0).Remove("profile"), "devices[0].profile", "profileRef" },
        { "profileRef without a resolver", r => { At(r, "devices", 0).Remove("profile"); At(r, "devices", 0).Set("profileRef", Str("eastron-sdm630")); }, "devices[0].profileRef", "inline the profile" },
        { "profile and profileRef", r => At(r, "devices", 0).Set("profileRef", Str("x")), "devices[0].profileRef", "not both" },
        { "range override of an unknown point", r => At(r, "devices", 0).Set("ranges", Obj("nope", Arr(Num(0), Num(1)))), "devices[0].ranges.nope", "its points: steamFlow" },
        { "input from an unknown device", r => At(r, "equipment", 0, "inputs").Set("steamFlowTph", Str("meter.steamFlow")), "equipment[0].inputs.steamFlowTph", "no device has id \"meter\"" },
        { "input from an unknown point", r => At(r, "equipment", 0, "inputs").Set("steamFlowTph", Str("flow.steamFlw")), "equipment[0].inputs.steamFlowTph", "its points: steamFlow (steamFlowTph)" },
        { "input from a point measuring something else", r => At(r, "equipment", 0, "inputs").Set("steamFlowTph", Str("flow.steamPressureAbs")), "equipment[0].inputs.steamFlowTph", "measures steamPressureMpaAbs" },
        { "input from an unknown pulse input", r => At(r, "equipment", 0, "inputs").Set("fuelFlowNm3PerH", Str("pulse:oilMeter")), "equipment[0].inputs.fuelFlowNm3PerH", "no pulse input has id \"oilMeter\"" },
        { "input with a bad source syntax", r => At(r, "equipment", 0, "inputs").Set("steamFlowTph", Str("flow")), "equipment[0].inputs.steamFlowTph", "deviceId.pointName" },
        { "input key not a measurement", r => At(r, "equipment", 0, "inputs").Set("steamFlow", Str("flow.steamFlow")), "equipment[0].inputs.steamFlow", "did you mean \"steamFlowTph\"" },
        { "input array item", r => At(r, "equipment", 0, "inputs").Set("steamFlowTph", Arr(Str("flow.steamFlow"), Num(3))), "equipment[0].inputs.steamFlowTph[1]", "source string" },
        { "direct method missing instruments", r => { At(r, "equipment", 0).Set("method", Str("direct")); At(r, "equipment", 0, "inputs").Remove("fuelFlowNm3PerH"); }, "equipment[0].inputs", "fuelFlowNm3PerH" },
        { "neither method possible", r => { At(r, "equipment", 0, "inputs").Remove("fuelFlowNm3PerH"); At(r, "equipment", 0, "inputs").Remove("flueGasO2PercentDry"); }, "equipment[0].inputs", "neither method" },
        { "steam boiler without capacity", r => At(r, "equipment", 0, "nameplate").Remove("ratedCapacityTph"), "equipment[0].nameplate.ratedCapacityTph", "required for a steam boiler" },
        { "gas heating value per kg", r => At(r, "equipment", 0, "nameplate").Set("fuelLowerHeatingValueKjPerKg", Num(20000)), "equipment[0].nameplate.fuelLowerHeatingValueKjPerKg", "metered in Nm³" },
        { "coal class on gas", r => At(r, "equipment", 0, "nameplate").Set("coalClass", Str("lean")), "equipment[0].nameplate.coalClass", "coal boilers only" },
        { "method on a motor", r => { At(r, "equipment", 0).Set("kind", Str("motor")); }, "equipment[0].method", "applies to boilers only" },
        { "duplicate equipment id", r => ((JsonArray)r.Get("equipment")).Add(JsonReader.Parse("{\"id\":\"boiler1\",\"kind\":\"motor\",\"nameplate\":{\"ratedPowerKw\":37,\"poles\":4},\"inputs\":{\"activePowerKw\":\"flow.steamFlow\"}}")), "equipment[1].id", "duplicate id" },
        { "motor input must be electrical", r => ((JsonArray)r.Get("equipment")).Add(JsonReader.Parse("{\"id\":\"m\",\"kind\":\"motor\",\"nameplate\":{\"ratedPowerKw\":37,\"poles\":4},\"inputs\":{\"steamFlowTph\":\"flow.steamFlow\"}}")), "equipment[1].inputs.steamFlowTph", "electrical" },
        { "motor needs power or current", r => ((JsonArray)r.Get("equipment")).Add(JsonReader.Parse("{\"id\":\"m\",\"kind\":\"motor\",\"nameplate\":{\"ratedPowerKw\":37,\"poles\":4},\"inputs\":{}}")), "equipment[1].inputs", "activePowerKw or currentA" },
        { "odd pole count", r => ((JsonArray)r.Get("equipment")).Add(JsonReader.Parse("{\"id\":\"m\",\"kind\":\"motor\",\"nameplate\":{\"ratedPowerKw\":37,\"poles\":3},\"inputs\":{}}")), "equipment[1].nameplate.poles", "even number" },
        { "insulation class on oil transformer", r => ((JsonArray)r.Get("equipment")).Add(JsonReader.Parse("{\"id\":\"t\",\"kind\":\"transformer\",\"nameplate\":{\"kind\":\"oil-immersed\",\"ratedKva\":630,\"noLoadLossKw\":0.51,\"loadLossKw\":4.96,\"insulationClass\":\"F\"},\"inputs\":{}}")), "equipment[1].nameplate.insulationClass", "dry-type" },
        { "swapped transformer losses", r => ((JsonArray)r.Get("equipment")).Add(JsonReader.Parse("{\"id\":\"t\",\"kind\":\"transformer\",\"nameplate\":{\"kind\":\"dry\",\"ratedKva\":630,\"noLoadLossKw\":4.96,\"loadLossKw\":0.51},\"inputs\":{}}")), "equipment[1].nameplate.noLoadLossKw", "swapped" },
        { "pulse rate measurement must be a rate", r => At(r, "pulseInputs", 0).Set("measurement", Str("fuelTotalNm3")), "pulseInputs[0].measurement", "gives a rate" },
        { "pulse total of another quantity", r => At(r, "pulseInputs", 0).Set("totalMeasurement", Str("steamTotalT")), "pulseInputs[0].totalMeasurement", "not the total of fuelFlowNm3PerH" },
        { "pulse units per pulse must be positive", r => At(r, "pulseInputs", 0).Set("unitsPerPulse", Num(0)), "pulseInputs[0].unitsPerPulse", "> 0" },
        { "two pulse inputs on one pin", r => ((JsonArray)r.Get("pulseInputs")).Add(JsonReader.Parse("{\"id\":\"water\",\"pin\":27,\"unitsPerPulse\":0.1,\"measurement\":\"feedwaterFlowTph\"}")), "pulseInputs[1].pin", "already counts on this pin" },
        { "pulse pin used by a UART", r => { At(r, "buses", 1).Set("rtsPin", Num(27)); }, "pulseInputs[0].pin", "UART" },
        { "deadband of an unknown measurement", r => r.Set("reporting", JsonReader.Parse("{\"deadbands\":{\"steamFlow\":0.1}}")), "reporting.deadbands.steamFlow", "did you mean \"steamFlowTph\"" },
        { "negative deadband", r => r.Set("reporting", JsonReader.Parse("{\"deadbands\":{\"steamFlowTph\":-1}}")), "reporting.deadbands.steamFlowTph", "from 0" },
        { "store segments do not fit", r => r.Set("store", JsonReader.Parse("{\"maxTotalBytes\":65536,\"maxSegmentBytes\":65536}")), "store.maxTotalBytes", "two segments" },
        { "schema version from the future", r => r.Set("schemaVersion", Num(2)), "schemaVersion", "firmware update" },
        { "bad time zone", r => At(r, "gateway").Set("timeZone", Str("Asia/Shanghai")), "gateway.timeZone", "+08:00" },
        { "site id unfit for a topic", r => At(r, "gateway").Set("siteId", Str("site/1")), "gateway.siteId", "MQTT topic" },
        { "backoff max below initial", r => { At(r, "uplink").Set("backoffInitialMs", Num(5000)); At(r, "uplink").Set("backoffMaxMs", Num(2000)); }, "uplink.backoffMaxMs", "at least backoffInitialMs" },
        { "password without user", r => At(r, "uplink").Set("password", Str("secret")), "uplink.password", "needs a \"username\"" },
        { "notes must be text", r => r.Set("notes", Num(1)), "notes", "one string" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_reports_the_path_value_and_what_is_allowed(string rule, Action<JsonObject> edit, string path, string fragment)
    {
        ConfigValidationResult r = LoadEdited(edit);
        Assert.False(r.IsValid, rule + ": expected an error");
        Assert.Null(r.Config);
        ConfigError e = ErrorAt(r, path);
        Assert.Contains(fragment, e.ToString(), StringComparison.Ordinal);
        Assert.True(e.Line > 0, rule + ": the error should carry a line: " + e);
    }

    [Fact]
    public void A_tcp_device_may_use_unit_id_255()
    {
        ConfigValidationResult r = LoadEdited(root => At(root, "devices", 0).Set("unit", Num(255)));
        Assert.True(r.IsValid, r.Summary());
    }

    [Fact]
    public void Every_error_is_collected_not_just_the_first()
    {
        ConfigValidationResult r = LoadEdited(root =>
        {
            At(root, "devices", 1).Set("unit", Num(300));
            At(root, "buses", 1).Set("baud", Num(9601));
            At(root, "devices", 0, "profile", "points", 0).Set("unit", Str("kg/h"));
            At(root, "uplink").Set("hots", Str("x"));
        });
        Assert.True(r.ErrorCount == 4, r.Summary());
        ErrorAt(r, "devices[1].unit");
        ErrorAt(r, "buses[1].baud");
        ErrorAt(r, "devices[0].profile.points[0].unit");
        ErrorAt(r, "uplink.hots");

        InputException e = Assert.Throws<InputException>(() => r.ThrowIfInvalid());
        Assert.StartsWith("buses[1].baud (line ", e.Field, StringComparison.Ordinal);
        Assert.Contains("4 errors", e.Message, StringComparison.Ordinal);
        Assert.Contains("devices[1].unit", e.Message, StringComparison.Ordinal);
        Assert.Contains("uplink.hots", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_lines_point_into_the_source_text()
    {
        string text = Minimal.Replace("\"unit\": 3,", "\"unit\": 300,", StringComparison.Ordinal);
        ConfigValidationResult r = ConfigLoader.LoadText(text, null);
        ConfigError e = ErrorAt(r, "devices[1].unit");
        string[] lines = text.Split('\n');
        Assert.Contains("\"unit\": 300", lines[e.Line - 1], StringComparison.Ordinal);
        Assert.Equal("300", lines[e.Line - 1].Substring(e.Column - 1, 3));
    }

    [Fact]
    public void Syntax_errors_are_one_error_with_line_and_column()
    {
        ConfigValidationResult r = ConfigLoader.LoadText("{\n  \"schemaVersion\": 1,\n  \"gateway\": { \"siteId\": \"a\" \"deviceId\": \"b\" }\n}", null);
        Assert.False(r.Parsed);
        Assert.Equal(1, r.ErrorCount);
        ConfigError e = r.ErrorAt(0);
        Assert.Equal("gateway", e.Path);
        Assert.Contains("after the value of \"siteId\"", e.Allowed, StringComparison.Ordinal);
        Assert.Equal(3, e.Line);
        Assert.Equal(30, e.Column);
        Assert.Contains("missing comma", e.Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_in_the_document_are_refused()
    {
        ConfigValidationResult r = ConfigLoader.LoadText("{\"schemaVersion\":1,\"schemaVersion\":1}", null);
        Assert.Contains("already given", r.ErrorAt(0).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MPa", "MPa(abs)", true)]
    [InlineData("MPa(abs)", "MPa(abs)", true)]
    [InlineData("MPa(g)", "MPa(abs)", false)]
    [InlineData("kPa", "MPa(abs)", false)]
    [InlineData("Nm3/h", "Nm³/h", true)]
    [InlineData("%", "%(dry)", true)]
    [InlineData("-", "1", true)]
    [InlineData("°C", "°C", true)]
    [InlineData("C", "°C", false)]
    [InlineData("mpa", "MPa(abs)", false)]
    public void Units_match_the_vocabulary_allowing_spelling_variants_only(string pointUnit, string vocabularyUnit, bool matches)
    {
        Assert.Equal(matches, ConfigLoader.UnitsMatch(pointUnit, vocabularyUnit));
    }

    [Fact]
    public void Warnings_do_not_make_a_configuration_invalid()
    {
        ConfigValidationResult r = LoadEdited(root => ((JsonArray)root.Get("buses")).Add(JsonReader.Parse("{\"id\":\"spare\",\"kind\":\"tcp\",\"host\":\"10.0.0.9\"}")));
        Assert.True(r.IsValid, r.Summary());
        Assert.Contains(r.Warnings, w => w.Contains("\"spare\": no device uses this bus", StringComparison.Ordinal));
    }

    [Fact]
    public void Range_overrides_replace_the_profile_range()
    {
        ConfigValidationResult r = LoadEdited(root => At(root, "devices", 0).Set("ranges", Obj("steamFlow", Arr(Num(0), Num(12)))));
        Assert.True(r.IsValid, r.Summary());
        Assert.Equal(12, r.Config.FindDevice("flow").Points[0].MaxPlausible);
    }

    private static JsonObject Obj(string key, JsonNode value)
    {
        var o = new JsonObject();
        o.Set(key, value);
        return o;
    }
}
