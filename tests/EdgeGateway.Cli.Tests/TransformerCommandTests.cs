using System;
using System.Text.Json;

namespace EdgeGateway.Cli.Tests;

/// <summary>
/// egw calc transformer against the GB 20052 10 kV tables (400 kVA oil, silicon steel: P0 0.33/0.37/0.41,
/// Pk 3.25/3.615/4.52 kW; amorphous Pk 3.66/3.865/4.52; dry 630 kVA F: P0 0.775/0.91/1.07, Pk 5.29/5.29/5.88;
/// H: Pk 5.66/5.66/6.29) and η = βS·cosφ/(βS·cosφ + P0 + β²Pk), β_opt = √(P0/Pk).
/// </summary>
public class TransformerCommandTests
{
    private static JsonElement Transformer(params string[] options)
    {
        var args = new System.Collections.Generic.List<string> { "calc", "transformer" };
        args.AddRange(options);
        args.Add("--json");
        return Egw.Run(args.ToArray()).Json();
    }

    private static JsonElement Oil400(string p0, string pk, params string[] extra)
    {
        var o = new System.Collections.Generic.List<string> { "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", p0, "--load-loss-kw", pk };
        o.AddRange(extra);
        return Transformer(o.ToArray());
    }

    [Fact]
    public void Issue_example_400kVA_oil_at_grade_3_limits_is_grade_3()
    {
        JsonElement j = Oil400("0.41", "4.52");
        Assert.Equal(3, (int)j.Num("grade"));
        Assert.True(j.Bool("meetsMinimum"));
        Assert.False(j.Bool("highLoss"));
        JsonElement limits = j.GetProperty("limits");
        Assert.Equal(0.33, limits.GetProperty("noLoadLossKw").Num("grade1"), 6);
        Assert.Equal(0.37, limits.GetProperty("noLoadLossKw").Num("grade2"), 6);
        Assert.Equal(0.41, limits.GetProperty("noLoadLossKw").Num("grade3"), 6);
        Assert.Equal(3.25, limits.GetProperty("loadLossKw").Num("grade1"), 6);
        Assert.Equal(3.615, limits.GetProperty("loadLossKw").Num("grade2"), 6);
        Assert.Equal(4.52, limits.GetProperty("loadLossKw").Num("grade3"), 6);
        Assert.StartsWith("GB 20052", j.Str("standard"), StringComparison.Ordinal);
        Assert.Equal("3P", j.Str("confidence"));
        Assert.False(string.IsNullOrWhiteSpace(j.Str("source")));
        Assert.Equal(Math.Sqrt(0.41 / 4.52), j.Num("optimalLoadFactor"), 9);
    }

    [Theory]
    [InlineData("0.33", "3.25", 1)]
    [InlineData("0.36", "3.6", 2)]
    [InlineData("0.36", "4.0", 3)] // P0 within grade 2, Pk only within grade 3: both must be within a grade
    public void Grades_need_both_losses_within_the_limits(string p0, string pk, int grade)
    {
        JsonElement j = Oil400(p0, pk);
        Assert.Equal(grade, (int)j.Num("grade"));
        Assert.False(j.Bool("highLoss"));
    }

    [Theory]
    [InlineData("0.57", "4.52")] // an S11 400 kVA: fails on P0 alone
    [InlineData("0.41", "4.60")] // Pk above grade 3
    public void Either_loss_above_grade_3_is_high_loss(string p0, string pk)
    {
        JsonElement j = Oil400(p0, pk);
        Assert.True(j.Bool("highLoss"));
        Assert.False(j.Bool("meetsMinimum"));
        Assert.Equal(0, (int)j.Num("grade"));
    }

    [Fact]
    public void Efficiency_at_a_given_load_and_power_factor()
    {
        JsonElement j = Oil400("0.41", "4.52", "--load-factor", "0.5", "--power-factor", "0.9");
        double output = 0.5 * 400 * 0.9;
        double expected = output / (output + 0.41 + 0.25 * 4.52) * 100;
        Assert.Equal(expected, j.Num("efficiencyPercent"), 9);
        Assert.Equal(0.41 + 0.25 * 4.52, j.Num("lossesAtLoadKw"), 9);
    }

    [Fact]
    public void Without_a_load_there_is_no_efficiency_figure()
    {
        JsonElement j = Oil400("0.41", "4.52");
        Assert.Equal(JsonValueKind.Null, j.GetProperty("efficiencyPercent").ValueKind);
    }

    [Fact]
    public void Amorphous_core_uses_its_own_load_loss_limits()
    {
        // Pk 3.66 is within the amorphous grade-1 limit; against the silicon-steel limits (3.25/3.615/4.52) it would be grade 3.
        JsonElement amorphous = Transformer("--kind", "oil", "--core", "amorphous", "--rated-kva", "400", "--no-load-loss-kw", "0.16", "--load-loss-kw", "3.66");
        Assert.Equal(1, (int)amorphous.Num("grade"));
        Assert.Equal(3.66, amorphous.GetProperty("limits").GetProperty("loadLossKw").Num("grade1"), 6);
    }

    [Fact]
    public void Dry_type_insulation_class_changes_the_load_loss_limit()
    {
        string[] unit = { "--kind", "dry", "--core", "silicon-steel", "--rated-kva", "630", "--no-load-loss-kw", "1.0", "--load-loss-kw", "6.0" };
        JsonElement classF = Transformer(unit);
        JsonElement classH = Transformer(Concat(unit, "--insulation-class", "H"));
        Assert.True(classF.Bool("highLoss"));   // 6.0 > 5.88 (F, grade 3)
        Assert.False(classH.Bool("highLoss"));  // 6.0 <= 6.29 (H, grade 3)
        Assert.Equal(3, (int)classH.Num("grade"));
        Assert.Equal(6.29, classH.GetProperty("limits").GetProperty("loadLossKw").Num("grade3"), 6);
        Assert.Equal("F", classF.Str("insulationClass"));
    }

    [Fact]
    public void Rating_without_a_table_row_is_not_covered()
    {
        JsonElement j = Oil400("0.41", "4.52");
        Assert.True(j.Bool("covered"));
        JsonElement odd = Transformer("--kind", "oil", "--core", "silicon-steel", "--rated-kva", "450", "--no-load-loss-kw", "0.41", "--load-loss-kw", "4.52");
        Assert.False(odd.Bool("covered"));
        Assert.False(odd.Bool("highLoss"));
    }

    [Fact]
    public void A_35kV_unit_is_not_covered_by_the_10kV_table()
    {
        JsonElement j = Oil400("0.41", "4.52", "--voltage-kv", "35");
        Assert.False(j.Bool("covered"));
    }

    [Fact]
    public void Text_output_says_high_loss()
    {
        EgwResult r = Egw.Run("calc", "transformer", "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", "0.57", "--load-loss-kw", "4.52");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("high-loss", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("yes", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--kind", "gas", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", "0.41", "--load-loss-kw", "4.52" }, "--kind = gas")]
    [InlineData(new[] { "--kind", "oil", "--core", "ferrite", "--rated-kva", "400", "--no-load-loss-kw", "0.41", "--load-loss-kw", "4.52" }, "--core = ferrite")]
    [InlineData(new[] { "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", "-0.41", "--load-loss-kw", "4.52" }, "--no-load-loss-kw = -0.41")]
    [InlineData(new[] { "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "-400", "--no-load-loss-kw", "0.41", "--load-loss-kw", "4.52" }, "--rated-kva = -400")]
    [InlineData(new[] { "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", "0.41", "--load-loss-kw", "4.52", "--insulation-class", "H" }, "--insulation-class = H")]
    [InlineData(new[] { "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", "0.41", "--load-loss-kw", "4.52", "--load-factor", "0.5" }, "--power-factor = missing")]
    [InlineData(new[] { "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", "0.41", "--load-loss-kw", "4.52", "--load-factor", "3", "--power-factor", "0.9" }, "--load-factor = 3")]
    [InlineData(new[] { "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", "0.41", "--load-loss-kw", "4.52", "--load-factor", "0.5", "--power-factor", "1.2" }, "--power-factor = 1.2")]
    [InlineData(new[] { "--kind", "oil", "--core", "silicon-steel", "--rated-kva", "400", "--no-load-loss-kw", "0.41" }, "--load-loss-kw = missing")]
    public void Bad_input_names_the_option_and_value(string[] options, string expected)
    {
        var args = new System.Collections.Generic.List<string> { "calc", "transformer" };
        args.AddRange(options);
        args.Add("--json");
        string line = Egw.Run(args.ToArray()).BadInputLine();
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private static string[] Concat(string[] a, params string[] b)
    {
        var all = new string[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }
}
