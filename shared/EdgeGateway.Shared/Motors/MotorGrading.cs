using System;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;

namespace EdgeGateway.Shared.Motors
{
    /// <summary>
    /// GB 18613-2020 grading of three-phase induction motors (0.12–1000 kW, 2/4/6/8 poles, 50 Hz). At a table rating the
    /// table value is used; between ratings the IEC 60034-30-1 / EU 2019/1781 formula η = A·x³ + B·x² + C·x + D,
    /// x = log10(P / 1 kW), rounded to 0.1, where it is defined; elsewhere "no rule" and the grade is not decided.
    /// </summary>
    public static class MotorGrading
    {
        public const string StandardId = "gb18613-2020";

        public const double MinimumRatedPowerKw = 0.12;

        public const double MaximumRatedPowerKw = 1000.0;

        /// <summary>Above this rating GB lists rows (200, 250, 280–1000 kW) outside the formula's range.</summary>
        private const double FormulaTopKw = 200.0;

        public static MotorGradeResult Grade(double ratedPowerKw, int poles, double efficiencyPercent)
        {
            return Grade(ratedPowerKw, poles, efficiencyPercent, EfficiencySource.Rated);
        }

        /// <summary>Grades a motor. A rated (nameplate) efficiency gives the grade; a measured field efficiency is an
        /// indicator (trends, spotting obsolete units) and the verdict says so.</summary>
        public static MotorGradeResult Grade(double ratedPowerKw, int poles, double efficiencyPercent, EfficiencySource source)
        {
            StandardsMath.RequirePositive("ratedPowerKw", ratedPowerKw, "rated output power in kW from the nameplate, above 0");
            if (poles <= 0 || poles % 2 != 0)
            {
                throw new InputException("poles", poles.ToString(), "an even number of poles from the nameplate (2, 4, 6 or 8 are in GB 18613-2020's scope)");
            }

            if (!StandardsMath.IsFinite(efficiencyPercent) || efficiencyPercent <= 0 || efficiencyPercent > 100)
            {
                throw new InputException("efficiencyPercent", InputException.Format(efficiencyPercent), "a motor efficiency in %, above 0 and at most 100");
            }

            MotorGradeResult r = new MotorGradeResult();
            r.Provenance = Gb18613MotorClasses.Provenance;
            r.InterpolationProvenance = Gb18613Interpolation.Provenance;
            Verdict v = Verdict.From(Gb18613MotorClasses.Provenance);
            r.Verdict = v;
            v.ValuePercent = efficiencyPercent;
            string what = Describe(source, efficiencyPercent, ratedPowerKw, poles);

            string scope = null;
            if (poles != 2 && poles != 4 && poles != 6 && poles != 8)
            {
                scope = poles.ToString() + "-pole motors are outside GB 18613-2020's scope (2, 4, 6 and 8 poles)";
            }
            else if (ratedPowerKw < MinimumRatedPowerKw - StandardsMath.Epsilon || ratedPowerKw > MaximumRatedPowerKw + StandardsMath.Epsilon * MaximumRatedPowerKw)
            {
                scope = InputException.Format(ratedPowerKw) + " kW is outside GB 18613-2020's scope (0.12-1000 kW)";
            }

            if (scope != null)
            {
                r.Grade1LimitPercent = double.NaN;
                r.Grade2LimitPercent = double.NaN;
                r.Grade3LimitPercent = double.NaN;
                r.MinimumPercent = double.NaN;
                r.Grade1Rule = r.Grade2Rule = r.Grade3Rule = "out of scope";
                return NotCovered(r, v, what + " not judged: " + scope + ".", "no limit: out of scope");
            }

            string rule1;
            string rule2;
            string rule3;
            double g1 = LimitPercent(ratedPowerKw, poles, 1, out rule1);
            double g2 = LimitPercent(ratedPowerKw, poles, 2, out rule2);
            double g3 = LimitPercent(ratedPowerKw, poles, 3, out rule3);
            r.Grade1LimitPercent = g1;
            r.Grade2LimitPercent = g2;
            r.Grade3LimitPercent = g3;
            r.Grade1Rule = rule1;
            r.Grade2Rule = rule2;
            r.Grade3Rule = rule3;
            r.MinimumPercent = g3;
            string ruleText = "IE3: " + rule3 + "; IE4: " + rule2 + "; IE5: " + rule1;
            if (rule1.Contains("formula") || rule2.Contains("formula") || rule3.Contains("formula"))
            {
                ruleText += " (formula source: " + Gb18613Interpolation.Provenance.Source + ")";
            }

            if (double.IsNaN(g3))
            {
                return NotCovered(r, v, what + " not judged: no rule gives the IE3 limit at " + InputException.Format(ratedPowerKw) + " kW (" + rule3 + ").", ruleText);
            }

            double e = efficiencyPercent + StandardsMath.Epsilon;
            r.MeetsMinimum = e >= g3;
            v.LimitPercent = g3;
            v.MarginPoints = efficiencyPercent - g3;
            v.Pass = r.MeetsMinimum;
            v.Rule = ruleText;

            int grade;
            string undecided = null;
            if (!r.MeetsMinimum)
            {
                grade = 0;
            }
            else if (!double.IsNaN(g1) && e >= g1)
            {
                // IE5 limits are above IE4 limits at every rating, so clearing IE5 decides grade 1 even where IE4 has no rule.
                grade = 1;
            }
            else if (double.IsNaN(g2))
            {
                grade = -1;
                undecided = "the IE4 (grade 2) limit has no rule at this rating";
            }
            else if (e < g2)
            {
                grade = 3;
            }
            else if (double.IsNaN(g1))
            {
                grade = -1;
                undecided = "the IE5 (grade 1) limit has no rule at this rating";
            }
            else
            {
                grade = 2;
            }

            string limitsText = " against the IE5/IE4/IE3 limits " + Text(g1) + "/" + Text(g2) + "/" + Text(g3) + " % at " + InputException.Format(ratedPowerKw) + " kW, " + poles.ToString() + " poles";
            if (grade < 0)
            {
                // The minimum is decided (Pass stays true), the grade is not: never guess a limit.
                r.Covered = false;
                r.Grade = 0;
                r.IeClass = "not covered";
                v.Covered = false;
                v.Grade = 0;
                v.GradeLabel = "meets IE3; grade undetermined";
                v.Basis = what + " meets the IE3 minimum but its grade is not decided: " + undecided + " (" + limitsText.Trim() + ").";
                return r;
            }

            r.Covered = true;
            v.Covered = true;
            r.Grade = grade;
            v.Grade = grade;
            r.IeClass = grade == 1 ? "IE5" : grade == 2 ? "IE4" : grade == 3 ? "IE3" : "below IE3";
            r.Obsolete = grade == 0 && source == EfficiencySource.Rated;
            if (grade == 0)
            {
                v.GradeLabel = source == EfficiencySource.Rated
                    ? "below grade 3 (below IE3): obsolete, must be replaced"
                    : "indicator: below IE3 level in operation; confirm from the nameplate before calling it obsolete";
            }
            else
            {
                v.GradeLabel = (source == EfficiencySource.Measured ? "indicator: " : string.Empty) + "grade " + grade.ToString() + " (" + r.IeClass + ")"
                    + (grade == 3 ? ", the minimum" : string.Empty) + (source == EfficiencySource.Measured ? " level in operation" : string.Empty);
            }

            v.Basis = what + " judged" + limitsText
                + (source == EfficiencySource.Measured ? ", as an indicator only: grades are defined by type test (IEC 60034-2-1 / GB/T 1032) and read from the nameplate." : ".");
            return r;
        }

        /// <summary>The limit of a grade (1 = IE5, 2 = IE4, 3 = IE3) at a rating, %, and how it was obtained; NaN
        /// when no rule gives it. Power and poles must be within scope (0.12–1000 kW, 2/4/6/8).</summary>
        public static double LimitPercent(double ratedPowerKw, int poles, int grade, out string rule)
        {
            int poleIndex = poles == 2 ? 0 : poles == 4 ? 1 : poles == 6 ? 2 : poles == 8 ? 3 : -1;
            if (poleIndex < 0)
            {
                throw new InputException("poles", poles.ToString(), "2, 4, 6 or 8");
            }

            if (grade < 1 || grade > 3)
            {
                throw new InputException("grade", grade.ToString(), "1 (IE5), 2 (IE4) or 3 (IE3)");
            }

            double[] column = Column(grade, poleIndex);
            string ie = grade == 1 ? "IE5" : grade == 2 ? "IE4" : "IE3";
            double[] from = Gb18613MotorClasses.KwFrom;
            double[] to = Gb18613MotorClasses.KwTo;
            int below = -1;
            for (int i = 0; i < from.Length; i++)
            {
                bool atRow = StandardsMath.Same(ratedPowerKw, from[i])
                    || (ratedPowerKw >= from[i] && ratedPowerKw <= to[i])
                    || StandardsMath.Same(ratedPowerKw, to[i]);
                if (atRow)
                {
                    rule = from[i] < to[i]
                        ? "table value (" + from[i].ToString("G6") + "-" + to[i].ToString("G6") + " kW row)"
                        : "table value at " + from[i].ToString("G6") + " kW";
                    return column[i];
                }

                if (to[i] < ratedPowerKw)
                {
                    below = i;
                }
            }

            // Between two table ratings: the formula where it is defined for this class and pole count.
            string cls = ie;
            for (int i = 0; i < Gb18613Interpolation.RowCount; i++)
            {
                if (Gb18613Interpolation.Class[i] != cls || Gb18613Interpolation.Poles[i] != poles)
                {
                    continue;
                }

                if (ratedPowerKw >= Gb18613Interpolation.KwFrom[i] && ratedPowerKw <= Gb18613Interpolation.KwTo[i])
                {
                    double x = Math.Log10(ratedPowerKw);
                    double eta = ((Gb18613Interpolation.A[i] * x + Gb18613Interpolation.B[i]) * x + Gb18613Interpolation.C[i]) * x + Gb18613Interpolation.D[i];
                    rule = "formula A*x^3+B*x^2+C*x+D, x = log10(P/1 kW), rounded to 0.1 (" + ie + " " + Gb18613Interpolation.KwFrom[i].ToString("G6") + "-"
                        + Gb18613Interpolation.KwTo[i].ToString("G6") + " kW, " + Gb18613Interpolation.Source[i] + ")";
                    return StandardsMath.RoundToTenth(eta);
                }
            }

            int above = below + 1;
            if (below >= 0 && above < from.Length && from[below] >= FormulaTopKw && column[below] == column[above])
            {
                rule = "same value on both neighbouring rows (" + to[below].ToString("G6") + " and " + from[above].ToString("G6") + " kW): GB lists one value above 200 kW";
                return column[below];
            }

            rule = "no rule for " + ie + " " + poles.ToString() + "-pole between the table ratings " + (below >= 0 ? to[below].ToString("G6") : "?") + " and "
                + (above < from.Length ? from[above].ToString("G6") : "?") + " kW (formula not defined here, none found in GB 18613-2020)";
            return double.NaN;
        }

        private static double[] Column(int grade, int poleIndex)
        {
            switch (grade * 10 + poleIndex)
            {
                case 10: return Gb18613MotorClasses.Ie5_2p;
                case 11: return Gb18613MotorClasses.Ie5_4p;
                case 12: return Gb18613MotorClasses.Ie5_6p;
                case 13: return Gb18613MotorClasses.Ie5_8p;
                case 20: return Gb18613MotorClasses.Ie4_2p;
                case 21: return Gb18613MotorClasses.Ie4_4p;
                case 22: return Gb18613MotorClasses.Ie4_6p;
                case 23: return Gb18613MotorClasses.Ie4_8p;
                case 30: return Gb18613MotorClasses.Ie3_2p;
                case 31: return Gb18613MotorClasses.Ie3_4p;
                case 32: return Gb18613MotorClasses.Ie3_6p;
                default: return Gb18613MotorClasses.Ie3_8p;
            }
        }

        private static MotorGradeResult NotCovered(MotorGradeResult r, Verdict v, string basis, string rule)
        {
            r.Covered = false;
            r.Grade = 0;
            r.IeClass = "not covered";
            r.MeetsMinimum = false;
            v.Covered = false;
            v.Grade = 0;
            v.GradeLabel = "not covered";
            v.Pass = false;
            v.Basis = basis;
            v.Rule = rule;
            return r;
        }

        private static string Describe(EfficiencySource source, double efficiencyPercent, double ratedPowerKw, int poles)
        {
            string value = efficiencyPercent.ToString("F1") + " %";
            return source == EfficiencySource.Measured
                ? "Measured field efficiency " + value
                : "Rated efficiency from the nameplate, " + value + ",";
        }

        private static string Text(double limit)
        {
            return double.IsNaN(limit) ? "no rule" : limit.ToString("F1");
        }
    }
}
