using System;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Tests.Boilers
{
    /// <summary>
    /// Reference water/steam enthalpies from an independent IAPWS-IF97 implementation (python3-iapws 1.5.2,
    /// IAPWS97(P=…, T=…/x=…).h), so the efficiency tests do not rest on our own If97 class alone.
    /// </summary>
    internal static class SteamReference
    {
        /// <summary>h″ at 1.0 MPa abs (T_s = 179.886 °C), kJ/kg.</summary>
        public const double SaturatedVapourAt1Mpa = 2777.1195;

        /// <summary>h′ at 1.0 MPa abs, kJ/kg.</summary>
        public const double SaturatedLiquidAt1Mpa = 762.6828;

        /// <summary>h at 1.0 MPa abs, 20 °C, kJ/kg.</summary>
        public const double Water20CAt1Mpa = 84.8585;

        /// <summary>h at 1.0 MPa abs, 70 °C, kJ/kg.</summary>
        public const double Water70CAt1Mpa = 293.8101;

        /// <summary>h at 1.0 MPa abs, 95 °C, kJ/kg.</summary>
        public const double Water95CAt1Mpa = 398.7166;

        /// <summary>h at 1.0 MPa abs, 250 °C (superheated), kJ/kg.</summary>
        public const double Steam250CAt1Mpa = 2943.2222;

        /// <summary>Latent heat at 1.0 MPa abs, kJ/kg.</summary>
        public const double LatentAt1Mpa = SaturatedVapourAt1Mpa - SaturatedLiquidAt1Mpa;
    }

    internal static class BoilerAssert
    {
        /// <summary>Asserts an InputException naming <paramref name="field"/> with a message that shows the value.</summary>
        public static InputException Input(Action action, string field, string valueFragment)
        {
            InputException e = Assert.Throws<InputException>(action);
            Assert.Equal(field, e.Field);
            Assert.Contains(valueFragment, e.Value, StringComparison.Ordinal);
            Assert.StartsWith(field + " = ", e.Message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(e.Allowed), "the error must say what is allowed");
            return e;
        }

        /// <summary>A 4 t/h saturated-steam gas boiler at 1.0 MPa abs, feedwater 20 °C, 330 Nm³/h × 35 588 kJ/Nm³.</summary>
        public static BoilerMeasurements GasSteamBoiler()
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.SteamFlowTph = 4.0;
            m.SteamPressureMpaAbs = 1.0;
            m.FeedwaterTemperatureC = 20.0;
            m.FuelFlowNm3PerH = 330.0;
            m.FuelLowerHeatingValueKjPerNm3 = 35588.0;
            m.FlueGasTemperatureC = 150.0;
            m.AirTemperatureC = 20.0;
            m.FlueGasO2PercentDry = 3.0;
            return m;
        }

        /// <summary>
        /// A bituminous coal, as received: C 55.5, H 3.7, O 7.5, N 1.0, S 0.8, M 9.0, A 22.5 (sum 100), LHV 21 670 kJ/kg,
        /// grate-fired: slag 80 % of ash with 12 % carbon at 600 °C, fly ash 20 % with 25 % carbon; flue 160 °C, air 20 °C,
        /// O₂ 8 % dry, 10 t/h rated and actual.
        /// </summary>
        public static BoilerMeasurements CoalBoiler()
        {
            BoilerMeasurements m = new BoilerMeasurements();
            m.CarbonAsReceivedPercent = 55.5;
            m.HydrogenAsReceivedPercent = 3.7;
            m.OxygenAsReceivedPercent = 7.5;
            m.NitrogenAsReceivedPercent = 1.0;
            m.SulfurAsReceivedPercent = 0.8;
            m.MoistureAsReceivedPercent = 9.0;
            m.AshAsReceivedPercent = 22.5;
            m.FuelLowerHeatingValueKjPerKg = 21670.0;
            m.SlagFractionPercent = 80.0;
            m.CarbonInSlagPercent = 12.0;
            m.SlagTemperatureC = 600.0;
            m.FlyAshFractionPercent = 20.0;
            m.CarbonInFlyAshPercent = 25.0;
            m.FlueGasTemperatureC = 160.0;
            m.AirTemperatureC = 20.0;
            m.FlueGasO2PercentDry = 8.0;
            m.SteamFlowTph = 10.0;
            return m;
        }
    }
}
