using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>
    /// Enthalpies (c·θ) of flue-gas components from 0 °C, for the solid-fuel heat balance (q2) and ash heat (q6).
    /// Gases in kJ/Nm³, ash in kJ/kg, every 100 °C from 0 to 1000 °C, linear between rows. The values are the generated
    /// table <see cref="FlueGasEnthalpy"/> (data: shared/data/standards/textbook-flue-gas-enthalpy.tsv): the enthalpy
    /// table of the standard method of boiler thermal calculation as reproduced in Chinese boiler textbooks
    /// (《锅炉原理》 appendix, "1 Nm³ 气体和 1 kg 灰的焓") [M: textbook, not checked against a standard; edition not
    /// identified] — see <see cref="Provenance"/>. "Air" is humid air with 10 g water per kg dry air.
    /// </summary>
    public static class GasEnthalpyTable
    {
        /// <summary>
        /// Short citation shown in the loss terms' source (a constant, so the engine joins it without allocating);
        /// standard, edition, clause, source and confidence in full are in <see cref="Provenance"/>.
        /// </summary>
        public const string Source =
            "standard boiler thermal calculation method, enthalpy of 1 Nm³ gas / 1 kg ash (textbook appendix) [M]";

        /// <summary>Where the table comes from (standard, edition, clause, source, confidence [M] and caveats).</summary>
        public static TableProvenance Provenance
        {
            get { return FlueGasEnthalpy.Provenance; }
        }

        public const double MaxTemperatureC = 1000.0;

        /// <summary>Below 0 °C the 0–100 °C slope is extended (winter air); the table itself starts at 0 °C.</summary>
        public const double MinTemperatureC = -50.0;

        /// <summary>Row spacing, °C: the data file's 'check: step temperature_c 0 100' guarantees row i is at i·100 °C.</summary>
        private const double RowStepC = 100.0;

        /// <summary>RO₂ (taken as CO₂), kJ/Nm³.</summary>
        public static double Ro2KjPerNm3(double temperatureC, string field)
        {
            return Interpolate(FlueGasEnthalpy.Co2Column, temperatureC, field);
        }

        public static double NitrogenKjPerNm3(double temperatureC, string field)
        {
            return Interpolate(FlueGasEnthalpy.N2Column, temperatureC, field);
        }

        public static double OxygenKjPerNm3(double temperatureC, string field)
        {
            return Interpolate(FlueGasEnthalpy.O2Column, temperatureC, field);
        }

        public static double WaterVapourKjPerNm3(double temperatureC, string field)
        {
            return Interpolate(FlueGasEnthalpy.H2oColumn, temperatureC, field);
        }

        /// <summary>Humid air (10 g/kg), kJ/Nm³ of dry air.</summary>
        public static double HumidAirKjPerNm3(double temperatureC, string field)
        {
            return Interpolate(FlueGasEnthalpy.HumidAirColumn, temperatureC, field);
        }

        public static double AshKjPerKg(double temperatureC, string field)
        {
            return Interpolate(FlueGasEnthalpy.AshColumn, temperatureC, field);
        }

        /// <summary>Column <paramref name="column"/> of the generated table at <paramref name="temperatureC"/>, linear between rows.</summary>
        private static double Interpolate(int column, double temperatureC, string field)
        {
            if (double.IsNaN(temperatureC) || temperatureC < MinTemperatureC || temperatureC > MaxTemperatureC)
            {
                throw new InputException(field, Check.Text(temperatureC),
                    "the enthalpy table covers -50 to 1000 °C");
            }

            double[] values = FlueGasEnthalpy.Values;
            const int stride = FlueGasEnthalpy.Stride;
            if (temperatureC < 0.0)
            {
                // Cold combustion air in winter: extend the 0–100 °C segment (specific heat nearly constant there).
                return values[stride + column] * temperatureC / RowStepC;
            }

            int row = (int)(temperatureC / RowStepC);
            if (row >= FlueGasEnthalpy.RowCount - 1)
            {
                return values[(FlueGasEnthalpy.RowCount - 1) * stride + column];
            }

            double fraction = (temperatureC - row * RowStepC) / RowStepC;
            double low = values[row * stride + column];
            return low + fraction * (values[(row + 1) * stride + column] - low);
        }
    }
}
