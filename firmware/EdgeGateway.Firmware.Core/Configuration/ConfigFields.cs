using System.Text;
using EdgeGateway.Firmware.Core.Json;

namespace EdgeGateway.Firmware.Core.Configuration
{
    /// <summary>
    /// Typed reading of configuration members that records an error instead of throwing, so that one load lists every
    /// problem. Each reader returns the fallback after recording the error. Paths are JSON paths ("devices[2].unit").
    /// </summary>
    internal class ConfigFields
    {
        private readonly ConfigValidationResult result;

        public ConfigFields(ConfigValidationResult result)
        {
            this.result = result;
        }

        public ConfigValidationResult Result
        {
            get { return result; }
        }

        public static string Join(string path, string key)
        {
            return path == null || path.Length == 0 ? key : path + "." + key;
        }

        public static string Index(string path, int index)
        {
            return path + "[" + index.ToString() + "]";
        }

        public void Error(string path, JsonNode at, string value, string allowed)
        {
            result.AddError(path, at, value, allowed);
        }

        /// <summary>An error about member <paramref name="key"/> of <paramref name="obj"/> (positioned at the member's value).</summary>
        public void ErrorAt(JsonObject obj, string path, string key, string value, string allowed)
        {
            result.AddError(Join(path, key), obj.Get(key), value, allowed);
        }

        /// <summary>Item <paramref name="index"/> of an array of objects, or null after reporting an item that is not an object.</summary>
        public JsonObject ObjectItem(JsonArray array, int index, string path, string allowed)
        {
            JsonNode node = array.ItemAt(index);
            if (node.Kind != JsonKind.Object)
            {
                Wrong(path, node, allowed);
                return null;
            }

            return (JsonObject)node;
        }

        /// <summary>An error at <paramref name="node"/> quoting it as written.</summary>
        public void Wrong(string path, JsonNode node, string allowed)
        {
            result.AddError(path, node, node.Describe(), allowed);
        }

        /// <summary>An error about member <paramref name="key"/> whose value is <paramref name="node"/>, quoting it as written.</summary>
        public void WrongAt(string path, string key, JsonNode node, string allowed)
        {
            result.AddError(Join(path, key), node, node.Describe(), allowed);
        }

        /// <summary>A required member is missing (positioned at the object that should hold it).</summary>
        public void Missing(JsonObject obj, string path, string key, string allowed)
        {
            result.AddError(Join(path, key), obj, "missing", allowed);
        }

        /// <summary>An error about member <paramref name="key"/> quoting the member's value as written.</summary>
        public void ErrorHere(JsonObject obj, string path, string key, string allowed)
        {
            WrongAt(path, key, obj.Get(key), allowed);
        }

        /// <summary>A value as messages quote it: in double quotes.</summary>
        public static string Q(string s)
        {
            return "\"" + s + "\"";
        }

        /// <summary>A constant word list written as one space-separated literal (one string instead of an array initialiser).</summary>
        public static string[] Words(string spaceSeparated)
        {
            return spaceSeparated.Split(' ');
        }

        /// <summary>Reports every key not in <paramref name="allowed"/>, with a "did you mean" for near misses.
        /// Keys in <paramref name="elsewhere"/> get <paramref name="elsewhereNote"/> instead (e.g. an rtu key on a tcp bus).</summary>
        public void CheckKeys(JsonObject obj, string path, string[] allowed, string[] elsewhere, string elsewhereNote)
        {
            for (int i = 0; i < obj.Count; i++)
            {
                string key = obj.KeyAt(i);
                if (Contains(allowed, key))
                {
                    continue;
                }

                if (elsewhere != null && Contains(elsewhere, key))
                {
                    WrongAt(path, key, obj.ValueAt(i), elsewhereNote);
                    continue;
                }

                string near = Nearest(allowed, key);
                WrongAt(path, key, obj.ValueAt(i),
                    "unknown key" + (near != null ? " (a typo? did you mean \"" + near + "\"?)" : "") + "; allowed here: " + List(allowed));
            }
        }

        public JsonObject Object(JsonObject parent, string path, string key, bool required)
        {
            JsonNode v = parent.Get(key);
            if (v == null)
            {
                if (required)
                {
                    Missing(parent, path, key, "required: an object {…} (see CONFIG.md)");
                }

                return null;
            }

            if (v.Kind != JsonKind.Object)
            {
                WrongAt(path, key, v, "must be an object {…}");
                return null;
            }

            return (JsonObject)v;
        }

        public JsonArray Array(JsonObject parent, string path, string key, bool required)
        {
            JsonNode v = parent.Get(key);
            if (v == null)
            {
                if (required)
                {
                    Missing(parent, path, key, "required: an array […] (may be empty)");
                }

                return null;
            }

            if (v.Kind != JsonKind.Array)
            {
                WrongAt(path, key, v, "must be an array […]");
                return null;
            }

            return (JsonArray)v;
        }

        public string String(JsonObject parent, string path, string key, bool required, string fallback, int maxLength, string what)
        {
            JsonNode v = parent.Get(key);
            if (v == null)
            {
                if (required)
                {
                    Missing(parent, path, key, "required: " + what);
                }

                return fallback;
            }

            if (v.Kind != JsonKind.String)
            {
                WrongAt(path, key, v, "must be a string in double quotes: " + what);
                return fallback;
            }

            string s = ((JsonString)v).Value;
            if (s.Trim().Length == 0)
            {
                Error(Join(path, key), v, "\"\"", "must not be empty: " + what);
                return fallback;
            }

            if (s.Length > maxLength)
            {
                WrongAt(path, key, v, "at most " + maxLength.ToString() + " characters: " + what);
                return fallback;
            }

            return s;
        }

        /// <summary>An identifier: 1–32 of A-Z a-z 0-9 _ - (no '.', which separates "deviceId.pointName").</summary>
        public string Id(JsonObject parent, string path, string key, bool required, string what)
        {
            string s = String(parent, path, key, required, null, 1000, what);
            if (s != null && !IsId(s, false))
            {
                Error(Join(path, key), parent.Get(key), "\"" + s + "\"", "must be 1–32 characters of A-Z, a-z, 0-9, '_' and '-': " + what);
                return null;
            }

            return s;
        }

        public static bool IsId(string s, bool allowDot)
        {
            if (s == null || s.Length == 0 || s.Length > 32)
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || (allowDot && c == '.');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        public int Int(JsonObject parent, string path, string key, int min, int max, bool required, int fallback, string what)
        {
            JsonNode v = parent.Get(key);
            if (v == null)
            {
                if (required)
                {
                    Missing(parent, path, key, "required: a whole number " + FromTo(min, max, what));
                }

                return fallback;
            }

            if (v.Kind != JsonKind.Number || !((JsonNumber)v).IsWhole)
            {
                WrongAt(path, key, v, "must be a whole number (no quotes) " + FromTo(min, max, what));
                return fallback;
            }

            double d = ((JsonNumber)v).Value;
            if (d < min || d > max)
            {
                WrongAt(path, key, v, "must be " + FromTo(min, max, what));
                return fallback;
            }

            return (int)d;
        }

        public long Long(JsonObject parent, string path, string key, long min, long max, long fallback, string what)
        {
            JsonNode v = parent.Get(key);
            if (v == null)
            {
                return fallback;
            }

            if (v.Kind != JsonKind.Number || !((JsonNumber)v).IsWhole || ((JsonNumber)v).Value < min || ((JsonNumber)v).Value > max)
            {
                WrongAt(path, key, v, "must be a whole number " + FromTo(min, max, what));
                return fallback;
            }

            return (long)((JsonNumber)v).Value;
        }

        /// <summary>"from min to max" plus the field's description, for the whole-number messages.</summary>
        private static string FromTo(long min, long max, string what)
        {
            return "from " + min.ToString() + " to " + max.ToString() + What(what);
        }

        /// <summary>A number in [min, max] (or (min, max] when <paramref name="minExclusive"/>).</summary>
        public double Number(JsonObject parent, string path, string key, double min, double max, bool minExclusive, bool required, double fallback, string what)
        {
            JsonNode v = parent.Get(key);
            if (v == null)
            {
                if (required)
                {
                    Missing(parent, path, key, "required: " + what + ", " + RangeText(min, max, minExclusive));
                }

                return fallback;
            }

            if (v.Kind != JsonKind.Number)
            {
                WrongAt(path, key, v, "must be a number (no quotes): " + what + ", " + RangeText(min, max, minExclusive));
                return fallback;
            }

            double d = ((JsonNumber)v).Value;
            if (d < min || d > max || (minExclusive && d == min))
            {
                WrongAt(path, key, v, "out of range: " + what + ", " + RangeText(min, max, minExclusive));
                return fallback;
            }

            return d;
        }

        /// <summary>A number above 0 and at most <paramref name="max"/>; NaN when absent or invalid.</summary>
        public double Positive(JsonObject parent, string path, string key, int max, bool required, string what)
        {
            return Number(parent, path, key, 0, max, true, required, double.NaN, what);
        }

        public bool Bool(JsonObject parent, string path, string key, bool fallback)
        {
            JsonNode v = parent.Get(key);
            if (v == null)
            {
                return fallback;
            }

            if (v.Kind != JsonKind.Bool)
            {
                WrongAt(path, key, v, "must be true or false (no quotes)");
                return fallback;
            }

            return ((JsonBool)v).Value;
        }

        public string Choice(JsonObject parent, string path, string key, string[] allowed, bool required, string fallback)
        {
            JsonNode v = parent.Get(key);
            if (v == null)
            {
                if (required)
                {
                    Missing(parent, path, key, "required: one of " + List(allowed));
                }

                return fallback;
            }

            if (v.Kind != JsonKind.String || !Contains(allowed, ((JsonString)v).Value))
            {
                WrongAt(path, key, v, "must be one of " + List(allowed) + (v.Kind == JsonKind.String ? DidYouMean(allowed, ((JsonString)v).Value) : ""));
                return null;
            }

            return ((JsonString)v).Value;
        }

        public static bool Contains(string[] list, string s)
        {
            return IndexOf(list, s) >= 0;
        }

        /// <summary>The index of s in list, or -1.</summary>
        public static int IndexOf(string[] list, string s)
        {
            for (int i = 0; i < list.Length; i++)
            {
                if (list[i] == s)
                {
                    return i;
                }
            }

            return -1;
        }

        public static string List(string[] list)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < list.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(list[i]);
            }

            return sb.ToString();
        }

        /// <summary>The candidate closest to <paramref name="s"/> when it is a plausible typo (same letters in another case, or ≤ 2 edits), else null.</summary>
        public static string Nearest(string[] candidates, string s)
        {
            string best = null;
            int bestDistance = 3;
            string lower = ToLower(s);
            for (int i = 0; i < candidates.Length; i++)
            {
                if (ToLower(candidates[i]) == lower)
                {
                    return candidates[i];
                }

                int d = Distance(candidates[i], s, bestDistance);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = candidates[i];
                }
            }

            // One edit needs a word of 3+ letters, two edits 5+: otherwise it is another word, not a typo.
            if (best != null && s.Length >= (bestDistance == 1 ? 3 : 5))
            {
                return best;
            }

            // A name with its unit left off ("steamFlow" for "steamFlowTph").
            if (s.Length >= 4)
            {
                for (int i = 0; i < candidates.Length; i++)
                {
                    string c = ToLower(candidates[i]);
                    if (c.Length > lower.Length && c.Substring(0, lower.Length) == lower)
                    {
                        return candidates[i];
                    }
                }
            }

            return null;
        }

        /// <summary>" (did you mean \"x\"?)" when <paramref name="s"/> is a plausible typo of a candidate, else "".</summary>
        public static string DidYouMean(string[] candidates, string s)
        {
            string near = Nearest(candidates, s);
            return near == null ? "" : " (did you mean " + Q(near) + "?)";
        }

        public static string ToLower(string s)
        {
            char[] c = new char[s.Length];
            for (int i = 0; i < c.Length; i++)
            {
                char ch = s[i];
                c[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
            }

            return new string(c);
        }

        /// <summary>
        /// Edit distance counting a swap of neighbours as one edit ("unti" → "unit"; optimal string alignment),
        /// or <paramref name="limit"/> when it is at least that.
        /// </summary>
        private static int Distance(string a, string b, int limit)
        {
            int diff = a.Length - b.Length;
            if (diff >= limit || -diff >= limit)
            {
                return limit;
            }

            int[] before = new int[b.Length + 1];
            int[] previous = new int[b.Length + 1];
            int[] current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int v = previous[j - 1] + cost;
                    if (previous[j] + 1 < v)
                    {
                        v = previous[j] + 1;
                    }

                    if (current[j - 1] + 1 < v)
                    {
                        v = current[j - 1] + 1;
                    }

                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && before[j - 2] + 1 < v)
                    {
                        v = before[j - 2] + 1;
                    }

                    current[j] = v;
                }

                int[] t = before;
                before = previous;
                previous = current;
                current = t;
            }

            return previous[b.Length] < limit ? previous[b.Length] : limit;
        }

        private static string RangeText(double min, double max, bool minExclusive)
        {
            if (max >= double.MaxValue)
            {
                return minExclusive ? "> " + Format(min) : "≥ " + Format(min);
            }

            return (minExclusive ? "> " + Format(min) + " and ≤ " : "from " + Format(min) + " to ") + Format(max);
        }

        public static string Format(double d)
        {
            return JsonWriter.FormatNumber(d);
        }

        private static string What(string what)
        {
            return what == null || what.Length == 0 ? "" : " (" + what + ")";
        }
    }
}
