using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Edge;

public class TransformerCalculatorTests
{
    private const long T0 = 1_750_000_000_000;

    // 10 kV oil-immersed silicon-steel 400 kVA with exactly the grade-3 losses of GB 20052-2024: P0 0.41, Pk 4.52 kW.
    private static TransformerNameplate Unit400(double p0 = 0.41) => new()
    {
        RatedKva = 400.0, NoLoadLossKw = p0, LoadLossKw = 4.52,
    };

    [Fact]
    public void Load_factor_losses_and_efficiency_by_hand()
    {
        // S₂ = 200 kVA → β = 0.5; losses 0.41 + 0.25·4.52 = 1.54 kW; η = 180/(180 + 1.54) = 99.151702 % at cosφ 0.9.
        var calc = new TransformerCalculator(Unit400());
        var m = new MeasurementSet("tr-1");
        m.Set(Measurements.ApparentPowerKva, 200.0, PointQuality.Good, T0);
        m.Set(Measurements.PowerFactor, 0.9, PointQuality.Good, T0);

        TransformerResult r = calc.Calculate(m, null);

        Assert.True(r.Computable);
        Assert.Equal("apparentPowerKva", r.ApparentPowerRoute);
        Assert.Equal(0.5, r.LoadFactor, 12);
        Assert.Equal(1.54, r.ModelLossKw, 12);
        Assert.Equal(99.151702, r.EfficiencyPercent, 5);
        Assert.True(double.IsNaN(r.MeasuredLossKw));
        Assert.Equal(0.301178, calc.OptimalLoadFactor, 5); // √(0.41/4.52)
    }

    [Fact]
    public void Apparent_power_from_active_power_and_power_factor_and_measured_loss_from_two_meters()
    {
        var calc = new TransformerCalculator(Unit400());
        var secondary = new MeasurementSet("tr-1");
        secondary.Set(Measurements.ActivePowerKw, 180.0, PointQuality.Good, T0);
        secondary.Set(Measurements.PowerFactor, 0.9, PointQuality.Good, T0);
        var primary = new MeasurementSet("tr-1-hv");
        primary.Set(Measurements.ActivePowerKw, 181.6, PointQuality.Good, T0);

        TransformerResult r = calc.Calculate(secondary, primary);

        Assert.Equal("activePowerKw ÷ powerFactor", r.ApparentPowerRoute);
        Assert.Equal(200.0, r.ApparentPowerKva, 9);
        Assert.Equal(0.5, r.LoadFactor, 9);
        Assert.Equal(1.6, r.MeasuredLossKw, 9);
        Assert.Contains("±30 %", TransformerCalculator.MeasuredLossNote);
    }

    [Fact]
    public void Nameplate_grade_3_and_high_loss_s11()
    {
        Assert.Equal(3, new TransformerCalculator(Unit400()).NameplateGrade.Grade);
        var s11 = new TransformerCalculator(Unit400(p0: 0.57)); // S11 400 kVA no-load loss: above the 0.41 kW grade-3 limit
        Assert.True(s11.HighLoss);
        Assert.Equal(0, s11.NameplateGrade.Grade);
    }

    [Fact]
    public void Implausible_load_factor_is_reported_not_thrown_and_no_meter_is_not_computable()
    {
        var calc = new TransformerCalculator(Unit400());
        var m = new MeasurementSet("tr-1");
        Assert.StartsWith("not computable:", calc.Calculate(m, null).NotComputableReason);

        m.Set(Measurements.ApparentPowerKva, 4000.0, PointQuality.Good, T0); // CT ratio off by 10
        TransformerResult r = calc.Calculate(m, null);
        Assert.False(r.Computable);
        Assert.Contains("load factor above 2", r.NotComputableReason);
        calc.WriteTo(m, T0);
        Assert.Equal(PointQuality.Missing, m.Quality(Measurements.TransformerLossKw));
    }

    [Fact]
    public void Without_power_factor_the_efficiency_is_not_given_but_the_losses_are()
    {
        var calc = new TransformerCalculator(Unit400());
        var m = new MeasurementSet("tr-1");
        m.Set(Measurements.ApparentPowerKva, 100.0, PointQuality.Good, T0);
        TransformerResult r = calc.Calculate(m, null);
        Assert.Equal(0.41 + 0.0625 * 4.52, r.ModelLossKw, 12);
        Assert.True(double.IsNaN(r.EfficiencyPercent));
    }
}
