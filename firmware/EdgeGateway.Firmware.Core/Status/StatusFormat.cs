using System;
using System.Text;

namespace EdgeGateway.Firmware.Core.Status
{
    /// <summary>
    /// Text helpers for the status page that nanoFramework lacks or formats differently: HTML and JSON escaping
    /// (no string.Replace there), fixed-decimal numbers, digit grouping and ISO dates without culture formatting.
    /// Everything appends to a caller's StringBuilder so a page is built in one buffer.
    /// </summary>
    public static class StatusFormat
    {
        /// <summary>Shown instead of a number that does not exist (NaN): an em dash, never "NaN" or "0".</summary>
        public const string NoValue = "—";

        private static readonly string[] fixedFormats = { "F0", "F1", "F2", "F3", "F4" };
        private const string HexDigits = "0123456789abcdef";

        /// <summary>Appends text with &amp; &lt; &gt; " ' escaped, so it is safe in element content and in quoted attributes.</summary>
        public static void AppendHtml(StringBuilder sb, string text)
        {
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '"': sb.Append("&quot;"); break;
                    case '\'': sb.Append("&#39;"); break;
                    default: sb.Append(c); break;
                }
            }
        }

        /// <summary>The HTML-escaped text as a string (for tests and small callers).</summary>
        public static string Html(string text)
        {
            var sb = new StringBuilder();
            AppendHtml(sb, text);
            return sb.ToString();
        }

        /// <summary>
        /// Appends a JSON string literal (with quotes), or null. Besides '"', '\' and control characters it escapes
        /// '&lt;', '&gt;', '&amp;' and U+2028/U+2029 as \u sequences, so the same literal is also safe inside an HTML
        /// script element (a value containing "&lt;/script&gt;" cannot end it).
        /// </summary>
        public static void AppendJsonString(StringBuilder sb, string text)
        {
            if (text == null)
            {
                sb.Append("null");
                return;
            }

            sb.Append('"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < ' ' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
                        {
                            AppendUnicodeEscape(sb, c);
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
        }

        /// <summary>Appends a JSON number; NaN and infinities (which JSON cannot hold) as null.</summary>
        public static void AppendJsonNumber(StringBuilder sb, double value)
        {
            sb.Append(EdgeGateway.Firmware.Core.Json.JsonWriter.FormatNumber(value));
        }

        /// <summary>A number with a fixed count of decimals (0-4, "F1" style, '.' as separator); "—" for NaN and infinities.</summary>
        public static string Fixed(double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return NoValue;
            }

            if (decimals < 0)
            {
                decimals = 0;
            }
            else if (decimals >= fixedFormats.Length)
            {
                decimals = fixedFormats.Length - 1;
            }

            return value.ToString(fixedFormats[decimals]);
        }

        /// <summary>
        /// A count, grouped by thousands with ',' when <paramref name="grouped"/> (English: "1,234"); plain digits
        /// otherwise (Chinese panels write "1234").
        /// </summary>
        public static string Count(long value, bool grouped)
        {
            string digits = value.ToString();
            if (!grouped)
            {
                return digits;
            }

            int start = digits.Length > 0 && digits[0] == '-' ? 1 : 0;
            int count = digits.Length - start;
            if (count <= 3)
            {
                return digits;
            }

            var sb = new StringBuilder(digits.Length + count / 3);
            for (int i = 0; i < digits.Length; i++)
            {
                if (i > start && (digits.Length - i) % 3 == 0)
                {
                    sb.Append(',');
                }

                sb.Append(digits[i]);
            }

            return sb.ToString();
        }

        /// <summary>ISO 8601 UTC with seconds ("2026-05-01T08:30:00Z"); null for DateTime's default (clock never set).</summary>
        public static string IsoUtc(DateTime utc)
        {
            if (utc.Ticks == 0)
            {
                return null;
            }

            var sb = new StringBuilder(20);
            Pad(sb, utc.Year, 4);
            sb.Append('-');
            Pad(sb, utc.Month, 2);
            sb.Append('-');
            Pad(sb, utc.Day, 2);
            sb.Append('T');
            Pad(sb, utc.Hour, 2);
            sb.Append(':');
            Pad(sb, utc.Minute, 2);
            sb.Append(':');
            Pad(sb, utc.Second, 2);
            sb.Append('Z');
            return sb.ToString();
        }

        /// <summary>The clock as an operator reads it: "2026-05-01 08:30:00 UTC"; null when never set.</summary>
        public static string ReadableUtc(DateTime utc)
        {
            string iso = IsoUtc(utc);
            if (iso == null)
            {
                return null;
            }

            return iso.Substring(0, 10) + " " + iso.Substring(11, 8) + " UTC";
        }

        /// <summary>Uptime as days, hours and minutes ("3 天 4 小时 5 分" / "3 d 4 h 5 min").</summary>
        public static string Uptime(long seconds, StatusLanguage language)
        {
            if (seconds < 0)
            {
                return StatusText.Get(StatusText.Unknown, language);
            }

            long days = seconds / 86400;
            long hours = (seconds % 86400) / 3600;
            long minutes = (seconds % 3600) / 60;
            var sb = new StringBuilder(24);
            if (days > 0)
            {
                sb.Append(days).Append(' ').Append(StatusText.Get(StatusText.UnitDays, language)).Append(' ');
            }

            if (days > 0 || hours > 0)
            {
                sb.Append(hours).Append(' ').Append(StatusText.Get(StatusText.UnitHours, language)).Append(' ');
            }

            sb.Append(minutes).Append(' ').Append(StatusText.Get(StatusText.UnitMinutes, language));
            return sb.ToString();
        }

        /// <summary>Free memory in whole KiB ("96 KB"), or "unknown" for -1.</summary>
        public static string Memory(long bytes, StatusLanguage language)
        {
            if (bytes < 0)
            {
                return StatusText.Get(StatusText.Unknown, language);
            }

            return Count(bytes / 1024, language == StatusLanguage.English) + " KB";
        }

        private static void Pad(StringBuilder sb, int value, int width)
        {
            string digits = value.ToString();
            for (int i = digits.Length; i < width; i++)
            {
                sb.Append('0');
            }

            sb.Append(digits);
        }

        private static void AppendUnicodeEscape(StringBuilder sb, char c)
        {
            sb.Append("\\u");
            int v = c;
            sb.Append(HexDigits[(v >> 12) & 0xF]);
            sb.Append(HexDigits[(v >> 8) & 0xF]);
            sb.Append(HexDigits[(v >> 4) & 0xF]);
            sb.Append(HexDigits[v & 0xF]);
        }
    }
}
