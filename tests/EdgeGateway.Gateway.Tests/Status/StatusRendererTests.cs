using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Status;

/// <summary>The portable renderer: labels in both languages, badges, escaping, missing numbers and the JSON document.</summary>
public sealed partial class StatusRendererTests
{
    private static string Html(StatusSnapshot s, StatusLanguage language) => new StatusRenderer().RenderHtml(s, language);

    /// <summary>What a reader sees: style and script dropped, tags removed, entities decoded.</summary>
    internal static string VisibleText(string html)
    {
        string withoutCode = CodeBlocks().Replace(html, string.Empty);
        string inlineJoined = InlineTags().Replace(withoutCode, string.Empty); // <span>, <b>... do not break a line of text
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(inlineJoined, " ")), " ");
    }

    /// <summary>The inner HTML of the first element carrying data-k="key".</summary>
    private static string Live(string html, string key)
    {
        Match m = Regex.Match(html, "data-k=\"" + Regex.Escape(key) + "\"[^>]*>([^<]*)<");
        Assert.True(m.Success, "no element with data-k=\"" + key + "\"");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    [GeneratedRegex("<(style|script)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();

    [GeneratedRegex("</?(span|b|small|a)\\b[^>]*>")]
    private static partial Regex InlineTags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [Fact]
    public void Chinese_page_has_chinese_labels_values_and_badges()
    {
        string html = Html(StatusSamples.BoilerRoom(), StatusLanguage.Chinese);
        string text = VisibleText(html);

        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        foreach (string label in new[] { "网关状态", "热效率", "蒸汽流量", "蒸汽压力", "给水温度", "排烟温度", "排烟氧含量", "一氧化碳", "传感器卡滞", "超出量程", "数据缺失", "通信故障", "未稳定" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }

        Assert.Equal("✔ 合格", Live(html, "equipment.0.pass"));
        Assert.Equal("✘ 不合格", Live(html, "equipment.1.pass"));
        Assert.Equal("? 无法判定", Live(html, "equipment.2.pass"));
        Assert.Equal("91.3", Live(html, "equipment.0.efficiencyPercent")); // 91.34 with one decimal
        Assert.Equal("90.0", Live(html, "equipment.0.limitPercent"));
        Assert.Equal("传感器卡滞", Live(html, "equipment.0.values.3.quality")); // the stuck flue thermometer
        Assert.Equal("4.02", Live(html, "equipment.0.values.0.value")); // t/h to 0.01
        Assert.Contains("GB 24500-2020 表4, grade 3 [3P]", text, StringComparison.Ordinal);
        Assert.Contains("上行链路: 已断开, 积压 1234 条", text, StringComparison.Ordinal);
        Assert.Contains("网关继续测量", text, StringComparison.Ordinal);
        Assert.Contains("反平衡法", text, StringComparison.Ordinal);
        Assert.Contains("1 天 2 小时 3 分", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thermal efficiency", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_the_runtime_survived_are_shown_with_their_count_and_escaped()
    {
        StatusSnapshot snapshot = StatusSamples.BoilerRoom();
        Assert.DoesNotContain("gateway.lastError", Html(snapshot, StatusLanguage.Chinese), StringComparison.Ordinal); // none: no row
        snapshot.Gateway.ErrorCount = 3;
        snapshot.Gateway.LastError = "bus rs485-1: <timeout>";
        string html = Html(snapshot, StatusLanguage.Chinese);
        Assert.Contains("(3) bus rs485-1: &lt;timeout&gt;", html, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(new StatusRenderer().RenderJson(snapshot));
        Assert.Equal(3, json.RootElement.GetProperty("gateway").GetProperty("errorCount").GetInt64());
        Assert.Equal("bus rs485-1: <timeout>", json.RootElement.GetProperty("gateway").GetProperty("lastError").GetString());
    }

    [Fact]
    public void English_page_has_english_labels_and_grouped_counts()
    {
        string html = Html(StatusSamples.BoilerRoom(), StatusLanguage.English);
        string text = VisibleText(html);

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        foreach (string label in new[] { "Thermal efficiency", "Steam flow", "Flue gas temperature", "Sensor stuck", "Out of range", "Missing", "Comm. fault" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }

        Assert.Equal("✔ PASS", Live(html, "equipment.0.pass"));
        Assert.Equal("✘ FAIL", Live(html, "equipment.1.pass"));
        Assert.Contains("Uplink: disconnected, backlog 1,234 records", text, StringComparison.Ordinal);
        Assert.Contains("keeps measuring", text, StringComparison.Ordinal);
        Assert.Equal("120,345", Live(html, "buses.0.requests"));
        Assert.DoesNotContain("蒸汽流量", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_fail_badges_carry_text_and_a_class_not_colour_alone()
    {
        string html = Html(StatusSamples.BoilerRoom(), StatusLanguage.Chinese);
        Assert.Matches("class=\"badge pass\"[^>]*>✔ 合格<", html);
        Assert.Matches("class=\"badge fail\"[^>]*>✘ 不合格<", html);
        Assert.Matches("class=\"badge unknown\"[^>]*>\\? 无法判定<", html);
    }

    [Theory]
    [InlineData(StatusLanguage.Chinese)]
    [InlineData(StatusLanguage.English)]
    public void A_malicious_equipment_name_is_shown_as_text_never_as_markup(StatusLanguage language)
    {
        const string name = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"";
        const string id = "b\"><svg onload=alert(2)>";
        StatusSnapshot s = StatusSamples.WithMaliciousName(name, id);
        s.Uplink.LastConnectError = "</script><script>alert(3)</script>";
        s.Equipment[0].LimitSource = "<b>limit</b>";

        string html = Html(s, language);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>limit", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.Contains("data-equipment=\"b&quot;&gt;&lt;svg onload=alert(2)&gt;\"", html, StringComparison.Ordinal);
        // Exactly one script element: the page's own.
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.Contains(name, VisibleText(html), StringComparison.Ordinal);

        // JSON keeps the exact text (escaped so it is also safe inside a script element).
        string json = new StatusRenderer().RenderJson(s);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(name, doc.RootElement.GetProperty("equipment")[0].GetProperty("displayName").GetString());
        Assert.Equal(id, doc.RootElement.GetProperty("equipment")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void A_missing_efficiency_is_a_dash_on_the_page_and_null_in_json()
    {
        StatusSnapshot s = StatusSamples.BoilerRoom();
        string html = Html(s, StatusLanguage.Chinese);
        Assert.Equal("—", Live(html, "equipment.2.efficiencyPercent"));
        Assert.Equal("—", Live(html, "equipment.1.values.2.value")); // CO missing
        Assert.Contains("current reading missing", VisibleText(html), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);

        using JsonDocument doc = JsonDocument.Parse(new StatusRenderer().RenderJson(s));
        JsonElement motor = doc.RootElement.GetProperty("equipment")[2];
        Assert.Equal(JsonValueKind.Null, motor.GetProperty("efficiencyPercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, motor.GetProperty("values")[0].GetProperty("value").ValueKind);
        Assert.Equal("unknown", motor.GetProperty("pass").GetString());
    }

    [Fact]
    public void No_limit_is_said_in_words()
    {
        StatusSnapshot s = StatusSamples.BoilerRoom();
        s.Equipment[0].LimitPercent = double.NaN;
        Assert.Contains("限值: 无适用限值", VisibleText(Html(s, StatusLanguage.Chinese)), StringComparison.Ordinal);
        Assert.Contains("Limit: no limit applies", VisibleText(Html(s, StatusLanguage.English)), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_parses_and_carries_every_field_in_camel_case()
    {
        StatusSnapshot s = StatusSamples.BoilerRoom();
        s.Uplink.DroppedRecords = 7;
        string json = new StatusRenderer().RenderJson(s);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;

        JsonElement g = root.GetProperty("gateway");
        Assert.Equal("taiyuan-heating-03", g.GetProperty("siteId").GetString());
        Assert.Equal("egw-0042", g.GetProperty("deviceId").GetString());
        Assert.Equal("0.4.0", g.GetProperty("firmwareVersion").GetString());
        Assert.Equal(93_784, g.GetProperty("uptimeS").GetInt64());
        Assert.Equal(98_304, g.GetProperty("freeMemoryBytes").GetInt64());
        Assert.Equal("sha256:3f9a61c0", g.GetProperty("configHash").GetString());
        Assert.Equal(new DateTime(2026, 5, 1, 8, 30, 0, DateTimeKind.Utc), g.GetProperty("clockUtc").GetDateTime().ToUniversalTime());

        JsonElement u = root.GetProperty("uplink");
        Assert.Equal("disconnected", u.GetProperty("state").GetString());
        Assert.Equal("mqtts://fleet.example:8883", u.GetProperty("broker").GetString());
        Assert.Equal("connect refused: ServerUnavailable", u.GetProperty("lastConnectError").GetString());
        Assert.Equal(1234, u.GetProperty("backlogRecords").GetInt64());
        Assert.Equal(7, u.GetProperty("droppedRecords").GetInt64());
        Assert.Equal(56_789, u.GetProperty("publishedFrames").GetInt64());

        JsonElement bus = root.GetProperty("buses")[0];
        Assert.Equal("rs485-1", bus.GetProperty("id").GetString());
        Assert.Equal(120_345, bus.GetProperty("requests").GetInt64());
        Assert.Equal(12, bus.GetProperty("timeouts").GetInt64());
        Assert.Equal(3, bus.GetProperty("crcErrors").GetInt64());
        Assert.Equal(1, bus.GetProperty("exceptions").GetInt64());

        JsonElement dev = root.GetProperty("devices")[1];
        Assert.Equal("flue-analyser", dev.GetProperty("id").GetString());
        Assert.False(dev.GetProperty("online").GetBoolean());
        Assert.Equal(5, dev.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal("timeout after 500 ms", dev.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("devices")[0].GetProperty("lastError").ValueKind);

        JsonElement e = root.GetProperty("equipment")[0];
        Assert.Equal("boiler-1", e.GetProperty("id").GetString());
        Assert.Equal("boiler", e.GetProperty("kind").GetString());
        Assert.Equal("1号燃气蒸汽锅炉", e.GetProperty("displayName").GetString());
        Assert.Equal(91.34, e.GetProperty("efficiencyPercent").GetDouble());
        Assert.Equal("indirect", e.GetProperty("method").GetString());
        Assert.Equal(90.0, e.GetProperty("limitPercent").GetDouble());
        Assert.Equal("GB 24500-2020 表4, grade 3 [3P]", e.GetProperty("limitSource").GetString());
        Assert.Equal("pass", e.GetProperty("pass").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("notComputableReason").ValueKind);
        Assert.True(e.GetProperty("steady").GetBoolean());
        Assert.Equal("91.3 % >= 90.0 % (grade 3 minimum)", e.GetProperty("verdict").GetString());
        JsonElement stuck = e.GetProperty("values")[3];
        Assert.Equal("flueGasTemperatureC", stuck.GetProperty("measurement").GetString());
        Assert.Equal(132.7, stuck.GetProperty("value").GetDouble());
        Assert.Equal("°C", stuck.GetProperty("unit").GetString()); // from the vocabulary: the sample gives no unit
        Assert.Equal("stuck", stuck.GetProperty("quality").GetString());

        Assert.Equal("fail", root.GetProperty("equipment")[1].GetProperty("pass").GetString());
        Assert.Equal("outOfRange", root.GetProperty("equipment")[1].GetProperty("values")[1].GetProperty("quality").GetString());
        Assert.Equal("motor", root.GetProperty("equipment")[2].GetProperty("kind").GetString());
        Assert.Equal("communicationFault", root.GetProperty("equipment")[2].GetProperty("values")[0].GetProperty("quality").GetString());
    }

    [Fact]
    public void An_empty_or_partial_snapshot_still_renders()
    {
        var s = new StatusSnapshot { Gateway = null!, Uplink = null!, Buses = null!, Devices = null!, Equipment = [null!, new EquipmentStatus { Values = null! }] };
        string html = Html(s, StatusLanguage.Chinese);
        Assert.Contains("</html>", html, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(new StatusRenderer().RenderJson(s));
        Assert.Equal(2, doc.RootElement.GetProperty("equipment").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("gateway").GetProperty("clockUtc").ValueKind);
        Assert.Contains("未配置设备", VisibleText(Html(new StatusSnapshot(), StatusLanguage.Chinese)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", null, StatusLanguage.Chinese)]
    [InlineData("/?lang=en", null, StatusLanguage.English)]
    [InlineData("/?lang=EN-us", "zh-CN", StatusLanguage.English)]
    [InlineData("/?x=1&lang=zh", "en-US,en;q=0.9", StatusLanguage.Chinese)]
    [InlineData("/?lang=fr", "en", StatusLanguage.English)]
    [InlineData("/", "en-US,en;q=0.9", StatusLanguage.English)]
    [InlineData("/", "zh-CN,zh;q=0.9,en;q=0.8", StatusLanguage.Chinese)]
    [InlineData("/", "en;q=0.5, zh-Hans;q=0.8", StatusLanguage.Chinese)]
    [InlineData("/", "de-DE, en;q=0.7", StatusLanguage.English)]
    [InlineData("/", "en;q=0.5,zh;q=0.5", StatusLanguage.Chinese)] // a tie goes to Chinese
    [InlineData("/", "en;q=0", StatusLanguage.Chinese)] // q=0 means "not English"
    [InlineData("/", "fr-FR", StatusLanguage.Chinese)]
    [InlineData("/", "english", StatusLanguage.Chinese)] // not the "en" tag
    [InlineData(null, null, StatusLanguage.Chinese)]
    public void Language_comes_from_the_query_then_accept_language_then_chinese(string? url, string? acceptLanguage, StatusLanguage expected)
    {
        Assert.Equal(expected, StatusRenderer.LanguageFor(url!, acceptLanguage!));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1000, "1,000")]
    [InlineData(1234, "1,234")]
    [InlineData(1234567, "1,234,567")]
    [InlineData(-1234, "-1,234")]
    [InlineData(-999, "-999")]
    public void Counts_are_grouped_in_english(long value, string expected)
    {
        Assert.Equal(expected, StatusFormat.Count(value, grouped: true));
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), StatusFormat.Count(value, grouped: false));
    }

    [Theory]
    [InlineData(91.34, 1, "91.3")]
    [InlineData(91.36, 1, "91.4")]
    [InlineData(4.0, 2, "4.00")]
    [InlineData(42.4, 0, "42")]
    [InlineData(double.NaN, 1, "—")]
    [InlineData(double.PositiveInfinity, 1, "—")]
    public void Numbers_have_fixed_decimals(double value, int decimals, string expected)
    {
        Assert.Equal(expected, StatusFormat.Fixed(value, decimals));
    }

    [Fact]
    public void Escaping_helpers_cover_every_special_character()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", StatusFormat.Html("<a href=\"x\" title='y'>&</a>"));
        var sb = new StringBuilder();
        StatusFormat.AppendJsonString(sb, "a\"b\\c\n\u0001</script>\u2028");
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\\u003c/script\\u003e\\u2028\"", sb.ToString());
        Assert.Equal("a\"b\\c\n\u0001</script>\u2028", JsonSerializer.Deserialize<string>(sb.ToString()));
    }

    [Fact]
    public void Every_measurement_of_the_wire_vocabulary_has_a_chinese_and_an_english_label()
    {
        Assert.True(MeasurementLabels.TablesConsistent());
        for (int i = 0; i < Measurements.Count; i++)
        {
            string name = Measurements.NameAt(i);
            string? zh = MeasurementLabels.Label(name, StatusLanguage.Chinese);
            string? en = MeasurementLabels.Label(name, StatusLanguage.English);
            Assert.False(string.IsNullOrEmpty(zh), name + " has no Chinese label");
            Assert.False(string.IsNullOrEmpty(en), name + " has no English label");
            Assert.True(zh.Any(c => c >= 0x4E00 && c <= 0x9FFF), name + ": Chinese label has no Chinese character: " + zh);
        }

        Assert.Equal(Measurements.Count, MeasurementLabels.Count);
        Assert.Equal("蒸汽流量", MeasurementLabels.Label("steamFlowTph", StatusLanguage.Chinese));
        Assert.Equal("排烟氧含量", MeasurementLabels.Label("flueGasO2PercentDry", StatusLanguage.Chinese));
        Assert.Null(MeasurementLabels.Label("notAMeasurement", StatusLanguage.Chinese));
    }

    [Fact]
    public void Text_tables_have_an_entry_per_id_in_both_languages()
    {
        Assert.Equal(StatusText.Count, StatusText.EnglishCount);
        for (int id = 0; id < StatusText.Count; id++)
        {
            Assert.False(string.IsNullOrEmpty(StatusText.Get(id, StatusLanguage.Chinese)));
            Assert.False(string.IsNullOrEmpty(StatusText.Get(id, StatusLanguage.English)));
        }

        Assert.Equal("传感器卡滞", StatusText.Quality(PointQuality.Stuck, StatusLanguage.Chinese));
        Assert.Equal("已断开", StatusText.UplinkStateText(UplinkState.Disconnected, StatusLanguage.Chinese));
    }

    [Fact]
    public void An_unknown_measurement_is_shown_by_its_raw_name_escaped()
    {
        StatusSnapshot s = StatusSamples.BoilerRoom();
        s.Equipment[0].Values[0] = new MeasuredValue { Measurement = "vendor<x>", Value = 1.5, Unit = "bar", Quality = PointQuality.Good };
        string html = Html(s, StatusLanguage.English);
        Assert.Contains("vendor&lt;x&gt;", html, StringComparison.Ordinal);
        Assert.Equal("1.50", Live(html, "equipment.0.values.0.value"));
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        string html = Html(StatusSamples.BoilerRoom(), StatusLanguage.Chinese);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Single(Regex.Matches(html, "<link"));
        Assert.Contains("<link rel=\"icon\" href=\"data:,\">", html, StringComparison.Ordinal); // no /favicon.ico request
        Assert.Contains("'/status.json'", html, StringComparison.Ordinal);
        Assert.Contains("data-shape=\"" + StatusRenderer.Shape(StatusSamples.BoilerRoom()) + "\"", html, StringComparison.Ordinal);
    }
}
