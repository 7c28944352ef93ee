using System;
using System.Collections.Generic;
using System.Globalization;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Transformers;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// <c>egw calc transformer</c>: GB 20052 grade from nameplate losses, the high-loss flag, and the efficiency at a
/// given load (η = β·S·cosφ / (β·S·cosφ + P0 + β²·Pk)) with the optimal load factor √(P0/Pk).
/// </summary>
public static class TransformerCalc
{
    private static readonly Dictionary<string, string> Options = EngineFields.Map(
        "kind", "--kind", "core", "--core", "insulation", "--insulation-class", "ratedKva", "--rated-kva",
        "noLoadLossKw", "--no-load-loss-kw", "loadLossKw", "--load-loss-kw", "loadFactor", "--load-factor",
        "powerFactor", "--power-factor", "voltageKv", "--voltage-kv");

    private static readonly string[] Kinds = { "oil", "dry" };
    private static readonly string[] Cores = { "silicon-steel", "amorphous" };
    private static readonly string[] InsulationClasses = { "B", "F", "H" };

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(console);
        CommandLine line = CalcCommands.Options(args, "calc transformer", "kind", "core", "rated-kva", "no-load-loss-kw", "load-loss-kw", "insulation-class", "voltage-kv", "load-factor", "power-factor", "json");
        string kind = line.Choice("kind", Kinds, null);
        string core = line.Choice("core", Cores, null);
        double ratedKva = line.RequiredDouble("rated-kva", "rated capacity in kVA, e.g. 400");
        double noLoadLossKw = line.RequiredDouble("no-load-loss-kw", "nameplate no-load loss P0 in kW, e.g. 0.41");
        double loadLossKw = line.RequiredDouble("load-loss-kw", "nameplate load loss Pk in kW, e.g. 4.52");
        string? insulation = line.Has("insulation-class") ? line.Choice("insulation-class", InsulationClasses, null) : null;
        if (insulation != null && kind == "oil")
        {
            throw new InputException("--insulation-class", insulation, "applies to dry-type units only (--kind dry); leave it out for oil-immersed units");
        }

        double voltageKv = line.OptionalDouble("voltage-kv", TransformerGrading.DefaultVoltageKv, "rated high-voltage side in kV; the tables cover 10 kV");
        bool hasLoad = line.Has("load-factor");
        bool hasPowerFactor = line.Has("power-factor");
        if (hasLoad != hasPowerFactor)
        {
            throw new InputException(hasLoad ? "--power-factor" : "--load-factor", "missing",
                "give --load-factor (S2/S_N, 0 to 2) and --power-factor (cos phi, above 0 to 1) together, or neither");
        }

        double loadFactor = hasLoad ? line.RequiredDouble("load-factor", "load factor S2/S_N, 0 to 2") : double.NaN;
        double powerFactor = hasPowerFactor ? line.RequiredDouble("power-factor", "power factor cos phi, above 0 to 1") : double.NaN;
        bool json = line.Flag("json");
        line.RejectUnused();

        TransformerKind k = kind == "oil" ? TransformerKind.OilImmersed : TransformerKind.Dry;
        TransformerCore c = core == "amorphous" ? TransformerCore.Amorphous : TransformerCore.SiliconSteel;
        DryInsulationClass ins = insulation switch
        {
            "B" => DryInsulationClass.B,
            "H" => DryInsulationClass.H,
            _ => DryInsulationClass.F,
        };

        TransformerGradeResult r;
        double efficiencyPercent = double.NaN;
        double lossesAtLoadKw = double.NaN;
        double optimalLoadFactor;
        try
        {
            r = TransformerGrading.Grade(k, c, ratedKva, noLoadLossKw, loadLossKw, ins, voltageKv);
            optimalLoadFactor = TransformerEfficiency.OptimalLoadFactor(noLoadLossKw, loadLossKw);
            if (hasLoad)
            {
                efficiencyPercent = TransformerEfficiency.EfficiencyPercent(ratedKva, noLoadLossKw, loadLossKw, loadFactor, powerFactor);
                lossesAtLoadKw = TransformerEfficiency.LossesKw(noLoadLossKw, loadLossKw, loadFactor);
            }
        }
        catch (InputException e)
        {
            throw EngineFields.ToOption(e, Options);
        }

        Verdict v = r.Verdict;
        TransformerLimits limits = r.Limits;
        if (json)
        {
            using var o = new JsonOutput();
            var w = o.Writer;
            w.WriteStartObject();
            w.WriteNumber("grade", r.Grade);
            w.WriteBoolean("meetsMinimum", r.MeetsMinimum);
            w.WriteBoolean("highLoss", r.HighLoss);
            VerdictOutput.Write(o, v, VerdictField.Covered, VerdictField.Verdict);
            w.WriteStartObject("limits");
            WriteTriple(o, "noLoadLossKw", limits?.NoLoadLossLimitsKw);
            WriteTriple(o, "loadLossKw", limits?.LoadLossLimitsKw);
            o.Text("row", limits?.Row);
            o.Text("reason", limits?.Reason);
            w.WriteEndObject();
            o.Number("efficiencyPercent", efficiencyPercent);
            o.Number("lossesAtLoadKw", lossesAtLoadKw);
            o.Number("loadFactor", loadFactor);
            o.Number("powerFactor", powerFactor);
            o.Number("optimalLoadFactor", optimalLoadFactor);
            VerdictOutput.Write(o, v, VerdictOutput.ProvenanceFields);
            VerdictOutput.Write(o, v, VerdictField.Pass, VerdictField.ValuePercent, VerdictField.ValueUnit, VerdictField.Margin,
                VerdictField.Basis, VerdictField.Rule, VerdictField.Note);
            o.Text("kind", kind);
            o.Text("core", core);
            o.Text("insulationClass", kind == "dry" ? insulation ?? "F" : null);
            o.Number("voltageKv", voltageKv);
            o.Number("ratedKva", ratedKva);
            o.Number("noLoadLossKw", noLoadLossKw);
            o.Number("loadLossKw", loadLossKw);
            w.WriteEndObject();
            o.PrintTo(console.Out);
        }
        else
        {
            var t = new TextTable()
                .Heading("Transformer " + ratedKva.ToString("G6", CultureInfo.InvariantCulture) + " kVA, " + kind + ", " + core
                    + (kind == "dry" ? ", insulation class " + (insulation ?? "F") : string.Empty) + " - " + v.Standard);
            VerdictOutput.LabelRow(t, v)
                .Row("high-loss", r.HighLoss ? "yes" : "no")
                .Row("no-load loss P0", noLoadLossKw, "G6", "kW (limits " + Triple(limits?.NoLoadLossLimitsKw) + " kW, grade 1/2/3)")
                .Row("load loss Pk", loadLossKw, "G6", "kW (limits " + Triple(limits?.LoadLossLimitsKw) + " kW, grade 1/2/3)")
                .Row("optimal load factor", optimalLoadFactor, "F3");
            if (hasLoad)
            {
                t.Row("efficiency", efficiencyPercent, "F3", "% at load factor " + loadFactor.ToString("G4", CultureInfo.InvariantCulture)
                    + ", cos phi " + powerFactor.ToString("G4", CultureInfo.InvariantCulture));
            }

            t.PrintTo(console.Out);
            VerdictOutput.WriteExplanation(console.Out, v, withRule: false, withEditionAndClause: false);
        }

        return Program.ExitOk;
    }

    private static void WriteTriple(JsonOutput o, string name, double[]? values)
    {
        o.Writer.WriteStartObject(name);
        o.Number("grade1", values != null && values.Length > 0 ? values[0] : double.NaN);
        o.Number("grade2", values != null && values.Length > 1 ? values[1] : double.NaN);
        o.Number("grade3", values != null && values.Length > 2 ? values[2] : double.NaN);
        o.Writer.WriteEndObject();
    }

    private static string Triple(double[]? values)
    {
        if (values == null || values.Length < 3)
        {
            return "-";
        }

        return TextTable.Format(values[0], "G4") + "/" + TextTable.Format(values[1], "G4") + "/" + TextTable.Format(values[2], "G4");
    }
}
