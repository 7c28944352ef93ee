using EdgeGateway.Firmware.Core.StoreForward;

namespace EdgeGateway.Firmware.Core.Json
{
    /// <summary>
    /// Canonical form of a JSON tree, so that a configuration hash depends on the content only: members sorted by name
    /// (ordinal, UTF-16 code units), no whitespace, strings escaped as <see cref="JsonWriter"/> does, numbers
    /// normalised from their source text (whole numbers up to 2^53 as integers: "5.0" = "5" = "5e0"; others
    /// with a lower-case exponent, no '+', no trailing fraction zeros: "0.50" = "0.5"). Uses only the source text,
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

        /// <summary>The canonical text of a number (see the class summary).</summary>
        public static string CanonicalNumber(JsonNumber n)
        {
            if (n.IsWhole)
            {
                return ((long)n.Value).ToString();
            }

            string t = n.Text;
            int e = -1;
            for (int i = 0; i < t.Length; i++)
            {
                if (t[i] == 'e' || t[i] == 'E')
                {
                    e = i;
                    break;
                }
            }

            string mantissa = e < 0 ? t : t.Substring(0, e);
            string exponent = e < 0 ? "" : t.Substring(e + 1);
            bool hasFraction = false;
            for (int i = 0; i < mantissa.Length; i++)
            {
                hasFraction |= mantissa[i] == '.';
            }

            if (hasFraction)
            {
                int cut = mantissa.Length;
                while (cut > 0 && mantissa[cut - 1] == '0')
                {
                    cut--;
                }

                if (cut > 0 && mantissa[cut - 1] == '.')
                {
                    cut--;
                }

                mantissa = mantissa.Substring(0, cut);
            }

            if (exponent.Length == 0)
            {
                return mantissa;
            }

            bool negative = exponent[0] == '-';
            int start = exponent[0] == '-' || exponent[0] == '+' ? 1 : 0;
            while (start < exponent.Length - 1 && exponent[start] == '0')
            {
                start++;
            }

            return mantissa + "e" + (negative ? "-" : "") + exponent.Substring(start);
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
