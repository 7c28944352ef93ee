using System;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// <c>egw calc boiler --input case.json</c>: efficiency by the direct or indirect method, then the verdicts against
/// GB 24500-2020 and the 2020 plan. The GB grades are defined for the rated efficiency of the test report, so a
/// measured efficiency is judged as an indicator only, and the verdict says so (efficiencyBasis).
/// </summary>
public static class BoilerCalc
{
    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(console);
        CommandLine line = CalcCommands.Options(args, "calc boiler", "input", "json");
        string input = line.RequiredString("input", "the boiler case JSON file (see CALC.md), or - for stdin");
        bool json = line.Flag("json");
        line.RejectUnused();

        BoilerCase c = BoilerCase.Load(input, console.In);
        BoilerOutcome outcome;
        try
        {
            outcome = Evaluate(c);
        }
        catch (InputException e)
        {
            throw ToCaseField(e, c);
        }

        if (json)
        {
            WriteJson(c, outcome, console);
        }
        else
        {
            WriteText(c, outcome, console);
        }

        return Program.ExitOk;
    }

    public static BoilerOutcome Evaluate(BoilerCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var o = new BoilerOutcome();
        if (c.Method == "direct")
        {
            if (c.Type == "steam")
            {
                // The nameplate-aware overload also checks the heating value against the fuel and the flow against the rating,
                // so a unit slip is reported on the input the user got wrong.
                o.Steam = DirectMethod.Steam(c.Fuel, c.Measurements, c.RatedCapacityTphForLosses(), c.Condensing, null);
                o.EfficiencyPercent = o.Steam.EfficiencyPercent;
            }
            else
            {
                o.HotWater = DirectMethod.HotWater(c.Fuel, c.Measurements, c.RatedCapacityTphForLosses(), c.Condensing, null);
                o.EfficiencyPercent = o.HotWater.EfficiencyPercent;
            }
        }
        else if (c.Method == "indirect")
        {
            o.Indirect = c.FuelComposition == null
                ? IndirectMethod.Calculate(c.Fuel, c.Measurements, c.RatedCapacityTphForLosses())
                : IndirectMethod.Calculate(c.Fuel, c.Measurements, c.RatedCapacityTphForLosses(), c.FuelComposition);
            o.EfficiencyPercent = o.Indirect.EfficiencyPercent;
        }

        o.JudgedEfficiencyPercent = c.Basis == EfficiencySource.Rated ? c.RatedEfficiencyPercent : o.EfficiencyPercent;
        BoilerSpec spec = c.Spec();
        o.Gb = BoilerGrading.Grade(spec, o.JudgedEfficiencyPercent, c.Basis);
        o.Plan = BoilerPlanGrading.Grade(spec.Fuel, spec.Condensing, o.JudgedEfficiencyPercent, c.Basis);
        return o;
    }

    /// <summary>
    /// The engines name nameplate fields in their own vocabulary (ratedEvaporationTph, coalClass, efficiencyPercent);
    /// the user wrote a case file, so the message names the case file's path and, for a computed efficiency, says so.
    /// Measurement fields already come as "measurements.&lt;name&gt;".
    /// </summary>
    private static InputException ToCaseField(InputException e, BoilerCase c)
    {
        string? field = e.Field switch
        {
            "fuel" => "boiler.fuel",
            "combustion" => "boiler.combustion",
            "coalClass" => "boiler.coalClass",
            "ratedEvaporationTph" or "ratedCapacityTph" => "boiler.ratedCapacityTph",
            "ratedHeatOutputMw" or "ratedOutputMw" => "boiler.ratedHeatOutputMw",
            "netHeatingValueKjPerKg" => "boiler.designFuelLowerHeatingValueKjPerKg",
            "condensing" => "boiler.condensing",
            "efficiencyPercent" => c.Basis == EfficiencySource.Rated
                ? "boiler.ratedEfficiencyPercent"
                : "efficiencyPercent (computed by the " + c.Method + " method from the measurements)",
            _ => null,
        };
        return field == null ? e : new InputException(field, e.Value, e.Allowed);
    }

    private static void WriteJson(BoilerCase c, BoilerOutcome r, Console2 console)
    {
        using var o = new JsonOutput();
        var w = o.Writer;
        w.WriteStartObject();
        o.Text("method", c.Method ?? "none");
        o.Number("efficiencyPercent", c.Method == null ? null : r.EfficiencyPercent);
        if (r.Indirect != null)
        {
            w.WriteStartObject("losses");
            o.Number("q2", r.Indirect.Q2.Percent);
            o.Number("q3", r.Indirect.Q3.Percent);
            o.Number("q4", r.Indirect.Q4.Percent);
            o.Number("q5", r.Indirect.Q5.Percent);
            o.Number("q6", r.Indirect.Q6.Percent);
            w.WriteEndObject();
        }

        w.WriteStartArray("verdicts");
        WriteVerdict(o, r.Gb.Verdict, r.Gb.Limits);
        WriteVerdict(o, r.Plan, null);
        w.WriteEndArray();

        o.Text("efficiencyBasis", c.BasisName);
        o.Number("judgedEfficiencyPercent", r.JudgedEfficiencyPercent);
        w.WriteStartObject("boiler");
        o.Text("name", c.Name);
        o.Text("fuel", c.FuelName);
        o.Text("type", c.Type);
        o.Text("combustion", c.Combustion);
        o.Number("ratedCapacityTph", c.RatedCapacityTph);
        o.Number("ratedHeatOutputMw", c.RatedHeatOutputMw);
        w.WriteBoolean("condensing", c.Condensing);
        o.Text("coalClass", c.CoalClass);
        o.Number("designFuelLowerHeatingValueKjPerKg", c.DesignFuelLowerHeatingValueKjPerKg);
        o.Number("ratedEfficiencyPercent", c.RatedEfficiencyPercent);
        w.WriteEndObject();

        w.WriteStartObject("explain");
        if (r.Steam != null)
        {
            SteamDirectResult s = r.Steam;
            o.Text("formula", s.Formula);
            o.Number("steamEnthalpyKjPerKg", s.SteamEnthalpyKjPerKg);
            o.Number("feedwaterEnthalpyKjPerKg", s.FeedwaterEnthalpyKjPerKg);
            o.Number("blowdownEnthalpyKjPerKg", s.BlowdownEnthalpyKjPerKg);
            o.Number("saturationTemperatureC", s.SaturationTemperatureC);
            o.Text("steamState", s.SteamState);
            o.Number("usefulHeatKw", s.UsefulHeatKw);
            o.Number("fuelHeatInputKw", s.FuelHeatInputKw);
            o.Text("heatInputRoute", s.HeatInputRoute);
            o.Text("notes", s.Notes);
        }

        if (r.HotWater != null)
        {
            HotWaterDirectResult h = r.HotWater;
            o.Text("formula", h.Formula);
            o.Number("supplyEnthalpyKjPerKg", h.SupplyEnthalpyKjPerKg);
            o.Number("returnEnthalpyKjPerKg", h.ReturnEnthalpyKjPerKg);
            o.Number("waterPressureMpaAbs", h.WaterPressureMpaAbs);
            o.Number("usefulHeatKw", h.UsefulHeatKw);
            o.Number("fuelHeatInputKw", h.FuelHeatInputKw);
            o.Text("usefulHeatRoute", h.UsefulHeatRoute);
            o.Text("heatInputRoute", h.HeatInputRoute);
            o.Text("notes", h.Notes);
        }

        if (r.Indirect != null)
        {
            IndirectResult i = r.Indirect;
            o.Text("formula", "η = 100 − (q2 + q3 + q4 + q5 + q6)");
            o.Number("sumOfLossesPercent", i.SumOfLossesPercent);
            o.Number("excessAirCoefficient", i.ExcessAirCoefficient);
            o.Text("excessAirFormula", i.ExcessAirFormula);
            o.Number("ro2PercentDryEstimated", i.Ro2PercentDryEstimated);
            o.Number("dryFlueGasVolume", i.DryFlueGasVolume);
            o.Text("flueGasVolumeBasis", i.FlueGasVolumeBasis);
            o.Text("compositionSource", i.CompositionSource);
            o.Text("compositionConfidence", i.CompositionConfidence);
            o.Number("loadTph", i.LoadTph);
            o.Number("ratedCapacityTph", i.RatedCapacityTph);
            o.Number("mendeleevLowerHeatingValueKjPerKg", i.MendeleevLowerHeatingValueKjPerKg);
            o.Text("notes", i.Notes);
            w.WriteStartObject("lossTerms");
            foreach (LossTerm t in new[] { i.Q2, i.Q3, i.Q4, i.Q5, i.Q6 })
            {
                w.WriteStartObject(t.Name);
                o.Number("percent", t.Percent);
                o.Text("formula", t.Formula);
                o.Text("source", t.Source);
                o.Text("confidence", t.Confidence);
                o.Text("note", t.Note);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        o.PrintTo(console.Out);
    }

    /// <summary>
    /// One verdict. "standard" is the short name the contract fixes ("GB 24500-2020", "plan-2020"); the full title is
    /// in "standardName". The order is the boiler contract's (it differs from motor and transformer).
    /// </summary>
    private static readonly VerdictField[] VerdictFields =
    {
        VerdictField.ShortStandard, VerdictField.Grade, VerdictField.LimitPercent, VerdictField.Pass, VerdictField.Source,
        VerdictField.Confidence, VerdictField.Margin, VerdictField.Clause, VerdictField.Edition, VerdictField.Basis,
        VerdictField.Covered, VerdictField.StandardId, VerdictField.StandardName, VerdictField.GradeLabel,
        VerdictField.ValuePercent, VerdictField.ValueUnit, VerdictField.Rule, VerdictField.Effective, VerdictField.Note,
    };

    internal static void WriteVerdict(JsonOutput o, Verdict v, BoilerLimits? limits)
    {
        var w = o.Writer;
        w.WriteStartObject();
        VerdictOutput.Write(o, v, VerdictFields);
        if (limits != null)
        {
            w.WriteStartObject("limits");
            o.Number("grade1Percent", limits.Grade1Percent);
            o.Number("grade2Percent", limits.Grade2Percent);
            o.Number("grade3Percent", limits.Grade3Percent);
            o.Text("row", limits.Row);
            o.Text("reason", limits.Reason);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteText(BoilerCase c, BoilerOutcome r, Console2 console)
    {
        var t = new TextTable();
        t.Heading("Boiler: " + (c.Name ?? c.FuelName + " " + c.Type) + " - " + c.FuelName + ", " + c.Type
            + (c.Combustion != null ? ", " + c.Combustion : string.Empty) + (c.Condensing ? ", condensing" : string.Empty)
            + (!double.IsNaN(c.RatedCapacityTph) ? ", " + TextTable.Format(c.RatedCapacityTph, "G6") + " t/h" : string.Empty)
            + (!double.IsNaN(c.RatedHeatOutputMw) ? ", " + TextTable.Format(c.RatedHeatOutputMw, "G6") + " MW" : string.Empty));
        if (c.Method != null)
        {
            t.Row("method", c.Method);
            t.Row("efficiency", r.EfficiencyPercent, "F2", "%");
        }

        if (r.Steam != null)
        {
            t.Row("steam enthalpy", r.Steam.SteamEnthalpyKjPerKg, "F2", "kJ/kg (" + r.Steam.SteamState + ")");
            t.Row("feedwater enthalpy", r.Steam.FeedwaterEnthalpyKjPerKg, "F2", "kJ/kg");
            t.Row("useful heat", r.Steam.UsefulHeatKw, "F1", "kW");
            t.Row("fuel heat input", r.Steam.FuelHeatInputKw, "F1", "kW");
        }

        if (r.HotWater != null)
        {
            t.Row("useful heat", r.HotWater.UsefulHeatKw, "F1", "kW");
            t.Row("fuel heat input", r.HotWater.FuelHeatInputKw, "F1", "kW");
        }

        if (r.Indirect != null)
        {
            foreach (LossTerm q in new[] { r.Indirect.Q2, r.Indirect.Q3, r.Indirect.Q4, r.Indirect.Q5, r.Indirect.Q6 })
            {
                t.Row("loss " + q.Name, q.Percent, "F2", "%");
            }

            t.Row("excess air coefficient", r.Indirect.ExcessAirCoefficient, "F3");
        }

        t.Row("judged efficiency", r.JudgedEfficiencyPercent, "F2", "% (" + c.BasisName + ")");
        t.PrintTo(console.Out);
        foreach (Verdict v in new[] { r.Gb.Verdict, r.Plan })
        {
            console.Out.WriteLine();
            console.Out.WriteLine(VerdictOutput.Headline(v, "+0.00;-0.00"));
            VerdictOutput.WriteExplanation(console.Out, v, withRule: false, withEditionAndClause: true);
        }
    }
}

/// <summary>What one boiler case produced.</summary>
public sealed class BoilerOutcome
{
    public double EfficiencyPercent { get; set; } = double.NaN;

    public double JudgedEfficiencyPercent { get; set; } = double.NaN;

    public SteamDirectResult? Steam { get; set; }

    public HotWaterDirectResult? HotWater { get; set; }

    public IndirectResult? Indirect { get; set; }

    public BoilerGradeResult Gb { get; set; } = null!;

    public Verdict Plan { get; set; } = null!;
}
