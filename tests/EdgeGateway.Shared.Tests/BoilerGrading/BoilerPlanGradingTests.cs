using EdgeGateway.Shared.Boilers.Grading;
using BoilerGrader = EdgeGateway.Shared.Boilers.Grading.BoilerGrading;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Tests.Standards;

namespace EdgeGateway.Shared.Tests.BoilerGrading;

// Thresholds from the plan section of the standards reference: coal >= 80 %, gas >= 92 %, newly produced boilers.
public sealed class BoilerPlanGradingTests
{
    [Theory]
    [InlineData(BoilerFuel.Coal, 80.0, true)]
    [InlineData(BoilerFuel.Coal, 79.9, false)]
    [InlineData(BoilerFuel.NaturalGas, 92.0, true)]
    [InlineData(BoilerFuel.NaturalGas, 91.9, false)]
    public void Plan_thresholds(BoilerFuel fuel, double efficiency, bool pass)
    {
        Verdict v = BoilerPlanGrading.Grade(fuel, false, efficiency, EfficiencySource.Rated);
        VerdictAssert.Complete(v);
        Assert.True(v.Covered);
        Assert.Equal(pass, v.Pass);
        Assert.Equal(fuel == BoilerFuel.Coal ? 80.0 : 92.0, v.LimitPercent, 9);
        Assert.Equal("plan-2020", v.StandardId);
        Assert.Equal(BoilerPlanGrading.StandardId, v.StandardId);
        Assert.Contains("newly produced", v.Basis, System.StringComparison.Ordinal);
        Assert.Equal(0, v.Grade);
    }

    [Fact]
    public void Condensing_gas_has_the_same_plan_threshold()
    {
        Verdict v = BoilerPlanGrading.Grade(BoilerFuel.NaturalGas, true, 99, EfficiencySource.Rated);
        Assert.Equal(92.0, v.LimitPercent, 9);
        Assert.Equal(7.0, v.MarginPoints, 9);
    }

    [Theory]
    [InlineData(BoilerFuel.Oil)]
    [InlineData(BoilerFuel.Biomass)]
    [InlineData(BoilerFuel.Electric)]
    [InlineData(BoilerFuel.Other)]
    public void Other_fuels_are_not_covered_by_the_plan(BoilerFuel fuel)
    {
        Verdict v = BoilerPlanGrading.Grade(fuel, false, 90, EfficiencySource.Rated);
        VerdictAssert.Complete(v);
        Assert.False(v.Covered);
        Assert.False(v.Pass);
        Assert.True(double.IsNaN(BoilerPlanGrading.ThresholdPercent(fuel)));
    }

    [Fact]
    public void Plan_and_GB_24500_are_separate_verdicts()
    {
        // A fluidised-bed bituminous III coal boiler at 85 % meets the plan's 80 % but not GB grade 3 (88 %).
        var spec = new BoilerSpec { Fuel = BoilerFuel.Coal, Combustion = BoilerCombustion.FluidizedBed, CoalClass = CoalClass.BituminousIII };
        var gb = BoilerGrader.Grade(spec, 85);
        Verdict plan = BoilerPlanGrading.Grade(BoilerFuel.Coal, false, 85, EfficiencySource.Rated);
        Assert.False(gb.Verdict.Pass);
        Assert.Equal(88.0, gb.Verdict.LimitPercent, 9);
        Assert.True(plan.Pass);
        Assert.NotEqual(gb.Verdict.StandardId, plan.StandardId);
        Assert.NotEqual(gb.Verdict.Source, plan.Source);
    }

    [Fact]
    public void Measured_value_is_labelled_as_an_indicator()
    {
        Verdict v = BoilerPlanGrading.Grade(BoilerFuel.Coal, false, 81, EfficiencySource.Measured);
        Assert.Contains("indicator", v.Basis, System.StringComparison.Ordinal);
        Assert.Contains("Measured", v.Basis, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_efficiency_names_the_field()
    {
        Assert.Equal("efficiencyPercent", Assert.Throws<InputException>(() => BoilerPlanGrading.Grade(BoilerFuel.Coal, false, -3, EfficiencySource.Rated)).Field);
    }
}
