using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Core.Json
{
    /// <summary>
    /// A document that is not valid JSON (or exceeds a <see cref="JsonLimits"/> bound). The message reads
    /// "devices[2].unit (line 14, column 15) = '}': expected a value ...": where (JSON path, line, column), what was
    /// found, what was expected.
    /// </summary>
    public class JsonParseException : InputException
    {
        public JsonParseException(string path, int line, int column, string found, string expected)
            : base(Where(path, line, column), found, expected)
        {
            Path = path;
            Line = line;
            Column = column;
            Found = found;
            Expected = expected;
        }

        /// <summary>JSON path of the value being read ("" for the top level).</summary>
        public string Path { get; }

        /// <summary>1-based line.</summary>
        public int Line { get; }

        /// <summary>1-based column, in characters.</summary>
        public int Column { get; }

        public string Found { get; }

        public string Expected { get; }

        public static string Where(string path, int line, int column)
        {
            return (path == null || path.Length == 0 ? "(top level)" : path) + " (line " + line.ToString() + ", column " + column.ToString() + ")";
        }
    }
}
