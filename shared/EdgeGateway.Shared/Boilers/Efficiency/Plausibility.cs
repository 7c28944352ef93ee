using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>
    /// Plausibility checks of boiler inputs that name the input the user most probably got wrong (a heating value in
    /// MJ, a steam flow in kg/h, an impossible rated capacity) instead of letting an absurd efficiency surface later.
    /// Every check compares numbers only; the message is built when it throws, so the polling path stays
    /// allocation-free. The limits are project choices [M], not limits of a standard.
    /// </summary>
    public static class Plausibility
    {
        /// <summary>
        /// Steam (or hot-water output) above this multiple of the rated capacity is refused [M, project choice]: boilers
        /// carry short overloads of 10–20 %; 30 % above rated means a wrong unit, a mis-scaled meter or a wrong rating.
        /// </summary>
        public const double MaxLoadToRatedRatio = 1.3;

        /// <summary>
        /// Largest rated evaporation accepted, t/h [M, project choice]: industrial boilers under GB 24500-2020 are far
        /// smaller (its capacity columns split at 10 and 20 t/h [3P]); 1000 t/h is utility-boiler territory.
        /// </summary>
        public const double MaxRatedCapacityTph = 1000.0;

        /// <summary>Largest rated heat output accepted, MW: <see cref="MaxRatedCapacityTph"/> at 0.7 MW per t/h [M].</summary>
        public const double MaxRatedHeatOutputMw = 700.0;

        /// <summary>
        /// No boiler reaches this efficiency on the as-received lower heating value [M]: even full condensation recovers
        /// only the latent heat, HHV/LHV ≈ 1.11 for natural gas, ≈ 1.13 for hydrogen-rich coke-oven gas. The grading
        /// refuses the same figure.
        /// </summary>
        public const double MaxEfficiencyPercent = 120.0;

        /// <summary>
        /// Ceiling for a boiler known to be non-condensing [M, project choice]: above 100 % is impossible without
        /// condensation; the direct method's few-percent measuring error is allowed for up to 110 %.
        /// </summary>
        public const double MaxNonCondensingEfficiencyPercent = 110.0;

        /// <summary>kJ per kcal (international table calorie), for the "looks like kcal" hint.</summary>
        public const double KjPerKcal = 4.1868;

        /// <summary>A FuelKind value meaning "the caller did not say which fuel" (the any-gas / any-fuel-by-mass ranges).</summary>
        internal const FuelKind UnknownFuel = (FuelKind)(-1);

        /// <summary>Where the heating-value ranges come from (typical values [M], see the data file's notes).</summary>
        public static TableProvenance HeatingValueProvenance
        {
            get { return TypicalHeatingValueRange.Provenance; }
        }

        /// <summary>
        /// Refuses a lower heating value outside the typical range of <paramref name="fuel"/> (kJ/Nm³ when
        /// <paramref name="perNm3"/>, else kJ/kg: the fuel's own row of the generated table
        /// <see cref="TypicalHeatingValueRange"/> when it has one for that basis, else the any-gas / any-fuel-by-mass row),
        /// naming the field; a value 1000× too small is called MJ, one 4.1868× too small kcal. Returns the value.
        /// </summary>
        /// <param name="jsonName">measurement name, e.g. "fuelLowerHeatingValueKjPerNm3" (named "measurements.&lt;jsonName&gt;")</param>
        /// <param name="fuel">the boiler's fuel, or <see cref="UnknownFuel"/></param>
        public static double HeatingValue(string jsonName, double valueKj, bool perNm3, FuelKind fuel)
        {
            int row = RangeRow(fuel, perNm3);
            double min = TypicalHeatingValueRange.Values[row * TypicalHeatingValueRange.Stride + TypicalHeatingValueRange.MinKjColumn];
            double max = TypicalHeatingValueRange.Values[row * TypicalHeatingValueRange.Stride + TypicalHeatingValueRange.MaxKjColumn];
            if (valueKj >= min && valueKj <= max)
            {
                return valueKj;
            }

            // The message is built only here, when refusing.
            string unit = perNm3 ? "/Nm³" : "/kg";
            string typical = "typical for " + TypicalHeatingValueRange.Fuel[row] + ": " + InputException.Format(min) + " to "
                + InputException.Format(max) + " kJ" + unit + " [M, typical values]";
            double factor = valueKj * 1000.0 >= min && valueKj * 1000.0 <= max ? 1000.0
                : valueKj * KjPerKcal >= min && valueKj * KjPerKcal <= max ? KjPerKcal : 0.0;
            throw new InputException(Check.Prefix + jsonName, Check.Text(valueKj), factor == 0.0
                ? "outside the range " + typical + "; check the unit (kJ, not MJ, kcal or J), that it is the lower (net) heating value, and the boiler's fuel"
                : "looks like " + (factor == 1000.0 ? "MJ" : "kcal") + unit + ": multiply by " + InputException.Format(factor) + " ("
                    + InputException.Format(valueKj * factor) + " kJ" + unit + "); " + typical);
        }

        /// <summary>
        /// A rated capacity above <see cref="MaxRatedCapacityTph"/> t/h (or, <paramref name="megawatt"/>,
        /// <see cref="MaxRatedHeatOutputMw"/> MW) is refused, naming <paramref name="field"/>. Returns the value.
        /// </summary>
        public static double RatedCapacity(string field, double rated, bool megawatt)
        {
            double max = megawatt ? MaxRatedHeatOutputMw : MaxRatedCapacityTph;
            if (rated > max)
            {
                string unit = megawatt ? " MW" : " t/h";
                throw new InputException(field, InputException.Format(rated) + unit, "above " + InputException.Format(max) + unit
                    + ": industrial boilers under GB 24500-2020 are far smaller (utility boilers are out of scope); check the unit and the nameplate");
            }

            return rated;
        }

        /// <summary>
        /// A rated capacity for the engines, t/h: must be a number above 0 (hot-water boilers: rated MW ÷ 0.7) and at
        /// most <see cref="MaxRatedCapacityTph"/>; the error names "ratedCapacityTph". Returns the value.
        /// </summary>
        internal static double RatedCapacityTph(double ratedCapacityTph)
        {
            if (double.IsNaN(ratedCapacityTph) || double.IsInfinity(ratedCapacityTph) || ratedCapacityTph <= 0.0)
            {
                throw new InputException("ratedCapacityTph", Check.Text(ratedCapacityTph),
                    "rated capacity must be greater than 0 t/h (hot-water boilers: rated MW ÷ 0.7)");
            }

            return RatedCapacity("ratedCapacityTph", ratedCapacityTph, false);
        }

        /// <summary>
        /// Refuses a load above <see cref="MaxLoadToRatedRatio"/> × the rated capacity (no check when the rating is NaN =
        /// not given), naming the flow field: steamFlowTph, or for a hot-water boiler waterFlowTph / heatOutputKw, whose
        /// output is compared as t/h at 0.7 MW per t/h.
        /// </summary>
        /// <param name="field">the measurement the load came from</param>
        /// <param name="value">its value (t/h, or kW for heatOutputKw)</param>
        /// <param name="loadTph">the load in t/h (steam flow, or hot-water output ÷ 0.7 MW per t/h)</param>
        internal static void Load(string field, double value, double loadTph, double ratedCapacityTph)
        {
            double max = MaxLoadToRatedRatio * ratedCapacityTph;
            if (!(loadTph > max))
            {
                return; // also when the rating is not given (NaN)
            }

            throw new InputException(Check.Prefix + field, InputException.Format(value), "gives a load of "
                + InputException.Format(loadTph) + " t/h, above 1.3 × the rated capacity " + InputException.Format(ratedCapacityTph)
                + " t/h = " + InputException.Format(max) + " t/h (hot water: 0.7 MW per t/h)"
                // A kg/h (or W) slip divides to a real load: 10 % to 130 % of the rating.
                + (loadTph / 1000.0 <= max && loadTph / 1000.0 >= 0.1 * ratedCapacityTph
                    ? ": looks like kg/h (or W): divide by 1000"
                    : ": check the meter's unit and scaling, and the boiler's rated capacity"));
        }

        /// <summary>
        /// Refuses a direct-method efficiency above the ceiling (<see cref="MaxNonCondensingEfficiencyPercent"/> for a
        /// boiler known to be non-condensing, else <see cref="MaxEfficiencyPercent"/>), naming the inputs of the heat
        /// input, and the flow as the other suspect. Only for the fuel-aware overloads (the caller knows the nameplate).
        /// </summary>
        /// <param name="condensing">1 condensing, 0 non-condensing, -1 not known (no check)</param>
        internal static void Efficiency(double efficiencyPercent, double heatInputKw, string heatInputRoute, string usefulField,
            int condensing)
        {
            // condensing < 0: the overloads without nameplate facts keep their contract (no ceiling): callers such as
            // the plant simulator probe the useful heat with a placeholder heat input. The grading refuses > 120 %.
            double ceiling = condensing == 0 ? MaxNonCondensingEfficiencyPercent : MaxEfficiencyPercent;
            if (condensing < 0 || !(efficiencyPercent > ceiling))
            {
                return;
            }

            throw new InputException(Check.Prefix + heatInputRoute, heatInputKw.ToString("F1") + " kW",
                "too little heat input: the efficiency would be " + efficiencyPercent.ToString("F1") + " %, above the "
                + InputException.Format(ceiling) + " % no boiler of this kind reaches on the lower heating value; check the fuel flow (unit, meter scaling) and the heating value (kJ, not MJ or kcal), then "
                + usefulField + " (t/h, not kg/h)");
        }

        private static int RangeRow(FuelKind fuel, bool perNm3)
        {
            // A linear search over a handful of rows (string comparisons, no allocation); the fuel's own row first.
            string basis = perNm3 ? "per-nm3" : "per-kg";
            int row = Find(FuelKinds.Name(fuel), basis);
            return row >= 0 ? row : Find(perNm3 ? "any-gas" : "any-fuel-by-mass", basis);
        }

        private static int Find(string fuel, string basis)
        {
            for (int i = 0; i < TypicalHeatingValueRange.RowCount; i++)
            {
                if (TypicalHeatingValueRange.Fuel[i] == fuel && TypicalHeatingValueRange.Basis[i] == basis)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
