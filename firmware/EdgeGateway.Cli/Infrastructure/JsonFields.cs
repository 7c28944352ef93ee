using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Infrastructure;

/// <summary>
/// Reads one JSON object of an input file field by field. Every problem — malformed JSON, a missing or unknown field,
/// a wrong type, a value out of range — becomes an <see cref="InputException"/> naming the JSON path
/// (for example "measurements.steamFlowTph"), the value as written and what is allowed.
/// JSON null counts as "not given".
/// </summary>
public sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> properties = new(StringComparer.Ordinal);
    private readonly string path;

    private JsonFields(JsonElement element, string path)
    {
        this.path = path;
        foreach (JsonProperty p in element.EnumerateObject())
        {
            if (properties.ContainsKey(p.Name))
            {
                throw new InputException(PathOf(p.Name), p.Value.GetRawText(), "given twice; give each field once");
            }

            properties[p.Name] = p.Value;
        }
    }

    /// <summary>Parses a whole document; <paramref name="source"/> names it in messages (a file name or "stdin").</summary>
    public static JsonFields Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber.HasValue
                ? "line " + (e.LineNumber.Value + 1).ToString(CultureInfo.InvariantCulture) + ", column " + ((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)
                : "unknown position";
            throw new InputException("--input", source, "is not valid JSON (" + where + "): " + ShortReason(e.Message));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputException("--input", source, "must hold one JSON object {...}, not " + KindName(document.RootElement.ValueKind));
            }

            // Clone: the fields outlive the document.
            return new JsonFields(document.RootElement.Clone(), string.Empty);
        }
    }

    public string PathOf(string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>Present and not null.</summary>
    public bool Has(string name) => properties.TryGetValue(name, out JsonElement e) && e.ValueKind != JsonValueKind.Null;

    /// <summary>Rejects any field not in <paramref name="known"/>, listing the ones that are allowed here.</summary>
    public void AllowOnly(params string[] known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (KeyValuePair<string, JsonElement> p in properties)
        {
            if (Array.IndexOf(known, p.Key) < 0)
            {
                string where = path.Length == 0 ? "at the top level" : "in " + path;
                throw new InputException(PathOf(p.Key), p.Value.GetRawText(), "is not a known field; allowed " + where + ": " + string.Join(", ", known));
            }
        }
    }

    public JsonFields RequiredObject(string name, string what)
    {
        return OptionalObject(name) ?? throw Missing(name, "an object {...} with " + what);
    }

    public JsonFields? OptionalObject(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        JsonElement e = properties[name];
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(name, e, "an object {...}");
        }

        return new JsonFields(e, PathOf(name));
    }

    /// <summary>A required number; the range is checked and described in the message when violated.</summary>
    public double Number(string name, NumberRange range)
    {
        return OptionalNumber(name, range) ?? throw Missing(name, range.Describe());
    }

    public double? OptionalNumber(string name, NumberRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (!Has(name))
        {
            return null;
        }

        JsonElement e = properties[name];
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double v) || double.IsNaN(v) || double.IsInfinity(v))
        {
            throw WrongType(name, e, range.Describe());
        }

        if (!range.Contains(v))
        {
            throw new InputException(PathOf(name), e.GetRawText(), "must be " + range.Describe());
        }

        return v;
    }

    public string Choice(string name, string[] allowed)
    {
        return OptionalChoice(name, allowed) ?? throw Missing(name, "one of " + Quoted(allowed));
    }

    public string? OptionalChoice(string name, string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!Has(name))
        {
            return null;
        }

        JsonElement e = properties[name];
        if (e.ValueKind != JsonValueKind.String)
        {
            throw WrongType(name, e, "one of " + Quoted(allowed));
        }

        string v = e.GetString()!;
        if (Array.IndexOf(allowed, v) < 0)
        {
            throw new InputException(PathOf(name), e.GetRawText(), "must be one of " + Quoted(allowed));
        }

        return v;
    }

    public string? OptionalString(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        JsonElement e = properties[name];
        return e.ValueKind == JsonValueKind.String ? e.GetString() : throw WrongType(name, e, "a string");
    }

    public bool? OptionalBool(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        JsonElement e = properties[name];
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, e, "true or false"),
        };
    }

    /// <summary>An error about a field this object should have had (for rules spanning several fields).</summary>
    public InputException Missing(string name, string what)
    {
        return new InputException(PathOf(name), "missing", "required: " + what);
    }

    /// <summary>An error about a field that is present but not acceptable together with the others.</summary>
    public InputException Invalid(string name, string allowed)
    {
        string value = properties.TryGetValue(name, out JsonElement e) ? e.GetRawText() : "missing";
        return new InputException(PathOf(name), value, allowed);
    }

    public static string Quoted(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sb = new StringBuilder();
        for (int i = 0; i < values.Length; i++)
        {
            sb.Append(i == 0 ? string.Empty : i == values.Length - 1 ? " or " : ", ");
            sb.Append('"').Append(values[i]).Append('"');
        }

        return sb.ToString();
    }

    private InputException WrongType(string name, JsonElement e, string expected)
    {
        return new InputException(PathOf(name), e.GetRawText(), "wrong type (" + KindName(e.ValueKind) + "): must be " + expected);
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    // System.Text.Json appends " Path: $ | LineNumber: 0 | BytePositionInLine: 5." — we print our own (1-based) position.
    private static string ShortReason(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }
}

/// <summary>The allowed range of a numeric input, with its unit, for checks and for messages.</summary>
public sealed class NumberRange
{
    private NumberRange(string unit, double min, bool minExclusive, double max, bool maxExclusive)
    {
        Unit = unit;
        Min = min;
        MinExclusive = minExclusive;
        Max = max;
        MaxExclusive = maxExclusive;
    }

    public string Unit { get; }

    public double Min { get; }

    public bool MinExclusive { get; }

    public double Max { get; }

    public bool MaxExclusive { get; }

    public static NumberRange Any(string unit) => new(unit, double.NegativeInfinity, false, double.PositiveInfinity, false);

    public static NumberRange Positive(string unit) => new(unit, 0, true, double.PositiveInfinity, false);

    public static NumberRange NonNegative(string unit) => new(unit, 0, false, double.PositiveInfinity, false);

    /// <summary>min ≤ x ≤ max, or with exclusive ends as flagged.</summary>
    public static NumberRange Between(string unit, double min, double max, bool minExclusive = false, bool maxExclusive = false) =>
        new(unit, min, minExclusive, max, maxExclusive);

    /// <summary>Temperatures in °C: above absolute zero.</summary>
    public static NumberRange Celsius() => new("°C", -273.15, true, double.PositiveInfinity, false);

    public bool Contains(double v)
    {
        bool aboveMin = MinExclusive ? v > Min : v >= Min;
        bool belowMax = MaxExclusive ? v < Max : v <= Max;
        return aboveMin && belowMax;
    }

    public string Describe()
    {
        string? lower = double.IsNegativeInfinity(Min) ? null : (MinExclusive ? "> " : ">= ") + Min.ToString("G", CultureInfo.InvariantCulture);
        string? upper = double.IsPositiveInfinity(Max) ? null : (MaxExclusive ? "< " : "<= ") + Max.ToString("G", CultureInfo.InvariantCulture);
        string bounds = lower != null && upper != null ? lower + " and " + upper : lower ?? upper ?? string.Empty;
        return "a number" + (bounds.Length > 0 ? " " + bounds : string.Empty) + " (" + Unit + ")";
    }
}
