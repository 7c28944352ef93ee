using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Edge;

public class MotorCalculatorTests
{
    private const long T0 = 1_750_000_000_000;

    // 11 kW 4-pole, nameplate 91.4 % (= the IE3 limit at 11 kW 4p in GB 18613-2020), 1460 rpm.
    // By hand: P_in,rated = 11/0.914 = 12.035011 kW; losses 1.035011 kW; constant 30 % = 0.310503 kW;
    // load-dependent 0.724508 kW at rated load.
    private static MotorNameplate Motor11Kw() => new()
    {
        RatedPowerKw = 11.0, Poles = 4, RatedEfficiencyPercent = 91.4, RatedSpeedRpm = 1460.0,
    };

    [Fact]
    public void Rated_input_gives_rated_output_and_nameplate_efficiency()
    {
        var calc = new MotorCalculator(Motor11Kw());
        var m = new MeasurementSet("pump-1");
        m.Set(Measurements.ActivePowerKw, 12.035011, PointQuality.Good, T0);

        MotorResult r = calc.Calculate(m);

        Assert.True(r.Computable);
        Assert.True(r.Running);
        Assert.Equal("activePowerKw", r.InputPowerRoute);
        Assert.Equal(11.0, r.ShaftOutputKw, 4);
        Assert.Equal(100.0, r.LoadPercent, 3);
        Assert.Equal(91.4, r.EfficiencyPercent, 3);
        Assert.Equal(0.310503, calc.ConstantLossKw, 5);
    }

    [Fact]
    public void Half_load_from_the_part_load_model()
    {
        // Forward model by hand at P_out = 5.5 kW: P_in = 5.5 + 0.310503 + 0.724508·0.5² = 5.991630 kW,
        // η = 5.5/5.991630 = 91.7947 % (the constant losses weigh more at part load, the I² losses less).
        var calc = new MotorCalculator(Motor11Kw());
        var m = new MeasurementSet("pump-1");
        m.Set(Measurements.ActivePowerKw, 5.991630, PointQuality.Good, T0);

        MotorResult r = calc.Calculate(m);

        Assert.Equal(5.5, r.ShaftOutputKw, 4);
        Assert.Equal(50.0, r.LoadPercent, 3);
        Assert.Equal(91.7947, r.EfficiencyPercent, 3);
    }

    [Fact]
    public void Input_power_from_voltage_current_and_power_factor_when_no_power_reading()
    {
        // √3·400 V·20 A·0.85 = 11.7779455 kW
        var calc = new MotorCalculator(Motor11Kw());
        var m = new MeasurementSet("pump-1");
        m.Set(Measurements.ActivePowerKw, 0.0, PointQuality.Missing, T0);
        m.Set(Measurements.VoltageV, 400.0, PointQuality.Good, T0);
        m.Set(Measurements.CurrentA, 20.0, PointQuality.Good, T0);
        m.Set(Measurements.PowerFactor, 0.85, PointQuality.Good, T0);

        MotorResult r = calc.Calculate(m);

        Assert.Equal("√3·V·I·PF", r.InputPowerRoute);
        Assert.Equal(11.7779455, r.InputPowerKw, 1e-6);
    }

    [Fact]
    public void Slip_load_estimate_when_speed_is_measured()
    {
        // 4 poles at 50 Hz: 1500 rpm synchronous, rated slip 40 rpm; 1480 rpm → 20/40 = 50 %.
        var calc = new MotorCalculator(Motor11Kw());
        var m = new MeasurementSet("pump-1");
        m.Set(Measurements.ActivePowerKw, 6.0, PointQuality.Good, T0);
        m.Set(Measurements.SpeedRpm, 1480.0, PointQuality.Good, T0);
        Assert.Equal(50.0, calc.Calculate(m).LoadBySlipPercent, 9);
    }

    [Fact]
    public void Stopped_motor_has_no_efficiency_and_no_power_is_not_computable()
    {
        var calc = new MotorCalculator(Motor11Kw());
        var m = new MeasurementSet("pump-1");
        Assert.StartsWith("not computable:", calc.Calculate(m).NotComputableReason);

        m.Set(Measurements.ActivePowerKw, 0.0, PointQuality.Good, T0);
        MotorResult r = calc.Calculate(m);
        Assert.True(r.Computable);
        Assert.False(r.Running);
        Assert.Equal(0.0, r.LoadPercent);
        Assert.True(double.IsNaN(r.EfficiencyPercent));
    }

    [Fact]
    public void Nameplate_grade_and_obsolete_below_grade_3()
    {
        var ie3 = new MotorCalculator(Motor11Kw());
        Assert.Equal(3, ie3.NameplateGrade.Grade);
        Assert.False(ie3.Obsolete);

        var old = Motor11Kw();
        old.RatedEfficiencyPercent = 89.8; // IE2-era motor: below the 91.4 % IE3 limit
        var calc = new MotorCalculator(old);
        Assert.True(calc.Obsolete);
        Assert.Contains("obsolete, must be replaced", calc.NameplateGrade.Verdict.GradeLabel);
        Assert.Contains("nameplate", calc.NameplateGrade.Verdict.Basis);
    }

    [Fact]
    public void Results_are_written_for_reporting()
    {
        var calc = new MotorCalculator(Motor11Kw());
        var m = new MeasurementSet("pump-1");
        m.Set(Measurements.ActivePowerKw, 12.035011, PointQuality.Good, T0);
        calc.Calculate(m);
        calc.WriteTo(m, T0);
        Assert.Equal(PointQuality.Calculated, m.Quality(Measurements.MotorLoadPercent));
        Assert.Equal(100.0, m.Value(Measurements.MotorLoadPercent), 3);
        Assert.Equal(91.4, m.Value(Measurements.MotorEfficiencyPercent), 3);
    }

    [Fact]
    public void Bad_nameplate_is_refused_with_the_field()
    {
        var p = Motor11Kw();
        p.RatedEfficiencyPercent = 100.0;
        Assert.Equal("motor.ratedEfficiencyPercent", Assert.Throws<InputException>(() => new MotorCalculator(p)).Field);
    }
}
