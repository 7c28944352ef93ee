using System;
using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Boilers.SteadyState;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Edge;

public class BoilerCalculatorTests
{
    private const long T0 = 1_750_000_000_000; // Unix ms
    private const double LhvKjPerNm3 = 35_588.0;

    /// <summary>A 10 t/h natural-gas steam boiler with a short steady-state window (60 s, samples ≥ 10 s apart).</summary>
    private static BoilerNameplate GasSteamBoiler() => new()
    {
        Type = BoilerType.Steam,
        Fuel = FuelKind.NaturalGas,
        RatedEvaporationTph = 10.0,
        FuelLowerHeatingValueKjPerNm3 = LhvKjPerNm3,
        GradingSpec = new BoilerSpec { Fuel = BoilerFuel.NaturalGas, Combustion = BoilerCombustion.Chamber, RatedEvaporationTph = 10.0 },
        SteadyWindowSeconds = 60.0,
        SteadyCapacity = 7,
    };

    private static void SetDirect(MeasurementSet m, long t, PointQuality fuelQuality = PointQuality.Good)
    {
        m.Set(Measurements.SteamFlowTph, 8.0, PointQuality.Good, t);
        m.Set(Measurements.SteamPressureMpaAbs, 1.0, PointQuality.Good, t);
        m.Set(Measurements.FeedwaterTemperatureC, 105.0, PointQuality.Good, t);
        m.Set(Measurements.FuelFlowNm3PerH, 620.0, fuelQuality, t);
    }

    private static void SetFlue(MeasurementSet m, long t, double flueC = 150.0, double o2 = 3.0)
    {
        m.Set(Measurements.FlueGasTemperatureC, flueC, PointQuality.Good, t);
        m.Set(Measurements.AirTemperatureC, 20.0, PointQuality.Good, t);
        m.Set(Measurements.FlueGasO2PercentDry, o2, PointQuality.Good, t);
    }

    [Fact]
    public void Direct_method_when_its_instruments_are_good_and_equal_to_the_engine()
    {
        var calc = new BoilerCalculator(GasSteamBoiler());
        var m = new MeasurementSet("boiler-1");
        SetDirect(m, T0);
        SetFlue(m, T0);

        BoilerResult r = calc.Calculate(m);

        Assert.True(r.Computable, r.NotComputableReason);
        Assert.Equal(BoilerMethod.Direct, r.Method);
        var expected = DirectMethod.Steam(new BoilerMeasurements
        {
            SteamFlowTph = 8.0, SteamPressureMpaAbs = 1.0, FeedwaterTemperatureC = 105.0,
            FuelFlowNm3PerH = 620.0, FuelLowerHeatingValueKjPerNm3 = LhvKjPerNm3,
        });
        Assert.Equal(expected.EfficiencyPercent, r.EfficiencyPercent, 12);
        Assert.True(double.IsNaN(r.Q2Percent));
        Assert.Equal(21.0 / 18.0, r.ExcessAirRatio, 12); // α = 21/(21 − O₂) beside the direct method
        Assert.Equal(80.0, r.LoadPercent, 12);
    }

    [Fact]
    public void Indirect_method_when_the_fuel_meter_is_not_good_and_equal_to_the_engine()
    {
        var calc = new BoilerCalculator(GasSteamBoiler());
        var m = new MeasurementSet("boiler-1");
        SetDirect(m, T0, fuelQuality: PointQuality.Stuck);
        SetFlue(m, T0);
        m.Set(Measurements.FlueGasCoPpm, 40.0, PointQuality.Good, T0);

        BoilerResult r = calc.Calculate(m);

        Assert.Equal(BoilerMethod.Indirect, r.Method);
        var expected = IndirectMethod.Calculate(FuelKind.NaturalGas, new BoilerMeasurements
        {
            FlueGasTemperatureC = 150.0, AirTemperatureC = 20.0, FlueGasO2PercentDry = 3.0, FlueGasCoPpm = 40.0,
            SteamFlowTph = 8.0, FuelLowerHeatingValueKjPerNm3 = LhvKjPerNm3,
        }, 10.0);
        Assert.Equal(expected.EfficiencyPercent, r.EfficiencyPercent, 12);
        Assert.Equal(expected.Q2.Percent, r.Q2Percent, 12);
        Assert.Equal(expected.Q3.Percent, r.Q3Percent, 12);
        Assert.Equal(expected.Q5.Percent, r.Q5Percent, 12);
        Assert.Equal(expected.ExcessAirCoefficient, r.ExcessAirRatio, 12);
    }

    [Fact]
    public void Indirect_natural_gas_hand_checked_with_siegert()
    {
        // Natural gas, flue 150 °C, air 20 °C, O₂ 3 % dry, no CO; rated 10 t/h at 10 t/h.
        // q2 Siegert (1. BImSchV Anlage 2 Nr. 3.4.1, A = 0.66, B = 0.009): 130·(0.66/18 + 0.009) = 5.936667 %.
        // q5 = 5.82·10^−0.38 (GB/T 10184-1988 fallback) = 2.426180 %; q3 = q4 = q6 = 0.
        // η = 100 − 5.936667 − 2.426180 = 91.637153 %.
        var plate = GasSteamBoiler();
        plate.Method = BoilerMethodPreference.IndirectOnly;
        var calc = new BoilerCalculator(plate);
        var m = new MeasurementSet("boiler-1");
        SetFlue(m, T0);
        m.Set(Measurements.SteamFlowTph, 10.0, PointQuality.Good, T0);

        BoilerResult r = calc.Calculate(m);

        Assert.Equal(BoilerMethod.Indirect, r.Method);
        Assert.Equal(5.936667, r.Q2Percent, 5);
        Assert.Equal(0.0, r.Q3Percent);
        Assert.Equal(2.426180, r.Q5Percent, 5);
        Assert.Equal(91.637153, r.EfficiencyPercent, 5);
    }

    [Fact]
    public void Not_computable_names_the_missing_inputs_of_both_methods()
    {
        var calc = new BoilerCalculator(GasSteamBoiler());
        var m = new MeasurementSet("boiler-1");
        SetDirect(m, T0, fuelQuality: PointQuality.Missing);
        m.Set(Measurements.AirTemperatureC, 20.0, PointQuality.Good, T0);
        m.Set(Measurements.FlueGasO2PercentDry, 3.0, PointQuality.OutOfRange, T0);

        BoilerResult r = calc.Calculate(m);

        Assert.False(r.Computable);
        Assert.Equal(BoilerMethod.NotComputable, r.Method);
        Assert.Equal(PointQuality.Missing, r.EfficiencyQuality);
        Assert.StartsWith("not computable:", r.NotComputableReason);
        Assert.Contains("fuelFlowNm3PerH", r.NotComputableReason);
        Assert.Contains("flueGasTemperatureC", r.NotComputableReason);
        Assert.Contains("flueGasO2PercentDry", r.NotComputableReason);
        Assert.DoesNotContain("steamFlowTph", r.NotComputableReason);
        Assert.DoesNotContain("airTemperatureC", r.NotComputableReason);
    }

    [Fact]
    public void Missing_heating_value_in_the_configuration_is_named()
    {
        var plate = GasSteamBoiler();
        plate.FuelLowerHeatingValueKjPerNm3 = double.NaN;
        plate.Method = BoilerMethodPreference.DirectOnly;
        var m = new MeasurementSet("boiler-1");
        SetDirect(m, T0);
        BoilerResult r = new BoilerCalculator(plate).Calculate(m);
        Assert.False(r.Computable);
        Assert.Contains("fuelLowerHeatingValueKjPerNm3 (configuration)", r.NotComputableReason);
    }

    [Fact]
    public void Engine_input_errors_become_not_computable_instead_of_exceptions()
    {
        var plate = GasSteamBoiler();
        plate.Method = BoilerMethodPreference.IndirectOnly;
        var calc = new BoilerCalculator(plate);
        var m = new MeasurementSet("boiler-1");
        SetFlue(m, T0, o2: 21.5); // probe out of the duct: a Good reading the engine refuses

        BoilerResult r = calc.Calculate(m);

        Assert.False(r.Computable);
        Assert.StartsWith("not computable: measurements.flueGasO2PercentDry = 21.5", r.NotComputableReason);
    }

    [Fact]
    public void Direct_failure_falls_back_to_indirect()
    {
        var calc = new BoilerCalculator(GasSteamBoiler());
        var m = new MeasurementSet("boiler-1");
        SetDirect(m, T0);
        m.Set(Measurements.FeedwaterTemperatureC, 250.0, PointQuality.Good, T0); // above saturation at 1 MPa: refused
        SetFlue(m, T0);

        BoilerResult r = calc.Calculate(m);

        Assert.Equal(BoilerMethod.Indirect, r.Method);
        Assert.True(r.Computable);
    }

    [Fact]
    public void Not_steady_is_computed_but_marked_and_not_judged_then_steady_gives_indicator_verdicts()
    {
        var calc = new BoilerCalculator(GasSteamBoiler());
        var m = new MeasurementSet("boiler-1");
        var target = new MeasurementSet("boiler-1");

        // Flue temperature swings ±20 °C (limit ±10 °C around the mean): unsteady.
        for (int i = 0; i <= 8; i++)
        {
            long t = T0 + i * 10_000L;
            SetDirect(m, t);
            SetFlue(m, t, flueC: i % 2 == 0 ? 130.0 : 170.0);
            calc.Calculate(m);
        }

        BoilerResult r = calc.Result;
        Assert.True(r.Computable);
        Assert.False(r.Steady);
        Assert.Equal(SteadyStateReason.FlueTemperatureUnstable, r.SteadyReason);
        Assert.Equal(PointQuality.NotSteady, r.EfficiencyQuality);
        Assert.False(double.IsNaN(r.EfficiencyPercent));
        Assert.Null(r.GbVerdict);
        Assert.Null(r.PlanVerdict);
        Assert.Contains("steady", r.VerdictNote);
        calc.WriteTo(target, T0);
        Assert.Equal(PointQuality.NotSteady, target.Quality(Measurements.BoilerEfficiencyPercent));
        Assert.Equal(0.0, target.Value(Measurements.SteadyState));

        // A full window of calm readings: steady.
        for (int i = 9; i <= 17; i++)
        {
            long t = T0 + i * 10_000L;
            SetDirect(m, t);
            SetFlue(m, t, flueC: 150.0 + (i % 2) * 2.0);
            calc.Calculate(m);
        }

        Assert.True(r.Steady);
        Assert.Equal(PointQuality.Calculated, r.EfficiencyQuality);
        Assert.NotNull(r.GbVerdict);
        Assert.NotNull(r.PlanVerdict);
        Assert.Equal(92.0, r.GbVerdict!.LimitPercent); // GB 24500-2020 chamber natural gas non-condensing, grade 3
        Assert.Contains("indicator only", r.GbVerdict.Basis);
        Assert.Contains("Measured operating efficiency", r.GbVerdict.Basis);
        Assert.Equal(92.0, r.PlanVerdict!.LimitPercent); // plan: gas-fired ≥ 92 %
        Assert.Equal(r.EfficiencyPercent, r.GbVerdict.ValuePercent);
        calc.WriteTo(target, T0);
        Assert.Equal(PointQuality.Calculated, target.Quality(Measurements.BoilerEfficiencyPercent));
        Assert.Equal(1.0, target.Value(Measurements.SteadyState));
    }

    [Fact]
    public void Electric_boiler_uses_the_meter_and_needs_no_flue_gas_for_steady_state()
    {
        var plate = new BoilerNameplate
        {
            Type = BoilerType.Steam, Fuel = FuelKind.Electric, RatedEvaporationTph = 2.0,
            GradingSpec = new BoilerSpec { Fuel = BoilerFuel.Electric, RatedEvaporationTph = 2.0 },
        };
        var m = new MeasurementSet("eboiler");
        m.Set(Measurements.SteamFlowTph, 1.5, PointQuality.Good, T0);
        m.Set(Measurements.SteamPressureMpaAbs, 0.8, PointQuality.Good, T0);
        m.Set(Measurements.FeedwaterTemperatureC, 60.0, PointQuality.Good, T0);
        m.Set(Measurements.ActivePowerKw, 1050.0, PointQuality.Good, T0);

        BoilerResult r = new BoilerCalculator(plate).Calculate(m);

        var expected = DirectMethod.Steam(new BoilerMeasurements
        {
            SteamFlowTph = 1.5, SteamPressureMpaAbs = 0.8, FeedwaterTemperatureC = 60.0, ElectricPowerKw = 1050.0,
        });
        Assert.Equal(BoilerMethod.Direct, r.Method);
        Assert.Equal(expected.EfficiencyPercent, r.EfficiencyPercent, 12);
        Assert.True(r.Steady);
    }

    [Fact]
    public void Verdicts_follow_the_efficiency_across_the_limit_and_keep_value_and_margin_exact()
    {
        // Electric boiler (always steady): GB 24500-2020 clause 5.2 minimum 97 %.
        var plate = new BoilerNameplate
        {
            Type = BoilerType.Steam, Fuel = FuelKind.Electric, RatedEvaporationTph = 2.0,
            GradingSpec = new BoilerSpec { Fuel = BoilerFuel.Electric, RatedEvaporationTph = 2.0 },
        };
        var calc = new BoilerCalculator(plate);
        var m = new MeasurementSet("eboiler");
        m.Set(Measurements.SteamFlowTph, 1.5, PointQuality.Good, T0);
        m.Set(Measurements.SteamPressureMpaAbs, 0.8, PointQuality.Good, T0);
        m.Set(Measurements.FeedwaterTemperatureC, 60.0, PointQuality.Good, T0);
        m.Set(Measurements.ActivePowerKw, 1000.0, PointQuality.Good, T0);
        double usefulKw = calc.Calculate(m).EfficiencyPercent / 100.0 * 1000.0;

        Verdict At(double efficiencyPercent)
        {
            m.Set(Measurements.ActivePowerKw, usefulKw / (efficiencyPercent / 100.0), PointQuality.Good, T0);
            BoilerResult r = calc.Calculate(m);
            Assert.Equal(efficiencyPercent, r.EfficiencyPercent, 9);
            return r.GbVerdict!;
        }

        Verdict pass = At(97.04);
        Assert.True(pass.Pass);
        Assert.Equal(97.0, pass.LimitPercent);
        Verdict same = At(97.02); // same displayed value and band: the verdict is kept, its numbers updated
        Assert.True(same.Pass);
        Assert.Equal(97.02, same.ValuePercent, 9);
        Assert.Equal(0.02, same.MarginPoints, 9);
        Verdict fail = At(96.97); // also "97.0" on display, but below the limit: judged again
        Assert.False(fail.Pass);
        Assert.Equal(-0.03, fail.MarginPoints, 9);
        Assert.Contains("97.0 %", fail.Basis);
        Assert.False(calc.Result.PlanVerdict!.Covered); // the plan sets thresholds for coal and gas only
    }

    [Fact]
    public void Grading_spec_of_another_fuel_is_refused_at_start_up()
    {
        var plate = GasSteamBoiler();
        plate.GradingSpec = new BoilerSpec { Fuel = BoilerFuel.Oil, Combustion = BoilerCombustion.Chamber, RatedEvaporationTph = 10.0 };
        var e = Assert.Throws<EdgeGateway.Shared.Errors.InputException>(() => new BoilerCalculator(plate));
        Assert.Equal("boiler.gradingSpec.fuel", e.Field);
    }

    [Fact]
    public void Superheated_boiler_with_failed_steam_thermometer_does_not_fall_back_to_saturated_steam()
    {
        var plate = GasSteamBoiler();
        plate.Method = BoilerMethodPreference.DirectOnly;
        var m = new MeasurementSet("boiler-1");
        SetDirect(m, T0);
        m.Set(Measurements.SteamTemperatureC, 250.0, PointQuality.Missing, T0);
        BoilerResult r = new BoilerCalculator(plate).Calculate(m);
        Assert.False(r.Computable);
        Assert.Contains("steamTemperatureC", r.NotComputableReason);
    }
}
