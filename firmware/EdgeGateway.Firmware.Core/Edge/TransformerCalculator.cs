using System;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Transformers;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Edge
{
    /// <summary>Nameplate of a distribution transformer.</summary>
    public sealed class TransformerNameplate
    {
        public TransformerKind Kind = TransformerKind.OilImmersed;

        public TransformerCore Core = TransformerCore.SiliconSteel;

        /// <summary>Dry-type insulation class (ignored for oil-immersed units).</summary>
        public DryInsulationClass Insulation = DryInsulationClass.F;

        /// <summary>High-voltage side, kV (only 10 kV is graded).</summary>
        public double VoltageKv = 10.0;

        /// <summary>Rated capacity S_N, kVA.</summary>
        public double RatedKva = double.NaN;

        /// <summary>Nameplate no-load loss P0, kW.</summary>
        public double NoLoadLossKw = double.NaN;

        /// <summary>Nameplate load loss Pk at rated current, kW.</summary>
        public double LoadLossKw = double.NaN;
    }

    /// <summary>Outcome of one transformer calculation; one instance is reused for every call.</summary>
    public sealed class TransformerResult
    {
        public bool Computable;

        /// <summary>Secondary apparent power S₂, kVA.</summary>
        public double ApparentPowerKva = double.NaN;

        /// <summary>"apparentPowerKva" (meter) or "activePowerKw ÷ powerFactor".</summary>
        public string ApparentPowerRoute = "";

        /// <summary>Load factor β = S₂/S_N.</summary>
        public double LoadFactor = double.NaN;

        /// <summary>Losses from the nameplate model P0 + β²·Pk, kW [M].</summary>
        public double ModelLossKw = double.NaN;

        /// <summary>Efficiency from the nameplate model at the measured load and power factor, % [M]; NaN without a power factor.</summary>
        public double EfficiencyPercent = double.NaN;

        /// <summary>P1 − P2 from primary and secondary meters, kW; NaN unless both are Good. Uncertain by about ±30 %.</summary>
        public double MeasuredLossKw = double.NaN;

        /// <summary>"not computable: ..." when no load factor could be formed or the engine refused; empty otherwise.</summary>
        public string NotComputableReason = "";
    }

    /// <summary>
    /// Transformer load factor, losses and efficiency at the edge from the nameplate loss model [M]
    /// (η = β·S_N·cosφ/(β·S_N·cosφ + P0 + β²·Pk), TransformerEfficiency), plus the measured loss P1 − P2 when a
    /// primary meter exists, and the GB 20052 grade / high-loss verdict of the NAMEPLATE losses (computed once).
    /// Allocation-free per call except when the engine refuses a value (β above 2), which is reported, not thrown.
    /// </summary>
    public sealed class TransformerCalculator
    {
        /// <summary>Why the measured loss is secondary to the model (standards.md, GB 20052 section) [M].</summary>
        public const string MeasuredLossNote = "P1 − P2 from two meters is uncertain by about ±30 % at 98–99 % efficiency (two class-0.2S meters); the nameplate model P0 + β²·Pk is preferred, and high-loss is judged on nameplate P0/Pk";
        private const string RouteMeter = "apparentPowerKva";
        private const string RoutePf = "activePowerKw ÷ powerFactor";
        private const string NoLoad = "not computable: needs apparentPowerKva, or activePowerKw and powerFactor, all Good, on the secondary side";

        private readonly TransformerNameplate plate;
        private readonly TransformerResult result = new TransformerResult();

        public TransformerCalculator(TransformerNameplate nameplate)
        {
            if (nameplate == null)
            {
                throw new InputException("transformer", "missing", "a transformer nameplate (rated kVA, P0, Pk) is required");
            }

            plate = nameplate;
            // Validates the nameplate (InputException: a configuration error, raised at start-up, not per cycle).
            NameplateGrade = TransformerGrading.Grade(plate.Kind, plate.Core, plate.RatedKva, plate.NoLoadLossKw, plate.LoadLossKw, plate.Insulation, plate.VoltageKv);
            OptimalLoadFactor = TransformerEfficiency.OptimalLoadFactor(plate.NoLoadLossKw, plate.LoadLossKw);
        }

        public TransformerNameplate Nameplate { get { return plate; } }

        /// <summary>GB 20052 grade of the nameplate losses (HighLoss = P0 or Pk above grade 3: phase out).</summary>
        public TransformerGradeResult NameplateGrade { get; }

        public bool HighLoss { get { return NameplateGrade.HighLoss; } }

        /// <summary>β of maximum efficiency, √(P0/Pk).</summary>
        public double OptimalLoadFactor { get; }

        public TransformerResult Result { get { return result; } }

        /// <param name="secondary">values of the secondary (load-side) meter</param>
        /// <param name="primary">values of a primary-side meter, or null when there is none</param>
        public TransformerResult Calculate(MeasurementSet secondary, MeasurementSet primary)
        {
            TransformerResult r = result;
            r.Computable = false;
            double none = double.NaN;
            r.ApparentPowerKva = none;
            r.ApparentPowerRoute = "";
            r.LoadFactor = none;
            r.ModelLossKw = none;
            r.EfficiencyPercent = none;
            r.MeasuredLossKw = none;
            r.NotComputableReason = "";

            bool hasP = secondary.IsUsable(Measurements.ActivePowerKw);
            bool hasPf = secondary.IsUsable(Measurements.PowerFactor) && Math.Abs(secondary.Value(Measurements.PowerFactor)) > 0.0;
            double p2 = hasP ? secondary.Value(Measurements.ActivePowerKw) : none;
            double s2;
            if (secondary.IsUsable(Measurements.ApparentPowerKva))
            {
                s2 = Math.Abs(secondary.Value(Measurements.ApparentPowerKva));
                r.ApparentPowerRoute = RouteMeter;
            }
            else if (hasP && hasPf)
            {
                s2 = Math.Abs(p2 / secondary.Value(Measurements.PowerFactor));
                r.ApparentPowerRoute = RoutePf;
            }
            else
            {
                r.NotComputableReason = NoLoad;
                return r;
            }

            r.ApparentPowerKva = s2;
            double beta = s2 / plate.RatedKva;
            r.LoadFactor = beta;
            if (primary != null && hasP && primary.IsUsable(Measurements.ActivePowerKw))
            {
                r.MeasuredLossKw = primary.Value(Measurements.ActivePowerKw) - p2;
            }

            if (beta > 2.0)
            {
                // The model's range (TransformerEfficiency accepts β ≤ 2); checked here to avoid an exception per cycle.
                r.NotComputableReason = "not computable: load factor above 2 (S₂ = " + InputException.Format(s2) + " kVA on a "
                    + InputException.Format(plate.RatedKva) + " kVA unit): check the meter's CT ratio and units";
                return r;
            }

            r.Computable = true;
            r.ModelLossKw = TransformerEfficiency.LossesKw(plate.NoLoadLossKw, plate.LoadLossKw, beta);

            // cosφ: the meter's, or P/S when both are measured.
            double pf = none;
            if (hasPf)
            {
                pf = Math.Abs(secondary.Value(Measurements.PowerFactor));
            }
            else if (hasP && s2 > 0.0)
            {
                pf = Math.Abs(p2) / s2;
            }

            if (!double.IsNaN(pf) && pf > 0.0 && pf <= 1.0)
            {
                r.EfficiencyPercent = TransformerEfficiency.EfficiencyPercent(plate.RatedKva, plate.NoLoadLossKw, plate.LoadLossKw, beta, pf);
            }

            return r;
        }

        /// <summary>Writes load factor (66), model loss (67) and efficiency (68) for reporting.</summary>
        public void WriteTo(MeasurementSet target, long unixMs)
        {
            TransformerResult r = result;
            target.Set(Measurements.TransformerLoadFactor, r.LoadFactor, double.IsNaN(r.LoadFactor) ? PointQuality.Missing : PointQuality.Calculated, unixMs);
            target.Set(Measurements.TransformerLossKw, r.ModelLossKw, double.IsNaN(r.ModelLossKw) ? PointQuality.Missing : PointQuality.Calculated, unixMs);
            target.Set(Measurements.TransformerEfficiencyPercent, r.EfficiencyPercent, double.IsNaN(r.EfficiencyPercent) ? PointQuality.Missing : PointQuality.Calculated, unixMs);
        }
    }
}
