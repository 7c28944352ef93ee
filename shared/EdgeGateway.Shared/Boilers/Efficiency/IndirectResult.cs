using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>
    /// One heat loss of the indirect method with what it rests on. Texts that depend on the fuel or on this cycle's
    /// values (Siegert row, load used for q5, ...) are built when first read, so the engine can refill a reused term
    /// without allocating.
    /// </summary>
    public sealed class LossTerm
    {
        public LossTerm(string name, double percent, string formula, string source, string confidence, string note)
        {
            Set(name, percent, formula, source, confidence, note);
        }

        /// <summary>An empty term for the engine to fill.</summary>
        internal LossTerm()
        {
            Set("", 0.0, "", "", "", "");
        }

        /// <summary>"q2" … "q6".</summary>
        public string Name { get { return name; } }

        /// <summary>Loss as % of the fuel's lower heating value.</summary>
        public double Percent { get { return percent; } }

        /// <summary>The formula applied, in words/symbols.</summary>
        public string Formula
        {
            get
            {
                Render();
                return formula;
            }
        }

        /// <summary>Standard/edition/clause or textbook the formula comes from.</summary>
        public string Source
        {
            get
            {
                Render();
                return source;
            }
        }

        /// <summary>"V", "3P", "M" or "M, unverified"; "n/a" for a loss that does not apply.</summary>
        public string Confidence { get { return confidence; } }

        /// <summary>Assumptions for this loss (what was not measured and taken as zero, etc.); empty when none.</summary>
        public string Note
        {
            get
            {
                Render();
                return note;
            }
        }

        // Deferred texts: which one, and what it is built from.
        internal const int TextNone = 0;
        internal const int TextQ2Siegert = 1;          // formula and source from the Siegert row
        internal const int TextQ2BalanceNote = 2;      // note names the fuel
        internal const int TextQ3CoNote = 3;           // note names the composition source and confidence
        internal const int TextQ4NotApplicable = 4;    // note names the fuel
        internal const int TextQ5Steam = 5;            // note: q5 at rated load, scaled to the steam flow
        internal const int TextQ5HotWater = 6;         // note: q5 at rated load, scaled to the hot-water output
        internal const int TextQ5Rated = 7;            // note: q5 at rated load, load not given
        internal const int TextQ6NotApplicable = 8;    // note names the fuel

        private string name;
        private double percent;
        private string formula;
        private string source;
        private string confidence;
        private string note;
        private int pendingText;
        private double value1;
        private double value2;
        private double value3;
        private string text1;
        private string text2;
        private FuelKind fuel;
        private SiegertCoefficients siegert;

        /// <summary>Sets every field with final texts.</summary>
        internal LossTerm Set(string name, double percent, string formula, string source, string confidence, string note)
        {
            this.name = name;
            this.percent = percent;
            this.formula = formula;
            this.source = source;
            this.confidence = confidence;
            this.note = note;
            pendingText = TextNone;
            siegert = null;
            text1 = null;
            text2 = null;
            return this;
        }

        /// <summary>Marks one deferred text (after <see cref="Set"/>); the arguments are what it is built from.</summary>
        internal LossTerm Defer(int text, FuelKind fuelKind, SiegertCoefficients row, string t1, string t2, double v1, double v2, double v3)
        {
            pendingText = text;
            fuel = fuelKind;
            siegert = row;
            text1 = t1;
            text2 = t2;
            value1 = v1;
            value2 = v2;
            value3 = v3;
            return this;
        }

        private void Render()
        {
            switch (pendingText)
            {
                case TextNone:
                    return;
                case TextQ2Siegert:
                    formula = formula + ", A = " + InputException.Format(siegert.A) + ", B = "
                        + InputException.Format(siegert.B) + " (" + siegert.FuelDescription + ")";
                    source = siegert.Standard + ", " + siegert.Edition + ", " + siegert.Clause;
                    break;
                case TextQ2BalanceNote:
                    note = "no authoritative Siegert coefficients for " + FuelKinds.Name(fuel)
                        + "; fly-ash sensible heat counted in q6, not here";
                    break;
                case TextQ3CoNote:
                    note = "only CO measured: H₂ and CH₄ taken as 0; V_dry from " + text1 + " [" + text2 + "]";
                    break;
                case TextQ4NotApplicable:
                    note = "no solid residue for " + FuelKinds.Name(fuel) + "; soot/smoke not measured";
                    break;
                case TextQ5Steam:
                    note = "q5 at rated load " + value1.ToString("F2") + " %; " + "scaled to steamFlowTph " + value2.ToString("F2") + " t/h";
                    break;
                case TextQ5HotWater:
                    note = "q5 at rated load " + value1.ToString("F2") + " %; " + "scaled to the hot-water output "
                        + value2.ToString("F0") + " kW (" + value3.ToString("F2") + " t/h at 0.7 MW per t/h)";
                    break;
                case TextQ5Rated:
                    note = "q5 at rated load " + value1.ToString("F2") + " %; " + "load not given (no steamFlowTph or hot-water output): rated load assumed";
                    break;
                case TextQ6NotApplicable:
                    note = "no ash for " + FuelKinds.Name(fuel);
                    break;
            }

            pendingText = TextNone;
            siegert = null;
            text1 = null;
            text2 = null;
        }
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

        /// <summary>Which α formula was used (built when first read).</summary>
        public string ExcessAirFormula
        {
            get
            {
                if (!double.IsNaN(formulaRo2MaxPercent))
                {
                    excessAirFormula = "α = 21/(21 − 79·(O₂ − 0.5·CO)/(100 − RO₂ − O₂ − CO)), RO₂ estimated from RO₂max = "
                        + formulaRo2MaxPercent.ToString("F2") + " % [M]";
                    formulaRo2MaxPercent = double.NaN;
                }

                return excessAirFormula;
            }

            set
            {
                excessAirFormula = value;
                formulaRo2MaxPercent = double.NaN;
            }
        }

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

        /// <summary>General assumptions and warnings, one sentence each (built when first read).</summary>
        public string Notes
        {
            get
            {
                if (!double.IsNaN(noteGivenLhvKjPerKg))
                {
                    notes = "The given LHV " + noteGivenLhvKjPerKg.ToString("F0")
                        + " kJ/kg differs by more than 15 % from Mendeleev's estimate " + noteMendeleevKjPerKg.ToString("F0")
                        + " kJ/kg from the ultimate analysis: check the analysis basis (as received) and the LHV.";
                    noteGivenLhvKjPerKg = double.NaN;
                }

                return notes;
            }

            set
            {
                notes = value;
                noteGivenLhvKjPerKg = double.NaN;
            }
        }

        private string excessAirFormula = "";
        private double formulaRo2MaxPercent = double.NaN; // not NaN: ExcessAirFormula is the α-with-CO text for this RO₂max
        private string notes = "";
        private double noteGivenLhvKjPerKg = double.NaN;  // not NaN: Notes is the Mendeleev warning for these values
        private double noteMendeleevKjPerKg = double.NaN;

        // Working objects of the engine, owned by the result so a reused result makes the engine allocation-free.
        internal CombustionVolumes ScratchVolumes;
        internal UltimateAnalysis ScratchAnalysis;
        internal GasComposition ScratchGas;
        internal HotWaterDirectResult ScratchHotWater;

        /// <summary>The α-with-CO formula for this RO₂max, rendered on read.</summary>
        internal void SetExcessAirFormulaWithCo(double ro2MaxPercent)
        {
            excessAirFormula = "";
            formulaRo2MaxPercent = ro2MaxPercent;
        }

        /// <summary>The warning that the given LHV and Mendeleev's estimate disagree, rendered on read.</summary>
        internal void SetLhvMismatchNote(double givenLhvKjPerKg, double mendeleevKjPerKg)
        {
            notes = "";
            noteGivenLhvKjPerKg = givenLhvKjPerKg;
            noteMendeleevKjPerKg = mendeleevKjPerKg;
        }

        /// <summary>Back to the state of a new result; the loss terms are kept (refilled in place).</summary>
        internal void Reset()
        {
            Fuel = FuelKind.NaturalGas;
            SumOfLossesPercent = 0.0;
            EfficiencyPercent = 0.0;
            ExcessAirCoefficient = 0.0;
            ExcessAirFormula = "";
            Ro2PercentDryEstimated = double.NaN;
            DryFlueGasVolume = 0.0;
            FlueGasVolumeBasis = "";
            CompositionSource = "";
            CompositionConfidence = "";
            LoadTph = 0.0;
            RatedCapacityTph = 0.0;
            MendeleevLowerHeatingValueKjPerKg = double.NaN;
            Notes = "";
        }
    }
}
