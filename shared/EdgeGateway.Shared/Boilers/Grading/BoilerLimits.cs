using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Shared.Boilers.Grading
{
    /// <summary>Result of a GB 24500-2020 table lookup: the grade limits of the one row that applies, or why none does.</summary>
    public sealed class BoilerLimits
    {
        /// <summary>False when the boiler is outside the table (see <see cref="Reason"/>).</summary>
        public bool Covered { get; set; }

        /// <summary>Why the case is not covered (empty when covered).</summary>
        public string Reason { get; set; }

        /// <summary>Grade-1 limit, % (NaN when the row has no grades, e.g. electric boilers).</summary>
        public double Grade1Percent { get; set; }

        /// <summary>Grade-2 limit, % (NaN when the row has no grades).</summary>
        public double Grade2Percent { get; set; }

        /// <summary>Grade-3 limit = the minimum, % (NaN when not covered).</summary>
        public double Grade3Percent { get; set; }

        /// <summary>The row used, in words: "grate-fired coal, bituminous-II, ≤ 20 t/h (≤ 14 MW)".</summary>
        public string Row { get; set; }

        /// <summary>How the row was chosen (capacity boundary convention, Q check).</summary>
        public string Rule { get; set; }

        /// <summary>Provenance of the table used (for not-covered cases: the table that was consulted, or the
        /// GB 24500-2020 chamber table when no table applies).</summary>
        public TableProvenance Provenance { get; set; }
    }

    /// <summary>
    /// A graded boiler: the verdict plus the limits it was judged against. Passed to
    /// <see cref="BoilerGrading.Grade(BoilerSpec, double, EfficiencySource, BoilerGradeResult)"/> it is reused: the
    /// verdict is filled in place, and the table lookup (with its texts) is kept while the spec's values stay the same.
    /// </summary>
    public sealed class BoilerGradeResult
    {
        public Verdict Verdict { get; set; }

        public BoilerLimits Limits { get; set; }

        // The lookup cached for the spec values below (a copy: the spec is a mutable caller object).
        internal BoilerLimits CachedLimits;
        internal string TailMeasured;
        internal string TailRated;
        private BoilerFuel specFuel;
        private BoilerCombustion specCombustion;
        private CoalClass specCoalClass;
        private bool specCondensing;
        private double specRatedEvaporationTph;
        private double specRatedHeatOutputMw;
        private double specNetHeatingValueKjPerKg;

        /// <summary>True when <see cref="CachedLimits"/> was looked up for a spec with these values.</summary>
        internal bool IsCachedFor(BoilerSpec spec)
        {
            return CachedLimits != null && spec != null
                && spec.Fuel == specFuel && spec.Combustion == specCombustion && spec.CoalClass == specCoalClass
                && spec.Condensing == specCondensing
                && SameValue(spec.RatedEvaporationTph, specRatedEvaporationTph)
                && SameValue(spec.RatedHeatOutputMw, specRatedHeatOutputMw)
                && SameValue(spec.NetHeatingValueKjPerKg, specNetHeatingValueKjPerKg);
        }

        internal void Cache(BoilerSpec spec, BoilerLimits limits, string tailMeasured, string tailRated)
        {
            specFuel = spec.Fuel;
            specCombustion = spec.Combustion;
            specCoalClass = spec.CoalClass;
            specCondensing = spec.Condensing;
            specRatedEvaporationTph = spec.RatedEvaporationTph;
            specRatedHeatOutputMw = spec.RatedHeatOutputMw;
            specNetHeatingValueKjPerKg = spec.NetHeatingValueKjPerKg;
            CachedLimits = limits;
            TailMeasured = tailMeasured;
            TailRated = tailRated;
        }

        private static bool SameValue(double a, double b)
        {
            return a == b || (double.IsNaN(a) && double.IsNaN(b));
        }
    }
}
