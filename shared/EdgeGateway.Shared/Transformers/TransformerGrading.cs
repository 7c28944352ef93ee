using System;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;

namespace EdgeGateway.Shared.Transformers
{
    /// <summary>
    /// GB 20052 (distribution transformer energy efficiency) grading from nameplate losses. A unit meets a grade when
    /// BOTH its no-load loss P0 and its load loss Pk are within that grade's limits; it is high-loss when either exceeds
    /// grade 3. Policy for ratings without a table row (between table values, or a row missing from the data): refuse
    /// (not covered), because the standard's rule for them was not found — never judge against a neighbouring row.
    /// Only 10 kV tables exist here: 20 kV and 35 kV units are not covered.
    /// </summary>
    public static class TransformerGrading
    {
        public const string StandardId = "gb20052-2024";

        public const double DefaultVoltageKv = 10.0;

        public const double MinimumRatedKva = 30.0;

        public const double MaximumRatedKva = 2500.0;

        public const string BetweenRatingsPolicy = "ratings without a table row are refused (not covered): the standard's rule for ratings between table values was not found, and a neighbouring row is never used";

        /// <summary>Grades a 10 kV unit (dry-type: insulation class F).</summary>
        public static TransformerGradeResult Grade(TransformerKind kind, TransformerCore core, double ratedKva, double noLoadLossKw, double loadLossKw)
        {
            return Grade(kind, core, ratedKva, noLoadLossKw, loadLossKw, DryInsulationClass.F, DefaultVoltageKv);
        }

        /// <summary>Grades a unit from its nameplate no-load loss P0 and load loss Pk (kW, Dyn11/Yzn11 reference).</summary>
        public static TransformerGradeResult Grade(TransformerKind kind, TransformerCore core, double ratedKva, double noLoadLossKw, double loadLossKw,
            DryInsulationClass insulation, double voltageKv)
        {
            StandardsMath.RequirePositive("noLoadLossKw", noLoadLossKw, "nameplate no-load loss P0 in kW, above 0 (e.g. 0.41 for a 400 kVA unit)");
            StandardsMath.RequirePositive("loadLossKw", loadLossKw, "nameplate load loss Pk in kW, above 0 (e.g. 4.52 for a 400 kVA unit)");
            StandardsMath.RequirePositive("ratedKva", ratedKva, "rated capacity in kVA from the nameplate, above 0");
            RequirePlausibleLosses(ratedKva, noLoadLossKw, loadLossKw);
            TransformerLimits limits = Lookup(kind, core, ratedKva, insulation, voltageKv);

            TransformerGradeResult r = new TransformerGradeResult();
            r.Limits = limits;
            Verdict v = Verdict.From(limits.Provenance);
            r.Verdict = v;
            v.ValueUnit = "% of grade-3 loss limit (worse of P0 and Pk)";
            v.Rule = "a grade is met when both P0 and Pk are within its limits (load loss for Dyn11/Yzn11); " + BetweenRatingsPolicy;
            string what = "Nameplate losses P0 " + noLoadLossKw.ToString("G6") + " kW and Pk " + loadLossKw.ToString("G6") + " kW";
            if (!limits.Covered)
            {
                r.Covered = false;
                v.Covered = false;
                v.GradeLabel = "not covered";
                v.Basis = what + " not judged: " + limits.Reason + ".";
                return r;
            }

            double[] p0 = limits.NoLoadLossLimitsKw;
            double[] pk = limits.LoadLossLimitsKw;

            // Three-valued checks: 1 = within, 0 = above, -1 = unknown (limit not in the data).
            int[] met = new int[3];
            for (int g = 0; g < 3; g++)
            {
                int a = Within(noLoadLossKw, p0[g]);
                int b = Within(loadLossKw, pk[g]);
                met[g] = a == 0 || b == 0 ? 0 : a == 1 && b == 1 ? 1 : -1;
            }

            // The value shown: the worse of P0 and Pk as a percentage of its grade-3 limit (100 = exactly at the limit).
            double ratio = double.NaN;
            if (!double.IsNaN(p0[2]))
            {
                ratio = noLoadLossKw / p0[2] * 100.0;
            }

            if (!double.IsNaN(pk[2]))
            {
                double rk = loadLossKw / pk[2] * 100.0;
                ratio = double.IsNaN(ratio) ? rk : Math.Max(ratio, rk);
            }

            v.ValuePercent = ratio;
            v.LimitPercent = 100.0;
            v.MarginPoints = 100.0 - ratio;
            string limitsText = " against " + limits.Row + " limits P0 " + Triple(p0) + " kW, Pk " + Triple(pk) + " kW (grade 1/2/3)";

            if (met[2] == 0)
            {
                r.Covered = true;
                r.HighLoss = true;
                r.MeetsMinimum = false;
                r.Grade = 0;
                v.Covered = true;
                v.Pass = false;
                v.Grade = 0;
                v.GradeLabel = "high-loss (above grade 3): to be phased out";
                v.Basis = what + " judged" + limitsText + ": " + Exceeds(noLoadLossKw, p0[2], loadLossKw, pk[2]) + ".";
                return r;
            }

            if (met[2] < 0)
            {
                r.Covered = false;
                v.Covered = false;
                v.Pass = false;
                v.GradeLabel = "not covered";
                v.MarginPoints = double.NaN;
                v.Basis = what + " not judged: a grade-3 limit is missing from the data for " + limits.Row + " (" + limitsText.Trim() + "), so neither high-loss nor a grade can be decided.";
                return r;
            }

            r.MeetsMinimum = true;
            v.Pass = true;
            int grade = 3;
            bool open = false;
            for (int g = 1; g >= 0; g--)
            {
                if (met[g] == 1)
                {
                    grade = g + 1;
                }
                else if (met[g] < 0)
                {
                    open = true;
                    break;
                }
                else
                {
                    break;
                }
            }

            if (open)
            {
                r.Covered = false;
                v.Covered = false;
                v.GradeLabel = "meets grade " + grade.ToString() + "; higher grade undetermined";
                v.Basis = what + " meet grade " + grade.ToString() + limitsText + ", but a higher grade's limit is missing from the data, so the grade is not decided.";
                return r;
            }

            r.Covered = true;
            r.Grade = grade;
            v.Covered = true;
            v.Grade = grade;
            v.GradeLabel = "grade " + grade.ToString() + (grade == 3 ? " (the minimum)" : string.Empty);
            v.Basis = what + " judged" + limitsText + ": both within grade " + grade.ToString() + ".";
            return r;
        }

        /// <summary>
        /// Largest plausible loss, as a fraction of the rating [M]: the grade-3 limits of the GB 20052 rows here are at
        /// most 0.27 % of S_N for P0 and 2.1 % for Pk (oil, 30 kVA); old high-loss units stay within about twice that.
        /// Above 5 %, the value was almost certainly typed in W (the test report's unit) where kW is asked, which would
        /// otherwise be graded "high-loss" instead of being refused.
        /// </summary>
        public const double MaximumLossFractionOfRating = 0.05;

        /// <summary>
        /// Refuses a no-load or load loss above <see cref="MaximumLossFractionOfRating"/> of the rated kVA (a W-vs-kW
        /// slip), naming noLoadLossKw or loadLossKw. Ratings and losses must already be positive.
        /// </summary>
        public static void RequirePlausibleLosses(double ratedKva, double noLoadLossKw, double loadLossKw)
        {
            double maximumKw = ratedKva * MaximumLossFractionOfRating;
            if (noLoadLossKw > maximumKw)
            {
                throw new InputException("noLoadLossKw", noLoadLossKw.ToString("G6"), LossHint("no-load loss P0", ratedKva, maximumKw, noLoadLossKw));
            }

            if (loadLossKw > maximumKw)
            {
                throw new InputException("loadLossKw", loadLossKw.ToString("G6"), LossHint("load loss Pk", ratedKva, maximumKw, loadLossKw));
            }
        }

        private static string LossHint(string what, double ratedKva, double maximumKw, double valueKw)
        {
            return "is more than 5 % of the rating (" + ratedKva.ToString("G6") + " kVA: at most " + maximumKw.ToString("G6")
                + " kW): losses are in kW, not W? (" + what + " " + valueKw.ToString("G6") + " W = " + (valueKw / 1000.0).ToString("G6") + " kW)";
        }

        /// <summary>Finds the loss limits of a transformer row, or says why none applies.</summary>
        public static TransformerLimits Lookup(TransformerKind kind, TransformerCore core, double ratedKva, DryInsulationClass insulation, double voltageKv)
        {
            StandardsMath.RequirePositive("ratedKva", ratedKva, "rated capacity in kVA from the nameplate, above 0");
            StandardsMath.RequirePositive("voltageKv", voltageKv, "rated high-voltage side in kV, above 0 (10 for the tables here)");
            if ((int)kind < 0 || (int)kind > 1)
            {
                throw new InputException("kind", ((int)kind).ToString(), "oil or dry");
            }

            if ((int)core < 0 || (int)core > 1)
            {
                throw new InputException("core", ((int)core).ToString(), "silicon-steel or amorphous");
            }

            if ((int)insulation < 0 || (int)insulation > 2)
            {
                throw new InputException("insulation", ((int)insulation).ToString(), "B, F or H (dry-type)");
            }

            TableProvenance prov = kind == TransformerKind.Dry ? Gb20052Dry.Provenance : Gb20052Oil.Provenance;
            string coreKey = core == TransformerCore.Amorphous ? "amorphous" : "silicon-steel";
            string insKey = insulation == DryInsulationClass.B ? "B" : insulation == DryInsulationClass.H ? "H" : "F";
            string row = "10 kV " + (kind == TransformerKind.Dry ? "dry-type (class " + insKey + ")" : "oil-immersed") + ", " + coreKey + " core, " + ratedKva.ToString("G6") + " kVA";

            if (!StandardsMath.Same(voltageKv, DefaultVoltageKv))
            {
                string why = StandardsMath.Same(voltageKv, 20) || StandardsMath.Same(voltageKv, 35)
                    ? voltageKv.ToString("G6") + " kV units are not covered by the 10 kV table (20 kV and 35 kV tables were not transcribed; the 10 kV limits are never applied to them)"
                    : voltageKv.ToString("G6") + " kV: only the 10 kV tables are in the data";
                return NotCovered(prov, row, why);
            }

            if (ratedKva < MinimumRatedKva - StandardsMath.Epsilon || ratedKva > MaximumRatedKva + StandardsMath.Epsilon * MaximumRatedKva)
            {
                return NotCovered(prov, row, ratedKva.ToString("G6") + " kVA is outside the table's 30-2500 kVA");
            }

            double[] kva = kind == TransformerKind.Dry ? Gb20052Dry.Kva : Gb20052Oil.Kva;
            string[] coreCol = kind == TransformerKind.Dry ? Gb20052Dry.Core : Gb20052Oil.Core;
            string present = string.Empty;
            for (int i = 0; i < kva.Length; i++)
            {
                if (coreCol[i] != coreKey || (kind == TransformerKind.Dry && Gb20052Dry.Insulation[i] != insKey))
                {
                    continue;
                }

                present += (present.Length == 0 ? string.Empty : ", ") + kva[i].ToString("G6");
                if (!StandardsMath.Same(kva[i], ratedKva))
                {
                    continue;
                }

                TransformerLimits limits = new TransformerLimits();
                limits.Covered = true;
                limits.Reason = string.Empty;
                limits.Row = row;
                limits.Provenance = prov;
                if (kind == TransformerKind.Dry)
                {
                    limits.NoLoadLossLimitsKw = new double[] { Gb20052Dry.P0G1[i], Gb20052Dry.P0G2[i], Gb20052Dry.P0G3[i] };
                    limits.LoadLossLimitsKw = new double[] { Gb20052Dry.PkG1[i], Gb20052Dry.PkG2[i], Gb20052Dry.PkG3[i] };
                }
                else
                {
                    limits.NoLoadLossLimitsKw = new double[] { Gb20052Oil.P0G1[i], Gb20052Oil.P0G2[i], Gb20052Oil.P0G3[i] };
                    limits.LoadLossLimitsKw = new double[] { Gb20052Oil.PkG1[i], Gb20052Oil.PkG2[i], Gb20052Oil.PkG3[i] };
                }

                return limits;
            }

            return NotCovered(prov, row, "no row for " + ratedKva.ToString("G6") + " kVA in the data (rows: " + present + " kVA); " + BetweenRatingsPolicy);
        }

        private static int Within(double value, double limit)
        {
            if (double.IsNaN(limit))
            {
                return -1;
            }

            return value <= limit + StandardsMath.Epsilon * Math.Max(1.0, limit) ? 1 : 0;
        }

        private static string Exceeds(double p0, double p0Limit, double pk, double pkLimit)
        {
            string s = string.Empty;
            if (Within(p0, p0Limit) == 0)
            {
                s = "P0 " + p0.ToString("G6") + " kW exceeds the grade-3 limit " + p0Limit.ToString("G6") + " kW";
            }

            if (Within(pk, pkLimit) == 0)
            {
                s += (s.Length == 0 ? string.Empty : "; ") + "Pk " + pk.ToString("G6") + " kW exceeds the grade-3 limit " + pkLimit.ToString("G6") + " kW";
            }

            return s;
        }

        private static string Triple(double[] limits)
        {
            return One(limits[0]) + "/" + One(limits[1]) + "/" + One(limits[2]);
        }

        private static string One(double v)
        {
            return double.IsNaN(v) ? "n/a" : v.ToString("G6");
        }

        private static TransformerLimits NotCovered(TableProvenance prov, string row, string reason)
        {
            TransformerLimits limits = new TransformerLimits();
            limits.Covered = false;
            limits.Reason = reason;
            limits.Row = row;
            limits.Provenance = prov;
            limits.NoLoadLossLimitsKw = new double[] { double.NaN, double.NaN, double.NaN };
            limits.LoadLossLimitsKw = new double[] { double.NaN, double.NaN, double.NaN };
            return limits;
        }
    }
}
