using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;

namespace EdgeGateway.Shared.Boilers.Fuels
{
    /// <summary>
    /// Ultimate analysis of a liquid or solid fuel, mass % as received (ar): C + H + O + N + S + moisture + ash = 100.
    /// </summary>
    public sealed class UltimateAnalysis
    {
        public double CarbonPercent;
        public double HydrogenPercent;
        public double OxygenPercent;
        public double NitrogenPercent;
        public double SulfurPercent;
        public double MoisturePercent;
        public double AshPercent;

        /// <summary>Where the analysis comes from.</summary>
        public string Source = "";

        /// <summary>"V", "3P" or "M".</summary>
        public string Confidence = "M";

        /// <summary>
        /// Typical light fuel oil (#0 diesel / heating oil EL class) [M]: C 86.0, H 13.3, O 0.3, N 0.1, S 0.2,
        /// moisture 0.1, ash 0 %. Used for q3 and RO₂max when no analysis of the oil is given. Values: the generated
        /// table <see cref="TypicalUltimateAnalysis"/>, row "light-oil".
        /// </summary>
        public static UltimateAnalysis TypicalLightOil()
        {
            return TypicalLightOil(new UltimateAnalysis());
        }

        /// <summary><see cref="TypicalLightOil()"/> written into <paramref name="into"/> (every field); returns it.</summary>
        public static UltimateAnalysis TypicalLightOil(UltimateAnalysis into)
        {
            int row = LightOilRow;
            double[] v = TypicalUltimateAnalysis.Values;
            int at = row * TypicalUltimateAnalysis.Stride;
            UltimateAnalysis u = into;
            u.CarbonPercent = v[at + TypicalUltimateAnalysis.CarbonColumn];
            u.HydrogenPercent = v[at + TypicalUltimateAnalysis.HydrogenColumn];
            u.OxygenPercent = v[at + TypicalUltimateAnalysis.OxygenColumn];
            u.NitrogenPercent = v[at + TypicalUltimateAnalysis.NitrogenColumn];
            u.SulfurPercent = v[at + TypicalUltimateAnalysis.SulfurColumn];
            u.MoisturePercent = v[at + TypicalUltimateAnalysis.MoistureColumn];
            u.AshPercent = v[at + TypicalUltimateAnalysis.AshColumn];
            u.Source = TypicalUltimateAnalysis.Source[row];
            u.Confidence = TypicalUltimateAnalysis.Provenance.Confidence;
            return u;
        }

        /// <summary>
        /// Where the typical analysis comes from: shared/data/standards/typical-fuel-ultimate-analysis.tsv, a project
        /// assumption [M] with its caveats.
        /// </summary>
        public static TableProvenance TypicalProvenance
        {
            get { return TypicalUltimateAnalysis.Provenance; }
        }

        // Row index of "light-oil", found once (a missing row fails at start-up, not mid-run).
        private static readonly int LightOilRow = TypicalRow("light-oil");

        private static int TypicalRow(string fuel)
        {
            for (int i = 0; i < TypicalUltimateAnalysis.RowCount; i++)
            {
                if (TypicalUltimateAnalysis.Fuel[i] == fuel)
                {
                    return i;
                }
            }

            throw new InputException(TypicalUltimateAnalysis.SourceFile, fuel,
                "the typical ultimate-analysis table has no row for this fuel: add it to the data file and regenerate");
        }

        public double TotalPercent()
        {
            return CarbonPercent + HydrogenPercent + OxygenPercent + NitrogenPercent + SulfurPercent + MoisturePercent
                + AshPercent;
        }

        /// <summary>Checks every component is a number from 0 to 100 and the total is 100 ± 0.5 %.</summary>
        /// <param name="fieldPrefix">prefix for field names, e.g. "measurements." (fields are named as in the JSON)</param>
        public void Validate(string fieldPrefix)
        {
            // The field name is joined only for an error: the engine validates on every calculation.
            Check(fieldPrefix, "carbonAsReceivedPercent", CarbonPercent);
            Check(fieldPrefix, "hydrogenAsReceivedPercent", HydrogenPercent);
            Check(fieldPrefix, "oxygenAsReceivedPercent", OxygenPercent);
            Check(fieldPrefix, "nitrogenAsReceivedPercent", NitrogenPercent);
            Check(fieldPrefix, "sulfurAsReceivedPercent", SulfurPercent);
            Check(fieldPrefix, "moistureAsReceivedPercent", MoisturePercent);
            Check(fieldPrefix, "ashAsReceivedPercent", AshPercent);
            double total = TotalPercent();
            if (total < 99.5 || total > 100.5)
            {
                throw new InputException(fieldPrefix + "carbonAsReceivedPercent",
                    "C+H+O+N+S+moisture+ash = " + InputException.Format(total) + " %",
                    "the as-received ultimate analysis must add up to 100 ± 0.5 %; check the lab report's basis (ar, not ad/d/daf)");
            }
        }

        /// <summary>
        /// Combustion volumes per kg of fuel [M, textbook boiler thermal calculation]:
        /// V⁰ = 0.0889·(C + 0.375·S) + 0.265·H − 0.0333·O; V_RO₂ = 0.01866·(C + 0.375·S);
        /// V⁰_N₂ = 0.79·V⁰ + 0.008·N; V⁰_H₂O = 0.111·H + 0.0124·M + 0.0161·V⁰.
        /// </summary>
        public CombustionVolumes Volumes()
        {
            return Volumes(null);
        }

        /// <summary><see cref="Volumes()"/> into a caller-owned object (null = a new one); returns it.</summary>
        public CombustionVolumes Volumes(CombustionVolumes into)
        {
            double carbonEquivalent = CarbonPercent + 0.375 * SulfurPercent;
            double v0 = 0.0889 * carbonEquivalent + 0.265 * HydrogenPercent - 0.0333 * OxygenPercent;
            double ro2 = 0.01866 * carbonEquivalent;
            double n2 = 0.79 * v0 + 0.008 * NitrogenPercent;
            double h2o = 0.111 * HydrogenPercent + 0.0124 * MoisturePercent + CombustionVolumes.AirHumidityNm3PerNm3 * v0;
            return into != null ? into.Assign(v0, ro2, n2, h2o, "Nm3/kg") : new CombustionVolumes(v0, ro2, n2, h2o, "Nm3/kg");
        }

        /// <summary>
        /// Mendeleev's estimate of the as-received lower heating value [M]:
        /// Q_net ≈ 339·C + 1030·H − 109·(O − S) − 25·M kJ/kg. Used only as a plausibility check of the given value.
        /// </summary>
        public double MendeleevLowerHeatingValueKjPerKg()
        {
            return 339.0 * CarbonPercent + 1030.0 * HydrogenPercent - 109.0 * (OxygenPercent - SulfurPercent)
                - 25.0 * MoisturePercent;
        }
    
        private static void Check(string fieldPrefix, string field, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value < 0.0 || value > 100.0)
            {
                throw new InputException(fieldPrefix + field, double.IsNaN(value) ? "missing" : InputException.Format(value),
                    "a mass fraction from 0 to 100 % (as received)");
            }
        }
    }
}
