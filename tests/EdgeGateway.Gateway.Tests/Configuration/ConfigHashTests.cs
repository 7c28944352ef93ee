using System.Text;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Json;
using static EdgeGateway.Gateway.Tests.Configuration.ConfigTestSupport;

namespace EdgeGateway.Gateway.Tests.Configuration;

public class ConfigHashTests
{
    /// <summary>The same content with every object's members in reverse order.</summary>
    private static JsonNode Reversed(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                var r = new JsonObject();
                for (int i = o.Count - 1; i >= 0; i--)
                {
                    r.Set(o.KeyAt(i), Reversed(o.ValueAt(i)));
                }

                return r;
            case JsonArray a:
                var ra = new JsonArray();
                for (int i = 0; i < a.Count; i++)
                {
                    ra.Add(Reversed(a.ItemAt(i)));
                }

                return ra;
            default:
                return node;
        }
    }

    private static uint HashOf(byte[] bytes)
    {
        ConfigValidationResult r = ConfigLoader.Load(bytes);
        Assert.True(r.IsValid, r.Summary());
        return r.Config.Hash;
    }

    [Fact]
    public void Reordering_keys_and_changing_whitespace_keep_the_hash()
    {
        uint original = HashOf(Encoding.UTF8.GetBytes(Minimal));
        byte[] compactReversed = Bytes(Reversed(MinimalDocument()), indented: false);
        byte[] indentedReversed = Bytes(Reversed(MinimalDocument()), indented: true);
        Assert.NotEqual(Encoding.UTF8.GetBytes(Minimal), compactReversed);
        Assert.Equal(original, HashOf(compactReversed));
        Assert.Equal(original, HashOf(indentedReversed));
    }

    [Fact]
    public void Spelling_a_number_differently_keeps_the_hash()
    {
        uint original = HashOf(Encoding.UTF8.GetBytes(Minimal));
        string respelled = Minimal.Replace("\"port\": 15020", "\"port\": 15020.0", System.StringComparison.Ordinal)
            .Replace("\"scale\": 0.01", "\"scale\": 1.0e-2", System.StringComparison.Ordinal);
        Assert.NotEqual(Minimal, respelled);
        Assert.Equal(original, HashOf(Encoding.UTF8.GetBytes(respelled)));
    }

    [Fact]
    public void Changing_any_value_changes_the_hash()
    {
        uint original = HashOf(Encoding.UTF8.GetBytes(Minimal));
        Assert.NotEqual(original, HashOf(Edited(r => At(r, "devices", 0).Set("pollIntervalMs", Num(1001)))));
        Assert.NotEqual(original, HashOf(Edited(r => At(r, "equipment", 0).Set("name", Str("2号锅炉")))));
        Assert.NotEqual(original, HashOf(Edited(r => At(r, "devices", 0, "profile", "points", 0).Set("scale", Num(0.1)))));
    }

    [Fact]
    public void The_hash_is_the_crc_of_the_canonical_document_also_when_invalid()
    {
        byte[] invalid = Edited(r => At(r, "devices", 1).Set("unit", Num(0)));
        ConfigValidationResult v = ConfigLoader.Load(invalid);
        Assert.False(v.IsValid);
        Assert.True(v.Parsed);
        Assert.Equal(JsonCanonical.Hash(JsonReader.Parse(invalid)), v.Hash);
    }
}
