using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace EdgeGateway.StandardsGen;

public enum ColumnType
{
    Text,
    WholeNumber,
    Number,
    OptionalDouble,
    Interval,
}

public sealed record Column(string Name, ColumnType Type);

/// <summary>A half-open/closed interval cell such as "[17700,21000]", "(21000,)"; "-" = no condition.</summary>
public readonly record struct Interval(bool Present, double Min, bool MinInclusive, double Max, bool MaxInclusive);

/// <summary>One parsed data file: header metadata, typed columns and typed cells (string, int, double or Interval).</summary>
public sealed class DataTable
{
    private static readonly string[] RequiredKeys =
        ["class", "id", "standard", "edition", "clause", "source", "confidence", "effective"];

    private static readonly string[] KnownConfidence = ["V", "3P", "M"];

    public required string FileName { get; init; }

    public required Dictionary<string, string> Header { get; init; }

    public required List<string> Notes { get; init; }

    public required List<Column> Columns { get; init; }

    /// <summary>Rows of cells; each cell is a string, int, double or <see cref="Interval"/>.</summary>
    public required List<object[]> Rows { get; init; }

    public required List<int> RowLines { get; init; }

    public static DataTable Parse(string fileName, string text)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = new List<string>();
        var checks = new List<(int Line, string Rule)>();
        var uniques = new List<(int Line, string Rule)>();
        List<Column>? columns = null;
        var rows = new List<object[]>();
        var rowLines = new List<int>();

        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                string body = line[1..].Trim();
                int colon = body.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue; // a plain comment
                }

                string key = body[..colon].Trim();
                string value = body[(colon + 1)..].Trim();
                if (columns is not null)
                {
                    throw new StandardsDataException(fileName, lineNo, $"header line '# {key}:' after the column header: move it above the column header");
                }

                switch (key)
                {
                    case "note":
                        notes.Add(value);
                        break;
                    case "check":
                        checks.Add((lineNo, value));
                        break;
                    case "unique":
                        uniques.Add((lineNo, value));
                        break;
                    default:
                        if (!header.TryAdd(key, value))
                        {
                            throw new StandardsDataException(fileName, lineNo, $"header '{key}' given twice: keep one");
                        }

                        break;
                }

                continue;
            }

            string[] cells = line.Split('\t');
            if (columns is null)
            {
                columns = ParseColumns(fileName, lineNo, cells);
                continue;
            }

            if (cells.Length != columns.Count)
            {
                throw new StandardsDataException(fileName, lineNo, $"row has {cells.Length} tab-separated cells, the column header has {columns.Count}: fix the row (cells are separated by one tab)");
            }

            var row = new object[cells.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                row[c] = ParseCell(fileName, lineNo, columns[c], cells[c].Trim());
            }

            rows.Add(row);
            rowLines.Add(lineNo);
        }

        foreach (string key in RequiredKeys)
        {
            if (!header.TryGetValue(key, out string? v) || v.Length == 0)
            {
                throw new StandardsDataException(fileName, 1, $"header '# {key}: ...' is missing or empty: every table needs {string.Join(", ", RequiredKeys)}");
            }
        }

        if (!KnownConfidence.Contains(header["confidence"]))
        {
            throw new StandardsDataException(fileName, 1, $"confidence = {header["confidence"]}: allowed are V, 3P, M");
        }

        if (!IsIdentifier(header["class"]))
        {
            throw new StandardsDataException(fileName, 1, $"class = {header["class"]}: must be a C# identifier such as Gb24500Grate");
        }

        if (columns is null || rows.Count == 0)
        {
            throw new StandardsDataException(fileName, lines.Length, "no column header or no rows: a table needs a 'name:type' header line and at least one row");
        }

        var table = new DataTable
        {
            FileName = fileName,
            Header = header,
            Notes = notes,
            Columns = columns,
            Rows = rows,
            RowLines = rowLines,
        };
        foreach (var (line, rule) in checks)
        {
            table.ApplyCheck(line, rule);
        }

        foreach (var (line, rule) in uniques)
        {
            table.ApplyUnique(line, rule);
        }

        return table;
    }

    public int ColumnIndex(string name, int line)
    {
        int index = Columns.FindIndex(c => c.Name == name);
        if (index < 0)
        {
            throw new StandardsDataException(FileName, line, $"column '{name}' does not exist: known columns are {string.Join(", ", Columns.Select(c => c.Name))}");
        }

        return index;
    }

    private static List<Column> ParseColumns(string fileName, int lineNo, string[] cells)
    {
        var columns = new List<Column>();
        foreach (string raw in cells)
        {
            string cell = raw.Trim();
            int colon = cell.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new StandardsDataException(fileName, lineNo, $"column header cell '{cell}' has no type: write name:type (string, int, double, double?, interval)");
            }

            string name = cell[..colon];
            ColumnType type = cell[(colon + 1)..] switch
            {
                "string" => ColumnType.Text,
                "int" => ColumnType.WholeNumber,
                "double" => ColumnType.Number,
                "double?" => ColumnType.OptionalDouble,
                "interval" => ColumnType.Interval,
                var other => throw new StandardsDataException(fileName, lineNo, $"column '{name}' type = {other}: allowed are string, int, double, double?, interval"),
            };
            if (!name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') || !char.IsAsciiLetter(name[0]))
            {
                throw new StandardsDataException(fileName, lineNo, $"column name '{name}': use letters, digits and underscores, starting with a letter");
            }

            if (columns.Any(c => c.Name == name))
            {
                throw new StandardsDataException(fileName, lineNo, $"column '{name}' given twice");
            }

            columns.Add(new Column(name, type));
        }

        return columns;
    }

    private static object ParseCell(string fileName, int lineNo, Column column, string cell)
    {
        switch (column.Type)
        {
            case ColumnType.Text:
                if (cell.Length == 0)
                {
                    throw new StandardsDataException(fileName, lineNo, $"column '{column.Name}' is empty: write '-' for no value");
                }

                return cell;
            case ColumnType.WholeNumber:
                if (!int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i))
                {
                    throw new StandardsDataException(fileName, lineNo, $"column '{column.Name}' = '{cell}': not an integer");
                }

                return i;
            case ColumnType.Number:
                return ParseNumber(fileName, lineNo, column.Name, cell);
            case ColumnType.OptionalDouble:
                return cell == "-" ? double.NaN : ParseNumber(fileName, lineNo, column.Name, cell);
            case ColumnType.Interval:
                return ParseInterval(fileName, lineNo, column.Name, cell);
            default:
                throw new InvalidOperationException(column.Type.ToString());
        }
    }

    private static double ParseNumber(string fileName, int lineNo, string columnName, string cell)
    {
        if (!double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double d)
            || double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new StandardsDataException(fileName, lineNo, $"column '{columnName}' = '{cell}': not a number (use a decimal point, e.g. 0.57; '-' only in double? columns)");
        }

        return d;
    }

    private static Interval ParseInterval(string fileName, int lineNo, string columnName, string cell)
    {
        if (cell == "-")
        {
            return new Interval(false, double.NaN, false, double.NaN, false);
        }

        string problem = $"column '{columnName}' = '{cell}': write an interval such as [17700,21000], (21000,) or (0,20], or '-' for no condition";
        if (cell.Length < 3 || (cell[0] != '[' && cell[0] != '(') || (cell[^1] != ']' && cell[^1] != ')'))
        {
            throw new StandardsDataException(fileName, lineNo, problem);
        }

        string[] parts = cell[1..^1].Split(',');
        if (parts.Length != 2 || parts[0].Trim().Length == 0)
        {
            throw new StandardsDataException(fileName, lineNo, problem);
        }

        double min = ParseNumber(fileName, lineNo, columnName, parts[0].Trim());
        bool openTop = parts[1].Trim().Length == 0;
        double max = openTop ? double.PositiveInfinity : ParseNumber(fileName, lineNo, columnName, parts[1].Trim());
        if (openTop && cell[^1] != ')')
        {
            throw new StandardsDataException(fileName, lineNo, problem + " (an open upper end needs ')')");
        }

        if (max < min)
        {
            throw new StandardsDataException(fileName, lineNo, $"column '{columnName}' = '{cell}': upper end below lower end");
        }

        return new Interval(true, min, cell[0] == '[', max, cell[^1] == ']');
    }

    private void ApplyCheck(int line, string rule)
    {
        string[] words = rule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            throw new StandardsDataException(FileName, line, $"check '{rule}': write 'ascending c1 c2 ...', 'descending c1 c2 ...', 'sorted c', 'total TARGET TOLERANCE c1 c2 ...' or 'step c START STEP'");
        }

        // total and step carry numbers before/after the column names.
        int numbersBefore = words[0] == "total" ? 2 : 0;
        int numbersAfter = words[0] == "step" ? 2 : 0;
        if (words.Length < 2 + numbersBefore + numbersAfter)
        {
            throw new StandardsDataException(FileName, line, $"check '{rule}': too few words; write 'total TARGET TOLERANCE c1 c2 ...' or 'step c START STEP'");
        }

        int columnCount = words.Length - 1 - numbersBefore - numbersAfter;
        double[] numbers = words.Skip(1).Take(numbersBefore).Concat(words.Skip(words.Length - numbersAfter))
            .Select(w => ParseNumber(FileName, line, "check", w)).ToArray();
        int[] idx = words.Skip(1 + numbersBefore).Take(columnCount).Select(w => ColumnIndex(w, line)).ToArray();
        foreach (int i in idx)
        {
            if (Columns[i].Type is not (ColumnType.Number or ColumnType.OptionalDouble or ColumnType.WholeNumber))
            {
                throw new StandardsDataException(FileName, line, $"check '{rule}': column '{Columns[i].Name}' is not numeric");
            }
        }

        switch (words[0])
        {
            case "ascending":
            case "descending":
                bool up = words[0] == "ascending";
                for (int r = 0; r < Rows.Count; r++)
                {
                    double previous = double.NaN;
                    string previousName = string.Empty;
                    foreach (int i in idx)
                    {
                        double v = Convert.ToDouble(Rows[r][i], CultureInfo.InvariantCulture);
                        if (double.IsNaN(v))
                        {
                            continue;
                        }

                        if (!double.IsNaN(previous) && (up ? v < previous : v > previous))
                        {
                            throw new StandardsDataException(FileName, RowLines[r], $"{Columns[i].Name} = {v.ToString(CultureInfo.InvariantCulture)} breaks '{rule}' after {previousName} = {previous.ToString(CultureInfo.InvariantCulture)} (declared on line {line}): check the transcription");
                        }

                        previous = v;
                        previousName = Columns[i].Name;
                    }
                }

                break;
            case "sorted":
                for (int r = 1; r < Rows.Count; r++)
                {
                    double a = Convert.ToDouble(Rows[r - 1][idx[0]], CultureInfo.InvariantCulture);
                    double b = Convert.ToDouble(Rows[r][idx[0]], CultureInfo.InvariantCulture);
                    if (!(b > a))
                    {
                        throw new StandardsDataException(FileName, RowLines[r], $"{Columns[idx[0]].Name} = {b.ToString(CultureInfo.InvariantCulture)} is not above the previous row's {a.ToString(CultureInfo.InvariantCulture)} (rows must be strictly increasing, declared on line {line})");
                    }
                }

                break;
            case "total":
                // Composition rows: the named columns add up to TARGET within ±TOLERANCE (e.g. 100 ± 1 vol %).
                for (int r = 0; r < Rows.Count; r++)
                {
                    double sum = idx.Sum(i => Convert.ToDouble(Rows[r][i], CultureInfo.InvariantCulture));
                    if (double.IsNaN(sum) || Math.Abs(sum - numbers[0]) > numbers[1])
                    {
                        throw new StandardsDataException(FileName, RowLines[r], $"the columns of '{rule}' add up to {sum.ToString(CultureInfo.InvariantCulture)}, not {numbers[0].ToString(CultureInfo.InvariantCulture)} ± {numbers[1].ToString(CultureInfo.InvariantCulture)} (declared on line {line}): check the transcription");
                    }
                }

                break;
            case "step":
                // Equidistant rows (an engine that interpolates by row index relies on it): row i holds START + i·STEP.
                for (int r = 0; r < Rows.Count; r++)
                {
                    double v = Convert.ToDouble(Rows[r][idx[0]], CultureInfo.InvariantCulture);
                    double expected = numbers[0] + r * numbers[1];
                    if (v != expected)
                    {
                        throw new StandardsDataException(FileName, RowLines[r], $"{Columns[idx[0]].Name} = {v.ToString(CultureInfo.InvariantCulture)}, expected {expected.ToString(CultureInfo.InvariantCulture)} (rows must be START + i·STEP, declared on line {line})");
                    }
                }

                break;
            default:
                throw new StandardsDataException(FileName, line, $"check '{words[0]}': allowed are ascending, descending, sorted, total, step");
        }
    }

    private void ApplyUnique(int line, string rule)
    {
        int[] idx = rule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => ColumnIndex(w, line)).ToArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < Rows.Count; r++)
        {
            string key = string.Join("|", idx.Select(i => Convert.ToString(Rows[r][i], CultureInfo.InvariantCulture)));
            if (!seen.TryAdd(key, RowLines[r]))
            {
                throw new StandardsDataException(FileName, RowLines[r], $"duplicate row for ({rule}) = ({key.Replace("|", ", ", StringComparison.Ordinal)}), first on line {seen[key]}: remove one");
            }
        }
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && char.IsAsciiLetter(s[0]) && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');

    public static string ReadText(string path) => File.ReadAllText(path);
}
