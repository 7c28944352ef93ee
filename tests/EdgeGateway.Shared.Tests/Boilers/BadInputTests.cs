using System;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;

namespace EdgeGateway.Shared.Tests.Boilers
{
    /// <summary>Every rejected input names the field (as in the JSON), shows the value and says what is allowed.</summary>
    public class BadInputTests
    {
        private static BoilerMeasurements Gas(Action<BoilerMeasurements> change)
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            change(m);
            return m;
        }

        private static BoilerMeasurements Coal(Action<BoilerMeasurements> change)
        {
            BoilerMeasurements m = BoilerAssert.CoalBoiler();
            change(m);
            return m;
        }

        private static BoilerMeasurements HotWater(Action<BoilerMeasurements> change)
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.WaterFlowTph = 50.0;
            m.SupplyTemperatureC = 95.0;
            m.ReturnTemperatureC = 70.0;
            m.FuelFlowNm3PerH = 160.0;
            m.FuelLowerHeatingValueKjPerNm3 = 35588.0;
            change(m);
            return m;
        }

        // ---- direct method, steam ----

        [Fact]
        public void NegativeSteamFlow() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.SteamFlowTph = -1.0)), "measurements.steamFlowTph", "-1");

        [Fact]
        public void NegativeBlowdown() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.BlowdownFlowTph = -0.1)), "measurements.blowdownFlowTph", "-0.1");

        [Fact]
        public void NegativeFuelFlow() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.FuelFlowNm3PerH = -5.0)), "measurements.fuelFlowNm3PerH", "-5");

        [Fact]
        public void ZeroFuelFlow() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.FuelFlowNm3PerH = 0.0)), "measurements.fuelFlowNm3PerH", "0");

        [Fact]
        public void MissingSteamPressure() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.SteamPressureMpaAbs = double.NaN)), "measurements.steamPressureMpaAbs",
            "missing");

        [Fact]
        public void SteamPressureAboveSaturationRange() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.SteamPressureMpaAbs = 25.0)), "measurements.steamPressureMpaAbs", "25");

        [Fact]
        public void MissingSteamFlow() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.SteamFlowTph = double.NaN)), "measurements.steamFlowTph", "missing");

        [Fact]
        public void MissingFeedwaterTemperature() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.FeedwaterTemperatureC = double.NaN)),
            "measurements.feedwaterTemperatureC", "missing");

        [Fact]
        public void FeedwaterAboveSaturation() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.FeedwaterTemperatureC = 200.0)), "measurements.feedwaterTemperatureC",
            "200");

        [Fact]
        public void SteamBelowSaturation()
        {
            var e = BoilerAssert.Input(() => DirectMethod.Steam(Gas(m => m.SteamTemperatureC = 150.0)),
                "measurements.steamTemperatureC", "150");
            Assert.Contains("179.9", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void MoistureWithSuperheat() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m =>
            {
                m.SteamTemperatureC = 250.0;
                m.SteamMoisturePercent = 2.0;
            })), "measurements.steamMoisturePercent", "2");

        [Fact]
        public void MoistureOutOfRange() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.SteamMoisturePercent = -1.0)), "measurements.steamMoisturePercent", "-1");

        [Fact]
        public void MissingLhv() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.FuelLowerHeatingValueKjPerNm3 = double.NaN)),
            "measurements.fuelLowerHeatingValueKjPerNm3", "missing");

        [Theory]
        [InlineData(0.0, "0")]
        [InlineData(-35588.0, "-35588")]
        public void LhvNotPositive(double lhv, string shown) => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.FuelLowerHeatingValueKjPerNm3 = lhv)),
            "measurements.fuelLowerHeatingValueKjPerNm3", shown);

        [Fact]
        public void LhvPerKgNotPositive() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Coal, Coal(m => m.FuelLowerHeatingValueKjPerKg = 0.0), 10.0),
            "measurements.fuelLowerHeatingValueKjPerKg", "0");

        [Fact]
        public void NoHeatInput() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.FuelFlowNm3PerH = double.NaN)), "measurements.fuelFlowNm3PerH", "missing");

        [Fact]
        public void TwoHeatInputs() => BoilerAssert.Input(
            () => DirectMethod.Steam(Gas(m => m.ElectricPowerKw = 100.0)), "measurements.electricPowerKw", "together");

        [Fact]
        public void NullMeasurements() => BoilerAssert.Input(() => DirectMethod.Steam(null!), "measurements", "missing");

        // ---- direct method, hot water ----

        [Fact]
        public void HotWaterMissingReturn() => BoilerAssert.Input(
            () => DirectMethod.HotWater(HotWater(m => m.ReturnTemperatureC = double.NaN)),
            "measurements.returnTemperatureC", "missing");

        [Fact]
        public void HotWaterSupplyBelowReturn() => BoilerAssert.Input(
            () => DirectMethod.HotWater(HotWater(m => m.SupplyTemperatureC = 60.0)), "measurements.supplyTemperatureC", "60");

        [Fact]
        public void HotWaterBoiling() => BoilerAssert.Input(
            () => DirectMethod.HotWater(HotWater(m =>
            {
                m.WaterPressureMpaAbs = 0.2;
                m.SupplyTemperatureC = 130.0; // T_s(0.2 MPa) = 120.2 °C
            })), "measurements.supplyTemperatureC", "130");

        [Fact]
        public void HotWaterNegativeFlow() => BoilerAssert.Input(
            () => DirectMethod.HotWater(HotWater(m => m.WaterFlowTph = -50.0)), "measurements.waterFlowTph", "-50");

        [Fact]
        public void HotWaterNothingGiven() => BoilerAssert.Input(
            () => DirectMethod.HotWater(new BoilerMeasurements()), "measurements.heatOutputKw", "missing");

        // ---- indirect method ----

        [Theory]
        [InlineData(21.0, "21")]
        [InlineData(25.0, "25")]
        [InlineData(-0.5, "-0.5")]
        public void O2OutOfRange(double o2, string shown)
        {
            var e = BoilerAssert.Input(
                () => IndirectMethod.Calculate(FuelKind.NaturalGas, Gas(m => m.FlueGasO2PercentDry = o2), 4.0),
                "measurements.flueGasO2PercentDry", shown);
            Assert.Contains("21", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void MissingO2() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.NaturalGas, Gas(m => m.FlueGasO2PercentDry = double.NaN), 4.0),
            "measurements.flueGasO2PercentDry", "missing");

        [Fact]
        public void FlueBelowAir()
        {
            var e = BoilerAssert.Input(
                () => IndirectMethod.Calculate(FuelKind.NaturalGas, Gas(m => m.FlueGasTemperatureC = 15.0), 4.0),
                "measurements.flueGasTemperatureC", "15");
            Assert.Contains("airTemperatureC = 20", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void MissingFlueTemperature() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.NaturalGas, Gas(m => m.FlueGasTemperatureC = double.NaN), 4.0),
            "measurements.flueGasTemperatureC", "missing");

        [Fact]
        public void MissingAirTemperature() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.NaturalGas, Gas(m => m.AirTemperatureC = double.NaN), 4.0),
            "measurements.airTemperatureC", "missing");

        [Fact]
        public void NegativeCo() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.NaturalGas, Gas(m => m.FlueGasCoPpm = -10.0), 4.0),
            "measurements.flueGasCoPpm", "-10");

        [Fact]
        public void CoWithoutGasLhv() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.NaturalGas, Gas(m =>
            {
                m.FlueGasCoPpm = 100.0;
                m.FuelLowerHeatingValueKjPerNm3 = double.NaN;
            }), 4.0), "measurements.fuelLowerHeatingValueKjPerNm3", "missing");

        [Fact]
        public void ZeroSteamFlowForQ5() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.NaturalGas, Gas(m => m.SteamFlowTph = 0.0), 4.0),
            "measurements.steamFlowTph", "0");

        [Theory]
        [InlineData(0.0, "0")]
        [InlineData(double.NaN, "missing")]
        public void RatedCapacityNotPositive(double rated, string shown) => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.NaturalGas, BoilerAssert.GasSteamBoiler(), rated), "ratedCapacityTph",
            shown);

        [Fact]
        public void ElectricHasNoHeatLosses() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Electric, BoilerAssert.GasSteamBoiler(), 4.0), "fuel", "electric");

        [Fact]
        public void CoalMissingHydrogen() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Coal, Coal(m => m.HydrogenAsReceivedPercent = double.NaN), 10.0),
            "measurements.hydrogenAsReceivedPercent", "missing");

        [Fact]
        public void CoalAnalysisNotSummingTo100() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Coal, Coal(m => m.CarbonAsReceivedPercent = 65.5), 10.0),
            "measurements.carbonAsReceivedPercent", "110");

        [Fact]
        public void CoalAshSplitNotSummingTo100() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Coal, Coal(m => m.FlyAshFractionPercent = 40.0), 10.0),
            "measurements.slagFractionPercent", "120");

        [Fact]
        public void CoalMissingCarbonInFlyAsh() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Coal, Coal(m => m.CarbonInFlyAshPercent = double.NaN), 10.0),
            "measurements.carbonInFlyAshPercent", "missing");

        [Fact]
        public void CoalCarbonInSlag100() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Coal, Coal(m => m.CarbonInSlagPercent = 100.0), 10.0),
            "measurements.carbonInSlagPercent", "100");

        [Fact]
        public void CoalMissingSlagTemperature() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Coal, Coal(m => m.SlagTemperatureC = double.NaN), 10.0),
            "measurements.slagTemperatureC", "missing");

        [Fact]
        public void CoalMissingLhv() => BoilerAssert.Input(
            () => IndirectMethod.Calculate(FuelKind.Coal, Coal(m => m.FuelLowerHeatingValueKjPerKg = double.NaN), 10.0),
            "measurements.fuelLowerHeatingValueKjPerKg", "missing");

        [Fact]
        public void GasCompositionNotSummingTo100()
        {
            GasComposition g = GasComposition.TypicalNaturalGas();
            g.MethanePercent = 80.0;
            BoilerAssert.Input(() => IndirectMethod.Calculate(FuelKind.NaturalGas, BoilerAssert.GasSteamBoiler(), 4.0, g),
                "fuelComposition", "84");
        }

        // ---- flue gas helpers and fuels ----

        [Fact]
        public void WetO2AtOrAbove21() => BoilerAssert.Input(
            () => FlueGas.O2WetToDry(21.0, 10.0), "measurements.flueGasO2PercentWet", "21");

        [Fact]
        public void WaterVapourOutOfRange() => BoilerAssert.Input(
            () => FlueGas.O2WetToDry(3.0, 98.0), "measurements.flueGasWaterVapourPercent", "98");

        [Fact]
        public void Ro2OutOfRange() => BoilerAssert.Input(
            () => FlueGas.ExcessAirFromO2AndCo(3.0, 100.0, -1.0), "measurements.flueGasRo2PercentDry", "-1");

        [Fact]
        public void UnknownFuelName() => BoilerAssert.Input(() => FuelKinds.Parse("peat", "fuel"), "fuel", "peat");

        [Fact]
        public void RatedMwNotPositive() => BoilerAssert.Input(
            () => IndirectMethod.RatedCapacityTphFromMw(-7.0), "ratedOutputMw", "-7");
    }
}
