using System.Collections;

namespace EdgeGateway.Firmware.Core.Json
{
    /// <summary>The six kinds of JSON value.</summary>
    public enum JsonKind
    {
        Null = 0,
        Bool = 1,
        Number = 2,
        String = 3,
        Array = 4,
        Object = 5,
    }

    /// <summary>
    /// A value of a parsed JSON document. Non-generic on purpose (nanoFramework has no generics): callers switch on
    /// <see cref="Kind"/> and cast. <see cref="Line"/> and <see cref="Column"/> (1-based, columns in characters) point
    /// at the first character of the value in the source, so a configuration error can say where to look; nodes
    /// built in code have 0.
    /// </summary>
    public abstract class JsonNode
    {
        public int Line;
        public int Column;

        public abstract JsonKind Kind { get; }

        /// <summary>"object", "array", "string", "number", "true/false" or "null", for error messages.</summary>
        public static string KindName(JsonKind kind)
        {
            switch (kind)
            {
                case JsonKind.Null: return "null";
                case JsonKind.Bool: return "true/false";
                case JsonKind.Number: return "a number";
                case JsonKind.String: return "a string";
                case JsonKind.Array: return "an array";
                default: return "an object";
            }
        }

        /// <summary>A short rendering of the value for messages ("12", "\"abc\"", "an object"), at most ~60 characters.</summary>
        public abstract string Describe();
    }

    /// <summary>An object: keys in document order (order is kept so errors and rewritten files read like the source).</summary>
    public sealed class JsonObject : JsonNode
    {
        private readonly ArrayList keys = new ArrayList();
        private readonly ArrayList values = new ArrayList();

        public override JsonKind Kind { get { return JsonKind.Object; } }

        public int Count { get { return keys.Count; } }

        public string KeyAt(int index) { return (string)keys[index]; }

        public JsonNode ValueAt(int index) { return (JsonNode)values[index]; }

        /// <summary>Index of <paramref name="key"/> (ordinal comparison), or -1.</summary>
        public int IndexOf(string key)
        {
            for (int i = 0; i < keys.Count; i++)
            {
                if ((string)keys[i] == key)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The value of <paramref name="key"/>, or null when the key is absent.</summary>
        public JsonNode Get(string key)
        {
            int i = IndexOf(key);
            return i < 0 ? null : (JsonNode)values[i];
        }

        public bool Has(string key) { return IndexOf(key) >= 0; }

        /// <summary>Adds a key, or replaces its value when present (keeping its position).</summary>
        public void Set(string key, JsonNode value)
        {
            int i = IndexOf(key);
            if (i >= 0)
            {
                values[i] = value;
                return;
            }

            keys.Add(key);
            values.Add(value);
        }

        /// <summary>Removes a key; no effect when absent.</summary>
        public void Remove(string key)
        {
            int i = IndexOf(key);
            if (i >= 0)
            {
                keys.RemoveAt(i);
                values.RemoveAt(i);
            }
        }

        public override string Describe() { return "an object"; }
    }

    /// <summary>An array.</summary>
    public sealed class JsonArray : JsonNode
    {
        private readonly ArrayList items = new ArrayList();

        public override JsonKind Kind { get { return JsonKind.Array; } }

        public int Count { get { return items.Count; } }

        public JsonNode ItemAt(int index) { return (JsonNode)items[index]; }

        public void Add(JsonNode item) { items.Add(item); }

        public override string Describe() { return "an array"; }
    }

    public sealed class JsonString : JsonNode
    {
        public readonly string Value;

        public JsonString(string value) { Value = value; }

        public override JsonKind Kind { get { return JsonKind.String; } }

        public override string Describe()
        {
            return Value.Length > 56 ? "\"" + Value.Substring(0, 53) + "...\"" : "\"" + Value + "\"";
        }
    }

    /// <summary>A number: its value and its source text (kept so canonical output and messages repeat what was written).</summary>
    public sealed class JsonNumber : JsonNode
    {
        /// <summary>Whole numbers up to 2^53 are exact in a double; beyond that "whole" is not meaningful.</summary>
        public const double MaxExactInteger = 9007199254740992.0;

        public readonly double Value;
        public readonly string Text;

        public JsonNumber(double value, string text)
        {
            Value = value;
            Text = text;
        }

        /// <summary>A number built in code; its text is the writer's rendering.</summary>
        public JsonNumber(double value)
        {
            Value = value;
            Text = JsonWriter.FormatNumber(value);
        }

        public override JsonKind Kind { get { return JsonKind.Number; } }

        /// <summary>True when the value is a whole number within ±2^53 ("5", "5.0", "5e0").</summary>
        public bool IsWhole
        {
            get { return Value == System.Math.Floor(Value) && Value <= MaxExactInteger && Value >= -MaxExactInteger; }
        }

        public override string Describe() { return Text; }
    }

    public sealed class JsonBool : JsonNode
    {
        public readonly bool Value;

        public JsonBool(bool value) { Value = value; }

        public override JsonKind Kind { get { return JsonKind.Bool; } }

        public override string Describe() { return Value ? "true" : "false"; }
    }

    public sealed class JsonNull : JsonNode
    {
        public override JsonKind Kind { get { return JsonKind.Null; } }

        public override string Describe() { return "null"; }
    }
}
