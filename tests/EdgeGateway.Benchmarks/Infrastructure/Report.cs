using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EdgeGateway.Benchmarks.Infrastructure;

/// <summary>One ratio of the run: its name, value and what it means (which way is better).</summary>
internal sealed record RatioLine(string Section, string Name, double Value, string Meaning);

/// <summary>
/// Prints what the sections measured: aligned tables, one "RATIO name = x.xx  (meaning)" line per ratio (a fixed
/// format a script can grep), and at the end a summary table of every ratio of the run.
/// </summary>
internal sealed class Report
{
    private readonly List<RatioLine> ratios = new();

    public string CurrentSection { get; set; } = string.Empty;

    public IReadOnlyList<RatioLine> Ratios => ratios;

    public static string F(double value, int decimals = 1) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine("== " + title);
    }

    public static void Note(string text) => Console.WriteLine("   " + text);

    /// <summary>Prints a table; numeric-looking cells are right-aligned, text left-aligned.</summary>
    public static void Table(string[] header, IReadOnlyList<string[]> rows)
    {
        Console.Write(FormatTable(header, rows));
    }

    public static string FormatTable(string[] header, IReadOnlyList<string[]> rows)
    {
        int columns = header.Length;
        var width = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            width[c] = header[c].Length;
            foreach (string[] row in rows)
            {
                width[c] = Math.Max(width[c], c < row.Length ? row[c].Length : 0);
            }
        }

        var text = new StringBuilder();
        AppendRow(text, header, width, header: true);
        text.Append("   ");
        for (int c = 0; c < columns; c++)
        {
            text.Append(new string('-', width[c])).Append(c < columns - 1 ? "  " : string.Empty);
        }

        text.AppendLine();
        foreach (string[] row in rows)
        {
            AppendRow(text, row, width, header: false);
        }

        return text.ToString();
    }

    /// <summary>Records and prints one ratio.</summary>
    public void Ratio(string name, double value, string meaning)
    {
        ratios.Add(new RatioLine(CurrentSection, name, value, meaning));
        Console.WriteLine($"RATIO {name} = {FormatRatio(value)}  ({meaning})");
    }

    /// <summary>Two decimals; small non-zero ratios keep three significant digits instead of printing as 0.00.</summary>
    public static string FormatRatio(double value) =>
        value != 0 && Math.Abs(value) < 0.1 ? value.ToString("G3", CultureInfo.InvariantCulture) : value.ToString("F2", CultureInfo.InvariantCulture);

    public void PrintSummary(IReadOnlyList<(string Section, string Outcome)> sections)
    {
        Heading("summary");
        var rows = new List<string[]>();
        foreach (RatioLine r in ratios)
        {
            rows.Add(new[] { r.Section, r.Name, FormatRatio(r.Value), r.Meaning });
        }

        Table(new[] { "section", "ratio", "value", "meaning" }, rows);
        var outcomeRows = new List<string[]>();
        foreach (var (section, outcome) in sections)
        {
            outcomeRows.Add(new[] { section, outcome });
        }

        Console.WriteLine();
        Table(new[] { "section", "outcome" }, outcomeRows);
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] width, bool header)
    {
        text.Append("   ");
        for (int c = 0; c < width.Length; c++)
        {
            string cell = c < cells.Length ? cells[c] : string.Empty;
            bool last = c == width.Length - 1;
            if (!header && LooksNumeric(cell))
            {
                text.Append(cell.PadLeft(width[c]));
            }
            else
            {
                text.Append(last ? cell : cell.PadRight(width[c]));
            }

            if (!last)
            {
                text.Append("  ");
            }
        }

        text.AppendLine();
    }

    private static bool LooksNumeric(string cell)
    {
        if (cell.Length == 0)
        {
            return false;
        }

        foreach (char ch in cell)
        {
            if (!(char.IsDigit(ch) || ch == '.' || ch == ',' || ch == '-' || ch == '+' || ch == '%' || ch == ' ' || ch == 'x'))
            {
                return false;
            }
        }

        return char.IsDigit(cell[0]) || cell[0] == '-' || cell[0] == '+';
    }
}
