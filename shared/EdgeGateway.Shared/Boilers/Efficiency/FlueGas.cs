using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>
    /// Excess air and O₂ basis conversions [M: textbook combustion relations]. O₂, CO and RO₂ are volume fractions of
    /// the flue gas; CO is given in ppm, the formulas use vol % (ppm / 10 000).
    /// </summary>
    public static class FlueGas
    {
        /// <summary>α = 21/(21 − O₂), O₂ dry vol % [M]. Exact for pure carbon; the usual engineering approximation otherwise.</summary>
        public static double ExcessAirFromO2(double o2PercentDry)
        {
            Check.FlueO2Dry(o2PercentDry);
            return 21.0 / (21.0 - o2PercentDry);
        }

        /// <summary>
        /// α with incomplete combustion [M]: α = 21 / (21 − 79·(O₂ − 0.5·CO)/(100 − RO₂ − O₂ − CO)), all dry vol %,
        /// where 100 − RO₂ − O₂ − CO is the nitrogen share. CO burns to CO₂ with half its volume of O₂, so that O₂ is
        /// not excess air.
        /// </summary>
        public static double ExcessAirFromO2AndCo(double o2PercentDry, double coPpm, double ro2PercentDry)
        {
            Check.FlueO2Dry(o2PercentDry);
            double co = CoPercent(coPpm);
            if (double.IsNaN(ro2PercentDry) || double.IsInfinity(ro2PercentDry) || ro2PercentDry < 0.0
                || ro2PercentDry >= 100.0 - o2PercentDry - co)
            {
                throw new InputException(Check.Prefix + "flueGasRo2PercentDry", Check.Text(ro2PercentDry),
                    "RO₂ (CO₂ + SO₂) in dry flue gas must be ≥ 0 and leave room for O₂, CO and N₂ (below 100 − O₂ − CO)");
            }

            double nitrogen = 100.0 - ro2PercentDry - o2PercentDry - co;
            return 21.0 / (21.0 - 79.0 * (o2PercentDry - 0.5 * co) / nitrogen);
        }

        /// <summary>
        /// RO₂ estimated from O₂ and CO when no CO₂ analyser is fitted [M, textbook fuel-characteristic equation]:
        /// 21 − β·RO₂ = RO₂ + O₂ + (0.605 + β)·CO with β = 21/RO₂max − 1, so
        /// RO₂ = (21 − O₂ − (0.605 + β)·CO)/(1 + β). With CO = 0 this is RO₂max·(21 − O₂)/21.
        /// </summary>
        public static double EstimateRo2PercentDry(double o2PercentDry, double coPpm, double ro2MaxPercent)
        {
            Check.FlueO2Dry(o2PercentDry);
            double co = CoPercent(coPpm);
            if (double.IsNaN(ro2MaxPercent) || ro2MaxPercent <= 0.0 || ro2MaxPercent > 21.0)
            {
                throw new InputException("fuel.ro2MaxPercent", Check.Text(ro2MaxPercent),
                    "RO₂max of a fuel lies between 0 and 21 vol % (pure carbon: 21)");
            }

            double beta = 21.0 / ro2MaxPercent - 1.0;
            return (21.0 - o2PercentDry - (0.605 + beta) * co) / (1.0 + beta);
        }

        /// <summary>O₂ dry = O₂ wet · 100/(100 − H₂O), H₂O = water vapour in the wet flue gas, vol %.</summary>
        public static double O2WetToDry(double o2PercentWet, double waterVapourPercent)
        {
            CheckWetO2(o2PercentWet);
            if (double.IsNaN(waterVapourPercent) || double.IsInfinity(waterVapourPercent) || waterVapourPercent < 0.0
                || waterVapourPercent >= 100.0 - o2PercentWet)
            {
                throw new InputException(Check.Prefix + "flueGasWaterVapourPercent", Check.Text(waterVapourPercent),
                    "water vapour in the wet flue gas, vol %: ≥ 0 and below 100 − O₂");
            }

            double dry = o2PercentWet * 100.0 / (100.0 - waterVapourPercent);
            if (dry >= 21.0)
            {
                throw new InputException(Check.Prefix + "flueGasO2PercentWet", Check.Text(o2PercentWet),
                    "gives " + InputException.Format(dry) + " % O₂ dry, which is not below 21 %: check the probe and the water content");
            }

            return dry;
        }

        /// <summary>
        /// Wet→dry O₂ for a known fuel (zirconia probes measure in the wet gas). With x = excess dry air per unit of fuel,
        /// the wet gas is V_wet⁰ + 1.0161·x (the excess air brings its humidity) and holds 0.21·x of O₂, so
        /// x = O₂wet·V_wet⁰/(21 − 1.0161·O₂wet) and O₂dry = 21·x/(V_dry⁰ + x) [M, derived from the volumes].
        /// </summary>
        public static double O2WetToDryForFuel(double o2PercentWet, CombustionVolumes fuel)
        {
            CheckWetO2(o2PercentWet);
            double wetStoichiometric = fuel.DryStoichiometricFlueGas + fuel.WaterVapour;
            double excessAir = o2PercentWet * wetStoichiometric
                / (21.0 - (1.0 + CombustionVolumes.AirHumidityNm3PerNm3) * o2PercentWet);
            return 21.0 * excessAir / (fuel.DryStoichiometricFlueGas + excessAir);
        }

        /// <summary>Water vapour in the wet flue gas for a fuel at a dry O₂ reading, vol % (for explanation and checks).</summary>
        public static double WaterVapourPercent(double o2PercentDry, CombustionVolumes fuel)
        {
            Check.FlueO2Dry(o2PercentDry);
            // Excess dry air from the dry O₂ balance: O₂dry = 21·x/(V_dry⁰ + x).
            double excessAir = o2PercentDry * fuel.DryStoichiometricFlueGas / (21.0 - o2PercentDry);
            double water = fuel.WaterVapour + CombustionVolumes.AirHumidityNm3PerNm3 * excessAir;
            double dry = fuel.DryStoichiometricFlueGas + excessAir;
            return 100.0 * water / (water + dry);
        }

        internal static double CoPercent(double coPpm)
        {
            if (double.IsNaN(coPpm))
            {
                return 0.0;
            }

            if (double.IsInfinity(coPpm) || coPpm < 0.0 || coPpm > 100000.0)
            {
                throw new InputException(Check.Prefix + "flueGasCoPpm", Check.Text(coPpm),
                    "CO in dry flue gas from 0 to 100 000 ppm (10 vol %)");
            }

            return coPpm / 10000.0;
        }

        private static void CheckWetO2(double o2PercentWet)
        {
            if (double.IsNaN(o2PercentWet) || double.IsInfinity(o2PercentWet) || o2PercentWet < 0.0
                || o2PercentWet >= 21.0)
            {
                throw new InputException(Check.Prefix + "flueGasO2PercentWet", Check.Text(o2PercentWet),
                    "O₂ in wet flue gas must be ≥ 0 and below 21 vol %");
            }
        }
    }
}
