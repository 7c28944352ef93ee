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
    /// The Siegert coefficients of the German 1. BImSchV. No authoritative coefficients exist for coal or biomass:
    /// those fuels use a heat balance from their ultimate analysis instead (see IndirectMethod).
    /// </summary>
    public static class SiegertTable
    {
        private const string Standard = "1. BImSchV (Verordnung über kleine und mittlere Feuerungsanlagen)";
        private const string Edition = "26 January 2010 (BGBl. I S. 38)";
        private const string Clause = "Anlage 2 Nr. 3.4.1";
        private const string Source = "official text of the regulation, Anlage 2 (Ermittlung des Abgasverlustes)";
        private const string Confidence = "V";

        private static readonly SiegertCoefficients[] Rows =
        {
            new SiegertCoefficients(FuelKind.Oil, "Heizöl EL", 0.68, 0.007, Standard, Edition, Clause, Source, Confidence),
            new SiegertCoefficients(FuelKind.NaturalGas, "Erdgas (öffentliche Versorgung)", 0.66, 0.009, Standard,
                Edition, Clause, Source, Confidence),
            new SiegertCoefficients(FuelKind.CokeOvenGas, "Kokereigas", 0.60, 0.011, Standard, Edition, Clause, Source,
                Confidence),
            new SiegertCoefficients(FuelKind.Lpg, "Flüssiggas (LPG)", 0.63, 0.008, Standard, Edition, Clause, Source,
                Confidence),
        };

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
