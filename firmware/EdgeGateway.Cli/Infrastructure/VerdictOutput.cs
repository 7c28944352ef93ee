using System;
using System.IO;
using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Cli.Infrastructure;

/// <summary>One field of a <see cref="Verdict"/> as the calc commands print it (JSON name fixed per member).</summary>
public enum VerdictField
{
    /// <summary>"standard": the descriptive name (<see cref="Verdict.Standard"/>).</summary>
    Standard,

    /// <summary>"standard": the short name the boiler contract fixes ("GB 24500-2020", "plan-2020"), see <see cref="VerdictOutput.ShortStandard"/>.</summary>
    ShortStandard,

    /// <summary>"standardName": the descriptive name, next to a <see cref="ShortStandard"/>.</summary>
    StandardName,

    /// <summary>"standardId".</summary>
    StandardId,

    /// <summary>"edition".</summary>
    Edition,

    /// <summary>"clause".</summary>
    Clause,

    /// <summary>"source".</summary>
    Source,

    /// <summary>"confidence": V, 3P or M.</summary>
    Confidence,

    /// <summary>"effective": the date the table took effect (from the provenance).</summary>
    Effective,

    /// <summary>"grade": 1 to 3, 0 = none.</summary>
    Grade,

    /// <summary>"gradeLabel": the human label.</summary>
    GradeLabel,

    /// <summary>"verdict": the human label under the name the motor and transformer contracts use.</summary>
    Verdict,

    /// <summary>"limitPercent".</summary>
    LimitPercent,

    /// <summary>"valuePercent".</summary>
    ValuePercent,

    /// <summary>"valueUnit".</summary>
    ValueUnit,

    /// <summary>"pass".</summary>
    Pass,

    /// <summary>"margin": points over the minimum.</summary>
    Margin,

    /// <summary>"basis": the sentence saying what was judged against what.</summary>
    Basis,

    /// <summary>"rule": how the limit was obtained.</summary>
    Rule,

    /// <summary>"covered".</summary>
    Covered,

    /// <summary>"note": the table's caveats.</summary>
    Note,
}

/// <summary>
/// Writes a <see cref="Verdict"/> the same way in every calc command, so an inspector reading motor, transformer or
/// boiler output finds the same provenance fields under the same names with the same formatting. The commands' JSON
/// documents are a contract with scripts and differ in field order and in which verdict fields they carry; each command
/// therefore passes its field list, and this class decides only how each field is written.
/// </summary>
public static class VerdictOutput
{
    /// <summary>Where a verdict's numbers come from: standard, edition, clause, source, confidence, effective date.</summary>
    public static readonly VerdictField[] ProvenanceFields =
    {
        VerdictField.Standard, VerdictField.StandardId, VerdictField.Edition, VerdictField.Clause,
        VerdictField.Source, VerdictField.Confidence, VerdictField.Effective,
    };

    /// <summary>Writes the given fields of <paramref name="v"/>, in the given order, into the current JSON object.</summary>
    public static void Write(JsonOutput o, Verdict v, params VerdictField[] fields)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (VerdictField field in fields)
        {
            WriteField(o, v, field);
        }
    }

    private static void WriteField(JsonOutput o, Verdict v, VerdictField field)
    {
        var w = o.Writer;
        switch (field)
        {
            case VerdictField.Standard: o.Text("standard", v.Standard); break;
            case VerdictField.ShortStandard: o.Text("standard", ShortStandard(v)); break;
            case VerdictField.StandardName: o.Text("standardName", v.Standard); break;
            case VerdictField.StandardId: o.Text("standardId", v.StandardId); break;
            case VerdictField.Edition: o.Text("edition", v.Edition); break;
            case VerdictField.Clause: o.Text("clause", v.Clause); break;
            case VerdictField.Source: o.Text("source", v.Source); break;
            case VerdictField.Confidence: o.Text("confidence", v.Confidence); break;
            case VerdictField.Effective: o.Text("effective", v.Provenance?.Effective); break;
            case VerdictField.Grade: w.WriteNumber("grade", v.Grade); break;
            case VerdictField.GradeLabel: o.Text("gradeLabel", v.GradeLabel); break;
            case VerdictField.Verdict: o.Text("verdict", v.GradeLabel); break;
            case VerdictField.LimitPercent: o.Number("limitPercent", v.LimitPercent); break;
            case VerdictField.ValuePercent: o.Number("valuePercent", v.ValuePercent); break;
            case VerdictField.ValueUnit: o.Text("valueUnit", v.ValueUnit); break;
            case VerdictField.Pass: w.WriteBoolean("pass", v.Pass); break;
            case VerdictField.Margin: o.Number("margin", v.MarginPoints); break;
            case VerdictField.Basis: o.Text("basis", v.Basis); break;
            case VerdictField.Rule: o.Text("rule", v.Rule); break;
            case VerdictField.Covered: w.WriteBoolean("covered", v.Covered); break;
            case VerdictField.Note: o.Text("note", v.Note); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "unknown verdict field");
        }
    }

    /// <summary>The short name of the standard ("GB 24500-2020", "plan-2020"); the descriptive name otherwise.</summary>
    public static string ShortStandard(Verdict v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.StandardId switch
        {
            "plan-2020" => "plan-2020",
            "gb24500-2020" => "GB 24500-2020",
            _ => v.Standard,
        };
    }

    /// <summary>The "verdict" row of a calc command's table: the grade label.</summary>
    public static TextTable LabelRow(TextTable table, Verdict v)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(v);
        return table.Row("verdict", v.GradeLabel);
    }

    /// <summary>A row with the margin over the minimum in points, in <paramref name="format"/>.</summary>
    public static TextTable MarginRow(TextTable table, Verdict v, string label, string format)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(v);
        return table.Row(label, v.MarginPoints, format, "points");
    }

    /// <summary>
    /// One line: "&lt;short standard&gt;: &lt;label&gt; - PASS|FAIL, limit x %, margin +y points", or "- NOT COVERED"
    /// without limit and margin.
    /// </summary>
    public static string Headline(Verdict v, string marginFormat)
    {
        ArgumentNullException.ThrowIfNull(v);
        return ShortStandard(v) + ": " + v.GradeLabel + (v.Covered ? (v.Pass ? " - PASS" : " - FAIL") : " - NOT COVERED")
            + (v.Covered ? ", limit " + TextTable.Format(v.LimitPercent, "G6") + " %, margin " + TextTable.Format(v.MarginPoints, marginFormat) + " points" : string.Empty);
    }

    /// <summary>
    /// The indented explanation under a verdict: the basis sentence, optionally the rule, and the source with its
    /// confidence (optionally followed by edition and clause).
    /// </summary>
    public static void WriteExplanation(TextWriter output, Verdict v, bool withRule, bool withEditionAndClause)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(v);
        output.WriteLine("  " + v.Basis);
        if (withRule)
        {
            output.WriteLine("  rule: " + v.Rule);
        }

        output.WriteLine("  source: " + v.Source + " [" + v.Confidence + "]"
            + (withEditionAndClause ? "; " + v.Edition + ", " + v.Clause : string.Empty));
    }
}
