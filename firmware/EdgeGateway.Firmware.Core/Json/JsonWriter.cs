namespace EdgeGateway.Firmware.Core.Json
{
    /// <summary>
    /// Writes JSON as UTF-8 bytes into a growable buffer, compact or indented. Used for the config/reported document,
    /// canonical serialisation (hashing) and rewriting configurations. Non-ASCII text is written as UTF-8 (Chinese
    /// names stay readable); control characters, '"' and '\' are escaped. No generics or reflection: callers write
    /// members one by one.
    /// </summary>
    public sealed class JsonWriter
    {
        private const int MaxNesting = 64;
        private readonly bool indented;
        private readonly bool[] hasItems = new bool[MaxNesting + 1];
        private byte[] buffer;
        private int length;
        private int depth;
        private bool afterName;

        public JsonWriter()
            : this(256, false)
        {
        }

        public JsonWriter(int capacity, bool indented)
        {
            buffer = new byte[capacity < 16 ? 16 : capacity];
            this.indented = indented;
        }

        /// <summary>Bytes written so far.</summary>
        public int Length { get { return length; } }

        /// <summary>The written document as a new array of exactly <see cref="Length"/> bytes.</summary>
        public byte[] ToArray()
        {
            byte[] result = new byte[length];
            System.Array.Copy(buffer, result, length);
            return result;
        }

        public void BeginObject()
        {
            BeforeValue();
            WriteByte((byte)'{');
            Push();
        }

        public void EndObject()
        {
            Pop();
            WriteByte((byte)'}');
        }

        public void BeginArray()
        {
            BeforeValue();
            WriteByte((byte)'[');
            Push();
        }

        public void EndArray()
        {
            Pop();
            WriteByte((byte)']');
        }

        /// <summary>Writes a member name; the next call writes its value.</summary>
        public void Name(string name)
        {
            if (depth == 0)
            {
                throw new System.InvalidOperationException("JsonWriter.Name outside an object");
            }

            if (hasItems[depth])
            {
                WriteByte((byte)',');
            }

            hasItems[depth] = true;
            NewLine();
            WriteQuoted(name);
            WriteByte((byte)':');
            if (indented)
            {
                WriteByte((byte)' ');
            }

            afterName = true;
        }

        public void String(string value)
        {
            if (value == null)
            {
                Null();
                return;
            }

            BeforeValue();
            WriteQuoted(value);
        }

        public void Number(long value)
        {
            BeforeValue();
            WriteAscii(value.ToString());
        }

        /// <summary>Writes a number; NaN and infinities (which JSON cannot hold) are written as null.</summary>
        public void Number(double value)
        {
            BeforeValue();
            WriteAscii(FormatNumber(value));
        }

        /// <summary>Writes a number's text as given (it must be valid JSON number syntax; used to repeat parsed numbers exactly).</summary>
        public void RawNumber(string text)
        {
            BeforeValue();
            WriteAscii(text);
        }

        public void Bool(bool value)
        {
            BeforeValue();
            WriteAscii(value ? "true" : "false");
        }

        public void Null()
        {
            BeforeValue();
            WriteAscii("null");
        }

        public void Property(string name, string value)
        {
            Name(name);
            String(value);
        }

        public void Property(string name, long value)
        {
            Name(name);
            Number(value);
        }

        public void Property(string name, double value)
        {
            Name(name);
            Number(value);
        }

        public void Property(string name, bool value)
        {
            Name(name);
            Bool(value);
        }

        /// <summary>Writes a tree in document order (numbers as they were written in the source).</summary>
        public void Node(JsonNode node)
        {
            if (node == null)
            {
                Null();
                return;
            }

            switch (node.Kind)
            {
                case JsonKind.Object:
                    JsonObject obj = (JsonObject)node;
                    BeginObject();
                    for (int i = 0; i < obj.Count; i++)
                    {
                        Name(obj.KeyAt(i));
                        Node(obj.ValueAt(i));
                    }

                    EndObject();
                    break;
                case JsonKind.Array:
                    JsonArray array = (JsonArray)node;
                    BeginArray();
                    for (int i = 0; i < array.Count; i++)
                    {
                        Node(array.ItemAt(i));
                    }

                    EndArray();
                    break;
                case JsonKind.String:
                    String(((JsonString)node).Value);
                    break;
                case JsonKind.Number:
                    RawNumber(((JsonNumber)node).Text);
                    break;
                case JsonKind.Bool:
                    Bool(((JsonBool)node).Value);
                    break;
                default:
                    Null();
                    break;
            }
        }

        /// <summary>
        /// JSON text of a double: whole numbers below 1e15 as integers ("12"), others with the fewest digits that read
        /// back to the same double (15, else 17 significant digits); NaN and infinities as "null".
        /// </summary>
        public static string FormatNumber(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return "null";
            }

            if (value == System.Math.Floor(value) && value < 1e15 && value > -1e15)
            {
                return ((long)value).ToString();
            }

            string text = value.ToString("G15");
            if (double.Parse(text) != value)
            {
                text = value.ToString("G17");
            }

            return text;
        }

        /// <summary>UTF-8 bytes of a string (surrogate pairs become one 4-byte sequence; a lone surrogate becomes U+FFFD).</summary>
        public static byte[] Utf8(string text)
        {
            var w = new JsonWriter(text == null ? 16 : text.Length + 16, false);
            if (text != null)
            {
                w.WriteUtf8(text, false);
            }

            return w.ToArray();
        }

        private void BeforeValue()
        {
            if (afterName)
            {
                afterName = false;
                return;
            }

            if (depth > 0)
            {
                if (hasItems[depth])
                {
                    WriteByte((byte)',');
                }

                hasItems[depth] = true;
                NewLine();
            }
        }

        private void Push()
        {
            if (depth >= MaxNesting)
            {
                throw new System.InvalidOperationException("JsonWriter nesting deeper than " + MaxNesting.ToString());
            }

            depth++;
            hasItems[depth] = false;
        }

        private void Pop()
        {
            bool had = hasItems[depth];
            depth--;
            if (had)
            {
                NewLine();
            }
        }

        private void NewLine()
        {
            if (!indented)
            {
                return;
            }

            WriteByte((byte)'\n');
            for (int i = 0; i < depth; i++)
            {
                WriteByte((byte)' ');
                WriteByte((byte)' ');
            }
        }

        private void WriteQuoted(string s)
        {
            WriteByte((byte)'"');
            WriteUtf8(s, true);
            WriteByte((byte)'"');
        }

        private void WriteUtf8(string s, bool escape)
        {
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (escape && (c < 0x20 || c == '"' || c == '\\'))
                {
                    WriteByte((byte)'\\');
                    switch (c)
                    {
                        case '"': WriteByte((byte)'"'); break;
                        case '\\': WriteByte((byte)'\\'); break;
                        case '\n': WriteByte((byte)'n'); break;
                        case '\r': WriteByte((byte)'r'); break;
                        case '\t': WriteByte((byte)'t'); break;
                        case '\b': WriteByte((byte)'b'); break;
                        case '\f': WriteByte((byte)'f'); break;
                        default:
                            WriteAscii("u" + JsonReader.Hex4(c));
                            break;
                    }

                    continue;
                }

                if (c < 0x80)
                {
                    WriteByte((byte)c);
                }
                else if (c < 0x800)
                {
                    WriteByte((byte)(0xC0 | (c >> 6)));
                    WriteByte((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                    WriteByte((byte)(0xF0 | (cp >> 18)));
                    WriteByte((byte)(0x80 | ((cp >> 12) & 0x3F)));
                    WriteByte((byte)(0x80 | ((cp >> 6) & 0x3F)));
                    WriteByte((byte)(0x80 | (cp & 0x3F)));
                }
                else
                {
                    if (c >= 0xD800 && c <= 0xDFFF)
                    {
                        c = 0xFFFD;
                    }

                    WriteByte((byte)(0xE0 | (c >> 12)));
                    WriteByte((byte)(0x80 | ((c >> 6) & 0x3F)));
                    WriteByte((byte)(0x80 | (c & 0x3F)));
                }
            }
        }

        private void WriteAscii(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                WriteByte((byte)s[i]);
            }
        }

        private void WriteByte(byte b)
        {
            if (length == buffer.Length)
            {
                byte[] bigger = new byte[buffer.Length * 2];
                System.Array.Copy(buffer, bigger, length);
                buffer = bigger;
            }

            buffer[length++] = b;
        }
    }
}
