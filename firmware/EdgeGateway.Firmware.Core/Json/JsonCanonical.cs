using System.Text;
using EdgeGateway.Firmware.Core.StoreForward;

namespace EdgeGateway.Firmware.Core.Json
{
    /// <summary>
    /// Canonical form of a JSON tree, so that a configuration hash depends on the content only: members sorted by name
    /// (ordinal, UTF-16 code units), no whitespace, strings escaped as <see cref="JsonWriter"/> does, numbers
    /// normalised from their source text (whole numbers up to 2^53 as integers: "5.0" = "5" = "5e0"; others
    /// in normalised scientific notation: "0.50" = "5e-1" = "5.0E-1"). Uses only the source text,
    /// never the platform's double formatting, so an ESP32 and the Linux fleet compute the same hash.
    /// </summary>
    public static class JsonCanonical
    {
        public static byte[] Serialize(JsonNode node)
        {
            var w = new JsonWriter(1024, false);
            Write(w, node);
            return w.ToArray();
        }

        /// <summary>CRC-32 (IEEE) of the canonical form.</summary>
        public static uint Hash(JsonNode node)
        {
            byte[] canonical = Serialize(node);
            return Crc32.Compute(canonical, 0, canonical.Length);
        }

        /// <summary>A hash as 8 lower-case hex digits, the form used in reports and the birth message.</summary>
        public static string HashHex(uint hash)
        {
            const string digits = "0123456789abcdef";
            char[] c = new char[8];
            for (int i = 7; i >= 0; i--)
            {
                c[i] = digits[(int)(hash & 0xF)];
                hash >>= 4;
            }

            return new string(c);
        }

        public static void Write(JsonWriter w, JsonNode node)
        {
            if (node == null)
            {
                w.Null();
                return;
            }

            switch (node.Kind)
            {
                case JsonKind.Object:
                    JsonObject obj = (JsonObject)node;
                    int[] order = SortedOrder(obj);
                    w.BeginObject();
                    for (int i = 0; i < order.Length; i++)
                    {
                        w.Name(obj.KeyAt(order[i]));
                        Write(w, obj.ValueAt(order[i]));
                    }

                    w.EndObject();
                    break;
                case JsonKind.Array:
                    JsonArray array = (JsonArray)node;
                    w.BeginArray();
                    for (int i = 0; i < array.Count; i++)
                    {
                        Write(w, array.ItemAt(i));
                    }

                    w.EndArray();
                    break;
                case JsonKind.Number:
                    w.RawNumber(CanonicalNumber((JsonNumber)node));
                    break;
                default:
                    w.Node(node);
                    break;
            }
        }

        /// <summary>
        /// The canonical text of a number: whole numbers within ±2^53 as integers ("25"); any other number in
        /// normalised scientific notation from its source digits — one digit before the point, no trailing zeros,
        /// lower-case "e", no '+' ("0.010" = "1.0e-2" → "1e-2"; "35588.125" → "3.5588125e4"). Derived from the text,
        /// never from the platform's double formatting, so every platform gives the same bytes.
        /// </summary>
        public static string CanonicalNumber(JsonNumber n)
        {
            if (n.IsWhole)
            {
                return ((long)n.Value).ToString();
            }

            string t = n.Text;
            int i = 0;
            bool negative = false;
            if (i < t.Length && t[i] == '-')
            {
                negative = true;
                i++;
            }

            var digits = new StringBuilder();
            int integerDigits = 0;
            while (i < t.Length && t[i] >= '0' && t[i] <= '9')
            {
                digits.Append(t[i]);
                integerDigits++;
                i++;
            }

            if (i < t.Length && t[i] == '.')
            {
                i++;
                while (i < t.Length && t[i] >= '0' && t[i] <= '9')
                {
                    digits.Append(t[i]);
                    i++;
                }
            }

            int exponent = 0;
            if (i < t.Length && (t[i] == 'e' || t[i] == 'E'))
            {
                i++;
                bool negativeExponent = false;
                if (i < t.Length && (t[i] == '+' || t[i] == '-'))
                {
                    negativeExponent = t[i] == '-';
                    i++;
                }

                while (i < t.Length && t[i] >= '0' && t[i] <= '9')
                {
                    if (exponent < 100000)
                    {
                        exponent = (exponent * 10) + (t[i] - '0');
                    }

                    i++;
                }

                if (negativeExponent)
                {
                    exponent = -exponent;
                }
            }

            // value = 0.d1d2d3… × 10^point
            string all = digits.ToString();
            int point = integerDigits + exponent;
            int first = 0;
            while (first < all.Length && all[first] == '0')
            {
                first++;
                point--;
            }

            int last = all.Length;
            while (last > first && all[last - 1] == '0')
            {
                last--;
            }

            if (first == last)
            {
                return "0";
            }

            var sb = new StringBuilder();
            if (negative)
            {
                sb.Append('-');
            }

            sb.Append(all[first]);
            if (last - first > 1)
            {
                sb.Append('.');
                sb.Append(all.Substring(first + 1, last - first - 1));
            }

            sb.Append('e');
            sb.Append((point - 1).ToString());
            return sb.ToString();
        }

        /// <summary>Ordinal comparison (nanoFramework lacks string.CompareOrdinal on some builds).</summary>
        public static int CompareOrdinal(string a, string b)
        {
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                int d = a[i] - b[i];
                if (d != 0)
                {
                    return d;
                }
            }

            return a.Length - b.Length;
        }

        private static int[] SortedOrder(JsonObject obj)
        {
            // Insertion sort: objects are small and Array.Sort is missing on nanoFramework.
            int[] order = new int[obj.Count];
            for (int i = 0; i < order.Length; i++)
            {
                int j = i;
                string key = obj.KeyAt(i);
                while (j > 0 && CompareOrdinal(obj.KeyAt(order[j - 1]), key) > 0)
                {
                    order[j] = order[j - 1];
                    j--;
                }

                order[j] = i;
            }

            return order;
        }
    }
}
