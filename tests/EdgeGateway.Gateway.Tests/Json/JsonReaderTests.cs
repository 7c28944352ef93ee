using System;
using System.Globalization;
using System.Text;
using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Gateway.Tests.Json;

public class JsonReaderTests
{
    private static JsonParseException Fails(string text, JsonLimits? limits = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return Assert.Throws<JsonParseException>(() => JsonReader.Parse(bytes, 0, bytes.Length, limits));
    }

    private static JsonParseException FailsBytes(byte[] bytes) =>
        Assert.Throws<JsonParseException>(() => JsonReader.Parse(bytes, 0, bytes.Length, null));

    [Fact]
    public void Parses_a_nested_document_keeping_key_order_and_positions()
    {
        var root = (JsonObject)JsonReader.Parse("{\n  \"z\": 1,\n  \"a\": [true, false, null, \"s\", {}, []],\n  \"m\": {\"k\": -2.5}\n}");
        Assert.Equal(3, root.Count);
        Assert.Equal("z", root.KeyAt(0));
        Assert.Equal("a", root.KeyAt(1));
        var a = (JsonArray)root.Get("a");
        Assert.Equal(6, a.Count);
        Assert.True(((JsonBool)a.ItemAt(0)).Value);
        Assert.False(((JsonBool)a.ItemAt(1)).Value);
        Assert.Equal(JsonKind.Null, a.ItemAt(2).Kind);
        Assert.Equal("s", ((JsonString)a.ItemAt(3)).Value);
        Assert.Equal(0, ((JsonObject)a.ItemAt(4)).Count);
        Assert.Equal(0, ((JsonArray)a.ItemAt(5)).Count);
        Assert.Equal(-2.5, ((JsonNumber)((JsonObject)root.Get("m")).Get("k")).Value);
        // "a"'s value starts on line 3 at column 8 (after two spaces, "a", colon and a space).
        Assert.Equal(3, a.Line);
        Assert.Equal(8, a.Column);
        Assert.Null(root.Get("missing"));
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("-0", 0.0)]
    [InlineData("12", 12.0)]
    [InlineData("-12.5", -12.5)]
    [InlineData("0.1", 0.1)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E-3", 0.001)]
    [InlineData("-2.5e+2", -250.0)]
    [InlineData("35588.125", 35588.125)]
    [InlineData("0.000123456", 0.000123456)]
    [InlineData("6.02214076e23", 6.02214076e23)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    public void Numbers_match_the_runtime_parser(string text, double expected)
    {
        var n = (JsonNumber)JsonReader.Parse(text);
        Assert.Equal(expected, n.Value);
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), n.Value);
        Assert.Equal(text, n.Text);
    }

    [Fact]
    public void Long_mantissas_are_close_to_the_runtime_parser()
    {
        const string text = "123456789012345678901234.5";
        double v = ((JsonNumber)JsonReader.Parse(text)).Value;
        double expected = double.Parse(text, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(v - expected) / expected < 1e-15, v + " vs " + expected);
    }

    [Fact]
    public void Whole_numbers_are_recognised_whatever_their_spelling()
    {
        Assert.True(((JsonNumber)JsonReader.Parse("5")).IsWhole);
        Assert.True(((JsonNumber)JsonReader.Parse("5.0")).IsWhole);
        Assert.True(((JsonNumber)JsonReader.Parse("5e0")).IsWhole);
        Assert.False(((JsonNumber)JsonReader.Parse("5.5")).IsWhole);
    }

    [Fact]
    public void Unicode_escapes_raw_utf8_chinese_and_surrogate_pairs()
    {
        var root = (JsonObject)JsonReader.Parse("{\"a\":\"\\u4e2d\\u6587\",\"b\":\"锅炉房\",\"c\":\"\\ud83d\\ude00\",\"d\":\"😀\",\"e\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}");
        Assert.Equal("中文", ((JsonString)root.Get("a")).Value);
        Assert.Equal("锅炉房", ((JsonString)root.Get("b")).Value);
        Assert.Equal("😀", ((JsonString)root.Get("c")).Value);
        Assert.Equal("😀", ((JsonString)root.Get("d")).Value);
        Assert.Equal("\"\\/\b\f\n\r\t", ((JsonString)root.Get("e")).Value);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'[', (byte)'1', (byte)']'];
        var a = (JsonArray)JsonReader.Parse(bytes);
        Assert.Equal(1, a.Count);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 1, 9, "trailing comma")]
    [InlineData("[1, 2,]", 1, 7, "trailing comma")]
    [InlineData("{\"a\": 1 \"b\": 2}", 1, 9, "missing comma")]
    [InlineData("[1 2]", 1, 4, "missing comma")]
    [InlineData("{\"a\" 1}", 1, 6, "':'")]
    [InlineData("{a: 1}", 1, 2, "member name in double quotes")]
    [InlineData("{'a': 1}", 1, 2, "single quotes")]
    [InlineData("['a']", 1, 2, "single quotes")]
    [InlineData("[1] // note", 1, 5, "end of input")]
    [InlineData("[// note\n1]", 1, 2, "comments are not JSON")]
    [InlineData("[01]", 1, 3, "leading zeros")]
    [InlineData("[1.]", 1, 4, "decimal point")]
    [InlineData("[-]", 1, 3, "digit after '-'")]
    [InlineData("[1e]", 1, 4, "exponent")]
    [InlineData("[True]", 1, 2, "lower-case")]
    [InlineData("[nul]", 1, 2, "lower-case")]
    [InlineData("[\"abc", 1, 2, "closing '\"'")]
    [InlineData("[\"ab\ncd\"]", 1, 5, "line break")]
    [InlineData("[\"a\\x\"]", 1, 5, "escape")]
    [InlineData("[\"\\u12G4\"]", 1, 7, "hex digits")]
    [InlineData("[\"\\ud83d\"]", 1, 9, "low surrogate")]
    [InlineData("[\"\\ude00\"]", 1, 9, "lone low surrogate")]
    [InlineData("{\"a\":1,\"a\":2}", 1, 8, "already given")]
    [InlineData("[1]]", 1, 4, "end of input")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("   \n  ", 2, 3, "empty")]
    [InlineData("[1,", 1, 4, "cut short")]
    [InlineData("{\"a\":[1,2", 1, 10, "not closed")]
    public void Every_error_names_line_column_and_what_was_expected(string text, int line, int column, string expectedFragment)
    {
        JsonParseException e = Fails(text);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(expectedFragment, e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<InputException>(e);
        Assert.Contains("line " + line + ", column " + column, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_inside_strings_are_refused()
    {
        JsonParseException e = Fails("[\"a\tb\"]");
        Assert.Contains("control character 0x09", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_carry_the_json_path_of_the_value_being_read()
    {
        JsonParseException e = Fails("{\"devices\": [ {\"id\": \"a\"}, {\"unit\": tru} ]}");
        Assert.Equal("devices[1].unit", e.Path);
        Assert.StartsWith("devices[1].unit (line 1, column 37)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_characters_not_bytes_and_lines_count_newlines()
    {
        // "锅炉" is 6 bytes of UTF-8 but two columns; the bad token is on line 2.
        JsonParseException e = Fails("{\"name\": \"锅炉\",\n \"x\": 锅}");
        Assert.Equal(2, e.Line);
        Assert.Equal(7, e.Column);
        JsonParseException e2 = Fails("{\"锅炉\": 1 2}");
        Assert.Equal(1, e2.Line);
        Assert.Equal(10, e2.Column);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_a_hint_about_the_encoding()
    {
        byte[] gbk = [(byte)'[', (byte)'"', 0xB9, 0xF8, (byte)'"', (byte)']']; // "锅" in GBK
        JsonParseException e = FailsBytes(gbk);
        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.Column);

        byte[] overlong = [(byte)'[', (byte)'"', 0xC0, 0x80, (byte)'"', (byte)']'];
        Assert.Contains("invalid UTF-8", FailsBytes(overlong).Message, StringComparison.Ordinal);

        byte[] stray = [(byte)'[', (byte)'"', 0xFF, (byte)'"', (byte)']'];
        Assert.Contains("0xFF", FailsBytes(stray).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_limit_is_enforced_exactly()
    {
        var limits = new JsonLimits { MaxDepth = 32 };
        string ok = new string('[', 32) + new string(']', 32);
        byte[] okBytes = Encoding.UTF8.GetBytes(ok);
        Assert.Equal(JsonKind.Array, JsonReader.Parse(okBytes, 0, okBytes.Length, limits).Kind);

        string deep = new string('[', 33) + new string(']', 33);
        JsonParseException e = Fails(deep, limits);
        Assert.Contains("at most 32 levels", e.Message, StringComparison.Ordinal);
        Assert.Equal(33, e.Column);

        // A hostile document far deeper than the stack could take is refused, not a crash.
        string hostile = new string('[', 100000);
        Assert.Contains("levels", Fails(hostile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_limits_are_enforced()
    {
        Assert.Contains("at most 10 bytes", Fails("[1,2,3,4,5,6]", new JsonLimits { MaxInputBytes = 10 }).Message, StringComparison.Ordinal);
        Assert.Contains("strings of at most 4 bytes", Fails("[\"abcdef\"]", new JsonLimits { MaxStringBytes = 4 }).Message, StringComparison.Ordinal);
        Assert.Contains("at most 3 items", Fails("[1,2,3,4]", new JsonLimits { MaxContainerItems = 3 }).Message, StringComparison.Ordinal);
        Assert.Contains("at most 1 members", Fails("{\"a\":1,\"b\":2}", new JsonLimits { MaxContainerItems = 1 }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_beyond_double_range_are_refused()
    {
        Assert.Contains("within", Fails("[1e400]").Message, StringComparison.Ordinal);
        Assert.Equal(0.0, ((JsonNumber)JsonReader.Parse("1e-400")).Value);
    }
}
