using System.Text;
using EdgeGateway.Firmware.Core.Json;

namespace EdgeGateway.Gateway.Tests.Json;

public class JsonWriterTests
{
    [Fact]
    public void Writes_compact_json_that_system_text_json_reads_back()
    {
        var w = new JsonWriter();
        w.BeginObject();
        w.Property("name", "1号锅炉 \"A\"\\\n\t\u0001");
        w.Property("n", 42L);
        w.Property("x", 0.1);
        w.Property("ok", true);
        w.Name("none");
        w.Null();
        w.Name("list");
        w.BeginArray();
        w.Number(1.5);
        w.String("😀");
        w.BeginObject();
        w.EndObject();
        w.EndArray();
        w.EndObject();
        byte[] bytes = w.ToArray();

        using var doc = System.Text.Json.JsonDocument.Parse(bytes);
        var root = doc.RootElement;
        Assert.Equal("1号锅炉 \"A\"\\\n\t\u0001", root.GetProperty("name").GetString());
        Assert.Equal(42, root.GetProperty("n").GetInt32());
        Assert.Equal(0.1, root.GetProperty("x").GetDouble());
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("none").ValueKind);
        Assert.Equal("😀", root.GetProperty("list")[1].GetString());
        // Chinese text stays UTF-8, not \u escapes.
        Assert.Contains("1号锅炉", Encoding.UTF8.GetString(bytes), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Indented_output_round_trips_through_the_reader()
    {
        const string source = "{\"a\":[1,2,{\"b\":\"中文\"}],\"c\":{},\"d\":[]}";
        JsonNode node = JsonReader.Parse(source);
        var w = new JsonWriter(64, true);
        w.Node(node);
        string indented = Encoding.UTF8.GetString(w.ToArray());
        Assert.Contains("\n  \"a\": [", indented, System.StringComparison.Ordinal);
        var compact = new JsonWriter();
        compact.Node(JsonReader.Parse(indented));
        Assert.Equal(source, Encoding.UTF8.GetString(compact.ToArray()));
    }

    [Theory]
    [InlineData(12.0, "12")]
    [InlineData(-3.0, "-3")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3.0, "0.33333333333333331")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    public void Numbers_are_formatted_to_read_back_exactly(double value, string expected)
    {
        string text = JsonWriter.FormatNumber(value);
        Assert.Equal(expected, text);
        if (!double.IsNaN(value) && !double.IsInfinity(value))
        {
            Assert.Equal(value, ((JsonNumber)JsonReader.Parse(text)).Value);
        }
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("5.0", "5")]
    [InlineData("5e0", "5")]
    [InlineData("0.50", "5e-1")]
    [InlineData("5.0E-1", "5e-1")]
    [InlineData("1.50E-3", "1.5e-3")]
    [InlineData("0.0015", "1.5e-3")]
    [InlineData("15e-4", "1.5e-3")]
    [InlineData("35588.125", "3.5588125e4")]
    [InlineData("2.5e+01", "25")]
    [InlineData("1.25e+020", "1.25e20")]
    [InlineData("125000000000000000000", "1.25e20")]
    [InlineData("-0.0100", "-1e-2")]
    public void Canonical_numbers_depend_on_the_value_not_the_spelling(string text, string canonical)
    {
        Assert.Equal(canonical, JsonCanonical.CanonicalNumber((JsonNumber)JsonReader.Parse(text)));
    }

    [Fact]
    public void Canonical_form_sorts_keys_and_drops_whitespace()
    {
        JsonNode node = JsonReader.Parse("{ \"b\" : 1 , \"a\" : [ true , null , \"x\" ], \"B\": {\"z\":0,\"y\":1} }");
        Assert.Equal("{\"B\":{\"y\":1,\"z\":0},\"a\":[true,null,\"x\"],\"b\":1}", Encoding.UTF8.GetString(JsonCanonical.Serialize(node)));
    }

    [Fact]
    public void Canonical_hash_is_the_ieee_crc32_of_the_canonical_bytes()
    {
        JsonNode node = JsonReader.Parse("{\"b\":1,\"a\":2}");
        byte[] canonical = Encoding.UTF8.GetBytes("{\"a\":2,\"b\":1}");
        Assert.Equal(ReferenceCrc32(canonical), JsonCanonical.Hash(node));
        Assert.Equal(ReferenceCrc32(canonical).ToString("x8", System.Globalization.CultureInfo.InvariantCulture), JsonCanonical.HashHex(JsonCanonical.Hash(node)));
    }

    /// <summary>Bit-by-bit CRC-32 (IEEE 802.3), independent of the table-driven one under test.</summary>
    private static uint ReferenceCrc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
