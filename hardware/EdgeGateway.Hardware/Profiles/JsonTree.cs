using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EdgeGateway.Hardware.Profiles;

/// <summary>
/// A JSON value with the 1-based line it starts on. System.Text.Json's DOM drops positions, and the validator must
/// name the line of every mistake, so profiles are read with Utf8JsonReader into this small tree instead.
/// </summary>
public sealed class JsonTree
{
    private JsonTree(JsonValueKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonValueKind Kind { get; }

    public int Line { get; }

    /// <summary>String text, or the number's literal text.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Object members in file order (name, line of the name, value).</summary>
    public List<(string Name, int Line, JsonTree Value)> Members { get; } = new();

    public List<JsonTree> Items { get; } = new();

    public JsonTree? Member(string name)
    {
        foreach (var m in Members)
        {
            if (string.Equals(m.Name, name, StringComparison.Ordinal))
            {
                return m.Value;
            }
        }

        return null;
    }

    /// <summary>Parses UTF-8 JSON (comments and trailing commas allowed). Throws JsonException with a line number on bad syntax.</summary>
    public static JsonTree Parse(byte[] utf8)
    {
        int start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        ReadOnlySpan<byte> span = new ReadOnlySpan<byte>(utf8, start, utf8.Length - start);
        int[] lineStarts = LineStarts(span);
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty; a profile is one JSON object", null, 0, 0);
        }

        JsonTree root = ReadValue(ref reader, lineStarts);
        if (reader.Read())
        {
            throw new JsonException("text after the end of the top-level object", null, LineOf(lineStarts, reader.TokenStartIndex) - 1, 0);
        }

        return root;
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, int[] lineStarts)
    {
        int line = LineOf(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonTree(JsonValueKind.Object, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString() ?? string.Empty;
                    int nameLine = LineOf(lineStarts, reader.TokenStartIndex);
                    reader.Read();
                    node.Members.Add((name, nameLine, ReadValue(ref reader, lineStarts)));
                }

                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new JsonTree(JsonValueKind.Array, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader, lineStarts));
                }

                return node;
            }

            case JsonTokenType.String:
                return new JsonTree(JsonValueKind.String, line) { Text = reader.GetString() ?? string.Empty };
            case JsonTokenType.Number:
                return new JsonTree(JsonValueKind.Number, line) { Text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new JsonTree(JsonValueKind.True, line) { Text = "true" };
            case JsonTokenType.False:
                return new JsonTree(JsonValueKind.False, line) { Text = "false" };
            default:
                return new JsonTree(JsonValueKind.Null, line) { Text = "null" };
        }
    }

    private static int[] LineStarts(ReadOnlySpan<byte> span)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    private static int LineOf(int[] lineStarts, long offset)
    {
        int i = Array.BinarySearch(lineStarts, (int)offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }
}
