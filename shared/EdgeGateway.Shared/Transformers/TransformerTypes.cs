using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Shared.Transformers
{
    public enum TransformerKind
    {
        OilImmersed = 0,
        Dry = 1,
    }

    public enum TransformerCore
    {
        SiliconSteel = 0,
        Amorphous = 1,
    }

    /// <summary>Dry-type insulation class (load-loss reference temperature): B 100 °C, F 120 °C, H 145 °C.</summary>
    public enum DryInsulationClass
    {
        F = 0,
        B = 1,
        H = 2,
    }

    /// <summary>The GB 20052 loss limits for one transformer row, or why none applies.</summary>
    public sealed class TransformerLimits
    {
        public bool Covered { get; set; }

        /// <summary>Why not covered (empty when covered).</summary>
        public string Reason { get; set; }

        /// <summary>No-load loss limits P0, kW, index 0 = grade 1 … 2 = grade 3 (NaN = not in the data).</summary>
        public double[] NoLoadLossLimitsKw { get; set; }

        /// <summary>Load loss limits Pk, kW, index 0 = grade 1 … 2 = grade 3 (NaN = not in the data).</summary>
        public double[] LoadLossLimitsKw { get; set; }

        /// <summary>The row used, in words ("10 kV oil-immersed, silicon-steel core, 400 kVA").</summary>
        public string Row { get; set; }

        public TableProvenance Provenance { get; set; }
    }

    /// <summary>A transformer judged against GB 20052 (both P0 and Pk within a grade's limits).</summary>
    public sealed class TransformerGradeResult
    {
        public Verdict Verdict { get; set; }

        /// <summary>False when out of table, or when a missing limit leaves the decision open.</summary>
        public bool Covered { get; set; }

        /// <summary>1–3, or 0 (high-loss, or not covered).</summary>
        public int Grade { get; set; }

        /// <summary>P0 or Pk above the grade-3 limit: a high-loss unit to phase out.</summary>
        public bool HighLoss { get; set; }

        public bool MeetsMinimum { get; set; }

        public TransformerLimits Limits { get; set; }
    }
}
