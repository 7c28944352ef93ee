using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;

namespace EdgeGateway.Shared.Boilers.Grading
{
    /// <summary>
    /// A uniform view over the generated GB 24500-2020 tables (they share one column layout: key, Q interval, t/h
    /// interval, MW interval, grade 1/2/3 limits), so one lookup routine serves every table.
    /// </summary>
    internal sealed class BoilerTable
    {
        internal static readonly BoilerTable Grate = new BoilerTable(
            "grate-fired coal", Gb24500Grate.Provenance, Gb24500Grate.Coal,
            Gb24500Grate.QKjPerKgMin, Gb24500Grate.QKjPerKgMinInclusive, Gb24500Grate.QKjPerKgMax, Gb24500Grate.QKjPerKgMaxInclusive,
            Gb24500Grate.CapacityTphMin, Gb24500Grate.CapacityTphMinInclusive, Gb24500Grate.CapacityTphMax, Gb24500Grate.CapacityTphMaxInclusive,
            Gb24500Grate.CapacityMwMin, Gb24500Grate.CapacityMwMinInclusive, Gb24500Grate.CapacityMwMax, Gb24500Grate.CapacityMwMaxInclusive,
            Gb24500Grate.G1, Gb24500Grate.G2, Gb24500Grate.G3);

        internal static readonly BoilerTable Fluidized = new BoilerTable(
            "fluidised-bed coal", Gb24500Fluidized.Provenance, Gb24500Fluidized.Coal,
            Gb24500Fluidized.QKjPerKgMin, Gb24500Fluidized.QKjPerKgMinInclusive, Gb24500Fluidized.QKjPerKgMax, Gb24500Fluidized.QKjPerKgMaxInclusive,
            Gb24500Fluidized.CapacityTphMin, Gb24500Fluidized.CapacityTphMinInclusive, Gb24500Fluidized.CapacityTphMax, Gb24500Fluidized.CapacityTphMaxInclusive,
            Gb24500Fluidized.CapacityMwMin, Gb24500Fluidized.CapacityMwMinInclusive, Gb24500Fluidized.CapacityMwMax, Gb24500Fluidized.CapacityMwMaxInclusive,
            Gb24500Fluidized.G1, Gb24500Fluidized.G2, Gb24500Fluidized.G3);

        internal static readonly BoilerTable Biomass = new BoilerTable(
            "biomass", Gb24500Biomass.Provenance, Gb24500Biomass.Fuel,
            Gb24500Biomass.QKjPerKgMin, Gb24500Biomass.QKjPerKgMinInclusive, Gb24500Biomass.QKjPerKgMax, Gb24500Biomass.QKjPerKgMaxInclusive,
            Gb24500Biomass.CapacityTphMin, Gb24500Biomass.CapacityTphMinInclusive, Gb24500Biomass.CapacityTphMax, Gb24500Biomass.CapacityTphMaxInclusive,
            Gb24500Biomass.CapacityMwMin, Gb24500Biomass.CapacityMwMinInclusive, Gb24500Biomass.CapacityMwMax, Gb24500Biomass.CapacityMwMaxInclusive,
            Gb24500Biomass.G1, Gb24500Biomass.G2, Gb24500Biomass.G3);

        internal static readonly BoilerTable Chamber = new BoilerTable(
            "chamber-fired", Gb24500Chamber.Provenance, Gb24500Chamber.Fuel,
            Gb24500Chamber.QKjPerKgMin, Gb24500Chamber.QKjPerKgMinInclusive, Gb24500Chamber.QKjPerKgMax, Gb24500Chamber.QKjPerKgMaxInclusive,
            Gb24500Chamber.CapacityTphMin, Gb24500Chamber.CapacityTphMinInclusive, Gb24500Chamber.CapacityTphMax, Gb24500Chamber.CapacityTphMaxInclusive,
            Gb24500Chamber.CapacityMwMin, Gb24500Chamber.CapacityMwMinInclusive, Gb24500Chamber.CapacityMwMax, Gb24500Chamber.CapacityMwMaxInclusive,
            Gb24500Chamber.G1, Gb24500Chamber.G2, Gb24500Chamber.G3);

        internal static readonly BoilerTable Electric = new BoilerTable(
            "electric", Gb24500Electric.Provenance, Gb24500Electric.Fuel,
            Gb24500Electric.QKjPerKgMin, Gb24500Electric.QKjPerKgMinInclusive, Gb24500Electric.QKjPerKgMax, Gb24500Electric.QKjPerKgMaxInclusive,
            Gb24500Electric.CapacityTphMin, Gb24500Electric.CapacityTphMinInclusive, Gb24500Electric.CapacityTphMax, Gb24500Electric.CapacityTphMaxInclusive,
            Gb24500Electric.CapacityMwMin, Gb24500Electric.CapacityMwMinInclusive, Gb24500Electric.CapacityMwMax, Gb24500Electric.CapacityMwMaxInclusive,
            Gb24500Electric.G1, Gb24500Electric.G2, Gb24500Electric.G3);

        private BoilerTable(
            string name, TableProvenance provenance, string[] key,
            double[] qMin, bool[] qMinInclusive, double[] qMax, bool[] qMaxInclusive,
            double[] tphMin, bool[] tphMinInclusive, double[] tphMax, bool[] tphMaxInclusive,
            double[] mwMin, bool[] mwMinInclusive, double[] mwMax, bool[] mwMaxInclusive,
            double[] g1, double[] g2, double[] g3)
        {
            Name = name;
            Provenance = provenance;
            Key = key;
            QMin = qMin;
            QMinInclusive = qMinInclusive;
            QMax = qMax;
            QMaxInclusive = qMaxInclusive;
            TphMin = tphMin;
            TphMinInclusive = tphMinInclusive;
            TphMax = tphMax;
            TphMaxInclusive = tphMaxInclusive;
            MwMin = mwMin;
            MwMinInclusive = mwMinInclusive;
            MwMax = mwMax;
            MwMaxInclusive = mwMaxInclusive;
            G1 = g1;
            G2 = g2;
            G3 = g3;
        }

        internal string Name { get; }

        internal TableProvenance Provenance { get; }

        internal string[] Key { get; }

        internal double[] QMin { get; }

        internal bool[] QMinInclusive { get; }

        internal double[] QMax { get; }

        internal bool[] QMaxInclusive { get; }

        internal double[] TphMin { get; }

        internal bool[] TphMinInclusive { get; }

        internal double[] TphMax { get; }

        internal bool[] TphMaxInclusive { get; }

        internal double[] MwMin { get; }

        internal bool[] MwMinInclusive { get; }

        internal double[] MwMax { get; }

        internal bool[] MwMaxInclusive { get; }

        internal double[] G1 { get; }

        internal double[] G2 { get; }

        internal double[] G3 { get; }

        internal bool HasCapacitySplit(int row)
        {
            return !double.IsNaN(TphMin[row]) || !double.IsNaN(MwMin[row]);
        }

        internal string CapacityText(int row)
        {
            if (!HasCapacitySplit(row))
            {
                return "any capacity";
            }

            return CapacityPart(TphMin[row], TphMax[row], "t/h") + " (" + CapacityPart(MwMin[row], MwMax[row], "MW") + ")";
        }

        private static string CapacityPart(double min, double max, string unit)
        {
            // The data uses (0, x] and (x, inf): print them the way the standard's column heads read.
            if (double.IsPositiveInfinity(max))
            {
                return "> " + min.ToString("G6") + " " + unit;
            }

            return "<= " + max.ToString("G6") + " " + unit;
        }
    }
}
