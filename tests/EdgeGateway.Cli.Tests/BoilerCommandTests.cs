using System;
using System.Text.Json;

namespace EdgeGateway.Cli.Tests;

/// <summary>
/// egw calc boiler: the sample cases, every verdict path (pass, fail, not covered; measured vs rated basis) and the
/// JSON contract. Expected values come from printed steam tables (Cengel &amp; Boles ), the Siegert formula
/// (1. BImSchV, natural gas A = 0.66, B = 0.009), the q4/q5 formulas of the standards notes and the GB 24500-2020
/// limits (natural gas 96/94/92, condensing 103/101/98, grate bituminous II ≤ 20 t/h 85/82/80; plan 80 coal / 92 gas).
/// </summary>
public class BoilerCommandTests
{
    private static JsonElement RunCase(string json) => Egw.Run("calc", "boiler", "--input", Egw.TempCase(json), "--json").Json();

    private static JsonElement Verdict(JsonElement result, string standard)
    {
        foreach (JsonElement v in result.GetProperty("verdicts").EnumerateArray())
        {
            if (v.Str("standard") == standard)
            {
                return v;
            }
        }

        throw new Xunit.Sdk.XunitException("no verdict for " + standard + " in " + result);
    }

    private static void AssertVerdictFields(JsonElement v)
    {
        foreach (string name in new[] { "standard", "grade", "limitPercent", "pass", "source", "confidence", "margin", "clause", "edition", "basis", "covered" })
        {
            Assert.True(v.TryGetProperty(name, out _), "verdict lacks '" + name + "': " + v);
        }
    }

    // ---------- sample files ----------

    [Fact]
    public void Sample_gas_steam_boiler_direct_method()
    {
        JsonElement j = Egw.Run("calc", "boiler", "--input", Egw.Sample("gas-steam-direct.json"), "--json").Json();
        Assert.Equal("direct", j.Str("method"));
        // h'' at 1.1 MPa = 2780.7 kJ/kg (saturated vapour); feedwater 20 °C compressed to 1.1 MPa ≈ 83.9 + 1.1 = 85.0 kJ/kg.
        double expected = 3600 * (2780.7 - 85.0) / (292 * 35588.0) * 100;
        Assert.Equal(expected, j.Num("efficiencyPercent"), 1);
        Assert.InRange(j.Num("efficiencyPercent"), expected - 0.05, expected + 0.05);
        Assert.False(j.TryGetProperty("losses", out _), "the direct method has no loss breakdown");
        JsonElement explain = j.GetProperty("explain");
        Assert.InRange(explain.Num("steamEnthalpyKjPerKg"), 2780.4, 2781.0);
        Assert.InRange(explain.Num("feedwaterEnthalpyKjPerKg"), 83.9, 85.2);

        JsonElement gb = Verdict(j, "GB 24500-2020");
        AssertVerdictFields(gb);
        Assert.Equal(3, (int)gb.Num("grade"));
        Assert.Equal(92.0, gb.Num("limitPercent"), 6);
        Assert.True(gb.Bool("pass"));
        Assert.True(gb.Bool("covered"));
        Assert.Equal(j.Num("efficiencyPercent") - 92.0, gb.Num("margin"), 9);
        Assert.Equal("3P", gb.Str("confidence"));
        Assert.Contains("indicator", gb.Str("basis"), StringComparison.Ordinal); // measured, not the rated value

        JsonElement plan = Verdict(j, "plan-2020");
        AssertVerdictFields(plan);
        Assert.Equal(92.0, plan.Num("limitPercent"), 6);
        Assert.True(plan.Bool("pass"));
    }

    [Fact]
    public void Sample_coal_grate_boiler_indirect_method()
    {
        JsonElement j = Egw.Run("calc", "boiler", "--input", Egw.Sample("coal-grate-indirect.json"), "--json").Json();
        Assert.Equal("indirect", j.Str("method"));
        JsonElement q = j.GetProperty("losses");
        double sum = q.Num("q2") + q.Num("q3") + q.Num("q4") + q.Num("q5") + q.Num("q6");
        Assert.Equal(100 - sum, j.Num("efficiencyPercent"), 9);

        // q4 = 328.66·A/Q·Σ a·C/(100 − C): slag 80 % at 12 % carbon, fly ash 20 % at 25 %.
        double q4 = 328.66 * 25.6 / 20000 * (80 * 12 / 88.0 + 20 * 25 / 75.0);
        Assert.Equal(q4, q.Num("q4"), 3);
        // q5 = 5.82·D_rated^−0.38·D_rated/D, 10 t/h rated, 9 t/h load.
        Assert.Equal(5.82 * Math.Pow(10, -0.38) * 10 / 9, q.Num("q5"), 3);
        // q6 with textbook ash enthalpies (≈ 560 kJ/kg at 600 °C, ≈ 134 kJ/kg at 160 °C).
        double q6 = 25.6 * (80 * 560 / 88.0 + 20 * 134 / 75.0) / 20000;
        Assert.InRange(q.Num("q6"), q6 - 0.05, q6 + 0.05);
        Assert.True(q.Num("q3") > 0, "150 ppm CO gives a (small) q3");
        Assert.InRange(q.Num("q2"), 6, 11); // 160 °C exhaust at α ≈ 1.7 on coal: textbook range
        Assert.Equal(21 / (21 - 8.5), j.GetProperty("explain").Num("excessAirCoefficient"), 1);

        JsonElement gb = Verdict(j, "GB 24500-2020");
        AssertVerdictFields(gb);
        Assert.Equal(80.0, gb.Num("limitPercent"), 6); // grate, bituminous II, <= 20 t/h: 85/82/80
        double e = j.Num("efficiencyPercent");
        int expectedGrade = e >= 85 ? 1 : e >= 82 ? 2 : e >= 80 ? 3 : 0;
        Assert.Equal(expectedGrade, (int)gb.Num("grade"));
        Assert.Equal(e >= 80, gb.Bool("pass"));
        JsonElement limits = gb.GetProperty("limits");
        Assert.Equal(85.0, limits.Num("grade1Percent"), 6);
        Assert.Equal(82.0, limits.Num("grade2Percent"), 6);

        JsonElement plan = Verdict(j, "plan-2020");
        Assert.Equal(80.0, plan.Num("limitPercent"), 6);
    }

    [Fact]
    public void Sample_hot_water_boiler_direct_method()
    {
        JsonElement j = Egw.Run("calc", "boiler", "--input", Egw.Sample("gas-hot-water-direct.json"), "--json").Json();
        // Δh 70 → 95 °C ≈ 398.09 − 293.07 = 105.02 kJ/kg (saturated liquid; pressure effect cancels to < 0.1).
        double expected = 60000 / 3600.0 * 105.02 / (190 * 35588 / 3600.0) * 100;
        Assert.InRange(j.Num("efficiencyPercent"), expected - 0.15, expected + 0.15);
        JsonElement explain = j.GetProperty("explain");
        Assert.InRange(explain.Num("supplyEnthalpyKjPerKg") - explain.Num("returnEnthalpyKjPerKg"), 104.8, 105.2);
        JsonElement gb = Verdict(j, "GB 24500-2020");
        Assert.True(gb.Bool("covered"));
        Assert.Equal(92.0, gb.Num("limitPercent"), 6);
        Assert.Equal(j.Num("efficiencyPercent") >= 94 ? 2 : 3, (int)gb.Num("grade"));
        Assert.Equal("hot-water", j.GetProperty("boiler").Str("type"));
    }

    [Fact]
    public void Text_output_of_a_sample_shows_efficiency_and_both_verdicts()
    {
        EgwResult r = Egw.Run("calc", "boiler", "--input", Egw.Sample("coal-grate-indirect.json"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("loss q4", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("GB 24500-2020:", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("plan-2020:", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_can_come_from_stdin()
    {
        string json = System.IO.File.ReadAllText(Egw.Sample("gas-steam-direct.json"));
        JsonElement fromStdin = Egw.RunWithStdin(json, "calc", "boiler", "--input", "-", "--json").Json();
        JsonElement fromFile = Egw.Run("calc", "boiler", "--input", Egw.Sample("gas-steam-direct.json"), "--json").Json();
        Assert.Equal(fromFile.Num("efficiencyPercent"), fromStdin.Num("efficiencyPercent"));
    }

    // ---------- verdict paths ----------

    private const string GasIndirect = """
        {"boiler":{"fuel":"natural-gas","combustion":"chamber","ratedCapacityTph":4,"condensing":false},
         "method":"indirect",
         "measurements":{"steamFlowTph":4,"flueGasTemperatureC":FLUE,"airTemperatureC":20,"flueGasO2PercentDry":3.0}}
        """;

    [Theory]
    [InlineData(100, 3)]  // q2 = 80·(0.66/18 + 0.009) = 3.653, q5 = 3.437 → 92.91 %
    [InlineData(180, 0)]  // q2 = 7.307 → 89.26 %: below 92
    public void Gas_indirect_q2_is_Siegert_and_grades_pass_or_fail(int flueC, int grade)
    {
        JsonElement j = RunCase(GasIndirect.Replace("FLUE", flueC.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        double q2 = (flueC - 20) * (0.66 / (21 - 3.0) + 0.009);
        double q5 = 5.82 * Math.Pow(4, -0.38);
        JsonElement losses = j.GetProperty("losses");
        Assert.Equal(q2, losses.Num("q2"), 6);
        Assert.Equal(0.0, losses.Num("q3"), 9);
        Assert.Equal(0.0, losses.Num("q4"), 9);
        Assert.Equal(q5, losses.Num("q5"), 6);
        Assert.Equal(0.0, losses.Num("q6"), 9);
        Assert.Equal(100 - q2 - q5, j.Num("efficiencyPercent"), 6);
        JsonElement gb = Verdict(j, "GB 24500-2020");
        Assert.Equal(grade, (int)gb.Num("grade"));
        Assert.Equal(grade != 0, gb.Bool("pass"));
        Assert.Equal(100 - q2 - q5 - 92, gb.Num("margin"), 6);
        JsonElement plan = Verdict(j, "plan-2020");
        Assert.Equal(grade != 0, plan.Bool("pass"));
    }

    [Theory]
    [InlineData(false, 95.0, 2, 92.0)]
    [InlineData(false, 96.5, 1, 92.0)]
    [InlineData(true, 103.5, 1, 98.0)]   // condensing row 103/101/98, from the nameplate
    [InlineData(true, 99.0, 3, 98.0)]
    public void Rated_efficiency_is_graded_from_the_test_report(bool condensing, double rated, int grade, double limit)
    {
        string json = "{\"boiler\":{\"fuel\":\"natural-gas\",\"ratedCapacityTph\":4,\"condensing\":" + (condensing ? "true" : "false")
            + ",\"ratedEfficiencyPercent\":" + rated.ToString(System.Globalization.CultureInfo.InvariantCulture) + "},\"efficiencyBasis\":\"rated\"}";
        JsonElement j = RunCase(json);
        Assert.Equal("none", j.Str("method"));
        Assert.Equal(JsonValueKind.Null, j.GetProperty("efficiencyPercent").ValueKind);
        Assert.Equal(rated, j.Num("judgedEfficiencyPercent"), 9);
        JsonElement gb = Verdict(j, "GB 24500-2020");
        Assert.Equal(grade, (int)gb.Num("grade"));
        Assert.Equal(limit, gb.Num("limitPercent"), 6);
        Assert.True(gb.Bool("pass"));
        Assert.DoesNotContain("indicator", gb.Str("basis"), StringComparison.Ordinal);
        Assert.Contains("Rated", gb.Str("basis"), StringComparison.Ordinal);
    }

    [Fact]
    public void Rated_basis_with_measurements_reports_both_figures_and_grades_the_rated_one()
    {
        string json = System.IO.File.ReadAllText(Egw.Sample("gas-steam-direct.json"))
            .Replace("\"condensing\": false", "\"condensing\": false, \"ratedEfficiencyPercent\": 94.5", StringComparison.Ordinal)
            .Replace("\"method\": \"direct\"", "\"method\": \"direct\", \"efficiencyBasis\": \"rated\"", StringComparison.Ordinal);
        JsonElement j = RunCase(json);
        Assert.Equal("rated", j.Str("efficiencyBasis"));
        Assert.Equal(94.5, j.Num("judgedEfficiencyPercent"), 9);
        Assert.NotEqual(94.5, j.Num("efficiencyPercent"));
        Assert.Equal(2, (int)Verdict(j, "GB 24500-2020").Num("grade"));
    }

    [Fact]
    public void Lpg_is_not_covered_by_either_reference()
    {
        JsonElement j = RunCase("""
            {"boiler":{"fuel":"lpg","ratedCapacityTph":2},"efficiencyBasis":"rated","method":"indirect",
             "measurements":{"steamFlowTph":2,"flueGasTemperatureC":120,"airTemperatureC":20,"flueGasO2PercentDry":3}}
            """.Replace("\"efficiencyBasis\":\"rated\",", string.Empty, StringComparison.Ordinal));
        JsonElement gb = Verdict(j, "GB 24500-2020");
        Assert.False(gb.Bool("covered"));
        Assert.False(gb.Bool("pass"));
        Assert.Equal(0, (int)gb.Num("grade"));
        Assert.Equal(JsonValueKind.Null, gb.GetProperty("limitPercent").ValueKind);
        Assert.Contains("not judged", gb.Str("basis"), StringComparison.Ordinal);
        Assert.False(Verdict(j, "plan-2020").Bool("covered"));
        // LPG's q2 uses its own Siegert coefficients (A 0.63, B 0.008).
        Assert.Equal(100 * (0.63 / 18 + 0.008), j.GetProperty("losses").Num("q2"), 6);
    }

    [Fact]
    public void Grate_bituminous_I_has_no_row_and_is_not_covered_while_the_plan_still_judges_coal()
    {
        JsonElement j = RunCase("""
            {"boiler":{"fuel":"coal","combustion":"grate","coalClass":"bituminous-I","ratedCapacityTph":10,"ratedEfficiencyPercent":83},
             "efficiencyBasis":"rated"}
            """);
        JsonElement gb = Verdict(j, "GB 24500-2020");
        Assert.False(gb.Bool("covered"));
        Assert.Contains("bituminous I", gb.Str("basis"), StringComparison.Ordinal);
        JsonElement plan = Verdict(j, "plan-2020");
        Assert.True(plan.Bool("covered"));
        Assert.True(plan.Bool("pass"));
        Assert.Equal(80.0, plan.Num("limitPercent"), 6);
    }

    [Fact]
    public void Large_grate_boiler_uses_the_above_20_tph_column()
    {
        JsonElement j = RunCase("""
            {"boiler":{"fuel":"coal","combustion":"grate","coalClass":"bituminous-III","ratedCapacityTph":35,"ratedEfficiencyPercent":85},
             "efficiencyBasis":"rated"}
            """);
        JsonElement gb = Verdict(j, "GB 24500-2020");
        Assert.Equal(84.0, gb.Num("limitPercent"), 6); // bituminous III > 20 t/h: 89/86/84
        Assert.Equal(3, (int)gb.Num("grade"));
    }

    // ---------- bad input: exit 2, one line naming field and value ----------

    private static string BadCase(string json) => Egw.Run("calc", "boiler", "--input", Egw.TempCase(json), "--json").BadInputLine();

    private const string GoodDirect = """
        {"boiler":{"fuel":"natural-gas","combustion":"chamber","ratedCapacityTph":4},
         "method":"direct",
         "measurements":{"steamFlowTph":3.6,"steamPressureMpaAbs":1.1,"feedwaterTemperatureC":20,
                         "fuelFlowNm3PerH":292,"fuelLowerHeatingValueKjPerNm3":35588}}
        """;

    [Fact]
    public void The_good_case_used_below_runs()
    {
        Assert.True(RunCase(GoodDirect).Num("efficiencyPercent") > 90);
    }

    [Theory]
    [InlineData("\"natural-gas\"", "\"peat\"", "boiler.fuel = \"peat\"", "natural-gas")]
    [InlineData("\"steamFlowTph\":3.6", "\"steamFlowTph\":-3", "measurements.steamFlowTph = -3", "negative")]
    [InlineData("\"fuelFlowNm3PerH\":292", "\"fuelFlowNm3PerH\":-292", "measurements.fuelFlowNm3PerH = -292", "")]
    [InlineData("\"steamPressureMpaAbs\":1.1", "\"steamPressureMpaAbs\":30", "measurements.steamPressureMpaAbs = 30", "16.5")]
    [InlineData("\"feedwaterTemperatureC\":20,", "", "measurements.feedwaterTemperatureC = missing", "required")]
    [InlineData("\"method\":\"direct\",", "", "method = missing", "direct")]
    [InlineData("\"method\":\"direct\"", "\"method\":\"guess\"", "method = \"guess\"", "indirect")]
    [InlineData("\"steamFlowTph\":3.6", "\"steamFlow\":3.6", "measurements.steamFlow = 3.6", "steamFlowTph")]
    [InlineData("\"steamFlowTph\":3.6", "\"steamFlowTph\":\"3.6\"", "measurements.steamFlowTph = \"3.6\"", "wrong type")]
    [InlineData("\"ratedCapacityTph\":4", "\"ratedCapacityTph\":0", "boiler.ratedCapacityTph = 0", "> 0")]
    [InlineData("\"ratedCapacityTph\":4", "\"ratedCapacityTph\":4,\"colour\":\"red\"", "boiler.colour = \"red\"", "fuel")]
    [InlineData("\"method\":\"direct\",", "\"method\":\"direct\",\"comment\":1,", "comment = 1", "measurements")]
    [InlineData("\"combustion\":\"chamber\"", "\"combustion\":\"grate\"", "boiler.combustion", "grate")]
    [InlineData("\"ratedCapacityTph\":4", "\"ratedCapacityTph\":4,\"coalClass\":\"lean\"", "boiler.coalClass", "coal")]
    [InlineData("\"ratedCapacityTph\":4", "\"ratedCapacityTph\":4,\"condensing\":\"no\"", "boiler.condensing = \"no\"", "true or false")]
    [InlineData("\"steamFlowTph\":3.6,", "\"steamFlowTph\":3.6,\"steamFlowTph\":4,", "measurements.steamFlowTph", "twice")]
    public void Bad_case_field_is_named_with_its_value(string find, string replace, string expected, string allowedHint)
    {
        Assert.Contains(find, GoodDirect, StringComparison.Ordinal);
        string line = BadCase(GoodDirect.Replace(find, replace, StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(allowedHint, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("21")]
    [InlineData("25")]
    [InlineData("-1")]
    public void Flue_O2_must_be_below_21_percent(string o2)
    {
        string line = BadCase(GasIndirect.Replace("FLUE", "120", StringComparison.Ordinal).Replace("\"flueGasO2PercentDry\":3.0", "\"flueGasO2PercentDry\":" + o2, StringComparison.Ordinal));
        Assert.Contains("measurements.flueGasO2PercentDry = " + o2, line, StringComparison.Ordinal);
        Assert.Contains("21", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_capacity_is_named()
    {
        string line = BadCase("""{"boiler":{"fuel":"natural-gas"},"method":"direct","measurements":{}}""");
        Assert.Contains("boiler.ratedCapacityTph = missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_boiler_section_is_named()
    {
        string line = BadCase("""{"method":"direct","measurements":{}}""");
        Assert.Contains("boiler = missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Coal_without_combustion_type_is_named()
    {
        string line = BadCase("""{"boiler":{"fuel":"coal","ratedCapacityTph":10,"ratedEfficiencyPercent":82},"efficiencyBasis":"rated"}""");
        Assert.Contains("boiler.combustion = missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Rated_basis_needs_the_rated_efficiency()
    {
        string line = BadCase("""{"boiler":{"fuel":"natural-gas","ratedCapacityTph":4},"efficiencyBasis":"rated"}""");
        Assert.Contains("boiler.ratedEfficiencyPercent = missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Rated_efficiency_above_100_needs_a_condensing_nameplate()
    {
        string line = BadCase("""{"boiler":{"fuel":"natural-gas","ratedCapacityTph":4,"ratedEfficiencyPercent":101},"efficiencyBasis":"rated"}""");
        Assert.Contains("boiler.ratedEfficiencyPercent = 101", line, StringComparison.Ordinal);
        Assert.Contains("condensing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Gas_composition_for_a_solid_fuel_is_refused()
    {
        string line = BadCase("""{"boiler":{"fuel":"coal","combustion":"grate","coalClass":"lean","ratedCapacityTph":10,"ratedEfficiencyPercent":82},"efficiencyBasis":"rated","fuelComposition":{"methanePercent":100}}""");
        Assert.Contains("fuelComposition", line, StringComparison.Ordinal);
        Assert.Contains("gaseous", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_gas_composition_is_used_and_checked()
    {
        string bad = GasIndirect.Replace("FLUE", "120", StringComparison.Ordinal)
            .Replace("\"method\":\"indirect\",", "\"method\":\"indirect\",\"fuelComposition\":{\"methanePercent\":90},", StringComparison.Ordinal);
        string line = BadCase(bad);
        Assert.Contains("fuelComposition", line, StringComparison.Ordinal);
        Assert.Contains("100", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_the_position()
    {
        string path = Egw.TempCase("{\"boiler\": {\"fuel\": \"natural-gas\",,}\n}");
        string line = Egw.Run("calc", "boiler", "--input", path, "--json").BadInputLine();
        Assert.Contains("--input = " + path, line, StringComparison.Ordinal);
        Assert.Contains("not valid JSON (line 1", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("\"boiler\"")]
    public void Empty_or_non_object_input_is_refused(string text)
    {
        string line = Egw.Run("calc", "boiler", "--input", Egw.TempCase(text), "--json").BadInputLine();
        Assert.Contains("--input = ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        string line = Egw.Run("calc", "boiler", "--input", "/nonexistent/egw/case.json", "--json").BadInputLine();
        Assert.Contains("--input = /nonexistent/egw/case.json", line, StringComparison.Ordinal);
        Assert.Contains("not found", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_input_option_is_named()
    {
        string line = Egw.Run("calc", "boiler", "--json").BadInputLine();
        Assert.Contains("--input = missing", line, StringComparison.Ordinal);
    }

    // Real process: exit code 2, one line, no stack trace, for a bad case and for malformed JSON on stdin.
    [Fact]
    public void Real_process_bad_case_exits_2_with_one_line()
    {
        string path = Egw.TempCase(GoodDirect.Replace("\"steamFlowTph\":3.6", "\"steamFlowTph\":-3", StringComparison.Ordinal));
        string line = Egw.RunProcess(null, "calc", "boiler", "--input", path, "--json").BadInputLine();
        Assert.Contains("measurements.steamFlowTph = -3", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_process_malformed_stdin_exits_2_with_one_line()
    {
        string line = Egw.RunProcess("{\"boiler\":", "calc", "boiler", "--input", "-", "--json").BadInputLine();
        Assert.Contains("not valid JSON", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_process_sample_runs()
    {
        EgwResult r = Egw.RunProcess(null, "calc", "boiler", "--input", Egw.Sample("coal-grate-indirect.json"), "--json");
        Assert.Equal("indirect", r.Json().Str("method"));
    }
}
