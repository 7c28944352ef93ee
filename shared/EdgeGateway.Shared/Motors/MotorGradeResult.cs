using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Shared.Motors
{
    /// <summary>A motor judged against GB 18613-2020 (grade 1 = IE5, grade 2 = IE4, grade 3 = IE3 = the minimum).</summary>
    public sealed class MotorGradeResult
    {
        public Verdict Verdict { get; set; }

        /// <summary>False when the rating is outside the scope or a limit needed for the decision has no rule.</summary>
        public bool Covered { get; set; }

        /// <summary>1 (IE5), 2 (IE4), 3 (IE3) or 0 (below IE3, or not covered).</summary>
        public int Grade { get; set; }

        /// <summary>"IE5", "IE4", "IE3", "below IE3" or "not covered".</summary>
        public string IeClass { get; set; }

        /// <summary>The IE3 (grade 3) limit at this rating, %; NaN when it has no rule.</summary>
        public double MinimumPercent { get; set; }

        public bool MeetsMinimum { get; set; }

        /// <summary>Below IE3 on a rated value: obsolete, must be replaced (IE2 motors may no longer be made or sold).</summary>
        public bool Obsolete { get; set; }

        /// <summary>Limits at this rating, % (NaN = no rule between table ratings).</summary>
        public double Grade1LimitPercent { get; set; }

        public double Grade2LimitPercent { get; set; }

        public double Grade3LimitPercent { get; set; }

        /// <summary>How each limit was obtained ("table value at 11 kW", "formula ...", "no rule ...").</summary>
        public string Grade1Rule { get; set; }

        public string Grade2Rule { get; set; }

        public string Grade3Rule { get; set; }

        /// <summary>Provenance of the GB 18613-2020 class table.</summary>
        public TableProvenance Provenance { get; set; }

        /// <summary>Provenance of the between-ratings formula (used or not).</summary>
        public TableProvenance InterpolationProvenance { get; set; }
    }
}
