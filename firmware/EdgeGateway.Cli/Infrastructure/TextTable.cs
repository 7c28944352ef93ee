using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace EdgeGateway.Cli.Infrastructure;

/// <summary>
/// The readable output of a calc command: one "label  value  unit" row per quantity, columns aligned, numbers in
/// invariant culture so a technician's locale never turns 1.5 into 1,5.
/// </summary>
public sealed class TextTable
{
    private readonly List<string[]> rows = new();

    public TextTable Row(string label, string value, string unit = "")
    {
        rows.Add(new[] { label, value, unit });
        return this;
    }

    public TextTable Row(string label, double value, string format, string unit = "")
    {
        return Row(label, Format(value, format), unit);
    }

    /// <summary>A heading line between groups of rows (printed as is, not aligned).</summary>
    public TextTable Heading(string text)
    {
        rows.Add(new[] { text });
        return this;
    }

    public static string Format(double value, string format)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "-";
        }

        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public void PrintTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int labelWidth = 0;
        int valueWidth = 0;
        foreach (string[] r in rows)
        {
            if (r.Length == 3)
            {
                labelWidth = Math.Max(labelWidth, r[0].Length);
                valueWidth = Math.Max(valueWidth, r[1].Length);
            }
        }

        var sb = new StringBuilder();
        foreach (string[] r in rows)
        {
            if (r.Length == 1)
            {
                sb.Append(r[0]).Append('\n');
                continue;
            }

            // Numbers right-aligned so decimal points of same-format values line up; text values left-aligned.
            bool numeric = r[1].Length > 0 && (char.IsDigit(r[1][0]) || r[1][0] == '-');
            string line = r[0].PadRight(labelWidth) + "  "
                + (numeric ? r[1].PadLeft(valueWidth) : r[1].PadRight(valueWidth))
                + (r[2].Length > 0 ? "  " + r[2] : string.Empty);
            sb.Append(line.TrimEnd()).Append('\n');
        }

        output.Write(sb.ToString());
    }
}
