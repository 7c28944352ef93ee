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
            VerdictOutput.Write(o, v, VerdictField.Verdict, VerdictField.Covered);
            w.WriteStartObject("limits");
            o.Number("grade1Percent", r.Grade1LimitPercent);
            o.Number("grade2Percent", r.Grade2LimitPercent);
            o.Number("grade3Percent", r.Grade3LimitPercent);
            o.Text("grade1Rule", r.Grade1Rule);
            o.Text("grade2Rule", r.Grade2Rule);
            o.Text("grade3Rule", r.Grade3Rule);
            w.WriteEndObject();
            VerdictOutput.Write(o, v, VerdictField.Rule);
            VerdictOutput.Write(o, v, VerdictOutput.ProvenanceFields);
            o.Text("interpolationSource", r.InterpolationProvenance?.Source);
            o.Text("interpolationConfidence", r.InterpolationProvenance?.Confidence);
            VerdictOutput.Write(o, v, VerdictField.Pass, VerdictField.Margin, VerdictField.Basis, VerdictField.Note);
            o.Text("efficiencyBasis", basis);
            o.Number("ratedKw", ratedKw);
            w.WriteNumber("poles", poles);
            o.Number("efficiencyPercent", efficiencyPercent);
            w.WriteEndObject();
            o.PrintTo(console.Out);
        }
        else
        {
            var t = new TextTable()
                .Heading("Motor " + ratedKw.ToString("G6", CultureInfo.InvariantCulture) + " kW, " + poles + " poles, efficiency "
                    + efficiencyPercent.ToString("G6", CultureInfo.InvariantCulture) + " % (" + basis + ") - " + v.Standard);
            VerdictOutput.LabelRow(t, v)
                .Row("grade", r.Grade == 0 ? "-" : r.Grade.ToString(CultureInfo.InvariantCulture) + " (" + r.IeClass + ")")
                .Row("grade 1 (IE5) limit", r.Grade1LimitPercent, "F1", "%")
                .Row("grade 2 (IE4) limit", r.Grade2LimitPercent, "F1", "%")
                .Row("grade 3 (IE3) minimum", r.Grade3LimitPercent, "F1", "%");
            VerdictOutput.MarginRow(t, v, "margin over the minimum", "+0.0;-0.0")
                .PrintTo(console.Out);
            VerdictOutput.WriteExplanation(console.Out, v, withRule: true, withEditionAndClause: false);
        }

        return Program.ExitOk;
    }
}
