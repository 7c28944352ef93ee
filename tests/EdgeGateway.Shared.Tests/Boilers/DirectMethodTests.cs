using System;
using EdgeGateway.Shared.Boilers.Efficiency;

namespace EdgeGateway.Shared.Tests.Boilers
{
    public class DirectMethodTests
    {
        // Heat input of the reference boiler: 330 Nm³/h × 35 588 kJ/Nm³ / 3600 s/h = 3262.233 kW.
        private const double GasInputKw = 330.0 * 35588.0 / 3600.0;

        [Fact]
        public void SaturatedSteam_MatchesHandCalculationWithIndependentEnthalpies()
        {
            SteamDirectResult r = DirectMethod.Steam(BoilerAssert.GasSteamBoiler());

            // η = D·(h″ − h_fw)/(B·Q_net)·100 with D = 4000/3600 kg/s; h″(1 MPa) = 2777.12, h(1 MPa, 20 °C) = 84.86 kJ/kg.
            double usefulKw = 4000.0 / 3600.0 * (SteamReference.SaturatedVapourAt1Mpa - SteamReference.Water20CAt1Mpa);
            double expected = 100.0 * usefulKw / GasInputKw; // ≈ 91.70 %
            Assert.InRange(expected, 91.6, 91.8);
            Assert.Equal(expected, r.EfficiencyPercent, 2);
            Assert.Equal(SteamReference.SaturatedVapourAt1Mpa, r.SteamEnthalpyKjPerKg, 1);
            Assert.Equal(SteamReference.Water20CAt1Mpa, r.FeedwaterEnthalpyKjPerKg, 1);
            Assert.Equal(GasInputKw, r.FuelHeatInputKw, 6);
            Assert.Equal(usefulKw, r.UsefulHeatKw, 0);
            Assert.Equal(179.886, r.SaturationTemperatureC, 2);
            Assert.Equal("saturated", r.SteamState);
            Assert.True(double.IsNaN(r.BlowdownEnthalpyKjPerKg));
            Assert.Equal("fuelFlowNm3PerH × fuelLowerHeatingValueKjPerNm3", r.HeatInputRoute);
            Assert.Equal("", r.Notes);
        }

        [Fact]
        public void BriefExample_300Nm3PerHour_GivesAbove100PercentUnclampedWithWarning()
        {
            // 4 t/h of 1 MPa saturated steam needs ≈ 2991 kW; 300 Nm³/h × 35 588 kJ/Nm³ = 2965.7 kW, so η ≈ 100.9 %:
            // impossible for a non-condensing steam boiler — the result must say so rather than hide it.
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.FuelFlowNm3PerH = 300.0;
            SteamDirectResult r = DirectMethod.Steam(m);
            double expected = 100.0 * 4000.0 / 3600.0 * (SteamReference.SaturatedVapourAt1Mpa - SteamReference.Water20CAt1Mpa)
                / (300.0 * 35588.0 / 3600.0);
            Assert.Equal(expected, r.EfficiencyPercent, 2);
            Assert.True(r.EfficiencyPercent > 100.0);
            Assert.Contains("condensing", r.Notes, StringComparison.Ordinal);
        }

        [Fact]
        public void Moisture_LowersEfficiencyByWTimesLatentHeat()
        {
            SteamDirectResult dry = DirectMethod.Steam(BoilerAssert.GasSteamBoiler());
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.SteamMoisturePercent = 3.0;
            SteamDirectResult wet = DirectMethod.Steam(m);

            // h = h″ − w·r/100: 3 % moisture at 1 MPa removes 0.03 × 2014.44 = 60.43 kJ/kg,
            // i.e. (4000/3600 × 60.43)/3262.23 × 100 = 2.058 points.
            double expectedDrop = 100.0 * 4000.0 / 3600.0 * 0.03 * SteamReference.LatentAt1Mpa / GasInputKw;
            Assert.InRange(expectedDrop, 2.0, 2.1);
            Assert.Equal(expectedDrop, dry.EfficiencyPercent - wet.EfficiencyPercent, 2);
            Assert.Equal(SteamReference.SaturatedVapourAt1Mpa - 0.03 * SteamReference.LatentAt1Mpa,
                wet.SteamEnthalpyKjPerKg, 1);
            Assert.Equal("wet", wet.SteamState);
        }

        [Fact]
        public void Blowdown_RaisesEfficiencyByItsSaturatedWaterHeat()
        {
            SteamDirectResult none = DirectMethod.Steam(BoilerAssert.GasSteamBoiler());
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.BlowdownFlowTph = 0.2;
            SteamDirectResult with = DirectMethod.Steam(m);

            // Blowdown leaves as saturated water h′ = 762.68 kJ/kg: 0.2/3.6 kg/s × (762.68 − 84.86) = 37.66 kW → +1.154 points.
            double expectedRise = 100.0 * 200.0 / 3600.0
                * (SteamReference.SaturatedLiquidAt1Mpa - SteamReference.Water20CAt1Mpa) / GasInputKw;
            Assert.InRange(expectedRise, 1.1, 1.2);
            Assert.Equal(expectedRise, with.EfficiencyPercent - none.EfficiencyPercent, 2);
            Assert.Equal(SteamReference.SaturatedLiquidAt1Mpa, with.BlowdownEnthalpyKjPerKg, 1);
        }

        [Fact]
        public void SuperheatedSteam_UsesRegion2Enthalpy()
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.SteamTemperatureC = 250.0;
            m.FuelFlowNm3PerH = 360.0;
            SteamDirectResult r = DirectMethod.Steam(m);
            double expected = 100.0 * 4000.0 / 3600.0 * (SteamReference.Steam250CAt1Mpa - SteamReference.Water20CAt1Mpa)
                / (360.0 * 35588.0 / 3600.0);
            Assert.Equal(expected, r.EfficiencyPercent, 2);
            Assert.Equal("superheated", r.SteamState);
            Assert.Equal(SteamReference.Steam250CAt1Mpa, r.SteamEnthalpyKjPerKg, 1);
        }

        [Fact]
        public void SteamTemperatureAtSaturation_IsTreatedAsDrySaturatedWithNote()
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.SteamTemperatureC = 179.5; // within 1 K below T_s = 179.89 °C: a thermometer cannot tell
            SteamDirectResult r = DirectMethod.Steam(m);
            Assert.Equal("saturated", r.SteamState);
            Assert.Equal(SteamReference.SaturatedVapourAt1Mpa, r.SteamEnthalpyKjPerKg, 1);
            Assert.Contains("saturation", r.Notes, StringComparison.Ordinal);
        }

        [Fact]
        public void CoalByMass_UsesKgRoute()
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.FuelFlowNm3PerH = double.NaN;
            m.FuelLowerHeatingValueKjPerNm3 = double.NaN;
            m.FuelFlowKgPerH = 640.0;
            m.FuelLowerHeatingValueKjPerKg = 21670.0;
            SteamDirectResult r = DirectMethod.Steam(m);
            double expected = 100.0 * 4000.0 * (SteamReference.SaturatedVapourAt1Mpa - SteamReference.Water20CAt1Mpa)
                / (640.0 * 21670.0);
            Assert.Equal(expected, r.EfficiencyPercent, 2); // ≈ 77.6 %
            Assert.Equal("fuelFlowKgPerH × fuelLowerHeatingValueKjPerKg", r.HeatInputRoute);
        }

        [Fact]
        public void HotWater_FlowAndTemperatures()
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.WaterFlowTph = 50.0;
            m.SupplyTemperatureC = 95.0;
            m.ReturnTemperatureC = 70.0;
            m.FuelFlowNm3PerH = 160.0;
            m.FuelLowerHeatingValueKjPerNm3 = 35588.0;
            HotWaterDirectResult r = DirectMethod.HotWater(m);

            // 50 000/3600 kg/s × (398.72 − 293.81) kJ/kg = 1457.0 kW; 160 × 35 588/3600 = 1581.7 kW → 92.12 %.
            double usefulKw = 50000.0 / 3600.0 * (SteamReference.Water95CAt1Mpa - SteamReference.Water70CAt1Mpa);
            double expected = 100.0 * usefulKw / (160.0 * 35588.0 / 3600.0);
            Assert.Equal(expected, r.EfficiencyPercent, 2);
            Assert.Equal(usefulKw, r.UsefulHeatKw, 0);
            // Plausibility with a constant specific heat: 4.19 kJ/(kg·K) × 25 K ≈ 104.8 kJ/kg.
            Assert.InRange(r.SupplyEnthalpyKjPerKg - r.ReturnEnthalpyKjPerKg, 104.0, 105.5);
            Assert.Equal(1.0, r.WaterPressureMpaAbs);
            Assert.Contains("waterPressureMpaAbs not given", r.Notes, StringComparison.Ordinal);
        }

        [Fact]
        public void HotWater_HeatMeterAndElectric()
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.HeatOutputKw = 980.0;
            m.ElectricPowerKw = 1000.0;
            HotWaterDirectResult r = DirectMethod.HotWater(m);
            Assert.Equal(98.0, r.EfficiencyPercent, 9);
            Assert.Equal("heatOutputKw", r.UsefulHeatRoute);
            Assert.Equal("electricPowerKw", r.HeatInputRoute);
            Assert.True(double.IsNaN(r.SupplyEnthalpyKjPerKg));
        }

        [Fact]
        public void HotWater_FlowRouteTakesPrecedenceOverHeatMeter()
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.WaterFlowTph = 50.0;
            m.SupplyTemperatureC = 95.0;
            m.ReturnTemperatureC = 70.0;
            m.WaterPressureMpaAbs = 1.0;
            m.HeatOutputKw = 1.0;
            m.FuelFlowNm3PerH = 160.0;
            m.FuelLowerHeatingValueKjPerNm3 = 35588.0;
            HotWaterDirectResult r = DirectMethod.HotWater(m);
            Assert.InRange(r.UsefulHeatKw, 1450.0, 1465.0);
            Assert.Contains("heatOutputKw ignored", r.Notes, StringComparison.Ordinal);
        }
    }
}
