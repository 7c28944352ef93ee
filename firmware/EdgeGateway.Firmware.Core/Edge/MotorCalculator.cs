using System;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Motors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Edge
{
    /// <summary>Nameplate of a three-phase induction motor.</summary>
    public sealed class MotorNameplate
    {
        /// <summary>Rated output (shaft) power, kW.</summary>
        public double RatedPowerKw = double.NaN;

        public int Poles = 4;

        /// <summary>Rated efficiency from the nameplate, % (what GB 18613 grades).</summary>
        public double RatedEfficiencyPercent = double.NaN;

        /// <summary>Rated speed, rpm (NaN = not given: no slip-based load estimate).</summary>
        public double RatedSpeedRpm = double.NaN;

        /// <summary>Supply frequency used for the synchronous speed when the meter gives none, Hz.</summary>
        public double RatedFrequencyHz = 50.0;

        /// <summary>
        /// Share of the rated-load losses that does not depend on load (iron, friction, windage), default
        /// <see cref="DefaultConstantLossFraction"/>.
        /// </summary>
        public double ConstantLossFraction = DefaultConstantLossFraction;

        /// <summary>
        /// [M, project choice] 0.3: the middle of the textbook range for standard induction motors, whose no-load
        /// losses are commonly 20–40 % of the full-load losses; not from GB 18613 or IEC 60034 (give the motor's own
        /// figure when its test report has one).
        /// </summary>
        public const double DefaultConstantLossFraction = 0.3;
    }

    /// <summary>Outcome of one motor calculation; one instance is reused for every call.</summary>
    public sealed class MotorResult
    {
        public bool Computable;

        /// <summary>False when the input power is below 0.5 % of the rated input (motor stopped).</summary>
        public bool Running;

        /// <summary>Electrical input power, kW.</summary>
        public double InputPowerKw = double.NaN;

        /// <summary>"activePowerKw" (meter) or "√3·V·I·PF" (computed from voltage, current and power factor).</summary>
        public string InputPowerRoute = "";

        /// <summary>Estimated shaft output ÷ rated output, % (part-load model [M]).</summary>
        public double LoadPercent = double.NaN;

        /// <summary>Estimated shaft output, kW [M].</summary>
        public double ShaftOutputKw = double.NaN;

        /// <summary>Estimated field efficiency, % [M] — an estimate for trends and for spotting obsolete units.</summary>
        public double EfficiencyPercent = double.NaN;

        /// <summary>Load from slip (n_s − n)/(n_s − n_rated), %; NaN without speed. Fragile: 1 rpm ≈ 7 % at 14 rpm rated slip.</summary>
        public double LoadBySlipPercent = double.NaN;

        /// <summary>"not computable: ..." when no input power could be formed; empty otherwise.</summary>
        public string NotComputableReason = "";
    }

    /// <summary>
    /// Motor load and estimated efficiency at the edge, and the GB 18613-2020 grade of the NAMEPLATE.
    ///
    /// Part-load model [M] (textbook loss separation, not from a standard): at rated load the motor loses
    /// L_N = P_N·(1/η_N − 1). A share k0 (<see cref="MotorNameplate.ConstantLossFraction"/>) is constant (iron,
    /// friction, windage), the rest L_c = (1 − k0)·L_N grows with the square of the load (I²R in stator and rotor,
    /// stray load losses). So P_in = P_out + k0·L_N + L_c·(P_out/P_N)², solved for P_out:
    /// P_out = (−1 + √(1 + 4a·(P_in − k0·L_N)))/(2a), a = L_c/P_N². At rated input it returns exactly P_N.
    /// The field efficiency P_out/P_in is therefore an ESTIMATE for trends and for spotting motors far below their
    /// class; grades come only from the nameplate (type test, IEC 60034-2-1 / GB/T 1032).
    /// Allocation-free per call (the nameplate grade is computed once, in the constructor).
    /// </summary>
    public sealed class MotorCalculator
    {
        public const string EstimateNote = "field efficiency estimated from measured input power with a constant + load² loss model from the nameplate efficiency [M]; for trends and spotting obsolete motors only: grades come from the nameplate";
        private const string RouteMeter = "activePowerKw";
        private const string RouteVi = "√3·V·I·PF";
        private const string NoPower = "not computable: needs activePowerKw, or voltageV, currentA and powerFactor, all Good";
        private const double StoppedFractionOfRatedInput = 0.005;
        private static readonly double Sqrt3 = Math.Sqrt(3.0);

        private readonly MotorNameplate plate;
        private readonly MotorResult result = new MotorResult();
        private readonly double ratedInputKw;
        private readonly double constantLossKw;
        private readonly double quadraticCoefficient;

        public MotorCalculator(MotorNameplate nameplate)
        {
            if (nameplate == null)
            {
                throw new InputException("motor", "missing", "a motor nameplate (rated power, poles, rated efficiency) is required");
            }

            plate = nameplate;
            if (double.IsNaN(plate.RatedEfficiencyPercent) || plate.RatedEfficiencyPercent <= 0.0 || plate.RatedEfficiencyPercent >= 100.0)
            {
                throw new InputException("motor.ratedEfficiencyPercent", double.IsNaN(plate.RatedEfficiencyPercent) ? "missing" : InputException.Format(plate.RatedEfficiencyPercent),
                    "the nameplate efficiency in %, above 0 and below 100");
            }

            if (double.IsNaN(plate.ConstantLossFraction) || plate.ConstantLossFraction < 0.0 || plate.ConstantLossFraction >= 1.0)
            {
                throw new InputException("motor.constantLossFraction", InputException.Format(plate.ConstantLossFraction), "a share from 0 to below 1 (0.3 is typical)");
            }

            // Validates rated power and poles as well (InputException on a bad nameplate: a configuration error).
            NameplateGrade = MotorGrading.Grade(plate.RatedPowerKw, plate.Poles, plate.RatedEfficiencyPercent, EfficiencySource.Rated);
            ratedInputKw = plate.RatedPowerKw / (plate.RatedEfficiencyPercent / 100.0);
            double lossesKw = ratedInputKw - plate.RatedPowerKw;
            constantLossKw = plate.ConstantLossFraction * lossesKw;
            quadraticCoefficient = (1.0 - plate.ConstantLossFraction) * lossesKw / (plate.RatedPowerKw * plate.RatedPowerKw);
        }

        public MotorNameplate Nameplate { get { return plate; } }

        /// <summary>GB 18613-2020 grade of the nameplate efficiency (Obsolete = below grade 3: must be replaced).</summary>
        public MotorGradeResult NameplateGrade { get; }

        /// <summary>Below grade 3 (IE3) on the nameplate: obsolete, must be replaced.</summary>
        public bool Obsolete { get { return NameplateGrade.Obsolete; } }

        /// <summary>Input power at rated load, P_N/η_N, kW.</summary>
        public double RatedInputKw { get { return ratedInputKw; } }

        /// <summary>Constant part of the losses, kW [M].</summary>
        public double ConstantLossKw { get { return constantLossKw; } }

        public MotorResult Result { get { return result; } }

        public MotorResult Calculate(MeasurementSet m)
        {
            MotorResult r = result;
            r.Computable = false;
            r.Running = false;
            double none = double.NaN;
            r.InputPowerKw = none;
            r.InputPowerRoute = "";
            r.LoadPercent = none;
            r.ShaftOutputKw = none;
            r.EfficiencyPercent = none;
            r.LoadBySlipPercent = none;
            r.NotComputableReason = "";

            double inputKw;
            if (m.IsUsable(Measurements.ActivePowerKw))
            {
                inputKw = m.Value(Measurements.ActivePowerKw);
                r.InputPowerRoute = RouteMeter;
            }
            else if (m.IsUsable(Measurements.VoltageV) && m.IsUsable(Measurements.CurrentA) && m.IsUsable(Measurements.PowerFactor))
            {
                // Three-phase, V line-to-line (what motor meters display), I line current.
                inputKw = Sqrt3 * m.Value(Measurements.VoltageV) * m.Value(Measurements.CurrentA) * m.Value(Measurements.PowerFactor) / 1000.0;
                r.InputPowerRoute = RouteVi;
            }
            else
            {
                r.NotComputableReason = NoPower;
                return r;
            }

            r.Computable = true;
            r.InputPowerKw = inputKw;
            SlipLoad(m, r);
            if (inputKw < StoppedFractionOfRatedInput * ratedInputKw)
            {
                r.LoadPercent = 0.0;
                r.ShaftOutputKw = 0.0;
                return r; // stopped: no efficiency
            }

            r.Running = true;
            double outputKw = ShaftOutputFor(inputKw);
            r.ShaftOutputKw = outputKw;
            r.LoadPercent = outputKw / plate.RatedPowerKw * 100.0;
            r.EfficiencyPercent = outputKw / inputKw * 100.0;
            return r;
        }

        /// <summary>Shaft output for an input power under the part-load model, kW (0 when the input only covers the constant losses).</summary>
        public double ShaftOutputFor(double inputKw)
        {
            double excess = inputKw - constantLossKw;
            if (excess <= 0.0)
            {
                return 0.0;
            }

            if (quadraticCoefficient <= 0.0)
            {
                return excess;
            }

            double a = quadraticCoefficient;
            return (-1.0 + Math.Sqrt(1.0 + 4.0 * a * excess)) / (2.0 * a);
        }

        /// <summary>Writes motor load (64) and estimated efficiency (65) for reporting.</summary>
        public void WriteTo(MeasurementSet target, long unixMs)
        {
            MotorResult r = result;
            target.Set(Measurements.MotorLoadPercent, r.LoadPercent, double.IsNaN(r.LoadPercent) ? PointQuality.Missing : PointQuality.Calculated, unixMs);
            target.Set(Measurements.MotorEfficiencyPercent, r.EfficiencyPercent, double.IsNaN(r.EfficiencyPercent) ? PointQuality.Missing : PointQuality.Calculated, unixMs);
        }

        private void SlipLoad(MeasurementSet m, MotorResult r)
        {
            if (double.IsNaN(plate.RatedSpeedRpm) || !m.IsUsable(Measurements.SpeedRpm))
            {
                return;
            }

            double f = m.IsUsable(Measurements.FrequencyHz) ? m.Value(Measurements.FrequencyHz) : plate.RatedFrequencyHz;
            double synchronousRpm = 120.0 * f / plate.Poles;
            double ratedSlipRpm = 120.0 * plate.RatedFrequencyHz / plate.Poles - plate.RatedSpeedRpm;
            if (ratedSlipRpm <= 0.0)
            {
                return; // a nameplate speed at or above synchronous: no slip estimate
            }

            r.LoadBySlipPercent = (synchronousRpm - m.Value(Measurements.SpeedRpm)) / ratedSlipRpm * 100.0;
        }
    }
}
