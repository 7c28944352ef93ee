using System;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;

namespace EdgeGateway.Shared.Tests.Boilers
{
    public class IndirectMethodTests
    {
        [Fact]
        public void Siegert_NaturalGas_WorkedExample()
        {
            IndirectResult r = IndirectMethod.Calculate(FuelKind.NaturalGas, BoilerAssert.GasSteamBoiler(), 4.0);

            // q2 = (150 − 20)·(0.66/(21 − 3) + 0.009) = 130 × 0.0456667 = 5.9367 %.
            Assert.Equal(5.9367, r.Q2.Percent, 4);
            Assert.Equal("V", r.Q2.Confidence);
            Assert.Contains("1. BImSchV", r.Q2.Source, StringComparison.Ordinal);
            Assert.Contains("Anlage 2", r.Q2.Source, StringComparison.Ordinal);
            Assert.Contains("0.66", r.Q2.Formula, StringComparison.Ordinal);
            // No CO analyser: q3 = 0 and the result says it was not measured.
            Assert.Equal(0.0, r.Q3.Percent);
            Assert.Contains("not measured", r.Q3.Note, StringComparison.Ordinal);
            Assert.Equal(0.0, r.Q4.Percent);
            Assert.Equal(0.0, r.Q6.Percent);
            // q5 = 5.82 × 4^−0.38 at rated load (4 t/h steam flow, 4 t/h rated) = 5.82/1.6935 = 3.437 %.
            Assert.Equal(5.82 / Math.Exp(0.38 * Math.Log(4.0)), r.Q5.Percent, 6);
            Assert.InRange(r.Q5.Percent, 3.43, 3.44);
            Assert.Contains("unverified", r.Q5.Confidence, StringComparison.Ordinal);
            Assert.Equal(100.0 - 5.9367 - r.Q5.Percent, r.EfficiencyPercent, 3);
            Assert.Equal(21.0 / 18.0, r.ExcessAirCoefficient, 9);
        }

        [Theory]
        [InlineData(FuelKind.Oil, 180.0, 25.0, 4.0, 155.0 * (0.68 / 17.0 + 0.007))]
        [InlineData(FuelKind.Lpg, 160.0, 10.0, 5.0, 150.0 * (0.63 / 16.0 + 0.008))]
        [InlineData(FuelKind.CokeOvenGas, 200.0, 30.0, 6.0, 170.0 * (0.60 / 15.0 + 0.011))]
        public void Siegert_OtherFuels(FuelKind fuel, double flueC, double airC, double o2, double expectedQ2)
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.FlueGasTemperatureC = flueC;
            m.AirTemperatureC = airC;
            m.FlueGasO2PercentDry = o2;
            IndirectResult r = IndirectMethod.Calculate(fuel, m, 2.0);
            Assert.Equal(expectedQ2, r.Q2.Percent, 6);
            Assert.Contains("rated load assumed", r.Q5.Note, StringComparison.Ordinal);
        }

        [Fact]
        public void SiegertTable_HasFourFuelsWithProvenanceAndNoneForSolids()
        {
            SiegertCoefficients[] rows = SiegertTable.All();
            Assert.Equal(4, rows.Length);
            foreach (SiegertCoefficients row in rows)
            {
                Assert.False(string.IsNullOrEmpty(row.Standard));
                Assert.False(string.IsNullOrEmpty(row.Edition));
                Assert.False(string.IsNullOrEmpty(row.Clause));
                Assert.False(string.IsNullOrEmpty(row.Source));
                Assert.Equal("V", row.Confidence);
            }

            Assert.Null(SiegertTable.Find(FuelKind.Coal));
            Assert.Null(SiegertTable.Find(FuelKind.Biomass));
            Assert.Equal(0.68, SiegertTable.Find(FuelKind.Oil)!.A);
            Assert.Equal(0.011, SiegertTable.Find(FuelKind.CokeOvenGas)!.B);
        }

        [Fact]
        public void Q5_ScalesInverselyWithLoad()
        {
            BoilerMeasurements full = BoilerAssert.GasSteamBoiler();
            BoilerMeasurements half = BoilerAssert.GasSteamBoiler();
            half.SteamFlowTph = 2.0;
            double q5Full = IndirectMethod.Calculate(FuelKind.NaturalGas, full, 4.0).Q5.Percent;
            double q5Half = IndirectMethod.Calculate(FuelKind.NaturalGas, half, 4.0).Q5.Percent;
            Assert.Equal(2.0 * q5Full, q5Half, 9);
        }

        [Fact]
        public void Q5_HotWaterLoadFromOutputAt07MwPerTph()
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.FlueGasTemperatureC = 120.0;
            m.AirTemperatureC = 20.0;
            m.FlueGasO2PercentDry = 3.0;
            m.HeatOutputKw = 3500.0; // 3.5 MW = 5 t/h equivalent
            double ratedTph = IndirectMethod.RatedCapacityTphFromMw(7.0); // 10 t/h
            Assert.Equal(10.0, ratedTph, 9);
            IndirectResult r = IndirectMethod.Calculate(FuelKind.NaturalGas, m, ratedTph);
            Assert.Equal(5.0, r.LoadTph, 9);
            Assert.Equal(5.82 * Math.Pow(10.0, -0.38) * 2.0, r.Q5.Percent, 9);
        }

        [Fact]
        public void Q3_NaturalGasWithCo_HandCalculation()
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.FlueGasCoPpm = 200.0;
            IndirectResult r = IndirectMethod.Calculate(FuelKind.NaturalGas, m, 4.0);

            // Typical natural gas CH4 96, C2H6 1.8, C3H8 0.4, C4H10 0.2, CO2 0.6, N2 1.0 vol %:
            double v0 = (2.0 * 96 + 3.5 * 1.8 + 5.0 * 0.4 + 6.5 * 0.2) / 21.0;           // 9.6 Nm³/Nm³
            double vRo2 = 0.01 * (0.6 + 96 + 2 * 1.8 + 3 * 0.4 + 4 * 0.2);              // 1.022
            double vN2 = 0.79 * v0 + 0.01 * 1.0;                                         // 7.594
            double ro2Max = 100.0 * vRo2 / (vRo2 + vN2);                                 // 11.862 %
            double co = 0.02;                                                            // 200 ppm in vol %
            double beta = 21.0 / ro2Max - 1.0;
            double ro2 = (21.0 - 3.0 - (0.605 + beta) * co) / (1.0 + beta);              // 10.152 %
            double alpha = 21.0 / (21.0 - 79.0 * (3.0 - 0.5 * co) / (100.0 - ro2 - 3.0 - co)); // 1.1488
            double vDry = vRo2 + vN2 + (alpha - 1.0) * v0;                               // 10.045 Nm³/Nm³
            double q3 = vDry * 126.36 * co * 100.0 / 35588.0;                            // 0.0713 %

            Assert.Equal(9.6, v0, 9);
            Assert.InRange(alpha, 1.148, 1.150);
            Assert.Equal(ro2, r.Ro2PercentDryEstimated, 6);
            Assert.Equal(alpha, r.ExcessAirCoefficient, 9);
            Assert.Equal(vDry, r.DryFlueGasVolume, 9);
            Assert.Equal(q3, r.Q3.Percent, 9);
            Assert.InRange(r.Q3.Percent, 0.070, 0.073);
            Assert.Equal("Nm3/Nm3", r.FlueGasVolumeBasis);
            Assert.Equal("M", r.CompositionConfidence);
        }

        [Fact]
        public void Q3_UsesSiteGasComposition()
        {
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            m.FlueGasCoPpm = 500.0;
            GasComposition methane = new GasComposition();
            methane.MethanePercent = 100.0;
            methane.Source = "lab";
            IndirectResult r = IndirectMethod.Calculate(FuelKind.NaturalGas, m, 4.0, methane);
            // Pure CH4: V⁰ = 2/0.21 = 9.5238, V_RO2 = 1, V⁰_N2 = 0.79 V⁰ = 7.5238 → V_dry = 8.5238 + (α − 1)·9.5238.
            double v0 = 2.0 / 0.21;
            Assert.Equal(1.0 + 0.79 * v0 + (r.ExcessAirCoefficient - 1.0) * v0, r.DryFlueGasVolume, 9);
            Assert.Equal(r.DryFlueGasVolume * 126.36 * 0.05 * 100.0 / 35588.0, r.Q3.Percent, 9);
            Assert.Equal("lab", r.CompositionSource);
        }

        [Fact]
        public void Coal_HeatBalance_HandCalculation()
        {
            IndirectResult r = IndirectMethod.Calculate(FuelKind.Coal, BoilerAssert.CoalBoiler(), 10.0);

            // Volumes per kg (textbook): C + 0.375 S = 55.8.
            double v0 = 0.0889 * 55.8 + 0.265 * 3.7 - 0.0333 * 7.5;     // 5.6911 Nm³/kg
            double vRo2 = 0.01866 * 55.8;                                // 1.0412
            double vN2 = 0.79 * v0 + 0.008 * 1.0;                        // 4.5040
            double vH2o = 0.111 * 3.7 + 0.0124 * 9.0 + 0.0161 * v0;      // 0.6139
            double alpha = 21.0 / (21.0 - 8.0);                          // 1.6154
            // Enthalpies read from the textbook table by hand, 160 °C = 100 °C + 0.6 × (200 − 100):
            double co2 = 170 + 0.6 * (357 - 170);                        // 282.2 kJ/Nm³
            double n2 = 130 + 0.6 * (260 - 130);                         // 208.0
            double h2o = 151 + 0.6 * (304 - 151);                        // 242.8
            double air160 = 132 + 0.6 * (266 - 132);                     // 212.4
            double air20 = 0.2 * 132;                                    // 26.4
            double ash160 = 81 + 0.6 * (169 - 81);                       // 133.8 kJ/kg
            double ash600 = 560;                                         // kJ/kg
            // q4 = 328.66·A/Q·Σ a·C/(100 − C) = 328.66 × 22.5/21670 × (80·12/88 + 20·25/75) = 5.998 %.
            double q4 = 328.66 * 22.5 / 21670.0 * (80.0 * 12.0 / 88.0 + 20.0 * 25.0 / 75.0);
            double iFlue = vRo2 * co2 + vN2 * n2 + vH2o * h2o + (alpha - 1.0) * v0 * air160;
            double iAir = v0 * air20;
            double q2 = (iFlue - alpha * iAir) * (100.0 - q4) / 21670.0;
            // q6 = A·Σ a·(cθ)/((100 − C)·Q): slag at 600 °C, fly ash at the flue temperature.
            double q6 = 22.5 * (80.0 * ash600 / 88.0 + 20.0 * ash160 / 75.0) / 21670.0;
            double q5 = 5.82 * Math.Pow(10.0, -0.38);

            Assert.InRange(q4, 5.99, 6.01);
            Assert.Equal(q4, r.Q4.Percent, 9);
            Assert.Equal(q2, r.Q2.Percent, 9);
            Assert.Equal(q6, r.Q6.Percent, 9);
            Assert.Equal(q5, r.Q5.Percent, 9);
            Assert.Equal(100.0 - q2 - q4 - q5 - q6, r.EfficiencyPercent, 9);
            Assert.Equal("M", r.Q2.Confidence);
            Assert.Contains("32 866", r.Q4.Source, StringComparison.Ordinal);
            Assert.Equal("Nm3/kg", r.FlueGasVolumeBasis);
            Assert.Equal("", r.Notes); // LHV agrees with Mendeleev within 15 %
        }

        [Fact]
        public void Coal_HeatBalance_IsPlausibleAgainstEmpiricalFormula()
        {
            // Independent cross-check: the empirical bituminous-coal flue-loss formula of Chinese boiler practice,
            // q2 ≈ (3.55·α + 0.44)·(t_flue − t_air)/100 [M], ≈ 8.6 % here. The heat balance (which also carries the
            // (100 − q4)/100 factor) should land within about a point.
            IndirectResult r = IndirectMethod.Calculate(FuelKind.Coal, BoilerAssert.CoalBoiler(), 10.0);
            double alpha = 21.0 / 13.0;
            double empirical = (3.55 * alpha + 0.44) * (160.0 - 20.0) / 100.0;
            Assert.InRange(r.Q2.Percent, empirical - 1.0, empirical + 1.0);
            Assert.InRange(r.EfficiencyPercent, 70.0, 85.0); // a small grate-fired coal boiler
            // Mendeleev's LHV for this analysis: 339·55.5 + 1030·3.7 − 109·(7.5 − 0.8) − 25·9 = 21 670 kJ/kg.
            Assert.Equal(339 * 55.5 + 1030 * 3.7 - 109 * (7.5 - 0.8) - 25 * 9.0, r.MendeleevLowerHeatingValueKjPerKg, 6);
        }

        [Fact]
        public void Coal_MoreCarbonInAshAndHotterFlue_RaiseLosses()
        {
            IndirectResult baseline = IndirectMethod.Calculate(FuelKind.Coal, BoilerAssert.CoalBoiler(), 10.0);
            BoilerMeasurements worse = BoilerAssert.CoalBoiler();
            worse.CarbonInFlyAshPercent = 35.0;
            worse.FlueGasTemperatureC = 200.0;
            IndirectResult r = IndirectMethod.Calculate(FuelKind.Coal, worse, 10.0);
            Assert.True(r.Q4.Percent > baseline.Q4.Percent);
            Assert.True(r.Q2.Percent > baseline.Q2.Percent);
            Assert.True(r.EfficiencyPercent < baseline.EfficiencyPercent);
        }

        [Fact]
        public void Coal_LhvFarFromMendeleev_IsFlaggedInNotes()
        {
            BoilerMeasurements m = BoilerAssert.CoalBoiler();
            m.FuelLowerHeatingValueKjPerKg = 15000.0;
            IndirectResult r = IndirectMethod.Calculate(FuelKind.Coal, m, 10.0);
            Assert.Contains("Mendeleev", r.Notes, StringComparison.Ordinal);
        }

        [Fact]
        public void Biomass_UsesHeatBalance()
        {
            BoilerMeasurements m = new BoilerMeasurements();
            // Wood chips, as received: C 40, H 4.8, O 33.5, N 0.3, S 0.05, M 20, A 1.35 (sum 100), LHV 14 500 kJ/kg.
            m.CarbonAsReceivedPercent = 40.0;
            m.HydrogenAsReceivedPercent = 4.8;
            m.OxygenAsReceivedPercent = 33.5;
            m.NitrogenAsReceivedPercent = 0.3;
            m.SulfurAsReceivedPercent = 0.05;
            m.MoistureAsReceivedPercent = 20.0;
            m.AshAsReceivedPercent = 1.35;
            m.FuelLowerHeatingValueKjPerKg = 14500.0;
            m.SlagFractionPercent = 70.0;
            m.CarbonInSlagPercent = 5.0;
            m.SlagTemperatureC = 400.0;
            m.FlyAshFractionPercent = 30.0;
            m.CarbonInFlyAshPercent = 10.0;
            m.FlueGasTemperatureC = 170.0;
            m.AirTemperatureC = 20.0;
            m.FlueGasO2PercentDry = 7.0;
            IndirectResult r = IndirectMethod.Calculate(FuelKind.Biomass, m, 6.0);
            // Wet wood at 170 °C and α = 1.5: flue loss around 9–12 %; ash losses small (1.35 % ash).
            Assert.InRange(r.Q2.Percent, 8.0, 13.0);
            Assert.InRange(r.Q4.Percent, 0.0, 0.5);
            Assert.InRange(r.Q6.Percent, 0.0, 0.1);
            Assert.Contains("no authoritative Siegert", r.Q2.Note, StringComparison.Ordinal);
        }

        [Fact]
        public void Oil_WithoutAnalysis_UsesTypicalOilForQ3()
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.FlueGasTemperatureC = 180.0;
            m.AirTemperatureC = 20.0;
            m.FlueGasO2PercentDry = 4.0;
            m.FlueGasCoPpm = 100.0;
            m.FuelLowerHeatingValueKjPerKg = 42700.0;
            IndirectResult r = IndirectMethod.Calculate(FuelKind.Oil, m, 2.0);
            Assert.Equal("M", r.CompositionConfidence);
            Assert.Contains("light fuel oil", r.CompositionSource, StringComparison.Ordinal);
            Assert.Equal("Nm3/kg", r.FlueGasVolumeBasis);
            // V_dry ≈ 13 Nm³/kg for light oil at α ≈ 1.23; q3 = V_dry·126.36·0.01·100/42 700 ≈ 0.035 %.
            Assert.InRange(r.DryFlueGasVolume, 12.0, 14.0);
            Assert.Equal(r.DryFlueGasVolume * 126.36 * 0.01 * 100.0 / 42700.0, r.Q3.Percent, 9);
        }

        [Fact]
        public void DirectAndIndirect_AgreeWhenInputsAreConsistent()
        {
            // Losses: Siegert q2 at 150/20 °C, 3 % O2; q3 = 0 (no CO); q5 at rated load; q4 = q6 = 0 for gas.
            BoilerMeasurements m = BoilerAssert.GasSteamBoiler();
            IndirectResult indirect = IndirectMethod.Calculate(FuelKind.NaturalGas, m, 4.0);
            double expectedEfficiency = 100.0 - 130.0 * (0.66 / 18.0 + 0.009) - 5.82 * Math.Pow(4.0, -0.38);
            Assert.Equal(expectedEfficiency, indirect.EfficiencyPercent, 9);

            // Make the fuel flow consistent: B = useful heat / η / LHV, useful heat from independent enthalpies.
            double usefulKw = 4000.0 / 3600.0 * (SteamReference.SaturatedVapourAt1Mpa - SteamReference.Water20CAt1Mpa);
            m.FuelFlowNm3PerH = usefulKw / (expectedEfficiency / 100.0) * 3600.0 / 35588.0;
            SteamDirectResult direct = DirectMethod.Steam(m);
            Assert.Equal(indirect.EfficiencyPercent, direct.EfficiencyPercent, 2);
        }

        [Fact]
        public void FuelKinds_NamesRoundTrip()
        {
            foreach (FuelKind kind in FuelKinds.All())
            {
                Assert.Equal(kind, FuelKinds.Parse(FuelKinds.Name(kind), "fuel"));
            }

            Assert.Equal(FuelKind.CokeOvenGas, FuelKinds.Parse("coke-oven-gas", "fuel"));
            Assert.True(FuelKinds.IsGaseous(FuelKind.Lpg));
            Assert.True(FuelKinds.IsSolid(FuelKind.Biomass));
            Assert.False(FuelKinds.IsSolid(FuelKind.Oil));
        }

        [Fact]
        public void TypicalCompositions_AddUpAndGivePlausibleRo2Max()
        {
            // Textbook RO2max: natural gas ≈ 11.7–11.9 %, LPG ≈ 13.7–14 %, light oil ≈ 15–15.5 %, bituminous coal ≈ 18.5–19 %.
            Assert.InRange(GasComposition.TypicalNaturalGas().Volumes().Ro2MaxPercent, 11.6, 12.0);
            Assert.InRange(GasComposition.TypicalLpg().Volumes().Ro2MaxPercent, 13.5, 14.2);
            Assert.InRange(UltimateAnalysis.TypicalLightOil().Volumes().Ro2MaxPercent, 14.8, 15.6);
            Assert.Equal(100.0, GasComposition.TypicalNaturalGas().TotalPercent(), 9);
            Assert.Equal(100.0, GasComposition.TypicalLpg().TotalPercent(), 9);
            Assert.Equal(100.0, GasComposition.TypicalCokeOvenGas().TotalPercent(), 9);
            Assert.Equal(100.0, UltimateAnalysis.TypicalLightOil().TotalPercent(), 9);
        }
    }
}
