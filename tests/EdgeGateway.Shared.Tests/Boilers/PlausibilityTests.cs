using System;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Tests.Boilers
{
    /// <summary>
    /// Plausibility checks name the input the user got wrong, show its value and say what to do. Ranges are the
    /// project's typical values [M] (shared/data/standards/typical-heating-value-ranges.tsv): natural gas 30 000–40 000,
    /// LPG 85 000–125 000, coke-oven gas 14 000–20 000 kJ/Nm³; oil 38 000–46 000, coal 8 000–33 000,
    /// biomass 6 000–22 000 kJ/kg; without a fuel any gas 14 000–125 000 kJ/Nm³, any fuel by mass 6 000–52 000 kJ/kg.
    /// </summary>
    public class PlausibilityTests
    {
        private const string LhvNm3 = "measurements.fuelLowerHeatingValueKjPerNm3";
        private const string LhvKg = "measurements.fuelLowerHeatingValueKjPerKg";

        private static BoilerMeasurements Gas(Action<BoilerMeasurements> change)
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            change(m);
            return m;
        }

        /// <summary>50 t/h of water heated from 70 to 95 °C (≈ 1457 kW by IF97), 160 Nm³/h natural gas.</summary>
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

        private static BoilerMeasurements ByMass(double lhvKjPerKg)
        {
            return Gas(m =>
            {
                m.FuelFlowNm3PerH = double.NaN;
                m.FuelFlowKgPerH = 500.0;
                m.FuelLowerHeatingValueKjPerKg = lhvKjPerKg;
            });
        }

        // ---- heating value ----

        [Fact]
        public void Gas_heating_value_in_MJ_is_called_MJ_even_without_the_fuel()
        {
            // The CLI's direct method does not pass the fuel: the any-gas range still catches a value 1000× too small.
            InputException e = BoilerAssert.Input(
                () => DirectMethod.Steam(Gas(m => m.FuelLowerHeatingValueKjPerNm3 = 35.588)), LhvNm3, "35.588");
            Assert.Contains("looks like MJ/Nm³: multiply by 1000 (35588 kJ/Nm³)", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void Natural_gas_heating_value_in_kcal_is_called_kcal()
        {
            // 8500 kcal/Nm³ × 4.1868 kJ/kcal = 35 587.8 kJ/Nm³, inside 30 000–40 000.
            InputException e = BoilerAssert.Input(
                () => DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => m.FuelLowerHeatingValueKjPerNm3 = 8500.0), 4.0, false, null),
                LhvNm3, "8500");
            Assert.Contains("looks like kcal/Nm³: multiply by 4.1868 (35587.8 kJ/Nm³)", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void Coal_heating_value_in_MJ_per_kg_is_called_MJ()
        {
            BoilerMeasurements m = BoilerAssert.CoalBoiler();
            m.FuelLowerHeatingValueKjPerKg = 21.67;
            InputException e = BoilerAssert.Input(() => IndirectMethod.Calculate(FuelKind.Coal, m, 10.0), LhvKg, "21.67");
            Assert.Contains("looks like MJ/kg: multiply by 1000 (21670 kJ/kg)", e.Allowed, StringComparison.Ordinal);
            Assert.Contains("coal: 8000 to 33000 kJ/kg [M, typical values]", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void An_LPG_heating_value_on_a_natural_gas_boiler_is_outside_its_range()
        {
            // 93 000 kJ/Nm³ is a fine any-gas value but not natural gas: only the fuel-aware overload can tell.
            DirectMethod.Steam(Gas(m => m.FuelLowerHeatingValueKjPerNm3 = 93000.0)); // no fuel: accepted
            InputException e = BoilerAssert.Input(
                () => DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => m.FuelLowerHeatingValueKjPerNm3 = 93000.0), 4.0, false, null),
                LhvNm3, "93000");
            Assert.Contains("natural-gas: 30000 to 40000 kJ/Nm³", e.Allowed, StringComparison.Ordinal);
            Assert.Contains("the boiler's fuel", e.Allowed, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(FuelKind.NaturalGas, true, 30000.0, 29999.0)]
        [InlineData(FuelKind.NaturalGas, true, 40000.0, 40001.0)]
        [InlineData(FuelKind.Lpg, true, 85000.0, 84999.0)]
        [InlineData(FuelKind.Lpg, true, 125000.0, 125001.0)]
        [InlineData(FuelKind.CokeOvenGas, true, 14000.0, 13999.0)]
        [InlineData(FuelKind.CokeOvenGas, true, 20000.0, 20001.0)]
        [InlineData(FuelKind.Oil, false, 38000.0, 37999.0)]
        [InlineData(FuelKind.Oil, false, 46000.0, 46001.0)]
        [InlineData(FuelKind.Coal, false, 8000.0, 7999.0)]
        [InlineData(FuelKind.Coal, false, 33000.0, 33001.0)]
        [InlineData(FuelKind.Biomass, false, 6000.0, 5999.0)]
        [InlineData(FuelKind.Biomass, false, 22000.0, 22001.0)]
        public void Each_fuel_accepts_its_range_ends_and_refuses_just_outside(FuelKind fuel, bool perNm3, double edge, double outside)
        {
            string route;
            BoilerMeasurements ok = perNm3 ? Gas(m => m.FuelLowerHeatingValueKjPerNm3 = edge) : ByMass(edge);
            Assert.True(DirectMethod.HeatInputKw(fuel, ok, out route) > 0.0);
            BoilerMeasurements bad = perNm3 ? Gas(m => m.FuelLowerHeatingValueKjPerNm3 = outside) : ByMass(outside);
            InputException e = BoilerAssert.Input(() => DirectMethod.HeatInputKw(fuel, bad, out route), perNm3 ? LhvNm3 : LhvKg,
                InputException.Format(outside));
            Assert.Contains(FuelKinds.Name(fuel) + ": ", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void A_gas_weighed_in_kg_uses_the_by_mass_range()
        {
            // LPG delivered by weight: about 46 000 kJ/kg, outside oil's row but inside any-fuel-by-mass (6 000–52 000).
            string route;
            Assert.True(DirectMethod.HeatInputKw(FuelKind.Lpg, ByMass(46000.0), out route) > 0.0);
            BoilerAssert.Input(() => DirectMethod.HeatInputKw(FuelKind.Lpg, ByMass(52001.0), out route), LhvKg, "52001");
        }

        // ---- load against the rated capacity ----

        [Fact]
        public void Steam_flow_in_kg_per_h_on_a_4_tph_boiler_names_the_steam_flow()
        {
            InputException e = BoilerAssert.Input(
                () => DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => m.SteamFlowTph = 3600.0), 4.0, false, null),
                "measurements.steamFlowTph", "3600");
            Assert.Contains("1.3 × the rated capacity 4 t/h", e.Allowed, StringComparison.Ordinal);
            Assert.Contains("looks like kg/h", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void Steam_flow_just_above_the_overload_limit_says_check_the_meter()
        {
            // 1.3 × 4 t/h = 5.2 t/h: 5.2 passes, 5.3 is refused. 5.3 / 1000 t/h is no real load, so no kg/h hint.
            DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => { m.SteamFlowTph = 5.2; m.FuelFlowNm3PerH = 450.0; }), 4.0, false, null);
            InputException e = BoilerAssert.Input(
                () => DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => { m.SteamFlowTph = 5.3; m.FuelFlowNm3PerH = 450.0; }), 4.0, false, null),
                "measurements.steamFlowTph", "5.3");
            Assert.Contains("check the meter's unit and scaling", e.Allowed, StringComparison.Ordinal);
            Assert.DoesNotContain("kg/h", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void The_heat_loss_method_refuses_a_steam_flow_twice_the_rating()
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.SteamFlowTph = 8.0;
            InputException e = BoilerAssert.Input(() => IndirectMethod.Calculate(FuelKind.NaturalGas, m, 4.0),
                "measurements.steamFlowTph", "8");
            Assert.Contains("5.2 t/h", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void Hot_water_output_above_the_rating_names_the_water_flow_or_the_heat_meter()
        {
            // ≈ 1457 kW = 2.08 t/h at 0.7 MW per t/h; rated 1 t/h allows 1.3 t/h: refused. Rated 2 t/h allows 2.6: fine.
            DirectMethod.HotWater(FuelKind.NaturalGas, HotWater(m => { }), 2.0, false, null);
            BoilerAssert.Input(() => DirectMethod.HotWater(FuelKind.NaturalGas, HotWater(m => { }), 1.0, false, null),
                "measurements.waterFlowTph", "50");
            BoilerAssert.Input(
                () => DirectMethod.HotWater(FuelKind.NaturalGas, HotWater(m =>
                {
                    m.WaterFlowTph = double.NaN;
                    m.SupplyTemperatureC = double.NaN;
                    m.ReturnTemperatureC = double.NaN;
                    m.HeatOutputKw = 1457.0;
                }), 1.0, false, null),
                "measurements.heatOutputKw", "1457");
        }

        [Fact]
        public void Without_a_rating_the_load_is_not_checked()
        {
            // NaN = rated capacity not known (the CLI's direct method today): no load check, no refusal.
            SteamDirectResult r = DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => m.SteamFlowTph = 4.0), double.NaN, false, null);
            Assert.True(r.EfficiencyPercent > 0.0);
        }

        // ---- efficiency ceiling ----

        [Fact]
        public void An_impossible_efficiency_names_the_heat_input_not_efficiencyPercent()
        {
            // 30 Nm³/h instead of 330: useful heat ≈ 2991 kW (4 t/h, 20 °C → h″ at 1 MPa) over 296.6 kW ≈ 1009 %.
            InputException e = BoilerAssert.Input(
                () => DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => m.FuelFlowNm3PerH = 30.0), 4.0, false, null),
                "measurements.fuelFlowNm3PerH × fuelLowerHeatingValueKjPerNm3", "296.6 kW");
            Assert.Contains("above the 110 %", e.Allowed, StringComparison.Ordinal);
            Assert.Contains("steamFlowTph", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void The_ceiling_is_110_non_condensing_and_120_condensing()
        {
            // 260 Nm³/h: 2991.4 kW / (260 × 35 588 / 3600 = 2570.2 kW) ≈ 116.4 %.
            double expected = 100.0 * 4000.0 / 3600.0 * (SteamReference.SaturatedVapourAt1Mpa - SteamReference.Water20CAt1Mpa)
                / (260.0 * 35588.0 / 3600.0);
            Assert.InRange(expected, 110.0, 120.0);
            SteamDirectResult r = DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => m.FuelFlowNm3PerH = 260.0), 4.0, true, null);
            Assert.Equal(expected, r.EfficiencyPercent, 2);
            BoilerAssert.Input(() => DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => m.FuelFlowNm3PerH = 260.0), 4.0, false, null),
                "measurements.fuelFlowNm3PerH × fuelLowerHeatingValueKjPerNm3", " kW");
            InputException e = BoilerAssert.Input(
                () => DirectMethod.Steam(FuelKind.NaturalGas, Gas(m => m.FuelFlowNm3PerH = 200.0), 4.0, true, null),
                "measurements.fuelFlowNm3PerH × fuelLowerHeatingValueKjPerNm3", " kW");
            Assert.Contains("above the 120 %", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void The_overloads_without_nameplate_keep_their_contract_and_compute_any_efficiency()
        {
            // The plant simulator probes the useful heat with 1 Nm³/h of fuel: no ceiling without nameplate facts.
            SteamDirectResult r = DirectMethod.Steam(Gas(m => m.FuelFlowNm3PerH = 1.0));
            Assert.True(r.EfficiencyPercent > 10000.0, "efficiency " + r.EfficiencyPercent);
        }

        // ---- rated capacity ----

        [Fact]
        public void A_utility_size_rating_is_refused_with_the_field_named()
        {
            InputException e = BoilerAssert.Input(
                () => IndirectMethod.Calculate(FuelKind.NaturalGas, BoilerAssert.GasSteamBoiler(), 1500.0), "ratedCapacityTph", "1500 t/h");
            Assert.Contains("above 1000 t/h", e.Allowed, StringComparison.Ordinal);
            BoilerAssert.Input(() => DirectMethod.Steam(FuelKind.NaturalGas, BoilerAssert.GasSteamBoiler(), 1500.0, false, null),
                "ratedCapacityTph", "1500");
            BoilerAssert.Input(() => IndirectMethod.RatedCapacityTphFromMw(800.0), "ratedOutputMw", "800 MW");
            BoilerSpec steam = new BoilerSpec { Fuel = BoilerFuel.NaturalGas, Combustion = BoilerCombustion.Chamber, RatedEvaporationTph = 1001.0 };
            BoilerAssert.Input(() => EdgeGateway.Shared.Boilers.Grading.BoilerGrading.Lookup(steam), "ratedEvaporationTph", "1001 t/h");
            BoilerSpec water = new BoilerSpec { Fuel = BoilerFuel.NaturalGas, Combustion = BoilerCombustion.Chamber, RatedHeatOutputMw = 701.0 };
            BoilerAssert.Input(() => EdgeGateway.Shared.Boilers.Grading.BoilerGrading.Lookup(water), "ratedHeatOutputMw", "701 MW");
            BoilerSpec edge = new BoilerSpec { Fuel = BoilerFuel.NaturalGas, Combustion = BoilerCombustion.Chamber, RatedEvaporationTph = 1000.0 };
            Assert.NotNull(EdgeGateway.Shared.Boilers.Grading.BoilerGrading.Lookup(edge));
        }

        // ---- the checks add no allocation to the polling path ----

        [Fact]
        public void The_fuel_aware_overloads_allocate_nothing_once_warm()
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            SteamDirectResult steam = new SteamDirectResult();
            HotWaterDirectResult hot = new HotWaterDirectResult();
            BoilerMeasurements water = HotWater(x => { });
            for (int i = 0; i < 3; i++)
            {
                DirectMethod.Steam(FuelKind.NaturalGas, m, 4.0, false, steam);
                DirectMethod.HotWater(FuelKind.NaturalGas, water, 2.0, false, hot);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                DirectMethod.Steam(FuelKind.NaturalGas, m, 4.0, false, steam);
                DirectMethod.HotWater(FuelKind.NaturalGas, water, 2.0, false, hot);
            }

            Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
