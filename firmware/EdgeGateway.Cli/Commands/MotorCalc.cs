using System;
using System.Collections.Generic;
using System.Globalization;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Motors;
using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Cli.Commands;

/// <summary><c>egw calc motor</c>: GB 18613-2020 grade of a three-phase induction motor.</summary>
public static class MotorCalc
{
    private static readonly Dictionary<string, string> Options = EngineFields.Map(
        "ratedPowerKw", "--rated-kw", "poles", "--poles", "efficiencyPercent", "--efficiency-percent");

    private static readonly string[] Bases = { "rated", "measured" };

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(console);
        CommandLine line = CalcCommands.Options(args, "calc motor", "rated-kw", "poles", "efficiency-percent", "efficiency-basis", "json");
        double ratedKw = line.RequiredDouble("rated-kw", "rated output power in kW from the nameplate, e.g. 11");
        int poles = line.RequiredInt("poles", 1, 64);
        double efficiencyPercent = line.RequiredDouble("efficiency-percent", "nameplate efficiency in %, e.g. 92.0");
        string basis = line.Choice("efficiency-basis", Bases, "rated");
        bool json = line.Flag("json");
        line.RejectUnused();

        EfficiencySource source = basis == "measured" ? EfficiencySource.Measured : EfficiencySource.Rated;
        MotorGradeResult r;
        try
        {
            r = MotorGrading.Grade(ratedKw, poles, efficiencyPercent, source);
        }
        catch (InputException e)
        {
            throw EngineFields.ToOption(e, Options);
        }

        Verdict v = r.Verdict;
        if (json)
        {
            using var o = new JsonOutput();
            var w = o.Writer;
            w.WriteStartObject();
            w.WriteNumber("grade", r.Grade);
            o.Text("ieClass", r.IeClass);
            o.Number("minimumPercent", r.MinimumPercent);
            w.WriteBoolean("meetsMinimum", r.MeetsMinimum);
            w.WriteBoolean("obsolete", r.Obsolete);
            o.Text("verdict", v.GradeLabel);
            w.WriteBoolean("covered", r.Covered);
            w.WriteStartObject("limits");
            o.Number("grade1Percent", r.Grade1LimitPercent);
            o.Number("grade2Percent", r.Grade2LimitPercent);
            o.Number("grade3Percent", r.Grade3LimitPercent);
            o.Text("grade1Rule", r.Grade1Rule);
            o.Text("grade2Rule", r.Grade2Rule);
            o.Text("grade3Rule", r.Grade3Rule);
            w.WriteEndObject();
            o.Text("rule", v.Rule);
            o.Text("standard", v.Standard);
            o.Text("standardId", v.StandardId);
            o.Text("edition", v.Edition);
            o.Text("clause", v.Clause);
            o.Text("source", v.Source);
            o.Text("confidence", v.Confidence);
            o.Text("effective", r.Provenance?.Effective);
            o.Text("interpolationSource", r.InterpolationProvenance?.Source);
            o.Text("interpolationConfidence", r.InterpolationProvenance?.Confidence);
            w.WriteBoolean("pass", v.Pass);
            o.Number("margin", v.MarginPoints);
            o.Text("basis", v.Basis);
            o.Text("note", v.Note);
            o.Text("efficiencyBasis", basis);
            o.Number("ratedKw", ratedKw);
            w.WriteNumber("poles", poles);
            o.Number("efficiencyPercent", efficiencyPercent);
            w.WriteEndObject();
            o.PrintTo(console.Out);
        }
        else
        {
            new TextTable()
                .Heading("Motor " + ratedKw.ToString("G6", CultureInfo.InvariantCulture) + " kW, " + poles + " poles, efficiency "
                    + efficiencyPercent.ToString("G6", CultureInfo.InvariantCulture) + " % (" + basis + ") - " + v.Standard)
                .Row("verdict", v.GradeLabel)
                .Row("grade", r.Grade == 0 ? "-" : r.Grade.ToString(CultureInfo.InvariantCulture) + " (" + r.IeClass + ")")
                .Row("grade 1 (IE5) limit", r.Grade1LimitPercent, "F1", "%")
                .Row("grade 2 (IE4) limit", r.Grade2LimitPercent, "F1", "%")
                .Row("grade 3 (IE3) minimum", r.Grade3LimitPercent, "F1", "%")
                .Row("margin over the minimum", v.MarginPoints, "+0.0;-0.0", "points")
                .PrintTo(console.Out);
            console.Out.WriteLine("  " + v.Basis);
            console.Out.WriteLine("  rule: " + v.Rule);
            console.Out.WriteLine("  source: " + v.Source + " [" + v.Confidence + "]");
        }

        return Program.ExitOk;
    }
}
