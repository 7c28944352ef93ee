using System;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Hardware.Profiles;
using EdgeGateway.Hardware.Simulation;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;

namespace EdgeGateway.Hardware.Tests;

/// <summary>
/// The simulators read back through their profiles, as a gateway would, and judged with the standards engine:
/// a known scenario must give a known efficiency, transformer losses must follow P0 + β²·Pk.
/// </summary>
public sealed class SimulationPhysicsTests
{
    private static ManualClock Clock() => new(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>Decodes a point from a slave's registers exactly as the gateway would.</summary>
    private static double Read(ProfileBank slave, string pointName)
    {
        RegisterPoint p = slave.Profile.FindByName(pointName)!;
        ushort[] table = p.Kind == RegisterKind.InputRegister ? slave.Bank.InputRegisters : slave.Bank.HoldingRegisters;
        return RegisterDecoder.Decode(p, table, p.Address);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Transformer_losses_read_from_both_meters_follow_P0_plus_beta_squared_Pk(double beta)
    {
        var t = new TransformerModel(Scenario.Compliant, 1, Clock(), 3) { FixedLoad = beta, NoiseFraction = 0 };
        t.Update();
        double p1 = Read(t.Slaves[0], "activePowerTotal");
        double p2 = Read(t.Slaves[1], "activePowerTotal");
        // 630 kVA GB 20052-2024 grade 2 [3P]: P0 = 0.51 kW, Pk = 4.96 kW; float32 registers carry ~7 digits.
        double expected = 0.51 + (beta * beta * 4.96);
        Assert.Equal(expected, p1 - p2, 2);
        Assert.Equal(beta * 630.0 * 0.9, p2, 1);
    }

    [Fact]
    public void Non_compliant_transformer_has_the_s11_no_load_loss()
    {
        var t = new TransformerModel(Scenario.NonCompliant, 1, Clock(), 3) { FixedLoad = 0.0, NoiseFraction = 0 };
        t.Update();
        Assert.Equal(0.81, Read(t.Slaves[0], "activePowerTotal") - Read(t.Slaves[1], "activePowerTotal"), 2);
    }

    [Fact]
    public void Motor_input_power_rises_with_load_and_matches_rated_efficiency_at_full_load()
    {
        var clock = Clock();
        var m = new MotorModel(Scenario.Compliant, 1, clock, 3) { FixedLoad = 1.0, NoiseFraction = 0 };
        m.Update();
        double fullKw = Read(m.Slaves[0], "activePowerTotal");
        Assert.Equal(37.0 / 0.939, fullKw, 2);
        m.FixedLoad = 0.5;
        m.Update();
        double halfKw = Read(m.Slaves[0], "activePowerTotal");
        Assert.True(halfKw < fullKw * 0.6 && halfKw > fullKw * 0.45, halfKw + " kW at half load vs " + fullKw + " at full");
        // I = P/(√3·U·cosφ) must hold for what the meter serves.
        double i = Read(m.Slaves[0], "currentL1");
        double pf = Read(m.Slaves[0], "powerFactorTotal");
        Assert.Equal(halfKw * 1000.0 / (Math.Sqrt(3) * 400.0 * pf), i, 1);
    }

    private static BoilerMeasurements ReadBoiler(BoilerModel b)
    {
        ProfileBank controller = b.Slaves[0], flow = b.Slaves[1], analyser = b.Slaves[2];
        BoilerMeasurements truth = b.TrueMeasurements(b.LoadFraction(b.ElapsedSeconds));
        // Lab values for coal are not on the bus: take them from the plant, like a technician enters them.
        truth.SteamFlowTph = Read(flow, "steamFlow");
        truth.SteamPressureMpaAbs = Read(flow, "steamPressureAbs");
        truth.SteamTemperatureC = Read(flow, "steamTemperature");
        truth.FeedwaterTemperatureC = Read(flow, "feedwaterTemperature");
        truth.FlueGasO2PercentDry = Read(analyser, "o2Dry");
        truth.FlueGasCoPpm = Read(analyser, "co");
        truth.FlueGasTemperatureC = Read(analyser, "flueGasTemperature");
        truth.AirTemperatureC = Read(analyser, "airTemperature");
        if (b.Fuel == BoilerFuel.Gas)
        {
            truth.FuelFlowNm3PerH = Read(controller, "gasFlow");
        }
        else
        {
            truth.FuelFlowKgPerH = Read(controller, "coalFlow");
        }

        return truth;
    }

    [Theory]
    [InlineData(BoilerFuel.Gas, Scenario.Compliant, 92.0, true)]
    [InlineData(BoilerFuel.Gas, Scenario.NonCompliant, 92.0, false)]
    [InlineData(BoilerFuel.Coal, Scenario.Compliant, 80.0, true)]
    [InlineData(BoilerFuel.Coal, Scenario.NonCompliant, 80.0, false)]
    public void Boiler_efficiency_from_the_served_registers_matches_the_standards_engine(BoilerFuel fuel, Scenario scenario, double limitPercent, bool above)
    {
        var b = new BoilerModel(fuel, scenario, 1, Clock(), 11) { NoiseFraction = 0, FixedLoad = 0.75 };
        b.Update();
        BoilerMeasurements served = ReadBoiler(b);
        double indirect = IndirectMethod.Calculate(fuel == BoilerFuel.Gas ? FuelKind.NaturalGas : FuelKind.Coal, served, 10.0).EfficiencyPercent;
        double direct = DirectMethod.Steam(served).EfficiencyPercent;
        // Registers round O₂ to 0.01 % and temperatures to 0.1 °C: both methods agree with the model within 0.1 point.
        Assert.Equal(b.EfficiencyPercent, indirect, 1);
        Assert.Equal(b.EfficiencyPercent, direct, 1);
        Assert.True(above == (indirect > limitPercent), fuel + " " + scenario + ": η = " + indirect.ToString("F2") + " %, limit " + limitPercent);
    }

    [Fact]
    public void Gas_boiler_efficiency_changes_with_load()
    {
        var b = new BoilerModel(BoilerFuel.Gas, Scenario.Compliant, 1, Clock(), 11) { NoiseFraction = 0, FixedLoad = 0.9 };
        b.Update();
        double high = b.EfficiencyPercent;
        b.FixedLoad = 0.5;
        b.Update();
        Assert.NotEqual(high, b.EfficiencyPercent, 1);
    }

    [Fact]
    public void Same_seed_and_clock_steps_give_identical_registers()
    {
        ushort[] Run()
        {
            var clock = Clock();
            var b = new BoilerModel(BoilerFuel.Gas, Scenario.Compliant, 1, clock, 42);
            for (int i = 0; i < 5; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(30));
                b.Update();
            }

            return (ushort[])b.Slaves[2].Bank.InputRegisters.Clone();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Sensor_faults_stuck_drift_and_failed_hit_the_o2_probe()
    {
        double O2After(Scenario s, double minutes)
        {
            var clock = Clock();
            var b = new BoilerModel(BoilerFuel.Gas, s, 1, clock, 5) { NoiseFraction = 0, FixedLoad = 0.75 };
            b.Update();
            b.FixedLoad = 0.5;
            clock.Advance(TimeSpan.FromMinutes(minutes));
            b.Update();
            return Read(b.Slaves[2], "o2Dry");
        }

        // Truth at load 0.75 is 3.0 % O₂, at 0.5 it is 3.5 %.
        Assert.Equal(3.5, O2After(Scenario.Compliant, 10), 2);
        Assert.Equal(3.0, O2After(Scenario.SensorStuck, 10), 2);
        Assert.Equal(3.5 + (0.05 * 60), O2After(Scenario.Drift, 60), 2);
        double failed = O2After(Scenario.Failed, 1);
        Assert.True(failed > 21.0, "a failed O₂ probe must read outside 0..21 %, read " + failed);
    }
}
