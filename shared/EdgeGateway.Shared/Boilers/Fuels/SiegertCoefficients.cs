using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;

namespace EdgeGateway.Shared.Boilers.Fuels
{
    /// <summary>
    /// One row of the Siegert flue-gas loss formula q2 = (t_flue − t_air)·(A/(21 − O₂) + B), O₂ in dry vol %, q2 in %.
    /// Carries its provenance so a verdict can show what it rests on.
    /// </summary>
    public sealed class SiegertCoefficients
    {
        public SiegertCoefficients(FuelKind fuel, string fuelDescription, double a, double b, string standard,
            string edition, string clause, string source, string confidence)
        {
            Fuel = fuel;
            FuelDescription = fuelDescription;
            A = a;
            B = b;
            Standard = standard;
            Edition = edition;
            Clause = clause;
            Source = source;
            Confidence = confidence;
        }

        public FuelKind Fuel { get; }

        /// <summary>The fuel as the regulation names it (e.g. "Heizöl EL").</summary>
        public string FuelDescription { get; }

        /// <summary>Coefficient A (the regulation's A2), dimensionless.</summary>
        public double A { get; }

        /// <summary>Coefficient B, 1/K.</summary>
        public double B { get; }

        public string Standard { get; }

        public string Edition { get; }

        public string Clause { get; }

        public string Source { get; }

        /// <summary>"V" read in a primary/official text, "3P" third-party transcription, "M" textbook/derived.</summary>
        public string Confidence { get; }
    }

    /// <summary>
    /// The Siegert coefficients of the German 1. BImSchV, read from the generated table
    /// <see cref="Bimschv1Siegert"/> (data: shared/data/standards/bimschv1-2010-siegert.tsv, with its provenance and
    /// caveats). No authoritative coefficients exist for coal or biomass: those fuels use a heat balance from their
    /// ultimate analysis instead (see IndirectMethod).
    /// </summary>
    public static class SiegertTable
    {
        /// <summary>Where the rows come from (standard, edition, clause, source, confidence and caveats).</summary>
        public static TableProvenance Provenance
        {
            get { return Bimschv1Siegert.Provenance; }
        }

        // Built once from the generated columns; lookups then allocate nothing.
        private static readonly SiegertCoefficients[] Rows = BuildRows();

        private static SiegertCoefficients[] BuildRows()
        {
            TableProvenance p = Bimschv1Siegert.Provenance;
            SiegertCoefficients[] rows = new SiegertCoefficients[Bimschv1Siegert.RowCount];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = new SiegertCoefficients(FuelKinds.Parse(Bimschv1Siegert.Fuel[i], Bimschv1Siegert.SourceFile),
                    Bimschv1Siegert.FuelDescription[i], Bimschv1Siegert.Values[i * Bimschv1Siegert.Stride + Bimschv1Siegert.AColumn],
                    Bimschv1Siegert.Values[i * Bimschv1Siegert.Stride + Bimschv1Siegert.BColumn], p.Standard, p.Edition,
                    p.Clause, p.Source, p.Confidence);
            }

            return rows;
        }

        /// <summary>All rows (a copy of the array, so callers cannot change the table).</summary>
        public static SiegertCoefficients[] All()
        {
            SiegertCoefficients[] copy = new SiegertCoefficients[Rows.Length];
            for (int i = 0; i < Rows.Length; i++)
            {
                copy[i] = Rows[i];
            }

            return copy;
        }

        /// <summary>The row for <paramref name="fuel"/>, or null when the regulation has none (coal, biomass, electric).</summary>
        public static SiegertCoefficients Find(FuelKind fuel)
        {
            for (int i = 0; i < Rows.Length; i++)
            {
                if (Rows[i].Fuel == fuel)
                {
                    return Rows[i];
                }
            }

            return null;
        }
    }
}
