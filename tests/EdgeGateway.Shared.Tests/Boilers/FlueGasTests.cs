using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;

namespace EdgeGateway.Shared.Tests.Boilers
{
    public class FlueGasTests
    {
        [Theory]
        [InlineData(0.0, 1.0)]
        [InlineData(3.0, 21.0 / 18.0)]   // 1.1667
        [InlineData(10.5, 2.0)]          // half the air is excess
        public void ExcessAir_FromO2(double o2, double expected)
        {
            Assert.Equal(expected, FlueGas.ExcessAirFromO2(o2), 12);
        }

        [Fact]
        public void ExcessAir_WithCo_HandCalculation()
        {
            // O2 3 %, CO 1000 ppm = 0.1 %, RO2 10 %: N2 = 100 − 10 − 3 − 0.1 = 86.9 %;
            // α = 21/(21 − 79 × (3 − 0.05)/86.9) = 21/(21 − 2.68182) = 1.14640.
            double alpha = FlueGas.ExcessAirFromO2AndCo(3.0, 1000.0, 10.0);
            Assert.Equal(21.0 / (21.0 - 79.0 * 2.95 / 86.9), alpha, 12);
            Assert.InRange(alpha, 1.1463, 1.1465);
            // CO binds some of the O2, so α with CO is below the plain 21/(21 − O2) = 1.1667.
            Assert.True(alpha < FlueGas.ExcessAirFromO2(3.0));
        }

        [Fact]
        public void EstimateRo2_WithoutCo_IsRo2MaxScaled()
        {
            // Complete combustion: RO2 = RO2max·(21 − O2)/21 → 11.8·18/21 = 10.114 %.
            Assert.Equal(11.8 * 18.0 / 21.0, FlueGas.EstimateRo2PercentDry(3.0, 0.0, 11.8), 12);
        }

        [Fact]
        public void WetToDry_WithWaterContent()
        {
            // 2.7 % wet with 10 % water vapour → 2.7 × 100/90 = 3.0 % dry.
            Assert.Equal(3.0, FlueGas.O2WetToDry(2.7, 10.0), 12);
        }

        [Fact]
        public void WetToDry_ForMethane_HandCalculation()
        {
            // Pure CH4 per Nm³: V⁰ = 9.5238, V_RO2 = 1, V⁰_N2 = 7.5238, V⁰_H2O = 2 + 0.0161 V⁰ = 2.1533.
            GasComposition methane = new GasComposition();
            methane.MethanePercent = 100.0;
            CombustionVolumes v = methane.Volumes();
            double v0 = 2.0 / 0.21;
            Assert.Equal(v0, v.StoichiometricAir, 9);
            Assert.Equal(2.0 + 0.0161 * v0, v.WaterVapour, 9);
            // At 3 % O2 dry the excess air is x = 3 × 8.5238/18 = 1.42063 Nm³; the wet gas is
            // 10.6771 + 1.0161·x = 12.1206 Nm³ holding 0.21·x = 0.29833 Nm³ O2 → 2.4614 % wet.
            double x = 3.0 * (1.0 + 0.79 * v0) / 18.0;
            double wetGas = 1.0 + 0.79 * v0 + 2.0 + 0.0161 * v0 + 1.0161 * x;
            double o2Wet = 100.0 * 0.21 * x / wetGas;
            Assert.InRange(o2Wet, 2.46, 2.47);
            Assert.Equal(3.0, FlueGas.O2WetToDryForFuel(o2Wet, v), 9);
            // The two conversions agree when the water content comes from the same fuel.
            double water = FlueGas.WaterVapourPercent(3.0, v);
            Assert.Equal(3.0, FlueGas.O2WetToDry(o2Wet, water), 9);
            Assert.InRange(water, 17.0, 19.0); // natural-gas flue gas holds ~18 % water vapour
        }

        [Fact]
        public void WetToDry_ZeroStaysZero_AndDryIsAlwaysHigher()
        {
            CombustionVolumes v = GasComposition.TypicalNaturalGas().Volumes();
            Assert.Equal(0.0, FlueGas.O2WetToDryForFuel(0.0, v), 12);
            Assert.True(FlueGas.O2WetToDryForFuel(4.0, v) > 4.0);
        }
    }
}
