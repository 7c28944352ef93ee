namespace EdgeGateway.Shared.Standards
{
    /// <summary>
    /// Where a table of limits comes from, so an inspector can see what a verdict rests on. Confidence uses the
    /// project's marks: "V" read in a primary/official text or independently confirmed, "3P" a third-party
    /// transcription of a standard's table, "M" textbook knowledge or derivation.
    /// </summary>
    public sealed class TableProvenance
    {
        public TableProvenance(string id, string standard, string edition, string clause, string source, string confidence, string effective, string note)
        {
            Id = id;
            Standard = standard;
            Edition = edition;
            Clause = clause;
            Source = source;
            Confidence = confidence;
            Effective = effective;
            Note = note;
        }

        /// <summary>Short machine id ("gb24500-2020", "gb18613-2020", "gb20052-2024", "plan-2020").</summary>
        public string Id { get; }

        public string Standard { get; }

        public string Edition { get; }

        public string Clause { get; }

        public string Source { get; }

        public string Confidence { get; }

        /// <summary>Effective date as written in the source (yyyy-MM-dd, or a year for plan targets).</summary>
        public string Effective { get; }

        /// <summary>Every caveat of the table, joined with " | ".</summary>
        public string Note { get; }
    }
}
