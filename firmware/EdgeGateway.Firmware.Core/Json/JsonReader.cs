using System.Collections;
using System.Text;

namespace EdgeGateway.Firmware.Core.Json
{
    /// <summary>
    /// A strict JSON (RFC 8259) reader into a <see cref="JsonNode"/> tree, written for nanoFramework: no generics, no
    /// reflection, UTF-8 decoded by hand (so the same bytes give the same result on an ESP32 and on Linux). Allocates
    /// the tree once at load; that is acceptable for a configuration read at start-up.
    /// Strict on purpose, because a configuration typo must not be half-understood: duplicate member names, comments,
    /// trailing commas, single quotes, leading zeros, control characters in strings, invalid UTF-8 and lone surrogates
    /// are errors. Every error is a <see cref="JsonParseException"/> with the JSON path, line and column, what was found
    /// and what was expected.
    /// </summary>
    public sealed class JsonReader
    {
        private const string AnyValue = "a value: \"string\", number, {object}, [array], true, false or null";

        private readonly byte[] data;
        private readonly int end;
        private readonly JsonLimits limits;

        // Path segments of the value being read: string (member name) or boxed int (array index). Only rendered on error.
        private readonly ArrayList path = new ArrayList();
        private int pos;
        private int line = 1;
        private int lineStart;
        private int depth;
        private char[] chars = new char[64];

        private JsonReader(byte[] data, int offset, int count, JsonLimits limits)
        {
            this.data = data;
            pos = offset;
            lineStart = offset;
            end = offset + count;
            this.limits = limits ?? new JsonLimits();
        }

        /// <summary>Parses a whole UTF-8 document with the default limits.</summary>
        public static JsonNode Parse(byte[] utf8)
        {
            return Parse(utf8, 0, utf8 == null ? 0 : utf8.Length, null);
        }

        /// <summary>Parses a whole UTF-8 document (a leading byte-order mark is skipped).</summary>
        public static JsonNode Parse(byte[] utf8, int offset, int count, JsonLimits limits)
        {
            if (utf8 == null)
            {
                throw new JsonParseException("", 1, 1, "no data", "a JSON document");
            }

            var reader = new JsonReader(utf8, offset, count, limits);
            return reader.ParseDocument();
        }

        /// <summary>Parses a document given as text (tests, tools).</summary>
        public static JsonNode Parse(string text)
        {
            byte[] utf8 = JsonWriter.Utf8(text);
            return Parse(utf8, 0, utf8.Length, null);
        }

        private JsonNode ParseDocument()
        {
            if (end - pos > limits.MaxInputBytes)
            {
                Fail((end - pos).ToString() + " bytes", "a document of at most " + limits.MaxInputBytes.ToString() + " bytes");
            }

            if (end - pos >= 3 && data[pos] == 0xEF && data[pos + 1] == 0xBB && data[pos + 2] == 0xBF)
            {
                pos += 3;
                lineStart = pos;
            }

            SkipWhitespace();
            if (pos >= end)
            {
                Fail("end of input", "a JSON value (the document is empty)");
            }

            JsonNode root = ParseValue();
            SkipWhitespace();
            if (pos < end)
            {
                Fail(FoundHere(), "end of input after the top-level value (a document holds one value; a missing ',' or '[' ?)");
            }

            return root;
        }

        private JsonNode ParseValue()
        {
            SkipWhitespace();
            if (pos >= end)
            {
                Fail("end of input", AnyValue + " (the document is cut short?)");
            }

            int valueLine = line;
            int valueColumn = ColumnAt(pos);
            JsonNode node;
            byte b = data[pos];
            switch (b)
            {
                case (byte)'{':
                    node = ParseObject(valueLine, valueColumn);
                    break;
                case (byte)'[':
                    node = ParseArray(valueLine, valueColumn);
                    break;
                case (byte)'"':
                    node = new JsonString(ReadString());
                    break;
                case (byte)'t':
                case (byte)'f':
                case (byte)'n':
                    node = ParseLiteral();
                    break;
                case (byte)'\'':
                    Fail("'", "a string in double quotes \"...\" (single quotes are not JSON)");
                    return null;
                case (byte)'/':
                    Fail("/", AnyValue + " (comments are not JSON; put notes in a \"notes\" string where the schema allows)");
                    return null;
                case (byte)']':
                case (byte)'}':
                    Fail("'" + ((char)b).ToString() + "'", AnyValue + " (a trailing comma before it? remove it)");
                    return null;
                default:
                    if (b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9'))
                    {
                        node = ParseNumber();
                        break;
                    }

                    Fail(FoundHere(), AnyValue + " (true, false and null are lower-case; text needs double quotes)");
                    return null;
            }

            node.Line = valueLine;
            node.Column = valueColumn;
            return node;
        }

        private JsonObject ParseObject(int startLine, int startColumn)
        {
            Enter();
            pos++;
            var obj = new JsonObject();
            SkipWhitespace();
            if (pos < end && data[pos] == (byte)'}')
            {
                pos++;
                depth--;
                return obj;
            }

            while (true)
            {
                SkipWhitespace();
                if (pos >= end)
                {
                    Fail("end of input", "a member name in double quotes (the object opened at line " + startLine.ToString() + ", column " + startColumn.ToString() + " is not closed)");
                }

                byte b = data[pos];
                if (b != (byte)'"')
                {
                    if (b == (byte)'}')
                    {
                        Fail("'}'", "a member name after ',' (remove the trailing comma)");
                    }

                    Fail(FoundHere(), b == (byte)'\'' ? "a member name in double quotes (single quotes are not JSON)" : "a member name in double quotes");
                }

                int keyLine = line;
                int keyColumn = ColumnAt(pos);
                string key = ReadString();
                int existing = obj.IndexOf(key);
                if (existing >= 0)
                {
                    path.Add(key);
                    FailAt(keyLine, keyColumn, "\"" + key + "\" again",
                        "each member name once per object (\"" + key + "\" is already given at line " + obj.ValueAt(existing).Line.ToString() + "); delete one of them");
                }

                if (obj.Count >= limits.MaxContainerItems)
                {
                    FailAt(keyLine, keyColumn, "more than " + limits.MaxContainerItems.ToString() + " members", "at most " + limits.MaxContainerItems.ToString() + " members in one object");
                }

                SkipWhitespace();
                if (pos >= end || data[pos] != (byte)':')
                {
                    path.Add(key);
                    Fail(FoundHere(), "':' after the member name \"" + key + "\"");
                }

                pos++;
                path.Add(key);
                JsonNode value = ParseValue();
                path.RemoveAt(path.Count - 1);
                obj.Set(key, value);

                SkipWhitespace();
                if (pos >= end)
                {
                    Fail("end of input", "',' or '}' (the object opened at line " + startLine.ToString() + ", column " + startColumn.ToString() + " is not closed)");
                }

                b = data[pos];
                if (b == (byte)',')
                {
                    pos++;
                    continue;
                }

                if (b == (byte)'}')
                {
                    pos++;
                    break;
                }

                Fail(FoundHere(), "',' or '}' after the value of \"" + key + "\" (a missing comma?)");
            }

            depth--;
            return obj;
        }

        private JsonArray ParseArray(int startLine, int startColumn)
        {
            Enter();
            pos++;
            var array = new JsonArray();
            SkipWhitespace();
            if (pos < end && data[pos] == (byte)']')
            {
                pos++;
                depth--;
                return array;
            }

            while (true)
            {
                if (array.Count >= limits.MaxContainerItems)
                {
                    Fail("more than " + limits.MaxContainerItems.ToString() + " items", "at most " + limits.MaxContainerItems.ToString() + " items in one array");
                }

                path.Add(array.Count);
                JsonNode item = ParseValue();
                path.RemoveAt(path.Count - 1);
                array.Add(item);

                SkipWhitespace();
                if (pos >= end)
                {
                    Fail("end of input", "',' or ']' (the array opened at line " + startLine.ToString() + ", column " + startColumn.ToString() + " is not closed)");
                }

                byte b = data[pos];
                if (b == (byte)',')
                {
                    pos++;
                    continue;
                }

                if (b == (byte)']')
                {
                    pos++;
                    break;
                }

                Fail(FoundHere(), "',' or ']' after an array item (a missing comma?)");
            }

            depth--;
            return array;
        }

        private void Enter()
        {
            depth++;
            if (depth > limits.MaxDepth)
            {
                Fail("nesting level " + depth.ToString(), "at most " + limits.MaxDepth.ToString() + " levels of nested objects and arrays");
            }
        }

        private JsonNode ParseLiteral()
        {
            if (Matches("true"))
            {
                pos += 4;
                return new JsonBool(true);
            }

            if (Matches("false"))
            {
                pos += 5;
                return new JsonBool(false);
            }

            if (Matches("null"))
            {
                pos += 4;
                return new JsonNull();
            }

            Fail(FoundHere(), AnyValue + " (true, false and null are lower-case; text needs double quotes)");
            return null;
        }

        private bool Matches(string word)
        {
            if (end - pos < word.Length)
            {
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                if (data[pos + i] != (byte)word[i])
                {
                    return false;
                }
            }

            // "trueish" is not "true" followed by garbage the caller would misreport.
            int after = pos + word.Length;
            return after >= end || !IsWordByte(data[after]);
        }

        private JsonNumber ParseNumber()
        {
            byte[] d = data; // one local load per digit instead of a field load
            int start = pos;
            bool negative = false;
            if (d[pos] == (byte)'-')
            {
                negative = true;
                pos++;
            }

            if (pos >= end || !IsDigit(d[pos]))
            {
                Fail(FoundHere(), "a digit after '-'");
            }

            // Up to 19 significant digits are accumulated exactly in a long; further digits only shift the exponent.
            long mantissa = 0;
            int significant = 0;
            int exponent10 = 0;
            if (d[pos] == (byte)'0')
            {
                pos++;
                if (pos < end && IsDigit(d[pos]))
                {
                    Fail("a leading zero", "a number without leading zeros (write 8, not 08)");
                }
            }
            else
            {
                while (pos < end && IsDigit(d[pos]))
                {
                    if (significant < 18)
                    {
                        mantissa = (mantissa * 10) + (d[pos] - (byte)'0');
                        significant++;
                    }
                    else
                    {
                        exponent10++;
                    }

                    pos++;
                }
            }

            if (pos < end && d[pos] == (byte)'.')
            {
                pos++;
                if (pos >= end || !IsDigit(d[pos]))
                {
                    Fail(FoundHere(), "a digit after the decimal point (write 1.0 or 1, not 1.)");
                }

                while (pos < end && IsDigit(d[pos]))
                {
                    if (significant < 18)
                    {
                        mantissa = (mantissa * 10) + (d[pos] - (byte)'0');
                        exponent10--;
                        if (mantissa != 0)
                        {
                            significant++;
                        }
                    }

                    pos++;
                }
            }

            if (pos < end && (d[pos] == (byte)'e' || d[pos] == (byte)'E'))
            {
                pos++;
                bool negativeExponent = false;
                if (pos < end && (d[pos] == (byte)'+' || d[pos] == (byte)'-'))
                {
                    negativeExponent = d[pos] == (byte)'-';
                    pos++;
                }

                if (pos >= end || !IsDigit(d[pos]))
                {
                    Fail(FoundHere(), "a digit in the exponent (for example 1.5e3)");
                }

                int e = 0;
                while (pos < end && IsDigit(d[pos]))
                {
                    if (e < 100000)
                    {
                        e = (e * 10) + (d[pos] - (byte)'0');
                    }

                    pos++;
                }

                exponent10 += negativeExponent ? -e : e;
            }

            string text = Ascii(start, pos - start);
            double value;
            if (mantissa == 0)
            {
                value = 0;
            }
            else if (mantissa <= 9007199254740992L && exponent10 >= -22 && exponent10 <= 22)
            {
                // Exact fast path (Clinger): the mantissa and 10^|e| are exact doubles, so one multiplication or
                // division rounds once and gives the correctly rounded value — the same double on every platform.
                value = exponent10 >= 0 ? mantissa * System.Math.Pow(10, exponent10) : mantissa / System.Math.Pow(10, -exponent10);
            }
            else if (exponent10 > 308)
            {
                value = double.PositiveInfinity;
            }
            else if (exponent10 < -400)
            {
                value = 0;
            }
            else
            {
                // Rare in a configuration (17+ digits, or huge/tiny exponents): the runtime's parser rounds correctly.
                // The text is plain ASCII JSON number syntax, which every platform parses the same way.
                value = double.Parse(negative ? text.Substring(1) : text);
            }

            if (double.IsInfinity(value) || double.IsNaN(value))
            {
                pos = start;
                Fail(text, "a number within ±1.7e308");
            }

            return new JsonNumber(negative ? -value : value, text);
        }

        private string ReadString()
        {
            int startLine = line;
            int startColumn = ColumnAt(pos);
            int startByte = pos;
            pos++;
            int n = 0;
            while (true)
            {
                if (pos >= end)
                {
                    FailAt(startLine, startColumn, "end of input", "a closing '\"' for the string that starts here");
                }

                if (pos - startByte > limits.MaxStringBytes)
                {
                    FailAt(startLine, startColumn, "a string longer than " + limits.MaxStringBytes.ToString() + " bytes", "strings of at most " + limits.MaxStringBytes.ToString() + " bytes");
                }

                byte b = data[pos];
                if (b == (byte)'"')
                {
                    pos++;
                    break;
                }

                if (n + 2 > chars.Length)
                {
                    char[] bigger = new char[chars.Length * 2];
                    System.Array.Copy(chars, bigger, n);
                    chars = bigger;
                }

                if (b == (byte)'\\')
                {
                    n = ReadEscape(n);
                    continue;
                }

                if (b < 0x20)
                {
                    if (b == (byte)'\n' || b == (byte)'\r')
                    {
                        Fail("a line break inside a string", "'\"' to close the string before the end of the line (write \\n for a line break inside a string)");
                    }

                    Fail("control character " + Hex2(b), "no control characters inside a string (write \\t or \\u00XX)");
                }

                if (b < 0x80)
                {
                    chars[n++] = (char)b;
                    pos++;
                    continue;
                }

                int codePoint = ReadUtf8Sequence();
                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    chars[n++] = (char)(0xD800 + (codePoint >> 10));
                    chars[n++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)codePoint;
                }
            }

            return new string(chars, 0, n);
        }

        private int ReadEscape(int n)
        {
            pos++;
            if (pos >= end)
            {
                Fail("end of input", "an escape after '\\'");
            }

            byte e = data[pos];
            char c;
            switch (e)
            {
                case (byte)'"': c = '"'; break;
                case (byte)'\\': c = '\\'; break;
                case (byte)'/': c = '/'; break;
                case (byte)'b': c = '\b'; break;
                case (byte)'f': c = '\f'; break;
                case (byte)'n': c = '\n'; break;
                case (byte)'r': c = '\r'; break;
                case (byte)'t': c = '\t'; break;
                case (byte)'u':
                    int unit = ReadHex4();
                    if (unit >= 0xD800 && unit <= 0xDBFF)
                    {
                        // A character beyond U+FFFF arrives as a surrogate pair: the low half must follow at once.
                        if (end - pos < 6 || data[pos] != (byte)'\\' || data[pos + 1] != (byte)'u')
                        {
                            Fail(FoundHere(), "a low surrogate \\uDC00-\\uDFFF right after the high surrogate \\u" + Hex4(unit));
                        }

                        pos++;
                        int low = ReadHex4();
                        if (low < 0xDC00 || low > 0xDFFF)
                        {
                            Fail("\\u" + Hex4(low), "a low surrogate \\uDC00-\\uDFFF right after the high surrogate \\u" + Hex4(unit));
                        }

                        chars[n++] = (char)unit;
                        chars[n++] = (char)low;
                        return n;
                    }

                    if (unit >= 0xDC00 && unit <= 0xDFFF)
                    {
                        Fail("\\u" + Hex4(unit), "a character, not a lone low surrogate");
                    }

                    chars[n++] = (char)unit;
                    return n;
                default:
                    Fail("'\\" + Printable(e) + "'", "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
                    return n;
            }

            chars[n++] = c;
            pos++;
            return n;
        }

        /// <summary>Reads "uXXXX" (pos at the 'u'); leaves pos after the last hex digit.</summary>
        private int ReadHex4()
        {
            pos++;
            int v = 0;
            for (int i = 0; i < 4; i++)
            {
                if (pos >= end)
                {
                    Fail("end of input", "four hex digits after \\u");
                }

                int d = HexValue(data[pos]);
                if (d < 0)
                {
                    Fail(FoundHere(), "four hex digits after \\u (0-9, a-f)");
                }

                v = (v << 4) | d;
                pos++;
            }

            return v;
        }

        private int ReadUtf8Sequence()
        {
            byte b = data[pos];
            int more;
            int codePoint;
            int min;
            if ((b & 0xE0) == 0xC0)
            {
                more = 1;
                codePoint = b & 0x1F;
                min = 0x80;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                more = 2;
                codePoint = b & 0x0F;
                min = 0x800;
            }
            else if ((b & 0xF8) == 0xF0)
            {
                more = 3;
                codePoint = b & 0x07;
                min = 0x10000;
            }
            else
            {
                Fail("byte " + Hex2(b), "UTF-8 text (is the file saved in GBK or another encoding? save it as UTF-8)");
                return 0;
            }

            if (end - pos <= more)
            {
                Fail("byte " + Hex2(b) + " at the end of input", "a complete UTF-8 character");
            }

            for (int i = 1; i <= more; i++)
            {
                byte c = data[pos + i];
                if ((c & 0xC0) != 0x80)
                {
                    Fail("byte " + Hex2(b) + " followed by " + Hex2(c), "UTF-8 text (is the file saved in GBK or another encoding? save it as UTF-8)");
                }

                codePoint = (codePoint << 6) | (c & 0x3F);
            }

            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                Fail("an invalid UTF-8 sequence starting with " + Hex2(b), "UTF-8 text (save the file as UTF-8)");
            }

            pos += more + 1;
            return codePoint;
        }

        private void SkipWhitespace()
        {
            while (pos < end)
            {
                byte b = data[pos];
                if (b == (byte)'\n')
                {
                    line++;
                    pos++;
                    lineStart = pos;
                }
                else if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r')
                {
                    pos++;
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>1-based column of a byte position, counting characters (UTF-8 continuation bytes are not columns).</summary>
        private int ColumnAt(int bytePos)
        {
            int column = 1;
            for (int i = lineStart; i < bytePos && i < end; i++)
            {
                if ((data[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return column;
        }

        /// <summary>What is at the current position, for "found" in messages: a word, a character, or end of input.</summary>
        private string FoundHere()
        {
            if (pos >= end)
            {
                return "end of input";
            }

            byte b = data[pos];
            if (IsWordByte(b))
            {
                int stop = pos;
                while (stop < end && stop - pos < 24 && IsWordByte(data[stop]))
                {
                    stop++;
                }

                return Ascii(pos, stop - pos);
            }

            if (b >= 0x80)
            {
                return "non-ASCII character (byte " + Hex2(b) + ")";
            }

            return "'" + Printable(b) + "'";
        }

        private void Fail(string found, string expected)
        {
            FailAt(line, ColumnAt(pos), found, expected);
        }

        private void FailAt(int atLine, int atColumn, string found, string expected)
        {
            throw new JsonParseException(RenderPath(), atLine, atColumn, found, expected);
        }

        private string RenderPath()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < path.Count; i++)
            {
                object segment = path[i];
                if (segment is string)
                {
                    if (sb.Length > 0)
                    {
                        sb.Append('.');
                    }

                    sb.Append((string)segment);
                }
                else
                {
                    sb.Append('[');
                    sb.Append((int)segment);
                    sb.Append(']');
                }
            }

            return sb.ToString();
        }

        private string Ascii(int start, int count)
        {
            char[] c = new char[count];
            for (int i = 0; i < count; i++)
            {
                c[i] = (char)data[start + i];
            }

            return new string(c);
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        private static bool IsWordByte(byte b)
        {
            return (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || IsDigit(b) || b == (byte)'_' || b == (byte)'.' || b == (byte)'+' || b == (byte)'-';
        }

        private static int HexValue(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - (byte)'0';
            }

            if (b >= (byte)'a' && b <= (byte)'f')
            {
                return b - (byte)'a' + 10;
            }

            if (b >= (byte)'A' && b <= (byte)'F')
            {
                return b - (byte)'A' + 10;
            }

            return -1;
        }

        private static string Printable(byte b)
        {
            return b >= 0x20 && b < 0x7F ? ((char)b).ToString() : Hex2(b);
        }

        internal static string Hex2(int b)
        {
            const string digits = "0123456789ABCDEF";
            return "0x" + digits[(b >> 4) & 0xF].ToString() + digits[b & 0xF].ToString();
        }

        internal static string Hex4(int v)
        {
            const string digits = "0123456789ABCDEF";
            return digits[(v >> 12) & 0xF].ToString() + digits[(v >> 8) & 0xF].ToString() + digits[(v >> 4) & 0xF].ToString() + digits[v & 0xF].ToString();
        }
    }
}
