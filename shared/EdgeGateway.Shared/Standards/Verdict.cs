namespace EdgeGateway.Shared.Standards
{
    /// <summary>
    /// One judgement of one value against one standard, complete enough to print for an inspector: what was judged,
    /// against which limit, by which rule, from which source and with which confidence. Plain settable properties so the
    /// same class serves the device (no generics, no records) and the CLI.
    /// </summary>
    public sealed class Verdict
    {
        /// <summary>Short machine id of the reference: "gb24500-2020", "gb18613-2020", "gb20052-2024" or "plan-2020".</summary>
        public string StandardId { get; set; }

        /// <summary>Descriptive name ("GB 24500-2020", "Shanxi implementation plan (2017) ...").</summary>
        public string Standard { get; set; }

        public string Edition { get; set; }

        public string Clause { get; set; }

        /// <summary>Grade achieved: 1 (best) to 3 (minimum); 0 = no grade (below the minimum, not covered, or a
        /// reference that has no grades such as the plan or the electric-boiler minimum).</summary>
        public int Grade { get; set; }

        /// <summary>Human label, e.g. "grade 2 (IE4)", "below grade 3: obsolete, must be replaced", "high-loss".</summary>
        public string GradeLabel { get; set; }

        /// <summary>The limit the pass/fail is judged against (the minimum: grade 3, or the plan threshold), in
        /// <see cref="ValueUnit"/>; NaN when not covered.</summary>
        public double LimitPercent { get; set; }

        /// <summary>What was judged, in <see cref="ValueUnit"/>.</summary>
        public double ValuePercent { get; set; }

        /// <summary>Unit of <see cref="LimitPercent"/> and <see cref="ValuePercent"/>: "% efficiency" or, for
        /// transformers, "% of grade-3 loss limit (worse of P0 and Pk)".</summary>
        public string ValueUnit { get; set; }

        /// <summary>True when the value meets the minimum (grade 3 / plan threshold). False when not covered.</summary>
        public bool Pass { get; set; }

        /// <summary>Points by which the value clears the minimum (negative = short of it); NaN when not covered.</summary>
        public double MarginPoints { get; set; }

        /// <summary>One sentence: what was judged against what (and, when not covered, why). When it was given with
        /// <see cref="SetBasis"/>, it is built on first read.</summary>
        public string Basis
        {
            get
            {
                if (basisPending)
                {
                    partsText = basisHead + basisValue.ToString(basisFormat) + basisTail;
                    basis = partsText;
                    basisPending = false;
                }

                return basis;
            }

            set
            {
                basis = value;
                basisPending = false;
            }
        }

        /// <summary>How the limit was obtained (table value, interpolation formula, no rule, boundary convention...).</summary>
        public string Rule { get; set; }

        public string Source { get; set; }

        /// <summary>"V", "3P" or "M" (see <see cref="TableProvenance"/>).</summary>
        public string Confidence { get; set; }

        /// <summary>False when the case is outside the table (the reason is in <see cref="Basis"/>).</summary>
        public bool Covered { get; set; }

        /// <summary>The table's caveats (joined notes of the provenance).</summary>
        public string Note { get; set; }

        /// <summary>Full provenance of the table used (never null).</summary>
        public TableProvenance Provenance { get; set; }

        // Deferred Basis: head + value.ToString(format) + tail, rendered when read. A verdict refreshed every poll
        // cycle then costs no string until someone (a status page, a report) actually reads the sentence.
        private string basis;
        private bool basisPending;
        private string partsText; // the rendered text of the parts below; null = not rendered yet
        private string basisHead;
        private double basisValue;
        private string basisFormat;
        private string basisTail;

        /// <summary>
        /// Sets <see cref="Basis"/> to <paramref name="head"/> + value.ToString(<paramref name="format"/>) +
        /// <paramref name="tail"/> without building it: the text is made on the first read of Basis (and kept while the
        /// same parts are set again). Allocation-free, for verdicts refreshed in a polling loop.
        /// </summary>
        public void SetBasis(string head, double value, string format, string tail)
        {
            if (partsText != null && value == basisValue && head == basisHead && tail == basisTail && format == basisFormat)
            {
                // Same parts as the sentence already rendered (a steady reading): reuse that text.
                basis = partsText;
                basisPending = false;
                return;
            }

            basisHead = head;
            basisValue = value;
            basisFormat = format;
            basisTail = tail;
            partsText = null;
            basisPending = true;
            basis = null;
        }

        /// <summary>Fills the standard, edition, clause, source, confidence and note from a table's provenance.</summary>
        public static Verdict From(TableProvenance provenance)
        {
            return From(provenance, new Verdict());
        }

        /// <summary>
        /// Resets <paramref name="into"/> (every property, as a new verdict) and fills it from a table's provenance like
        /// <see cref="From(TableProvenance)"/>: lets a caller reuse one verdict object instead of allocating one per
        /// judgement. Returns <paramref name="into"/>.
        /// </summary>
        public static Verdict From(TableProvenance provenance, Verdict into)
        {
            Verdict v = into;
            v.Grade = 0;
            v.Pass = false;
            v.Covered = false;
            v.StandardId = provenance.Id;
            v.Standard = provenance.Standard;
            v.Edition = provenance.Edition;
            v.Clause = provenance.Clause;
            v.Source = provenance.Source;
            v.Confidence = provenance.Confidence;
            v.Note = provenance.Note;
            v.Provenance = provenance;
            v.ValueUnit = "% efficiency";
            v.LimitPercent = double.NaN;
            v.ValuePercent = double.NaN;
            v.MarginPoints = double.NaN;
            v.GradeLabel = "not covered";
            v.Basis = string.Empty;
            v.Rule = string.Empty;
            return v;
        }
    }
}
