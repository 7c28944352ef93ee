using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;

namespace EdgeGateway.Shared.Boilers.Grading
{
    /// <summary>
    /// The provincial plan's thresholds (Shanxi implementation plan 2017, 2020 targets): newly produced coal-fired
    /// boilers ≥ 80 %, gas-fired ≥ 92 %, no split by capacity, coal or condensing. A separate reference from
    /// GB 24500-2020 with its own verdict; never a substitute for the GB table lookup.
    /// </summary>
    public static class BoilerPlanGrading
    {
        /// <summary>The id front ends show for this reference.</summary>
        public const string StandardId = "plan-2020";

        /// <summary>Provenance of the plan thresholds.</summary>
        public static TableProvenance Provenance
        {
            get { return Plan2017ShanxiBoiler.Provenance; }
        }

        /// <summary>The plan threshold for a fuel, %; NaN when the plan sets none (oil, biomass, electric, other).</summary>
        public static double ThresholdPercent(BoilerFuel fuel)
        {
            string key = PlanKey(fuel);
            for (int i = 0; i < Plan2017ShanxiBoiler.RowCount; i++)
            {
                if (Plan2017ShanxiBoiler.Fuel[i] == key)
                {
                    return Plan2017ShanxiBoiler.MinimumPercent[i];
                }
            }

            return double.NaN;
        }

        /// <summary>Judges an efficiency against the plan threshold for the fuel.</summary>
        public static Verdict Grade(BoilerFuel fuel, bool condensing, double efficiencyPercent, EfficiencySource source)
        {
            return Grade(fuel, condensing, efficiencyPercent, source, new Verdict());
        }

        /// <summary>
        /// <see cref="Grade(BoilerFuel, bool, double, EfficiencySource)"/> into a caller-owned verdict, for polling
        /// loops: every property is reset and filled in place, the texts are constants or built once per fuel, and the
        /// Basis (which shows the efficiency) is built only when read. Allocation-free after the first call for a fuel
        /// and source. Same verdict, same exceptions as the allocating overload. Returns <paramref name="into"/>.
        /// </summary>
        public static Verdict Grade(BoilerFuel fuel, bool condensing, double efficiencyPercent, EfficiencySource source, Verdict into)
        {
            BoilerGrading.ValidateEfficiency(true, fuel, condensing, efficiencyPercent);
            if ((int)fuel < 0 || (int)fuel > 5)
            {
                throw new InputException("fuel", ((int)fuel).ToString(), "natural-gas, oil, coal, biomass, electric or other");
            }

            bool measured = source == EfficiencySource.Measured;
            string head = measured ? BoilerGrading.MeasuredHead : BoilerGrading.RatedHead;
            Verdict v = Verdict.From(Plan2017ShanxiBoiler.Provenance, into != null ? into : new Verdict());
            v.StandardId = StandardId;
            v.ValuePercent = efficiencyPercent;
            v.Rule = "plan threshold for newly produced boilers: coal-fired >= 80 %, gas-fired >= 92 %, no split by capacity, coal or condensing; a separate reference from GB 24500-2020, not a substitute for its table";
            double threshold = ThresholdPercent(fuel);
            if (double.IsNaN(threshold))
            {
                v.Covered = false;
                v.Grade = 0;
                v.GradeLabel = "not covered";
                v.SetBasis(head, efficiencyPercent, "F1", fuel == BoilerFuel.Other
                    ? (measured ? " %" + NotCoveredOther : " %," + NotCoveredOther)
                    : (measured ? " %" + NotCoveredFuel : " %," + NotCoveredFuel));
                return v;
            }

            v.Covered = true;
            v.LimitPercent = threshold;
            v.MarginPoints = efficiencyPercent - threshold;
            v.Pass = efficiencyPercent + StandardsMath.Epsilon >= threshold;
            v.Grade = 0;
            v.GradeLabel = v.Pass
                ? (measured ? MeetsLabel + MeasuredLabelEnd : MeetsLabel)
                : (measured ? BelowLabel + MeasuredLabelEnd : BelowLabel);
            v.SetBasis(head, efficiencyPercent, "F1", CoveredTail(fuel, threshold, source));
            return v;
        }

        private const string NotCoveredOther = " not judged: the plan sets thresholds for coal- and gas-fired boilers, and fuel 'other' does not say which gas it is (only natural gas is taken as gas-fired).";
        private const string NotCoveredFuel = " not judged: the plan sets thresholds only for coal- and gas-fired boilers.";
        private const string MeetsLabel = "meets the plan threshold";
        private const string BelowLabel = "below the plan threshold";
        private const string MeasuredLabelEnd = " (indicator, measured in operation)";

        // The covered Basis tails, built once per (coal/gas, source, threshold) and kept: [coal ? 2 : 0 + measured ? 1 : 0].
        // A benign race at most builds one twice (same text).
        private static readonly string[] coveredTails = new string[4];
        private static readonly double[] coveredTailThresholds = new double[4];

        private static string CoveredTail(BoilerFuel fuel, double threshold, EfficiencySource source)
        {
            bool measured = source == EfficiencySource.Measured;
            int k = (fuel == BoilerFuel.Coal ? 2 : 0) + (measured ? 1 : 0);
            string tail = coveredTails[k];
            if (tail == null || coveredTailThresholds[k] != threshold)
            {
                tail = BoilerGrading.SourceTailStart(source) + " judged against the plan's " + threshold.ToString("G6") + " % for newly produced " + (fuel == BoilerFuel.Coal ? "coal" : "gas") + "-fired boilers"
                    + (measured ? ", as an indicator only: the plan's figure is for newly produced boilers, not for efficiency measured in operation." : ".");
                coveredTailThresholds[k] = threshold;
                coveredTails[k] = tail;
            }

            return tail;
        }

        private static string PlanKey(BoilerFuel fuel)
        {
            switch (fuel)
            {
                case BoilerFuel.Coal: return "coal";
                case BoilerFuel.NaturalGas: return "natural-gas";
                default: return string.Empty;
            }
        }
    }
}
