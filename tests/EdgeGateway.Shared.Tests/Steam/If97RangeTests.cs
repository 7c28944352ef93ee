// CA1716 objects to "Shared" in the namespace; the name follows the project layout (shared/Portable.props waives it too).
#pragma warning disable CA1716
using System;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Steam;

namespace EdgeGateway.Shared.Tests.Steam
{
    /// <summary>
    /// Inputs outside regions 1, 2 and the implemented part of the saturation line must throw an InputException that
    /// names the field, echoes the value and states the range (no silent extrapolation); and the region chosen next to
    /// the saturation line and the B23 line must be the one IAPWS R7-97 Fig. 1 assigns.
    /// </summary>
    public class If97RangeTests
    {
        [Theory]
        // Region 3: 650 K is above 623.15 K, and 25 MPa is above p_B23(650 K) ≈ 20 MPa.
        [InlineData(25.0, 650.0, "pressureMpaAbs", "25", "region 3")]
        // Region 5 lies above 1073.15 K.
        [InlineData(1.0, 1100.0, "temperatureK", "1100", "region 5")]
        [InlineData(120.0, 300.0, "pressureMpaAbs", "120", "100 MPa")]
        [InlineData(1.0, 270.0, "temperatureK", "270", "273.15 K")]
        [InlineData(-0.1, 300.0, "pressureMpaAbs", "-0.1", "0 < p")]
        [InlineData(0.0, 300.0, "pressureMpaAbs", "0", "0 < p")]
        [InlineData(double.NaN, 300.0, "pressureMpaAbs", "NaN", "0 < p")]
        [InlineData(1.0, double.NaN, "temperatureK", "NaN", "273.15 K")]
        public void OutsideRegions1And2_Throws(double pressureMpa, double temperatureK, string field, string value,
            string allowedMentions)
        {
            InputException full = Assert.Throws<InputException>(() => If97.AtPressureTemperature(pressureMpa, temperatureK));
            AssertInputError(full, field, value, allowedMentions);

            InputException fast = Assert.Throws<InputException>(() => If97.EnthalpyKjPerKg(pressureMpa, temperatureK));
            AssertInputError(fast, field, value, allowedMentions);

            var reused = new SteamState();
            InputException noAlloc = Assert.Throws<InputException>(() => If97.AtPressureTemperature(pressureMpa, temperatureK, reused));
            AssertInputError(noAlloc, field, value, allowedMentions);
        }

        [Fact]
        public void Region3Error_StatesTheB23LimitAtThatTemperature()
        {
            InputException e = Assert.Throws<InputException>(() => If97.AtPressureTemperature(25.0, 650.0));
            // p_B23(650 K) = 348.05185628969 − 1.1671859879975·650 + 0.0010192970039326·650² = 20.0339... MPa (eq. 5).
            Assert.Contains("20.0339", e.Allowed, StringComparison.Ordinal);
            Assert.Contains("650", e.Allowed, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(17.0)]
        [InlineData(22.0)]
        public void SaturatedEnthalpies_AboveRegion1Limit_Throw(double pressureMpa)
        {
            string value = pressureMpa.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
            AssertInputError(Assert.Throws<InputException>(() => If97.SaturatedLiquidEnthalpyKjPerKg(pressureMpa)),
                "pressureMpaAbs", value, "16.5292");
            AssertInputError(Assert.Throws<InputException>(() => If97.SaturatedVaporEnthalpyKjPerKg(pressureMpa)),
                "pressureMpaAbs", value, "region 3");
            AssertInputError(Assert.Throws<InputException>(() => If97.LatentHeatKjPerKg(pressureMpa)),
                "pressureMpaAbs", value, "16.5292");
        }

        [Fact]
        public void SaturatedEnthalpies_AtTheRegion1Limit_AreFiniteAndOrdered()
        {
            // The limit is p_s(623.15 K) = 16.529164 MPa; just below it the functions must still answer.
            double p = 16.529;
            double liquid = If97.SaturatedLiquidEnthalpyKjPerKg(p);
            double vapour = If97.SaturatedVaporEnthalpyKjPerKg(p);
            Assert.True(liquid > 1600 && liquid < vapour && vapour < 2700, $"h' = {liquid}, h'' = {vapour}");
            Assert.Equal(vapour - liquid, If97.LatentHeatKjPerKg(p), 1e-9);
        }

        [Theory]
        [InlineData(-1.0)]
        [InlineData(0.0005)] // below the triple-point-side end, 611.213 Pa
        [InlineData(double.NaN)]
        public void SaturatedEnthalpies_BelowSaturationLine_Throw(double pressureMpa)
        {
            InputException e = Assert.Throws<InputException>(() => If97.SaturatedLiquidEnthalpyKjPerKg(pressureMpa));
            Assert.Equal("pressureMpaAbs", e.Field);
            Assert.Contains("611.213 Pa", e.Allowed, StringComparison.Ordinal);
        }

        [Fact]
        public void SaturationLine_OutsideItsRange_Throws()
        {
            AssertInputError(Assert.Throws<InputException>(() => If97.SaturationPressureMpa(650.0)),
                "temperatureK", "650", "647.096 K");
            AssertInputError(Assert.Throws<InputException>(() => If97.SaturationPressureMpa(273.0)),
                "temperatureK", "273", "273.15 K");
            AssertInputError(Assert.Throws<InputException>(() => If97.SaturationTemperatureK(22.1)),
                "pressureMpaAbs", "22.1", "22.064 MPa");
            AssertInputError(Assert.Throws<InputException>(() => If97.SaturationTemperatureK(0.0006)),
                "pressureMpaAbs", "0.0006", "611.213 Pa");
            // The ends themselves are valid.
            Assert.InRange(If97.SaturationPressureMpa(647.096), 22.06, 22.07);
            Assert.InRange(If97.SaturationTemperatureK(22.064), 647.09, 647.10);
        }

        [Fact]
        public void B23_OutsideItsRange_Throws()
        {
            AssertInputError(Assert.Throws<InputException>(() => If97.B23PressureMpa(600.0)), "temperatureK", "600", "623.15 K");
            AssertInputError(Assert.Throws<InputException>(() => If97.B23PressureMpa(900.0)), "temperatureK", "900", "863.15 K");
            AssertInputError(Assert.Throws<InputException>(() => If97.B23TemperatureK(10.0)), "pressureMpaAbs", "10", "16.5291643 MPa");
            AssertInputError(Assert.Throws<InputException>(() => If97.B23TemperatureK(101.0)), "pressureMpaAbs", "101", "100 MPa");
            // B23 reaches 100 MPa at 863.15 K (IAPWS R7-97 section 4).
            Assert.Equal(100.0, If97.B23PressureMpa(863.15), 1e-6);
        }

        [Fact]
        public void RawRegionEquations_RejectNonsenseArguments()
        {
            var state = new SteamState();
            Assert.Equal("pressureMpaAbs", Assert.Throws<InputException>(() => If97.Region1(-3.0, 300.0, state)).Field);
            Assert.Equal("temperatureK", Assert.Throws<InputException>(() => If97.Region2(1.0, 0.0, state)).Field);
            Assert.Throws<ArgumentNullException>(() => If97.Region1(3.0, 300.0, null!));
            Assert.Throws<ArgumentNullException>(() => If97.AtPressureTemperature(3.0, 300.0, null!));
        }

        [Theory]
        [InlineData(25.0, 650.0, 3)]
        [InlineData(1.0, 1100.0, 5)]
        [InlineData(50.0, 2273.15, 5)]
        [InlineData(60.0, 1100.0, 0)] // region 5 stops at 50 MPa
        [InlineData(1.0, 2300.0, 0)]
        [InlineData(120.0, 300.0, 0)]
        [InlineData(1.0, 270.0, 0)]
        [InlineData(-1.0, 300.0, 0)]
        [InlineData(double.NaN, 300.0, 0)]
        [InlineData(1.0, double.NaN, 0)]
        [InlineData(0.1, 273.15, 1)]
        [InlineData(100.0, 273.15, 1)]
        [InlineData(100.0, 623.15, 1)] // 623.15 K still belongs to region 1
        [InlineData(20.0, 623.16, 3)]  // just above it, 20 MPa is above p_B23 ≈ 16.53 MPa
        [InlineData(16.0, 623.16, 2)]
        [InlineData(100.0, 863.15, 2)] // B23 meets 100 MPa at 863.15 K
        [InlineData(100.0, 1073.15, 2)]
        [InlineData(0.0001, 1073.15, 2)]
        public void RegionOf_FollowsFigure1(double pressureMpa, double temperatureK, int expectedRegion)
        {
            Assert.Equal(expectedRegion, If97.RegionOf(pressureMpa, temperatureK));
        }

        [Theory]
        [InlineData(300.0)]
        [InlineData(373.15)]
        [InlineData(453.035632)]
        [InlineData(600.0)]
        [InlineData(623.15)]
        public void NearSaturationLine_LiquidSideIsRegion1_VapourSideIsRegion2(double temperatureK)
        {
            double saturationMpa = If97.SaturationPressureMpa(temperatureK);
            SteamState liquid = If97.AtPressureTemperature(saturationMpa * (1 + 1e-9), temperatureK);
            SteamState vapour = If97.AtPressureTemperature(saturationMpa * (1 - 1e-9), temperatureK);
            Assert.Equal(1, liquid.Region);
            Assert.Equal(2, vapour.Region);
            // Crossing the line is a phase change: the vapour side carries the latent heat.
            // (≈ 2257 kJ/kg at 373 K, still ≈ 890 kJ/kg at 623 K.)
            Assert.True(vapour.EnthalpyKjPerKg - liquid.EnthalpyKjPerKg > 800,
                $"h'' − h' = {vapour.EnthalpyKjPerKg - liquid.EnthalpyKjPerKg} kJ/kg at {temperatureK} K");
            Assert.True(vapour.SpecificVolumeM3PerKg > 4 * liquid.SpecificVolumeM3PerKg);
        }

        [Theory]
        [InlineData(0.1)]
        [InlineData(1.0)]
        [InlineData(10.0)]
        public void NearSaturationLine_AtFixedPressure_SwitchesAtTs(double pressureMpa)
        {
            double saturationK = If97.SaturationTemperatureK(pressureMpa);
            Assert.Equal(1, If97.AtPressureTemperature(pressureMpa, saturationK - 0.001).Region);
            Assert.Equal(2, If97.AtPressureTemperature(pressureMpa, saturationK + 0.001).Region);
            // Approaching the line, the region 1 and 2 states meet the saturated enthalpies.
            Assert.Equal(If97.SaturatedLiquidEnthalpyKjPerKg(pressureMpa),
                If97.EnthalpyKjPerKg(pressureMpa, saturationK - 1e-7), 1e-3);
            Assert.Equal(If97.SaturatedVaporEnthalpyKjPerKg(pressureMpa),
                If97.EnthalpyKjPerKg(pressureMpa, saturationK + 1e-7), 1e-3);
        }

        [Theory]
        [InlineData(650.0)]
        [InlineData(700.0)]
        [InlineData(800.0)]
        [InlineData(863.15)]
        public void NearB23_BelowIsRegion2_AboveIsRegion3(double temperatureK)
        {
            double b23Mpa = If97.B23PressureMpa(temperatureK);
            double below = b23Mpa * (1 - 1e-9);
            Assert.Equal(2, If97.RegionOf(below, temperatureK));
            Assert.Equal(2, If97.AtPressureTemperature(below, temperatureK).Region);
            double above = b23Mpa * (1 + 1e-9);
            if (above <= 100.0)
            {
                Assert.Equal(3, If97.RegionOf(above, temperatureK));
                InputException e = Assert.Throws<InputException>(() => If97.AtPressureTemperature(above, temperatureK));
                Assert.Equal("pressureMpaAbs", e.Field);
            }
        }

        [Fact]
        public void AllocationFreeOverload_DoesNotAllocate()
        {
            var state = new SteamState();
            If97.AtPressureTemperature(1.0, 300.0, state); // warm up: static tables, JIT
            If97.AtPressureTemperature(1.0, 500.0, state);
            double sum = If97.EnthalpyKjPerKg(1.0, 300.0) + If97.SaturatedVaporEnthalpyKjPerKg(1.0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                If97.AtPressureTemperature(1.0, 300.0 + (i % 400), state);
                sum += state.EnthalpyKjPerKg + If97.EnthalpyKjPerKg(1.0, 300.0 + (i % 400));
                sum += If97.LatentHeatKjPerKg(0.1 + (i % 100) * 0.1) + If97.SaturationTemperatureK(1.0);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(sum > 0);
            Assert.Equal(0, allocated);
        }

        private static void AssertInputError(InputException e, string field, string value, string allowedMentions)
        {
            Assert.Equal(field, e.Field);
            Assert.Equal(value, e.Value);
            Assert.Contains(allowedMentions, e.Allowed, StringComparison.Ordinal);
            Assert.StartsWith(field + " = " + value + ": ", e.Message, StringComparison.Ordinal);
        }
    }
}
