using System;
using System.Text.Json;

namespace EdgeGateway.Cli.Tests;

/// <summary>
/// egw calc boiler: the sample cases, every verdict path (pass, fail, not covered; measured vs rated basis) and the
/// JSON contract. Expected values are literals from hand calculations written out next to each assertion, never the
/// program's own output: steam/water enthalpies from IAPWS-IF97 as computed by python3-iapws 1.5.2 (Debian package;
/// e.g. `/usr/bin/python3 -c "from iapws import IAPWS97; print(IAPWS97(P=1.1, x=1).h)"`), the Siegert formula
/// (1. BImSchV, Anlage 2 Nr. 3.4.1, natural gas A = 0.66, B = 0.009), the coal heat balance and q3/q4/q5/q6 formulas
/// of the standards notes [M], and the GB 24500-2020 limits [3P] (表4 chamber natural gas non-condensing 96/94/92,
/// condensing 103/101/98; 表1 grate bituminous II ≤ 20 t/h 85/82/80; plan 80 coal / 92 gas).
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

    /// <summary>|actual − expected| ≤ tolerance, with both numbers in the message.</summary>
    private static void AssertWithin(double expected, double actual, double tolerance, string what)
    {
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            what + ": expected " + expected.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " ± "
            + tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", got "
            + actual.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void AssertVerdictFields(JsonElement v)
    {
        foreach (string name in new[] { "standard", "grade", "limitPercent", "pass", "source", "confidence", "margin", "clause", "edition", "basis", "covered" })
        {
            Assert.True(v.TryGetProperty(name, out _), "verdict lacks '" + name + "': " + v);
        }
    }

    // ---------- sample files ----------

    // Hand calculation for samples/gas-steam-direct.json (3.6 t/h dry saturated steam at 1.1 MPa abs, feedwater 20 °C,
    // 292 Nm³/h natural gas at Q_net 35 588 kJ/Nm³), direct method η = D·(h_steam − h_fw)/(B·Q_net)·100:
    //   h″(1.1 MPa)        = 2780.667 kJ/kg   IAPWS-IF97 via python3-iapws 1.5.2: IAPWS97(P=1.1, x=1).h
    //   h(1.1 MPa, 20 °C)  =   84.952 kJ/kg   IAPWS97(P=1.1, T=293.15).h (compressed liquid, region 1)
    //   useful heat  = 3600 kg/h / 3600 s/h · (2780.667 − 84.952) = 1.0 kg/s · 2695.715 = 2695.715 kW
    //   fuel heat    = 292 Nm³/h · 35 588 kJ/Nm³ / 3600 s/h                             = 2886.582 kW
    //   η            = 2695.715 / 2886.582 · 100                                         = 93.388 %
    // GB 24500-2020 表4 [3P], chamber-fired natural gas, non-condensing: grade 1 ≥ 96, grade 2 ≥ 94, grade 3 ≥ 92
    // → 92 ≤ 93.388 < 94: grade 3, margin 93.388 − 92 = 1.388 points.
    private const double GasSteamSampleEfficiencyPercent = 93.388;

    [Fact]
    public void Sample_gas_steam_boiler_direct_method()
    {
        JsonElement j = Egw.Run("calc", "boiler", "--input", Egw.Sample("gas-steam-direct.json"), "--json").Json();
        Assert.Equal("direct", j.Str("method"));
        // Tolerance 0.005 points: the hand value is rounded to 3 decimals; enthalpies agree to < 0.001 kJ/kg.
        AssertWithin(GasSteamSampleEfficiencyPercent, j.Num("efficiencyPercent"), 0.005, "efficiencyPercent");
        Assert.False(j.TryGetProperty("losses", out _), "the direct method has no loss breakdown");
        JsonElement explain = j.GetProperty("explain");
        AssertWithin(2780.667, explain.Num("steamEnthalpyKjPerKg"), 0.001, "steamEnthalpyKjPerKg");
        AssertWithin(84.952, explain.Num("feedwaterEnthalpyKjPerKg"), 0.001, "feedwaterEnthalpyKjPerKg");
        // Printed tables agree: Cengel & Boles A-5 interpolated h″(1.1 MPa) ≈ 2780.7; A-4 h′(20 °C) 83.9 + v·Δp ≈ 85.0.
        AssertWithin(2780.7, explain.Num("steamEnthalpyKjPerKg"), 0.3, "steamEnthalpyKjPerKg vs printed table");

        JsonElement gb = Verdict(j, "GB 24500-2020");
        AssertVerdictFields(gb);
        Assert.Equal(3, (int)gb.Num("grade")); // 表4 natural gas non-condensing row, 92 ≤ 93.388 < 94
        Assert.Equal(92.0, gb.Num("limitPercent"), 6);
        Assert.True(gb.Bool("pass"));
        Assert.True(gb.Bool("covered"));
        AssertWithin(1.388, gb.Num("margin"), 0.005, "margin");
        Assert.Equal("3P", gb.Str("confidence"));
        Assert.Contains("indicator", gb.Str("basis"), StringComparison.Ordinal); // measured, not the rated value

        JsonElement plan = Verdict(j, "plan-2020");
        AssertVerdictFields(plan);
        Assert.Equal(92.0, plan.Num("limitPercent"), 6);
        Assert.True(plan.Bool("pass"));
    }

    // Hand calculation for samples/coal-grate-indirect.json, heat-loss method with the standards-notes formulas [M]
    // (no Siegert coefficients exist for coal, so q2 is the heat balance from the ultimate analysis).
    // Coal as received: C 52.0, H 3.4, O 7.5, N 0.9, S 0.6, M 10.0, A 25.6 % (sum 100.0); Q_net 20 000 kJ/kg.
    // Flue 160 °C, air 20 °C, O₂ 8.5 % dry, CO 150 ppm = 0.015 vol %; 9 t/h on a 10 t/h rating.
    // Ash: slag 80 % at 12 % carbon (600 °C), fly ash 20 % at 25 % carbon (leaves at the flue temperature).
    //   C + 0.375·S = 52.225
    //   V⁰      = 0.0889·52.225 + 0.265·3.4 − 0.0333·7.5 = 4.64280 + 0.90100 − 0.24975 = 5.29405 Nm³/kg
    //   V_RO₂   = 0.01866·52.225                                             = 0.97452 Nm³/kg
    //   V⁰_N₂   = 0.79·5.29405 + 0.008·0.9                                   = 4.18950 Nm³/kg
    //   V⁰_H₂O  = 0.111·3.4 + 0.0124·10 + 0.0161·5.29405                     = 0.58663 Nm³/kg
    //   RO₂max  = 100·0.97452/(0.97452 + 4.18950) = 18.871 %;  β = 21/18.871 − 1 = 0.11280
    //   RO₂     = (21 − 8.5 − (0.605 + 0.11280)·0.015)/1.11280                = 11.2233 %
    //   α       = 21/(21 − 79·(8.5 − 0.5·0.015)/(100 − 11.2233 − 8.5 − 0.015)) = 21/(21 − 8.3590) = 1.66126
    //   Enthalpies (textbook table "1 Nm³ 气体和 1 kg 灰的焓", linear 100→200 °C, 160 °C = 100 + 0.6·Δ):
    //     RO₂ 170 + 0.6·187 = 282.2, N₂ 130 + 0.6·130 = 208.0, H₂O 151 + 0.6·153 = 242.8, humid air 132 + 0.6·134
    //     = 212.4 kJ/Nm³; air at 20 °C 0.2·132 = 26.4 kJ/Nm³; ash 81 + 0.6·88 = 133.8 kJ/kg at 160 °C, 560 at 600 °C.
    //   I_flue  = 0.97452·282.2 + 4.18950·208.0 + 0.58663·242.8 + 0.66126·5.29405·212.4
    //           = 275.01 + 871.42 + 142.43 + 743.55                           = 2032.42 kJ/kg
    //   α·I⁰_air = 1.66126·5.29405·26.4                                      =  232.18 kJ/kg
    //   q4 = 328.66·25.6/20 000·(80·12/88 + 20·25/75) = 0.420685·17.5758     = 7.3939 %
    //   q2 = (2032.42 − 232.18)·(100 − 7.3939)/20 000                        = 8.3356 %
    //   V_dry = 0.97452 + 4.18950 + 0.66126·5.29405                          = 8.66476 Nm³/kg
    //   q3 = 8.66476·126.36·0.015·(100 − 7.3939)/20 000                      = 0.0760 %
    //   q5 = 5.82·10^−0.38·10/9 = 5.82·0.416869·1.11111                      = 2.6958 %
    //   q6 = 25.6·(80·560/88 + 20·133.8/75)/20 000 = 25.6·(509.091 + 35.680)/20 000 = 0.6973 %
    //   η  = 100 − (8.3356 + 0.0760 + 7.3939 + 2.6958 + 0.6973)              = 80.8014 %
    // Cross-check of q2 with the empirical bituminous flue-loss formula (3.55·α + 0.44)·(t_flue − t_air)/100
    // = (3.55·1.66126 + 0.44)·1.40 = 8.87 %: the heat balance lands within a point of it.
    // GB 24500-2020 表1 [3P], grate-fired bituminous II (17 700 ≤ Q ≤ 21 000 kJ/kg; design Q 20 000), ≤ 20 t/h
    // (10 t/h): 85/82/80 → 80 ≤ 80.80 < 82: grade 3, pass, margin 0.80 points.
    private const double CoalSampleEfficiencyPercent = 80.8014;

    [Fact]
    public void Sample_coal_grate_boiler_indirect_method()
    {
        JsonElement j = Egw.Run("calc", "boiler", "--input", Egw.Sample("coal-grate-indirect.json"), "--json").Json();
        Assert.Equal("indirect", j.Str("method"));
        JsonElement q = j.GetProperty("losses");
        // Tolerance: the hand values carry 4 decimals (q3, q4 ± 0.0001; q2, q6 ± 0.0005 from the rounded volumes).
        AssertWithin(8.3356, q.Num("q2"), 0.0005, "q2");
        AssertWithin(0.0760, q.Num("q3"), 0.0001, "q3");
        AssertWithin(7.3939, q.Num("q4"), 0.0001, "q4");
        AssertWithin(2.6958, q.Num("q5"), 0.0001, "q5");
        AssertWithin(0.6973, q.Num("q6"), 0.0001, "q6");
        AssertWithin(CoalSampleEfficiencyPercent, j.Num("efficiencyPercent"), 0.002, "efficiencyPercent");
        AssertWithin(8.87, q.Num("q2"), 1.0, "q2 vs the empirical bituminous formula");
        JsonElement explain = j.GetProperty("explain");
        AssertWithin(1.66126, explain.Num("excessAirCoefficient"), 0.00001, "excessAirCoefficient (α with CO)");
        AssertWithin(11.2233, explain.Num("ro2PercentDryEstimated"), 0.0001, "ro2PercentDryEstimated");
        AssertWithin(8.66476, explain.Num("dryFlueGasVolume"), 0.00001, "dryFlueGasVolume");

        JsonElement gb = Verdict(j, "GB 24500-2020");
        AssertVerdictFields(gb);
        Assert.Equal(80.0, gb.Num("limitPercent"), 6); // 表1 grate, bituminous II, <= 20 t/h: 85/82/80
        Assert.Equal(3, (int)gb.Num("grade"));          // same row: 80 ≤ 80.80 < 82
        Assert.True(gb.Bool("pass"));
        AssertWithin(0.8014, gb.Num("margin"), 0.002, "margin");
        JsonElement limits = gb.GetProperty("limits");
        Assert.Equal(85.0, limits.Num("grade1Percent"), 6);
        Assert.Equal(82.0, limits.Num("grade2Percent"), 6);

        JsonElement plan = Verdict(j, "plan-2020");
        Assert.Equal(80.0, plan.Num("limitPercent"), 6);
        Assert.True(plan.Bool("pass"));
    }

    // Hand calculation for samples/gas-hot-water-direct.json (60 t/h water, 70 → 95 °C at 0.6 MPa abs, 190 Nm³/h gas at
    // Q_net 35 588 kJ/Nm³), η = G·(h_supply − h_return)/(B·Q_net)·100:
    //   h(0.6 MPa, 95 °C) = 398.412 kJ/kg, h(0.6 MPa, 70 °C) = 293.483 kJ/kg   IAPWS97(P=0.6, T=368.15 / 343.15).h
    //   Δh = 104.929 kJ/kg;  useful = 60 000/3600 · 104.929 = 1748.81 kW;  fuel = 190 · 35 588/3600 = 1878.256 kW
    //   η = 1748.81/1878.256 · 100 = 93.108 %
    // GB 24500-2020 表4 [3P], natural gas non-condensing 96/94/92 → 92 ≤ 93.108 < 94: grade 3.
    private const double GasHotWaterSampleEfficiencyPercent = 93.108;

    [Fact]
    public void Sample_hot_water_boiler_direct_method()
    {
        JsonElement j = Egw.Run("calc", "boiler", "--input", Egw.Sample("gas-hot-water-direct.json"), "--json").Json();
        AssertWithin(GasHotWaterSampleEfficiencyPercent, j.Num("efficiencyPercent"), 0.005, "efficiencyPercent");
        JsonElement explain = j.GetProperty("explain");
        AssertWithin(398.412, explain.Num("supplyEnthalpyKjPerKg"), 0.001, "supplyEnthalpyKjPerKg");
        AssertWithin(293.483, explain.Num("returnEnthalpyKjPerKg"), 0.001, "returnEnthalpyKjPerKg");
        JsonElement gb = Verdict(j, "GB 24500-2020");
        Assert.True(gb.Bool("covered"));
        Assert.Equal(92.0, gb.Num("limitPercent"), 6);
        Assert.Equal(3, (int)gb.Num("grade")); // 表4 natural gas non-condensing: 92 ≤ 93.108 < 94
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
        AssertWithin(GasSteamSampleEfficiencyPercent, fromStdin.Num("efficiencyPercent"), 0.005, "efficiencyPercent from stdin");
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
        AssertWithin(GasSteamSampleEfficiencyPercent, j.Num("efficiencyPercent"), 0.005, "measured efficiencyPercent");
        Assert.Equal(2, (int)Verdict(j, "GB 24500-2020").Num("grade")); // rated 94.5: 94 ≤ 94.5 < 96 (表4), not the measured 93.39
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
