using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using TypicalGasCompositionTable = EdgeGateway.Shared.Standards.Generated.TypicalGasComposition;

namespace EdgeGateway.Shared.Boilers.Fuels
{
    /// <summary>
    /// Composition of a gaseous fuel, vol % of the dry gas. Used for the dry flue-gas volume in q3, for RO₂max (excess
    /// air with CO) and for the wet→dry O₂ conversion. A site's own gas analysis should replace the typical values.
    /// </summary>
    public sealed class GasComposition
    {
        public double MethanePercent;
        public double EthanePercent;
        public double PropanePercent;
        public double ButanePercent;
        public double EthylenePercent;
        public double HydrogenPercent;
        public double CarbonMonoxidePercent;
        public double CarbonDioxidePercent;
        public double NitrogenPercent;
        public double OxygenPercent;
        public double HydrogenSulfidePercent;

        /// <summary>Where the composition comes from (a lab report, a supplier sheet, a textbook typical value).</summary>
        public string Source = "";

        /// <summary>"V", "3P" or "M" (see standards notes); typical compositions are "M".</summary>
        public string Confidence = "M";

        /// <summary>
        /// Typical Chinese pipeline natural gas [M]: CH₄ 96.0, C₂H₆ 1.8, C₃H₈ 0.4, C₄H₁₀ 0.2, CO₂ 0.6, N₂ 1.0 vol %.
        /// A textbook-style typical value, not a standard; replace it with the supplier's analysis when known.
        /// Values: the generated table <see cref="TypicalGasCompositionTable"/>, row "natural-gas".
        /// </summary>
        public static GasComposition TypicalNaturalGas()
        {
            return TypicalNaturalGas(new GasComposition());
        }

        /// <summary><see cref="TypicalNaturalGas()"/> written into <paramref name="into"/> (every field); returns it.</summary>
        public static GasComposition TypicalNaturalGas(GasComposition into)
        {
            return into.FromTypical(NaturalGasRow);
        }

        /// <summary>Typical LPG [M]: propane 50, butane 50 vol % (real LPG varies by season and supplier); row "lpg".</summary>
        public static GasComposition TypicalLpg()
        {
            return TypicalLpg(new GasComposition());
        }

        /// <summary><see cref="TypicalLpg()"/> written into <paramref name="into"/> (every field); returns it.</summary>
        public static GasComposition TypicalLpg(GasComposition into)
        {
            return into.FromTypical(LpgRow);
        }

        /// <summary>
        /// Typical coke-oven gas [M]: H₂ 57, CH₄ 25, CO 7, C₂H₄ (standing in for all CmHn) 2.5, CO₂ 2.5, N₂ 5.5,
        /// O₂ 0.5 vol % (textbook range values; real gas varies with the coking process); row "coke-oven-gas".
        /// </summary>
        public static GasComposition TypicalCokeOvenGas()
        {
            return TypicalCokeOvenGas(new GasComposition());
        }

        /// <summary><see cref="TypicalCokeOvenGas()"/> written into <paramref name="into"/> (every field); returns it.</summary>
        public static GasComposition TypicalCokeOvenGas(GasComposition into)
        {
            return into.FromTypical(CokeOvenGasRow);
        }

        /// <summary>
        /// Where the typical compositions come from: shared/data/standards/typical-fuel-gas-composition.tsv, project
        /// assumptions [M] with their caveats.
        /// </summary>
        public static TableProvenance TypicalProvenance
        {
            get { return TypicalGasCompositionTable.Provenance; }
        }

        // Row indexes in the generated table, found once by fuel name (a missing row fails at start-up, not mid-run).
        private static readonly int NaturalGasRow = TypicalRow("natural-gas");
        private static readonly int LpgRow = TypicalRow("lpg");
        private static readonly int CokeOvenGasRow = TypicalRow("coke-oven-gas");

        private static int TypicalRow(string fuel)
        {
            for (int i = 0; i < TypicalGasCompositionTable.RowCount; i++)
            {
                if (TypicalGasCompositionTable.Fuel[i] == fuel)
                {
                    return i;
                }
            }

            throw new InputException(TypicalGasCompositionTable.SourceFile, fuel,
                "the typical-composition table has no row for this fuel: add it to the data file and regenerate");
        }

        /// <summary>Every field from row <paramref name="row"/> of the typical-composition table; allocation-free.</summary>
        private GasComposition FromTypical(int row)
        {
            double[] v = TypicalGasCompositionTable.Values;
            int at = row * TypicalGasCompositionTable.Stride;
            MethanePercent = v[at + TypicalGasCompositionTable.MethaneColumn];
            EthanePercent = v[at + TypicalGasCompositionTable.EthaneColumn];
            PropanePercent = v[at + TypicalGasCompositionTable.PropaneColumn];
            ButanePercent = v[at + TypicalGasCompositionTable.ButaneColumn];
            EthylenePercent = v[at + TypicalGasCompositionTable.EthyleneColumn];
            HydrogenPercent = v[at + TypicalGasCompositionTable.HydrogenColumn];
            CarbonMonoxidePercent = v[at + TypicalGasCompositionTable.CarbonMonoxideColumn];
            CarbonDioxidePercent = v[at + TypicalGasCompositionTable.CarbonDioxideColumn];
            NitrogenPercent = v[at + TypicalGasCompositionTable.NitrogenColumn];
            OxygenPercent = v[at + TypicalGasCompositionTable.OxygenColumn];
            HydrogenSulfidePercent = v[at + TypicalGasCompositionTable.HydrogenSulfideColumn];
            Source = TypicalGasCompositionTable.Source[row];
            Confidence = TypicalGasCompositionTable.Provenance.Confidence;
            return this;
        }

        /// <summary>Sum of all components, vol %.</summary>
        public double TotalPercent()
        {
            return MethanePercent + EthanePercent + PropanePercent + ButanePercent + EthylenePercent + HydrogenPercent
                + CarbonMonoxidePercent + CarbonDioxidePercent + NitrogenPercent + OxygenPercent + HydrogenSulfidePercent;
        }

        /// <summary>Checks every component is a number ≥ 0 and the total is 100 ± 1 vol %.</summary>
        /// <param name="field">the input field to name in errors, e.g. "fuelComposition"</param>
        public void Validate(string field)
        {
            // The field name is joined only for an error: the engine validates on every calculation.
            CheckComponent(field, ".methanePercent", MethanePercent);
            CheckComponent(field, ".ethanePercent", EthanePercent);
            CheckComponent(field, ".propanePercent", PropanePercent);
            CheckComponent(field, ".butanePercent", ButanePercent);
            CheckComponent(field, ".ethylenePercent", EthylenePercent);
            CheckComponent(field, ".hydrogenPercent", HydrogenPercent);
            CheckComponent(field, ".carbonMonoxidePercent", CarbonMonoxidePercent);
            CheckComponent(field, ".carbonDioxidePercent", CarbonDioxidePercent);
            CheckComponent(field, ".nitrogenPercent", NitrogenPercent);
            CheckComponent(field, ".oxygenPercent", OxygenPercent);
            CheckComponent(field, ".hydrogenSulfidePercent", HydrogenSulfidePercent);
            double total = TotalPercent();
            if (total < 99.0 || total > 101.0)
            {
                throw new InputException(field, "total " + InputException.Format(total) + " vol %",
                    "the components must add up to 100 ± 1 vol % of the dry gas");
            }
        }

        /// <summary>
        /// Combustion volumes per Nm³ of dry gas [M] (percent inputs):
        /// V⁰ = [0.5·H₂ + 0.5·CO + 2·CH₄ + 3.5·C₂H₆ + 5·C₃H₈ + 6.5·C₄H₁₀ + 3·C₂H₄ + 1.5·H₂S − O₂]/21;
        /// V_RO₂ = 0.01·(CO₂ + CO + H₂S + CH₄ + 2·C₂H₆ + 3·C₃H₈ + 4·C₄H₁₀ + 2·C₂H₄);
        /// V⁰_N₂ = 0.79·V⁰ + 0.01·N₂;
        /// V⁰_H₂O = 0.01·(H₂ + H₂S + 2·CH₄ + 3·C₂H₆ + 4·C₃H₈ + 5·C₄H₁₀ + 2·C₂H₄) + 0.0161·V⁰ (fuel gas taken dry).
        /// </summary>
        public CombustionVolumes Volumes()
        {
            return Volumes(null);
        }

        /// <summary><see cref="Volumes()"/> into a caller-owned object (null = a new one); returns it.</summary>
        public CombustionVolumes Volumes(CombustionVolumes into)
        {
            double oxygenDemand = 0.5 * HydrogenPercent + 0.5 * CarbonMonoxidePercent + 2.0 * MethanePercent
                + 3.5 * EthanePercent + 5.0 * PropanePercent + 6.5 * ButanePercent + 3.0 * EthylenePercent
                + 1.5 * HydrogenSulfidePercent - OxygenPercent;
            double v0 = oxygenDemand / 21.0;
            double ro2 = 0.01 * (CarbonDioxidePercent + CarbonMonoxidePercent + HydrogenSulfidePercent + MethanePercent
                + 2.0 * EthanePercent + 3.0 * PropanePercent + 4.0 * ButanePercent + 2.0 * EthylenePercent);
            double n2 = 0.79 * v0 + 0.01 * NitrogenPercent;
            double h2o = 0.01 * (HydrogenPercent + HydrogenSulfidePercent + 2.0 * MethanePercent + 3.0 * EthanePercent
                + 4.0 * PropanePercent + 5.0 * ButanePercent + 2.0 * EthylenePercent)
                + CombustionVolumes.AirHumidityNm3PerNm3 * v0;
            return into != null ? into.Assign(v0, ro2, n2, h2o, "Nm3/Nm3") : new CombustionVolumes(v0, ro2, n2, h2o, "Nm3/Nm3");
        }

        private static void CheckComponent(string field, string component, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value < 0.0 || value > 100.0)
            {
                throw new InputException(field + component, InputException.Format(value), "a volume fraction from 0 to 100 %");
            }
        }
    }
}
