using EdgeGateway.Shared.Boilers.Fuels;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>One heat loss of the indirect method with what it rests on.</summary>
    public sealed class LossTerm
    {
        public LossTerm(string name, double percent, string formula, string source, string confidence, string note)
        {
            Name = name;
            Percent = percent;
            Formula = formula;
            Source = source;
            Confidence = confidence;
            Note = note;
        }

        /// <summary>"q2" … "q6".</summary>
        public string Name { get; }

        /// <summary>Loss as % of the fuel's lower heating value.</summary>
        public double Percent { get; }

        /// <summary>The formula applied, in words/symbols.</summary>
        public string Formula { get; }

        /// <summary>Standard/edition/clause or textbook the formula comes from.</summary>
        public string Source { get; }

        /// <summary>"V", "3P", "M" or "M, unverified"; "n/a" for a loss that does not apply.</summary>
        public string Confidence { get; }

        /// <summary>Assumptions for this loss (what was not measured and taken as zero, etc.); empty when none.</summary>
        public string Note { get; }
    }

    /// <summary>Result of the indirect (heat-loss) method: η = 100 − (q2 + q3 + q4 + q5 + q6).</summary>
    public sealed class IndirectResult
    {
        public FuelKind Fuel;

        /// <summary>Flue-gas (sensible heat) loss.</summary>
        public LossTerm Q2;

        /// <summary>Unburnt gases (CO) loss.</summary>
        public LossTerm Q3;

        /// <summary>Unburnt carbon in solid residues.</summary>
        public LossTerm Q4;

        /// <summary>Surface (radiation and convection) loss.</summary>
        public LossTerm Q5;

        /// <summary>Sensible heat of ash and slag.</summary>
        public LossTerm Q6;

        public double SumOfLossesPercent;

        /// <summary>100 − Σq, % of the as-received lower heating value.</summary>
        public double EfficiencyPercent;

        /// <summary>Excess-air coefficient α at the flue-gas measuring point.</summary>
        public double ExcessAirCoefficient;

        /// <summary>Which α formula was used.</summary>
        public string ExcessAirFormula = "";

        /// <summary>RO₂ (dry vol %) estimated for the α-with-CO formula, or NaN when CO was not measured.</summary>
        public double Ro2PercentDryEstimated = double.NaN;

        /// <summary>Dry flue gas at α per unit of fuel (see <see cref="FlueGasVolumeBasis"/>).</summary>
        public double DryFlueGasVolume;

        /// <summary>"Nm3/Nm3" or "Nm3/kg".</summary>
        public string FlueGasVolumeBasis = "";

        /// <summary>Source and confidence of the fuel composition used for volumes.</summary>
        public string CompositionSource = "";

        public string CompositionConfidence = "";

        /// <summary>Load used to scale q5, t/h (steam, or hot-water output at 0.7 MW per t/h).</summary>
        public double LoadTph;

        /// <summary>Rated capacity used for q5, t/h.</summary>
        public double RatedCapacityTph;

        /// <summary>Mendeleev's estimate of the LHV for solid/liquid fuels with an analysis, kJ/kg, else NaN.</summary>
        public double MendeleevLowerHeatingValueKjPerKg = double.NaN;

        /// <summary>General assumptions and warnings, one sentence each.</summary>
        public string Notes = "";
    }
}
