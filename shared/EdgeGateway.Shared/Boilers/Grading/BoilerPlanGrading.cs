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
            BoilerSpec spec = new BoilerSpec();
            spec.Fuel = fuel;
            spec.Condensing = condensing;
            BoilerGrading.ValidateEfficiency(spec, efficiencyPercent);
            if ((int)fuel < 0 || (int)fuel > 5)
            {
                throw new InputException("fuel", ((int)fuel).ToString(), "natural-gas, oil, coal, biomass, electric or other");
            }

            Verdict v = Verdict.From(Plan2017ShanxiBoiler.Provenance);
            v.StandardId = StandardId;
            v.ValuePercent = efficiencyPercent;
            v.Rule = "plan threshold for newly produced boilers: coal-fired >= 80 %, gas-fired >= 92 %, no split by capacity, coal or condensing; a separate reference from GB 24500-2020, not a substitute for its table";
            string what = BoilerGrading.DescribeSource(source, efficiencyPercent);
            double threshold = ThresholdPercent(fuel);
            if (double.IsNaN(threshold))
            {
                v.Covered = false;
                v.Grade = 0;
                v.GradeLabel = "not covered";
                v.Basis = what + " not judged: " + (fuel == BoilerFuel.Other
                    ? "the plan sets thresholds for coal- and gas-fired boilers, and fuel 'other' does not say which gas it is (only natural gas is taken as gas-fired)."
                    : "the plan sets thresholds only for coal- and gas-fired boilers.");
                return v;
            }

            v.Covered = true;
            v.LimitPercent = threshold;
            v.MarginPoints = efficiencyPercent - threshold;
            v.Pass = efficiencyPercent + StandardsMath.Epsilon >= threshold;
            v.Grade = 0;
            v.GradeLabel = (v.Pass ? "meets" : "below") + " the plan threshold" + (source == EfficiencySource.Measured ? " (indicator, measured in operation)" : string.Empty);
            v.Basis = what + " judged against the plan's " + threshold.ToString("G6") + " % for newly produced " + (fuel == BoilerFuel.Coal ? "coal" : "gas") + "-fired boilers"
                + (source == EfficiencySource.Measured ? ", as an indicator only: the plan's figure is for newly produced boilers, not for efficiency measured in operation." : ".");
            return v;
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
