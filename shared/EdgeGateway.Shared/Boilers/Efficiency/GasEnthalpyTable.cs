using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>
    /// Enthalpies (c·θ) of flue-gas components from 0 °C, for the solid-fuel heat balance (q2) and ash heat (q6).
    /// Gases in kJ/Nm³, ash in kJ/kg, every 100 °C from 0 to 1000 °C, linear between rows.
    /// Source: the enthalpy table of the standard method of boiler thermal calculation as reproduced in Chinese boiler
    /// textbooks (《锅炉原理》 appendix, "1 Nm³ 气体和 1 kg 灰的焓") [M: textbook, not checked against a standard].
    /// "Air" is humid air with 10 g water per kg dry air.
    /// </summary>
    public static class GasEnthalpyTable
    {
        public const string Source =
            "standard boiler thermal calculation method, enthalpy of 1 Nm³ gas / 1 kg ash (textbook appendix) [M]";

        public const double MaxTemperatureC = 1000.0;

        /// <summary>Below 0 °C the 0–100 °C slope is extended (winter air); the table itself starts at 0 °C.</summary>
        public const double MinTemperatureC = -50.0;

        private static readonly double[] Co2 = { 0, 170, 357, 559, 772, 994, 1225, 1462, 1705, 1952, 2204 };
        private static readonly double[] N2 = { 0, 130, 260, 392, 527, 664, 804, 948, 1094, 1242, 1392 };
        private static readonly double[] O2 = { 0, 132, 267, 407, 551, 699, 850, 1004, 1160, 1318, 1478 };
        private static readonly double[] H2o = { 0, 151, 304, 463, 626, 795, 969, 1149, 1334, 1526, 1723 };
        private static readonly double[] HumidAir = { 0, 132, 266, 403, 542, 684, 830, 979, 1130, 1281, 1436 };
        private static readonly double[] Ash = { 0, 81, 169, 264, 360, 458, 560, 662, 767, 874, 984 };

        /// <summary>RO₂ (taken as CO₂), kJ/Nm³.</summary>
        public static double Ro2KjPerNm3(double temperatureC, string field)
        {
            return Interpolate(Co2, temperatureC, field);
        }

        public static double NitrogenKjPerNm3(double temperatureC, string field)
        {
            return Interpolate(N2, temperatureC, field);
        }

        public static double OxygenKjPerNm3(double temperatureC, string field)
        {
            return Interpolate(O2, temperatureC, field);
        }

        public static double WaterVapourKjPerNm3(double temperatureC, string field)
        {
            return Interpolate(H2o, temperatureC, field);
        }

        /// <summary>Humid air (10 g/kg), kJ/Nm³ of dry air.</summary>
        public static double HumidAirKjPerNm3(double temperatureC, string field)
        {
            return Interpolate(HumidAir, temperatureC, field);
        }

        public static double AshKjPerKg(double temperatureC, string field)
        {
            return Interpolate(Ash, temperatureC, field);
        }

        private static double Interpolate(double[] column, double temperatureC, string field)
        {
            if (double.IsNaN(temperatureC) || temperatureC < MinTemperatureC || temperatureC > MaxTemperatureC)
            {
                throw new InputException(field, Check.Text(temperatureC),
                    "the enthalpy table covers -50 to 1000 °C");
            }

            if (temperatureC < 0.0)
            {
                // Cold combustion air in winter: extend the 0–100 °C segment (specific heat nearly constant there).
                return column[1] * temperatureC / 100.0;
            }

            int row = (int)(temperatureC / 100.0);
            if (row >= column.Length - 1)
            {
                return column[column.Length - 1];
            }

            double fraction = (temperatureC - row * 100.0) / 100.0;
            return column[row] + fraction * (column[row + 1] - column[row]);
        }
    }
}
