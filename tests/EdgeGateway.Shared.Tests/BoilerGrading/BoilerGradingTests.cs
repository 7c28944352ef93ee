using EdgeGateway.Shared.Boilers.Grading;
using BoilerGrader = EdgeGateway.Shared.Boilers.Grading.BoilerGrading;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Tests.Standards;

namespace EdgeGateway.Shared.Tests.BoilerGrading;

// Expected limits are typed from the GB 24500-2020 tables in the project's standards reference, not from code output.
public sealed class BoilerGradingTests
{
    private static BoilerSpec Grate(CoalClass coal, double tph = double.NaN, double mw = double.NaN, double q = double.NaN) => new()
    {
        Fuel = BoilerFuel.Coal,
        Combustion = BoilerCombustion.Grate,
        CoalClass = coal,
        RatedEvaporationTph = tph,
        RatedHeatOutputMw = mw,
        NetHeatingValueKjPerKg = q,
    };

    private static BoilerSpec Chamber(BoilerFuel fuel, bool condensing = false) => new()
    {
        Fuel = fuel,
        Combustion = BoilerCombustion.Chamber,
        Condensing = condensing,
    };

    private static void AssertLimits(BoilerLimits l, double g1, double g2, double g3)
    {
        Assert.True(l.Covered, l.Reason);
        Assert.Equal(g1, l.Grade1Percent, 9);
        Assert.Equal(g2, l.Grade2Percent, 9);
        Assert.Equal(g3, l.Grade3Percent, 9);
    }

    [Theory]
    [InlineData(CoalClass.BituminousII, 10, 85, 82, 80)]
    [InlineData(CoalClass.BituminousII, 35, 86, 83, 81)]
    [InlineData(CoalClass.BituminousIII, 10, 87, 84, 82)]
    [InlineData(CoalClass.BituminousIII, 35, 89, 86, 84)]
    [InlineData(CoalClass.Lean, 10, 85, 82, 80)]
    [InlineData(CoalClass.Lean, 35, 86, 83, 81)]
    [InlineData(CoalClass.AnthraciteII, 10, 85, 82, 80)]
    [InlineData(CoalClass.AnthraciteIII, 35, 86, 83, 81)]
    [InlineData(CoalClass.Lignite, 10, 85, 82, 80)]
    [InlineData(CoalClass.Lignite, 35, 87, 84, 82)]
    public void Grate_rows_match_table_1(CoalClass coal, double tph, double g1, double g2, double g3)
    {
        AssertLimits(BoilerGrader.Lookup(Grate(coal, tph)), g1, g2, g3);
    }

    [Theory]
    [InlineData(CoalClass.BituminousI, 89, 85, 82)]
    [InlineData(CoalClass.BituminousII, 90, 89, 86)]
    [InlineData(CoalClass.BituminousIII, 91, 90, 88)]
    [InlineData(CoalClass.Lean, 90, 88, 86)]
    [InlineData(CoalClass.AnthraciteII, 89, 88, 86)]
    [InlineData(CoalClass.AnthraciteIII, 90, 88, 86)]
    [InlineData(CoalClass.Lignite, 91, 89, 86)]
    public void Fluidized_rows_match_table_2_without_capacity(CoalClass coal, double g1, double g2, double g3)
    {
        var spec = new BoilerSpec { Fuel = BoilerFuel.Coal, Combustion = BoilerCombustion.FluidizedBed, CoalClass = coal };
        AssertLimits(BoilerGrader.Lookup(spec), g1, g2, g3);
    }

    [Theory]
    [InlineData(BoilerFuel.NaturalGas, false, 96, 94, 92)]
    [InlineData(BoilerFuel.NaturalGas, true, 103, 101, 98)]
    [InlineData(BoilerFuel.Oil, false, 95, 93, 90)]
    public void Chamber_rows_match_table_4(BoilerFuel fuel, bool condensing, double g1, double g2, double g3)
    {
        AssertLimits(BoilerGrader.Lookup(Chamber(fuel, condensing)), g1, g2, g3);
    }

    [Fact]
    public void Pulverised_coal_uses_the_chamber_row()
    {
        var spec = new BoilerSpec { Fuel = BoilerFuel.Coal, Combustion = BoilerCombustion.Chamber, CoalClass = CoalClass.Pulverized };
        AssertLimits(BoilerGrader.Lookup(spec), 92, 90, 88);
    }

    [Theory]
    [InlineData(86.0, 1)]
    [InlineData(85.0, 1)]
    [InlineData(84.9, 2)]
    [InlineData(82.0, 2)]
    [InlineData(81.9, 3)]
    [InlineData(80.0, 3)]
    [InlineData(79.9, 0)]
    public void Grate_bituminous_II_small_grades_each_band(double efficiency, int grade)
    {
        var r = BoilerGrader.Grade(Grate(CoalClass.BituminousII, 10), efficiency);
        VerdictAssert.Complete(r.Verdict);
        Assert.True(r.Verdict.Covered);
        Assert.Equal(grade, r.Verdict.Grade);
        Assert.Equal(grade > 0, r.Verdict.Pass);
        Assert.Equal(80.0, r.Verdict.LimitPercent, 9);
        Assert.Equal(efficiency - 80.0, r.Verdict.MarginPoints, 9);
        Assert.Equal("gb24500-2020", r.Verdict.StandardId);
        Assert.Contains("test report", r.Verdict.Basis, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_20_tph_and_14_MW_belong_to_the_lower_column()
    {
        AssertLimits(BoilerGrader.Lookup(Grate(CoalClass.BituminousII, tph: 20)), 85, 82, 80);
        AssertLimits(BoilerGrader.Lookup(Grate(CoalClass.BituminousII, mw: 14)), 85, 82, 80);
        AssertLimits(BoilerGrader.Lookup(Grate(CoalClass.BituminousII, tph: 20, mw: 14)), 85, 82, 80);
        AssertLimits(BoilerGrader.Lookup(Grate(CoalClass.BituminousII, tph: 20.1)), 86, 83, 81);
        AssertLimits(BoilerGrader.Lookup(Grate(CoalClass.BituminousII, mw: 14.1)), 86, 83, 81);
    }

    [Fact]
    public void Tph_and_MW_in_different_columns_are_not_covered()
    {
        var l = BoilerGrader.Lookup(Grate(CoalClass.Lignite, tph: 20, mw: 15));
        Assert.False(l.Covered);
        Assert.Contains("different capacity columns", l.Reason, System.StringComparison.Ordinal);
        var r = BoilerGrader.Grade(Grate(CoalClass.Lignite, tph: 20, mw: 15), 86);
        VerdictAssert.Complete(r.Verdict);
        Assert.False(r.Verdict.Covered);
        Assert.False(r.Verdict.Pass);
    }

    [Fact]
    public void Biomass_boundary_10_tph_and_7_MW_is_lower_column()
    {
        var low = new BoilerSpec { Fuel = BoilerFuel.Biomass, RatedEvaporationTph = 10 };
        AssertLimits(BoilerGrader.Lookup(low), 88, 84, 80);
        var lowMw = new BoilerSpec { Fuel = BoilerFuel.Biomass, RatedHeatOutputMw = 7 };
        AssertLimits(BoilerGrader.Lookup(lowMw), 88, 84, 80);
        var high = new BoilerSpec { Fuel = BoilerFuel.Biomass, RatedEvaporationTph = 10.5 };
        AssertLimits(BoilerGrader.Lookup(high), 91, 88, 86);
    }

    [Fact]
    public void Grate_bituminous_I_has_no_row_and_is_not_covered()
    {
        var r = BoilerGrader.Grade(Grate(CoalClass.BituminousI, 10), 85);
        VerdictAssert.Complete(r.Verdict);
        Assert.False(r.Verdict.Covered);
        Assert.Contains("bituminous I", r.Verdict.Basis, System.StringComparison.Ordinal);
        Assert.True(double.IsNaN(r.Limits.Grade3Percent));
    }

    [Fact]
    public void Q_below_the_row_range_is_not_covered_and_never_falls_back()
    {
        var l = BoilerGrader.Lookup(Grate(CoalClass.BituminousII, 10, q: 16000));
        Assert.False(l.Covered);
        Assert.Contains("below the range", l.Reason, System.StringComparison.Ordinal);
        var fl = BoilerGrader.Lookup(new BoilerSpec { Fuel = BoilerFuel.Coal, Combustion = BoilerCombustion.FluidizedBed, CoalClass = CoalClass.BituminousI, NetHeatingValueKjPerKg = 14000 });
        Assert.False(fl.Covered);
        Assert.False(BoilerGrader.Lookup(Grate(CoalClass.AnthraciteII, 10, q: 20999)).Covered);
    }

    [Fact]
    public void Q_at_inclusive_bounds_is_covered_and_the_rule_says_it_was_checked()
    {
        var l = BoilerGrader.Lookup(Grate(CoalClass.Lean, 10, q: 17700));
        AssertLimits(l, 85, 82, 80);
        Assert.Contains("within the row's range", l.Rule, System.StringComparison.Ordinal);
        AssertLimits(BoilerGrader.Lookup(Grate(CoalClass.BituminousII, 10, q: 21000)), 85, 82, 80);
        Assert.Contains("not checked", BoilerGrader.Lookup(Grate(CoalClass.Lean, 10)).Rule, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Q_above_the_coal_class_range_is_an_input_error()
    {
        var ex = Assert.Throws<InputException>(() => BoilerGrader.Lookup(Grate(CoalClass.BituminousII, 10, q: 22000)));
        Assert.Equal("netHeatingValueKjPerKg", ex.Field);
    }

    [Theory]
    [InlineData(103.0, 1)]
    [InlineData(102.0, 2)]
    [InlineData(98.0, 3)]
    [InlineData(97.9, 0)]
    public void Condensing_gas_grades_above_100_percent(double efficiency, int grade)
    {
        var r = BoilerGrader.Grade(Chamber(BoilerFuel.NaturalGas, true), efficiency);
        VerdictAssert.Complete(r.Verdict);
        Assert.Equal(grade, r.Verdict.Grade);
        Assert.Equal(98.0, r.Verdict.LimitPercent, 9);
    }

    [Fact]
    public void Non_condensing_gas_at_93_is_grade_3_and_over_100_is_refused()
    {
        var r = BoilerGrader.Grade(Chamber(BoilerFuel.NaturalGas), 93);
        Assert.Equal(3, r.Verdict.Grade);
        var ex = Assert.Throws<InputException>(() => BoilerGrader.Grade(Chamber(BoilerFuel.NaturalGas), 101));
        Assert.Equal("efficiencyPercent", ex.Field);
        Assert.Contains("condensing", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Electric_has_one_minimum_and_no_grade()
    {
        var ok = BoilerGrader.Grade(new BoilerSpec { Fuel = BoilerFuel.Electric }, 97.0);
        VerdictAssert.Complete(ok.Verdict);
        Assert.True(ok.Verdict.Covered);
        Assert.True(ok.Verdict.Pass);
        Assert.Equal(0, ok.Verdict.Grade);
        Assert.Equal(97.0, ok.Verdict.LimitPercent, 9);
        Assert.True(double.IsNaN(ok.Limits.Grade1Percent));
        var low = BoilerGrader.Grade(new BoilerSpec { Fuel = BoilerFuel.Electric }, 96.9);
        Assert.False(low.Verdict.Pass);
        Assert.Equal("5.2 (electric boilers)", low.Verdict.Clause);
    }

    [Theory]
    [InlineData(BoilerFuel.Other, false)]
    [InlineData(BoilerFuel.Oil, true)]
    [InlineData(BoilerFuel.Biomass, true)]
    public void Out_of_table_fuels_are_not_covered(BoilerFuel fuel, bool condensing)
    {
        var spec = new BoilerSpec { Fuel = fuel, Condensing = condensing, RatedEvaporationTph = 4 };
        var r = BoilerGrader.Grade(spec, 90);
        VerdictAssert.Complete(r.Verdict);
        Assert.False(r.Verdict.Covered);
        Assert.False(r.Verdict.Pass);
        Assert.True(double.IsNaN(r.Verdict.LimitPercent));
    }

    [Fact]
    public void Measured_efficiency_is_an_indicator_and_says_so()
    {
        var r = BoilerGrader.Grade(Chamber(BoilerFuel.NaturalGas), 94.5, EfficiencySource.Measured);
        VerdictAssert.Complete(r.Verdict);
        Assert.Equal(2, r.Verdict.Grade);
        Assert.Contains("Measured operating efficiency", r.Verdict.Basis, System.StringComparison.Ordinal);
        Assert.Contains("indicator", r.Verdict.Basis, System.StringComparison.Ordinal);
        Assert.Contains("indicator", r.Verdict.GradeLabel, System.StringComparison.Ordinal);
        var rated = BoilerGrader.Grade(Chamber(BoilerFuel.NaturalGas), 94.5, EfficiencySource.Rated);
        Assert.DoesNotContain("indicator", rated.Verdict.Basis, System.StringComparison.Ordinal);
    }

    public static TheoryData<string, BoilerSpec, double> BadInputs => new()
    {
        { "coalClass", new BoilerSpec { Fuel = BoilerFuel.Coal, Combustion = BoilerCombustion.Grate, RatedEvaporationTph = 10 }, 85 },
        { "ratedEvaporationTph", new BoilerSpec { Fuel = BoilerFuel.Coal, Combustion = BoilerCombustion.Grate, CoalClass = CoalClass.Lean }, 85 },
        { "ratedEvaporationTph", new BoilerSpec { Fuel = BoilerFuel.Biomass, RatedEvaporationTph = -4 }, 85 },
        { "ratedHeatOutputMw", new BoilerSpec { Fuel = BoilerFuel.Biomass, RatedHeatOutputMw = 0 }, 85 },
        { "netHeatingValueKjPerKg", new BoilerSpec { Fuel = BoilerFuel.Coal, Combustion = BoilerCombustion.FluidizedBed, CoalClass = CoalClass.Lean, NetHeatingValueKjPerKg = -1 }, 85 },
        { "combustion", new BoilerSpec { Fuel = BoilerFuel.NaturalGas, Combustion = BoilerCombustion.Grate }, 93 },
        { "combustion", new BoilerSpec { Fuel = BoilerFuel.Coal, CoalClass = CoalClass.Lean }, 85 },
        { "coalClass", new BoilerSpec { Fuel = BoilerFuel.NaturalGas, CoalClass = CoalClass.Lean }, 93 },
        { "coalClass", new BoilerSpec { Fuel = BoilerFuel.Coal, Combustion = BoilerCombustion.Grate, CoalClass = CoalClass.Pulverized, RatedEvaporationTph = 10 }, 85 },
        { "condensing", new BoilerSpec { Fuel = BoilerFuel.Electric, Condensing = true }, 98 },
        { "efficiencyPercent", new BoilerSpec { Fuel = BoilerFuel.Oil }, double.NaN },
        { "efficiencyPercent", new BoilerSpec { Fuel = BoilerFuel.Oil }, 0 },
        { "efficiencyPercent", new BoilerSpec { Fuel = BoilerFuel.NaturalGas, Condensing = true }, 130 },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_inputs_name_the_field(string field, BoilerSpec spec, double efficiency)
    {
        var ex = Assert.Throws<InputException>(() => BoilerGrader.Grade(spec, efficiency));
        Assert.Equal(field, ex.Field);
        Assert.StartsWith(field + " = ", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_spec_is_an_input_error()
    {
        Assert.Equal("boiler", Assert.Throws<InputException>(() => BoilerGrader.Lookup(null!)).Field);
    }
}
