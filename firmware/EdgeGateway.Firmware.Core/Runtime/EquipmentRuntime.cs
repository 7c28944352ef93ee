using System;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Firmware.Core.Io;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Wire;
using CfgBoiler = EdgeGateway.Firmware.Core.Configuration.BoilerNameplate;
using CfgKind = EdgeGateway.Firmware.Core.Configuration.EquipmentKind;
using EdgeBoiler = EdgeGateway.Firmware.Core.Edge.BoilerNameplate;
using EdgeMotor = EdgeGateway.Firmware.Core.Edge.MotorNameplate;
using EdgeTransformer = EdgeGateway.Firmware.Core.Edge.TransformerNameplate;
using PollQuality = EdgeGateway.Firmware.Core.Modbus.Scheduling.PointQuality;
using StatusKind = EdgeGateway.Firmware.Core.Status.EquipmentKind;

namespace EdgeGateway.Firmware.Core.Runtime
{
    /// <summary>One source of an equipment input with its sensor-health monitor (null for pulse inputs: the meter judges itself).</summary>
    internal sealed class SourceState
    {
        public InputSource Source;
        public SensorHealthMonitor Monitor;
        public long LastSequence = -1;
    }

    /// <summary>One input of an equipment (a measurement code fed by one or more sources).</summary>
    internal sealed class InputState
    {
        public EquipmentInput Input;
        public SourceState[] Sources;
        public double Value = double.NaN;
        public PointQuality Quality = PointQuality.Missing;
    }

    /// <summary>
    /// One boiler, motor or transformer at run time: its inputs (with sensor health), its measurement set, its
    /// calculator, and what it shows on the status page. Fed by the compute loop once per cycle.
    /// </summary>
    internal sealed class EquipmentRuntime
    {
        private static readonly int[] BoilerComputed =
        {
            Measurements.BoilerEfficiencyPercent, Measurements.FlueGasLossPercent, Measurements.ExcessAirRatio,
            Measurements.BoilerLoadPercent, Measurements.SteadyState,
        };

        private static readonly int[] MotorComputed = { Measurements.MotorLoadPercent, Measurements.MotorEfficiencyPercent };

        private static readonly int[] TransformerComputed =
        {
            Measurements.TransformerLoadFactor, Measurements.TransformerLossKw, Measurements.TransformerEfficiencyPercent,
        };

        private readonly EquipmentConfig config;
        private readonly InputState[] inputs;
        private readonly InputState[] primaryInputs;
        private readonly BoilerCalculator boiler;
        private readonly MotorCalculator motor;
        private readonly TransformerCalculator transformer;

        /// <summary>Why the calculator could not be built (a nameplate the engine refuses); null when it was.</summary>
        private readonly string setupProblem;

        /// <summary>Why the boiler is never judged (grading spec refused by the GB 24500 lookup); null when judged.</summary>
        private readonly string gradingProblem;

        public EquipmentRuntime(EquipmentConfig config, GatewayConfig gateway, RuntimeOptions options)
        {
            this.config = config;
            Set = new MeasurementSet(config.Id);
            inputs = BuildInputs(config.Inputs, gateway, options);
            primaryInputs = BuildInputs(config.PrimaryInputs == null ? new EquipmentInput[0] : config.PrimaryInputs, gateway, options);
            if (primaryInputs.Length > 0)
            {
                Primary = new MeasurementSet(config.Id);
            }

            try
            {
                switch (config.Kind)
                {
                    case CfgKind.Boiler:
                        EdgeBoiler plate = MapBoiler(config, options);
                        try
                        {
                            boiler = new BoilerCalculator(plate);
                        }
                        catch (InputException e)
                        {
                            // The nameplate does not fit the GB 24500 tables: compute the efficiency, give no verdict.
                            gradingProblem = "not judged: " + e.Message;
                            plate.GradingSpec = null;
                            boiler = new BoilerCalculator(plate);
                        }

                        break;
                    case CfgKind.Motor:
                        motor = new MotorCalculator(MapMotor(config.Motor));
                        break;
                    default:
                        transformer = new TransformerCalculator(MapTransformer(config.Transformer));
                        break;
                }
            }
            catch (InputException e)
            {
                setupProblem = "not computable: nameplate refused by the standards engine: " + e.Message;
            }
        }

        public string Id { get { return config.Id; } }

        public MeasurementSet Set { get; }

        /// <summary>Transformers with a primary-side meter: its values (for the measured loss; not reported on their own).</summary>
        public MeasurementSet Primary { get; }

        /// <summary>Copies this cycle's inputs into the measurement set(s) and runs the calculator.</summary>
        public void Update(long monotonicMs, long unixMs, DeviceShadow[] shadows, BusPoller[] buses, PulseMeter[] pulses)
        {
            Feed(inputs, Set, monotonicMs, unixMs, shadows, buses, pulses);
            if (Primary != null)
            {
                Feed(primaryInputs, Primary, monotonicMs, unixMs, shadows, buses, pulses);
            }

            if (boiler != null)
            {
                boiler.Calculate(Set);
                boiler.WriteTo(Set, unixMs);
            }
            else if (motor != null)
            {
                motor.Calculate(Set);
                motor.WriteTo(Set, unixMs);
            }
            else if (transformer != null)
            {
                transformer.Calculate(Set, Primary);
                transformer.WriteTo(Set, unixMs);
            }
        }

        /// <summary>The equipment's card on the status page (a fresh object: the page reads it without locks).</summary>
        public EquipmentStatus BuildStatus()
        {
            var s = new EquipmentStatus();
            s.Id = config.Id;
            s.DisplayName = config.Name;
            s.Kind = config.Kind == CfgKind.Boiler ? StatusKind.Boiler : (config.Kind == CfgKind.Motor ? StatusKind.Motor : StatusKind.Transformer);
            if (setupProblem != null)
            {
                s.NotComputableReason = setupProblem;
            }
            else if (boiler != null)
            {
                FillBoiler(s);
            }
            else if (motor != null)
            {
                FillMotor(s);
            }
            else
            {
                FillTransformer(s);
            }

            int[] computed = boiler != null ? BoilerComputed : (motor != null ? MotorComputed : (transformer != null ? TransformerComputed : new int[0]));
            int count = inputs.Length;
            for (int i = 0; i < computed.Length; i++)
            {
                if (Shown(computed[i]))
                {
                    count++;
                }
            }

            var values = new MeasuredValue[count];
            int k = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                var v = new MeasuredValue();
                v.Measurement = inputs[i].Input.Measurement;
                v.Value = inputs[i].Value;
                v.Quality = inputs[i].Quality;
                values[k++] = v;
            }

            for (int i = 0; i < computed.Length; i++)
            {
                int code = computed[i];
                if (Shown(code))
                {
                    var v = new MeasuredValue();
                    v.Measurement = Measurements.NameOf(code);
                    v.Value = Set.Value(code);
                    v.Quality = Set.Quality(code);
                    values[k++] = v;
                }
            }

            s.Values = values;
            return s;
        }

        /// <summary>Computed values on the page: those with a value (q2 has none under the direct method), not repeated when also an input.</summary>
        private bool Shown(int code)
        {
            return Set.Has(code) && !double.IsNaN(Set.Value(code)) && !IsInput(code);
        }

        /// <summary>A computed code that is also a configured input (a controller's own load %) is listed once, as the input.</summary>
        private bool IsInput(int code)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i].Input.MeasurementCode == code)
                {
                    return true;
                }
            }

            return false;
        }

        private void FillBoiler(EquipmentStatus s)
        {
            BoilerResult r = boiler.Result;
            s.EfficiencyPercent = r.Computable ? r.EfficiencyPercent : double.NaN;
            s.Method = r.Method == BoilerMethod.Direct ? "direct" : (r.Method == BoilerMethod.Indirect ? "indirect" : null);
            s.NotComputableReason = r.Computable ? null : r.NotComputableReason;
            s.Steady = r.Steady;
            Verdict v = r.GbVerdict != null ? r.GbVerdict : r.PlanVerdict;
            if (v != null && v.Covered && r.Steady)
            {
                s.LimitPercent = v.LimitPercent;
                s.LimitSource = LimitSource(v);
                s.Pass = v.Pass ? PassState.Pass : PassState.Fail;
                s.Verdict = v.Rule;
            }
            else
            {
                s.Verdict = gradingProblem != null ? gradingProblem : (r.VerdictNote.Length > 0 ? r.VerdictNote : (v != null ? v.Basis : null));
            }
        }

        /// <summary>
        /// Opens the verdict text of motors and transformers: their pass/fail is the grade of the nameplate, which
        /// stands while every meter is offline, so the page must not let it read as a verdict on the measurements.
        /// Chinese first, as the page is.
        /// </summary>
        public const string NameplateGradePrefix = "铭牌等级 / nameplate grade — ";

        private void FillMotor(EquipmentStatus s)
        {
            MotorResult r = motor.Result;
            s.EfficiencyPercent = r.Computable ? r.EfficiencyPercent : double.NaN;
            s.Method = "estimate from input power [M]";
            s.NotComputableReason = r.Computable ? null : r.NotComputableReason;
            s.Steady = r.Running;

            // GB 18613 grades the nameplate efficiency; the field estimate is a trend, not a verdict.
            Verdict v = motor.NameplateGrade.Verdict;
            if (v != null && v.Covered)
            {
                s.LimitPercent = v.LimitPercent;
                s.LimitSource = LimitSource(v);
                s.Pass = motor.NameplateGrade.MeetsMinimum ? PassState.Pass : PassState.Fail;
                s.Verdict = NameplateGradePrefix + "GB 18613 grades the nameplate efficiency, not the measurement (the value shown is a field estimate): " + v.Rule;
            }
            else if (v != null)
            {
                s.Verdict = v.Basis;
            }
        }

        private void FillTransformer(EquipmentStatus s)
        {
            TransformerResult r = transformer.Result;
            s.EfficiencyPercent = r.Computable ? r.EfficiencyPercent : double.NaN;
            s.Method = "nameplate model P0 + β²·Pk [M]";
            s.NotComputableReason = r.Computable ? null : r.NotComputableReason;
            // Nothing measured (meters offline, no load factor formed): nothing is steady; the grade below still stands.
            s.Steady = r.Computable;

            // GB 20052 judges the nameplate losses (its limit is a loss, not an efficiency: no % limit shown).
            Verdict v = transformer.NameplateGrade.Verdict;
            if (v != null && v.Covered)
            {
                s.LimitSource = LimitSource(v);
                s.Pass = transformer.NameplateGrade.MeetsMinimum && !transformer.HighLoss ? PassState.Pass : PassState.Fail;
                s.Verdict = NameplateGradePrefix + "GB 20052 grades the nameplate losses P0 and Pk, not the measurement: " + v.Rule;
            }
            else if (v != null)
            {
                s.Verdict = v.Basis;
            }
        }

        /// <summary>"GB 24500-2020 表4, grade 3 [3P]": standard, clause, grade and confidence of a verdict.</summary>
        public static string LimitSource(Verdict v)
        {
            string text = v.Standard;
            if (v.Clause != null && v.Clause.Length > 0)
            {
                text = text + " " + v.Clause;
            }

            if (v.GradeLabel != null && v.GradeLabel.Length > 0)
            {
                text = text + ", " + v.GradeLabel;
            }

            if (v.Confidence != null && v.Confidence.Length > 0)
            {
                text = text + " [" + v.Confidence + "]";
            }

            return text;
        }

        private static InputState[] BuildInputs(EquipmentInput[] configured, GatewayConfig gateway, RuntimeOptions options)
        {
            var result = new InputState[configured.Length];
            for (int i = 0; i < configured.Length; i++)
            {
                EquipmentInput input = configured[i];
                var state = new InputState();
                state.Input = input;
                state.Sources = new SourceState[input.Sources.Length];
                for (int s = 0; s < input.Sources.Length; s++)
                {
                    InputSource src = input.Sources[s];
                    var ss = new SourceState();
                    ss.Source = src;
                    if (src.Kind == InputSourceKind.Point)
                    {
                        DeviceConfig device = gateway.Devices[src.DeviceIndex];
                        Modbus.Registers.RegisterPoint point = device.Points[src.PointIndex];
                        double min = point.MinPlausible == double.MinValue ? double.NaN : point.MinPlausible;
                        double max = point.MaxPlausible == double.MaxValue ? double.NaN : point.MaxPlausible;
                        long stuck = IsCounter(input.MeasurementCode) ? 0 : options.StuckAfterMs;
                        ss.Monitor = new SensorHealthMonitor(min, max, stuck, options.MissingAfterPolls, device.PollIntervalMs < 1 ? 1 : device.PollIntervalMs);
                    }

                    state.Sources[s] = ss;
                }

                result[i] = state;
            }

            return result;
        }

        /// <summary>Totals and energy counters stand still legitimately (nothing flows): never "stuck".</summary>
        private static bool IsCounter(int code)
        {
            return code == Measurements.FuelTotalNm3 || code == Measurements.SteamTotalT || code == Measurements.ActiveEnergyKwh
                || code == Measurements.ReactiveEnergyKvarh;
        }

        private static void Feed(InputState[] states, MeasurementSet set, long monotonicMs, long unixMs, DeviceShadow[] shadows, BusPoller[] buses, PulseMeter[] pulses)
        {
            for (int i = 0; i < states.Length; i++)
            {
                InputState st = states[i];
                double sum = 0;
                int n = 0;
                PointQuality worst = PointQuality.Good;
                for (int s = 0; s < st.Sources.Length; s++)
                {
                    SourceState ss = st.Sources[s];
                    double value;
                    PointQuality quality;
                    if (ss.Source.Kind == InputSourceKind.Pulse)
                    {
                        PulseMeter meter = pulses[ss.Source.PulseIndex];
                        value = ss.Source.PulseTotal ? meter.TotalUnits : meter.RateUnitsPerHour;
                        quality = meter.Quality;
                    }
                    else
                    {
                        DeviceShadow shadow = shadows[ss.Source.DeviceIndex];
                        long sequence;
                        long pollMs;
                        double read;
                        PollQuality pollQuality;
                        bool online;
                        lock (buses[shadow.BusIndex].Sync)
                        {
                            sequence = shadow.PollSequence;
                            pollMs = shadow.PollMs;
                            read = shadow.Values[ss.Source.PointIndex];
                            pollQuality = shadow.Qualities[ss.Source.PointIndex];
                            online = shadow.Online;
                        }

                        if (sequence != ss.LastSequence && pollMs >= 0)
                        {
                            ss.LastSequence = sequence;
                            ss.Monitor.UpdateFromPoll(pollMs, read, pollQuality);
                        }
                        else
                        {
                            // No new poll (slow interval or a slave in back-off): let the monitor age the value.
                            ss.Monitor.Update(monotonicMs, double.NaN, false);
                        }

                        value = ss.Monitor.Value;
                        quality = ss.Monitor.Quality;
                        if (quality == PointQuality.Missing && !online)
                        {
                            quality = PointQuality.CommunicationFault;
                        }
                    }

                    if (!double.IsNaN(value) && quality != PointQuality.Missing && quality != PointQuality.CommunicationFault)
                    {
                        sum += value;
                        n++;
                    }

                    if (quality != PointQuality.Good && worst == PointQuality.Good)
                    {
                        worst = quality;
                    }
                }

                st.Value = n > 0 ? sum / n : double.NaN;
                st.Quality = worst;
                set.Set(st.Input.MeasurementCode, st.Value, st.Quality, unixMs);
            }
        }

        private static EdgeBoiler MapBoiler(EquipmentConfig config, RuntimeOptions options)
        {
            CfgBoiler c = config.Boiler;
            var p = new EdgeBoiler();
            p.Type = c.IsSteam ? BoilerType.Steam : BoilerType.HotWater;
            p.Fuel = c.Fuel;
            p.RatedEvaporationTph = c.RatedCapacityTph;
            p.RatedHeatOutputMw = c.RatedHeatOutputMw;
            p.FuelLowerHeatingValueKjPerNm3 = c.FuelLowerHeatingValueKjPerNm3;
            p.FuelLowerHeatingValueKjPerKg = c.FuelLowerHeatingValueKjPerKg;
            p.Method = config.Method == EfficiencyMethod.Direct ? BoilerMethodPreference.DirectOnly
                : (config.Method == EfficiencyMethod.Indirect ? BoilerMethodPreference.IndirectOnly : BoilerMethodPreference.Auto);
            p.GradingSpec = c.ToSpec();
            p.SteadyWindowSeconds = options.SteadyWindowSeconds;
            BoilerFuelAnalysis a = config.FuelAnalysis;
            if (a != null)
            {
                var lab = new BoilerMeasurements();
                lab.CarbonAsReceivedPercent = a.CarbonAsReceivedPercent;
                lab.HydrogenAsReceivedPercent = a.HydrogenAsReceivedPercent;
                lab.OxygenAsReceivedPercent = a.OxygenAsReceivedPercent;
                lab.NitrogenAsReceivedPercent = a.NitrogenAsReceivedPercent;
                lab.SulfurAsReceivedPercent = a.SulfurAsReceivedPercent;
                lab.MoistureAsReceivedPercent = a.MoistureAsReceivedPercent;
                lab.AshAsReceivedPercent = a.AshAsReceivedPercent;
                lab.SlagFractionPercent = a.SlagFractionPercent;
                lab.FlyAshFractionPercent = a.FlyAshFractionPercent;
                lab.RiddlingsFractionPercent = a.RiddlingsFractionPercent;
                lab.CarbonInSlagPercent = a.CarbonInSlagPercent;
                lab.CarbonInFlyAshPercent = a.CarbonInFlyAshPercent;
                lab.CarbonInRiddlingsPercent = a.CarbonInRiddlingsPercent;
                lab.SlagTemperatureC = a.SlagTemperatureC;
                p.LabValues = lab;
            }

            return p;
        }

        private static EdgeMotor MapMotor(Configuration.MotorNameplate c)
        {
            var p = new EdgeMotor();
            p.RatedPowerKw = c.RatedPowerKw;
            p.Poles = c.Poles;
            p.RatedEfficiencyPercent = c.RatedEfficiencyPercent;
            p.RatedSpeedRpm = c.RatedSpeedRpm;
            return p;
        }

        private static EdgeTransformer MapTransformer(Configuration.TransformerNameplate c)
        {
            var p = new EdgeTransformer();
            p.Kind = c.Kind;
            p.Core = c.Core;
            p.Insulation = c.InsulationClass;
            p.VoltageKv = c.RatedVoltageKv;
            p.RatedKva = c.RatedKva;
            p.NoLoadLossKw = c.NoLoadLossKw;
            p.LoadLossKw = c.LoadLossKw;
            return p;
        }
    }
}
