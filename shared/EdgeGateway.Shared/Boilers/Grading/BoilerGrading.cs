using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Shared.Boilers.Grading
{
    /// <summary>
    /// GB 24500-2020 (industrial boiler energy efficiency) table lookup and grading. One row applies or none: cases
    /// outside the table are reported as not covered with the reason, never judged against a neighbouring row.
    /// </summary>
    public static class BoilerGrading
    {
        public const string StandardId = "gb24500-2020";

        private const string NoFallback = "out-of-table cases are refused, never judged against a neighbouring row";

        /// <summary>Finds the grade limits for a boiler. Throws <see cref="InputException"/> for contradictory or
        /// missing inputs; returns Covered = false (with the reason) for boilers outside the table.</summary>
        public static BoilerLimits Lookup(BoilerSpec spec)
        {
            if (spec == null)
            {
                throw new InputException("boiler", "missing", "give the boiler's fuel, combustion, capacity and (for coal) coal class");
            }

            ValidateSpec(spec);
            switch (spec.Fuel)
            {
                case BoilerFuel.Other:
                    return NotCovered(BoilerTable.Chamber, "fuel 'other': GB 24500-2020 has rows for natural gas, oil, coal, biomass and electric boilers only; gases other than natural gas are of unknown coverage (no row found)");
                case BoilerFuel.Electric:
                    RequireNotCondensing(spec, "an electric boiler cannot be condensing");
                    return FromRow(BoilerTable.Electric, "electric", spec, "electric boiler (clause 5.2)");
                case BoilerFuel.NaturalGas:
                    RequireChamber(spec, "natural-gas");
                    return spec.Condensing
                        ? FromRow(BoilerTable.Chamber, "natural-gas-condensing", spec, "chamber-fired natural gas, condensing (from the nameplate)")
                        : FromRow(BoilerTable.Chamber, "natural-gas", spec, "chamber-fired natural gas, non-condensing");
                case BoilerFuel.Oil:
                    RequireChamber(spec, "oil");
                    if (spec.Condensing)
                    {
                        return NotCovered(BoilerTable.Chamber, "condensing oil-fired boiler: the table has a condensing row only for natural gas; the non-condensing oil row does not apply");
                    }

                    return FromRow(BoilerTable.Chamber, "oil", spec, "chamber-fired oil");
                case BoilerFuel.Biomass:
                    if (spec.Condensing)
                    {
                        return NotCovered(BoilerTable.Biomass, "condensing biomass boiler: the table has a condensing row only for natural gas");
                    }

                    RequireCapacity(spec);
                    return FromRow(BoilerTable.Biomass, "biomass", spec, "biomass");
                case BoilerFuel.Coal:
                    return LookupCoal(spec);
                default:
                    throw new InputException("fuel", ((int)spec.Fuel).ToString(), "natural-gas, oil, coal, biomass, electric or other");
            }
        }

        /// <summary>Grades a rated (test-report) efficiency.</summary>
        public static BoilerGradeResult Grade(BoilerSpec spec, double efficiencyPercent)
        {
            return Grade(spec, efficiencyPercent, EfficiencySource.Rated);
        }

        /// <summary>Grades an efficiency against the GB 24500-2020 row of the boiler. The grades are defined for the
        /// rated efficiency of the test report; a measured operating efficiency is judged as an indicator and the
        /// verdict's Basis says so.</summary>
        public static BoilerGradeResult Grade(BoilerSpec spec, double efficiencyPercent, EfficiencySource source)
        {
            return Grade(spec, efficiencyPercent, source, new BoilerGradeResult());
        }

        /// <summary>
        /// <see cref="Grade(BoilerSpec, double, EfficiencySource)"/> into a caller-owned result, for polling loops:
        /// the verdict object is reused, the table lookup and its texts are kept in <paramref name="into"/> while the
        /// spec's values do not change, and the verdict's Basis (which shows the efficiency) is built only when read.
        /// Allocation-free after the first call for a spec. Same verdict, same exceptions as the allocating overload;
        /// after an exception the contents of <paramref name="into"/> are unspecified. Returns <paramref name="into"/>.
        /// </summary>
        public static BoilerGradeResult Grade(BoilerSpec spec, double efficiencyPercent, EfficiencySource source, BoilerGradeResult into)
        {
            if (into == null)
            {
                into = new BoilerGradeResult();
            }

            ValidateEfficiency(spec, efficiencyPercent);
            BoilerLimits limits = into.IsCachedFor(spec) ? into.CachedLimits : Lookup(spec, into);
            Verdict v = Verdict.From(limits.Provenance, into.Verdict != null ? into.Verdict : new Verdict());
            into.Verdict = v;
            into.Limits = limits;
            v.ValuePercent = efficiencyPercent;
            v.Rule = limits.Rule;
            v.Covered = limits.Covered;
            string head = source == EfficiencySource.Measured ? MeasuredHead : RatedHead;
            string tail = source == EfficiencySource.Measured ? into.TailMeasured : into.TailRated;
            if (!limits.Covered)
            {
                v.Grade = 0;
                v.GradeLabel = "not covered";
                v.Pass = false;
                v.SetBasis(head, efficiencyPercent, "F1", tail);
                return into;
            }

            double e = efficiencyPercent + StandardsMath.Epsilon;
            v.LimitPercent = limits.Grade3Percent;
            v.MarginPoints = efficiencyPercent - limits.Grade3Percent;
            v.Pass = e >= limits.Grade3Percent;
            bool hasGrades = !double.IsNaN(limits.Grade1Percent) && !double.IsNaN(limits.Grade2Percent);
            if (hasGrades)
            {
                v.Grade = e >= limits.Grade1Percent ? 1 : e >= limits.Grade2Percent ? 2 : v.Pass ? 3 : 0;
            }
            else
            {
                // Electric boilers: clause 5.2 gives one minimum; no grade is awarded (three grades are unsettled).
                v.Grade = 0;
            }

            v.GradeLabel = GradeLabel(hasGrades, v.Grade, v.Pass, source == EfficiencySource.Measured);
            v.SetBasis(head, efficiencyPercent, "F1", tail);
            return into;
        }

        /// <summary>
        /// <see cref="Lookup(BoilerSpec)"/> that also keeps the limits (and the verdict texts built from them) in
        /// <paramref name="into"/>, so a later <see cref="Grade(BoilerSpec, double, EfficiencySource, BoilerGradeResult)"/>
        /// with the same spec values allocates nothing. Call it at start-up.
        /// </summary>
        public static BoilerLimits Lookup(BoilerSpec spec, BoilerGradeResult into)
        {
            BoilerLimits limits = Lookup(spec);
            if (into != null)
            {
                into.Cache(spec, limits, BasisTail(limits, EfficiencySource.Measured), BasisTail(limits, EfficiencySource.Rated));
            }

            return limits;
        }

        /// <summary>
        /// True when <paramref name="efficiencyPercent"/> can be judged for this boiler (a finite value above 0 and at
        /// most 120 %, and at most 100 % unless the boiler is condensing or of fuel 'other'); false when
        /// <see cref="Grade(BoilerSpec, double, EfficiencySource)"/> and the plan's Grade would refuse it with an
        /// <see cref="InputException"/>. Lets a polling loop skip a refused judgement without throwing.
        /// </summary>
        public static bool IsGradableEfficiency(BoilerSpec spec, double efficiencyPercent)
        {
            return EfficiencyProblem(spec != null, spec != null ? spec.Fuel : BoilerFuel.Other, spec != null && spec.Condensing, efficiencyPercent) == 0;
        }

        // Basis = head + efficiency (F1) + tail. The head says which figure was judged; the tail depends only on the
        // limits and the source, so it is built once per spec (see BoilerGradeResult).
        internal const string MeasuredHead = "Measured operating efficiency ";
        internal const string RatedHead = "Rated (design) thermal efficiency from the energy-efficiency test report, ";

        /// <summary>What follows the F1 efficiency: " %" (measured) or " %," (rated, the sentence goes on).</summary>
        internal static string SourceTailStart(EfficiencySource source)
        {
            return source == EfficiencySource.Measured ? " %" : " %,";
        }

        private static string BasisTail(BoilerLimits limits, EfficiencySource source)
        {
            if (!limits.Covered)
            {
                return SourceTailStart(source) + " not judged: " + limits.Reason + ".";
            }

            return SourceTailStart(source) + " judged against the " + limits.Provenance.Standard + " limits " + LimitsText(limits) + " for " + limits.Row
                + (source == EfficiencySource.Measured ? ", as an indicator only: the grades are defined for the rated efficiency of the energy-efficiency test report." : ".");
        }

        // Grade labels: a fixed set, so constants (no text is built while grading).
        private const string Grade1Label = "grade 1";
        private const string Grade2Label = "grade 2";
        private const string Grade3Label = "grade 3 (the minimum)";
        private const string BelowGrade3Label = "below grade 3 (below the minimum)";
        private const string MinimumMetLabel = "meets the minimum (no grades in clause 5.2)";
        private const string MinimumMissedLabel = "below the minimum";
        private const string IndicatorStart = "indicator: ";
        private const string IndicatorEnd = " level in operation";

        private static string GradeLabel(bool hasGrades, int grade, bool pass, bool measured)
        {
            if (!hasGrades)
            {
                if (pass)
                {
                    return measured ? IndicatorStart + MinimumMetLabel + IndicatorEnd : MinimumMetLabel;
                }

                return measured ? IndicatorStart + MinimumMissedLabel + IndicatorEnd : MinimumMissedLabel;
            }

            switch (grade)
            {
                case 1: return measured ? IndicatorStart + Grade1Label + IndicatorEnd : Grade1Label;
                case 2: return measured ? IndicatorStart + Grade2Label + IndicatorEnd : Grade2Label;
                case 3: return measured ? IndicatorStart + Grade3Label + IndicatorEnd : Grade3Label;
                default: return measured ? IndicatorStart + BelowGrade3Label + IndicatorEnd : BelowGrade3Label;
            }
        }

        internal static void ValidateEfficiency(BoilerSpec spec, double efficiencyPercent)
        {
            ValidateEfficiency(spec != null, spec != null ? spec.Fuel : BoilerFuel.Other, spec != null && spec.Condensing, efficiencyPercent);
        }

        /// <summary>Throws for an efficiency that cannot be judged; <paramref name="hasSpec"/> false skips the 100 % check.</summary>
        internal static void ValidateEfficiency(bool hasSpec, BoilerFuel fuel, bool condensing, double efficiencyPercent)
        {
            int problem = EfficiencyProblem(hasSpec, fuel, condensing, efficiencyPercent);
            if (problem == 1)
            {
                throw new InputException("efficiencyPercent", InputException.Format(efficiencyPercent), "a thermal efficiency in % on the net heating value, above 0 and at most 120 (no boiler reaches more on the lower heating value); a value computed from measurements this far off comes from an input: check the heat input (fuel flow and heating value: kJ, not MJ or kcal; meter scaling) and the steam/water flow (t/h, not kg/h)");
            }

            if (problem == 2)
            {
                throw new InputException("efficiencyPercent", InputException.Format(efficiencyPercent), "above 100 % is possible only for a condensing boiler: set condensing if the nameplate says so, otherwise check the value");
            }
        }

        /// <summary>0 = gradable, 1 = not a plausible efficiency, 2 = above 100 % on a non-condensing boiler.</summary>
        private static int EfficiencyProblem(bool hasSpec, BoilerFuel fuel, bool condensing, double efficiencyPercent)
        {
            if (!StandardsMath.IsFinite(efficiencyPercent) || efficiencyPercent <= 0 || efficiencyPercent > 120)
            {
                return 1;
            }

            if (hasSpec && !condensing && efficiencyPercent > 100 && fuel != BoilerFuel.Other)
            {
                return 2;
            }

            return 0;
        }

        private static BoilerLimits LookupCoal(BoilerSpec spec)
        {
            if (spec.Condensing)
            {
                return NotCovered(BoilerTable.Grate, "condensing coal-fired boiler: the table has a condensing row only for natural gas");
            }

            switch (spec.Combustion)
            {
                case BoilerCombustion.Chamber:
                    return FromRow(BoilerTable.Chamber, "pulverized-coal", spec, "chamber-fired pulverised coal");
                case BoilerCombustion.Grate:
                    RequireCoalClass(spec);
                    if (spec.CoalClass == CoalClass.BituminousI)
                    {
                        return NotCovered(BoilerTable.Grate, "grate-fired bituminous I: GB 24500-2020 表1 has no row for it");
                    }

                    RequireCapacity(spec);
                    return FromRow(BoilerTable.Grate, CoalKey(spec.CoalClass), spec, "grate-fired coal, " + CoalKey(spec.CoalClass));
                case BoilerCombustion.FluidizedBed:
                    RequireCoalClass(spec);
                    return FromRow(BoilerTable.Fluidized, CoalKey(spec.CoalClass), spec, "fluidised-bed coal, " + CoalKey(spec.CoalClass));
                default:
                    throw new InputException("combustion", "not-applicable", "a coal-fired boiler needs chamber (pulverised coal), grate or fluidized-bed");
            }
        }

        private static BoilerLimits FromRow(BoilerTable table, string key, BoilerSpec spec, string rowName)
        {
            int firstKeyRow = -1;
            int row = -1;
            int rowByTph = -1;
            int rowByMw = -1;
            for (int i = 0; i < table.Key.Length; i++)
            {
                if (table.Key[i] != key)
                {
                    continue;
                }

                if (firstKeyRow < 0)
                {
                    firstKeyRow = i;
                }

                if (!table.HasCapacitySplit(i))
                {
                    row = i;
                    continue;
                }

                if (!double.IsNaN(spec.RatedEvaporationTph)
                    && StandardsMath.InInterval(spec.RatedEvaporationTph, table.TphMin[i], table.TphMinInclusive[i], table.TphMax[i], table.TphMaxInclusive[i]))
                {
                    rowByTph = i;
                }

                if (!double.IsNaN(spec.RatedHeatOutputMw)
                    && StandardsMath.InInterval(spec.RatedHeatOutputMw, table.MwMin[i], table.MwMinInclusive[i], table.MwMax[i], table.MwMaxInclusive[i]))
                {
                    rowByMw = i;
                }
            }

            if (firstKeyRow < 0)
            {
                return NotCovered(table, rowName + ": no row in the " + table.Name + " table");
            }

            string rule = "table row lookup (" + table.Provenance.Clause + "); " + NoFallback;
            if (row < 0)
            {
                if (rowByTph >= 0 && rowByMw >= 0 && rowByTph != rowByMw)
                {
                    return NotCovered(table, "rated evaporation " + InputException.Format(spec.RatedEvaporationTph) + " t/h and rated heat output "
                        + InputException.Format(spec.RatedHeatOutputMw) + " MW fall in different capacity columns (" + table.CapacityText(rowByTph) + " vs "
                        + table.CapacityText(rowByMw) + "): check the nameplate");
                }

                row = rowByTph >= 0 ? rowByTph : rowByMw;
                if (row < 0)
                {
                    // Unreachable with positive capacities and the (0, x] / (x, inf) columns; kept as a refusal, not a guess.
                    return NotCovered(table, "capacity matches no column of the " + table.Name + " table");
                }

                rule += "; capacity column " + table.CapacityText(row) + ", the boundary value belongs to the lower column (20 t/h = 14 MW, 10 t/h = 7 MW)";
                if (rowByTph >= 0 && rowByMw >= 0)
                {
                    rule += "; t/h and MW agree";
                }
            }

            string qNote = CheckHeatingValue(table, row, key, spec);
            if (qNote == null)
            {
                return NotCovered(table, "net heating value Q = " + InputException.Format(spec.NetHeatingValueKjPerKg) + " kJ/kg is below the range "
                    + StandardsMath.FormatInterval(table.QMin[row], table.QMinInclusive[row], table.QMax[row], table.QMaxInclusive[row]) + " of " + key + " (" + table.Name + "): out of table");
            }

            rule += qNote;
            BoilerLimits limits = new BoilerLimits();
            limits.Covered = true;
            limits.Reason = string.Empty;
            limits.Grade1Percent = table.G1[row];
            limits.Grade2Percent = table.G2[row];
            limits.Grade3Percent = table.G3[row];
            limits.Row = rowName + (table.HasCapacitySplit(row) ? ", " + table.CapacityText(row) : string.Empty);
            limits.Rule = rule;
            limits.Provenance = table.Provenance;
            return limits;
        }

        /// <summary>Returns the Rule suffix about Q, or null when Q is below the row's range (out of table).</summary>
        private static string CheckHeatingValue(BoilerTable table, int row, string key, BoilerSpec spec)
        {
            if (double.IsNaN(table.QMin[row]))
            {
                return string.Empty;
            }

            string range = StandardsMath.FormatInterval(table.QMin[row], table.QMinInclusive[row], table.QMax[row], table.QMaxInclusive[row]);
            double q = spec.NetHeatingValueKjPerKg;
            if (double.IsNaN(q))
            {
                return "; Q not given, so the row's range Q " + range + " kJ/kg was not checked";
            }

            if (StandardsMath.InInterval(q, table.QMin[row], table.QMinInclusive[row], table.QMax[row], table.QMaxInclusive[row]))
            {
                return "; Q " + InputException.Format(q) + " kJ/kg within the row's range " + range;
            }

            bool belowMin = table.QMinInclusive[row] ? q < table.QMin[row] : q <= table.QMin[row];
            if (belowMin)
            {
                return null;
            }

            throw new InputException("netHeatingValueKjPerKg", InputException.Format(q),
                "above the range " + range + " kJ/kg of coal class " + key + ": check the coal class (bituminous II is 17700-21000, bituminous III above 21000)");
        }

        private static BoilerLimits NotCovered(BoilerTable table, string reason)
        {
            BoilerLimits limits = new BoilerLimits();
            limits.Covered = false;
            limits.Reason = reason;
            limits.Grade1Percent = double.NaN;
            limits.Grade2Percent = double.NaN;
            limits.Grade3Percent = double.NaN;
            limits.Row = "none";
            limits.Rule = "no row applies; " + NoFallback;
            limits.Provenance = table.Provenance;
            return limits;
        }

        private static string LimitsText(BoilerLimits limits)
        {
            if (double.IsNaN(limits.Grade1Percent))
            {
                return "(minimum " + limits.Grade3Percent.ToString("G6") + " %)";
            }

            return limits.Grade1Percent.ToString("G6") + "/" + limits.Grade2Percent.ToString("G6") + "/" + limits.Grade3Percent.ToString("G6") + " % (grade 1/2/3)";
        }

        internal static string CoalKey(CoalClass coal)
        {
            switch (coal)
            {
                case CoalClass.BituminousI: return "bituminous-I";
                case CoalClass.BituminousII: return "bituminous-II";
                case CoalClass.BituminousIII: return "bituminous-III";
                case CoalClass.Lean: return "lean";
                case CoalClass.AnthraciteII: return "anthracite-II";
                case CoalClass.AnthraciteIII: return "anthracite-III";
                case CoalClass.Lignite: return "lignite";
                case CoalClass.Pulverized: return "pulverized";
                default: return "none";
            }
        }

        private static void ValidateSpec(BoilerSpec spec)
        {
            if (!double.IsNaN(spec.RatedEvaporationTph) && (double.IsInfinity(spec.RatedEvaporationTph) || spec.RatedEvaporationTph <= 0))
            {
                throw new InputException("ratedEvaporationTph", InputException.Format(spec.RatedEvaporationTph), "rated evaporation of a steam boiler in t/h, above 0 (leave unset for a hot-water boiler)");
            }

            if (!double.IsNaN(spec.RatedHeatOutputMw) && (double.IsInfinity(spec.RatedHeatOutputMw) || spec.RatedHeatOutputMw <= 0))
            {
                throw new InputException("ratedHeatOutputMw", InputException.Format(spec.RatedHeatOutputMw), "rated heat output of a hot-water boiler in MW, above 0 (leave unset for a steam boiler)");
            }

            // Industrial boilers only: a utility-size rating is a unit or typing mistake (Plausibility, [M]).
            Plausibility.RatedCapacity("ratedEvaporationTph", spec.RatedEvaporationTph, false);
            Plausibility.RatedCapacity("ratedHeatOutputMw", spec.RatedHeatOutputMw, true);

            if (!double.IsNaN(spec.NetHeatingValueKjPerKg) && (double.IsInfinity(spec.NetHeatingValueKjPerKg) || spec.NetHeatingValueKjPerKg <= 0))
            {
                throw new InputException("netHeatingValueKjPerKg", InputException.Format(spec.NetHeatingValueKjPerKg), "as-received net heating value in kJ/kg, above 0 (leave unset if unknown)");
            }

            if ((int)spec.Combustion < 0 || (int)spec.Combustion > 3)
            {
                throw new InputException("combustion", ((int)spec.Combustion).ToString(), "chamber, grate, fluidized-bed or not-applicable");
            }

            if ((int)spec.CoalClass < 0 || (int)spec.CoalClass > 8)
            {
                throw new InputException("coalClass", ((int)spec.CoalClass).ToString(), "bituminous-I/II/III, lean, anthracite-II/III, lignite or pulverized");
            }

            if (spec.Fuel != BoilerFuel.Coal && spec.CoalClass != CoalClass.None)
            {
                throw new InputException("coalClass", CoalKey(spec.CoalClass), "a coal class applies to coal-fired boilers only: leave it unset for this fuel");
            }

            if (spec.Fuel == BoilerFuel.Coal && spec.CoalClass == CoalClass.Pulverized && spec.Combustion != BoilerCombustion.Chamber)
            {
                throw new InputException("coalClass", "pulverized", "pulverised coal is chamber-fired: set combustion to chamber, or give the coal class of the grate/fluidised-bed design coal");
            }
        }

        private static void RequireChamber(BoilerSpec spec, string fuel)
        {
            if (spec.Combustion == BoilerCombustion.Grate || spec.Combustion == BoilerCombustion.FluidizedBed)
            {
                throw new InputException("combustion", spec.Combustion == BoilerCombustion.Grate ? "grate" : "fluidized-bed",
                    "a " + fuel + " boiler is chamber-fired: set combustion to chamber (or leave it unset)");
            }
        }

        private static void RequireNotCondensing(BoilerSpec spec, string why)
        {
            if (spec.Condensing)
            {
                throw new InputException("condensing", "true", why);
            }
        }

        private static void RequireCoalClass(BoilerSpec spec)
        {
            if (spec.CoalClass == CoalClass.None)
            {
                throw new InputException("coalClass", "missing", "grate and fluidised-bed coal boilers need the design coal class: bituminous-I/II/III, lean, anthracite-II/III or lignite");
            }
        }

        private static void RequireCapacity(BoilerSpec spec)
        {
            if (double.IsNaN(spec.RatedEvaporationTph) && double.IsNaN(spec.RatedHeatOutputMw))
            {
                throw new InputException("ratedEvaporationTph", "missing", "this table is split by capacity: give the rated evaporation in t/h (steam) or the rated heat output in MW (hot water)");
            }
        }
    }
}
