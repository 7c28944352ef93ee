using System;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Boilers.SteadyState;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Edge
{
    public enum BoilerType
    {
        Steam = 0,
        HotWater = 1,
    }

    /// <summary>Which efficiency method the calculator may use.</summary>
    public enum BoilerMethodPreference
    {
        /// <summary>Direct when its instruments are all Good, else indirect when its instruments are Good.</summary>
        Auto = 0,
        DirectOnly = 1,
        IndirectOnly = 2,
    }

    /// <summary>The method a result was computed with.</summary>
    public enum BoilerMethod
    {
        NotComputable = 0,
        Direct = 1,
        Indirect = 2,
    }

    /// <summary>What the edge calculation of a boiler needs from its nameplate and configuration.</summary>
    public sealed class BoilerNameplate
    {
        public BoilerType Type = BoilerType.Steam;

        /// <summary>Fuel for the efficiency engines (the GB 24500 lookup takes its own <see cref="GradingSpec"/>).</summary>
        public FuelKind Fuel = FuelKind.NaturalGas;

        /// <summary>Rated evaporation of a steam boiler, t/h (load % and q5).</summary>
        public double RatedEvaporationTph = double.NaN;

        /// <summary>Rated heat output of a hot-water boiler, MW (load % and q5 at 0.7 MW per t/h).</summary>
        public double RatedHeatOutputMw = double.NaN;

        /// <summary>
        /// As-received lower heating value of a gas, kJ/Nm³ (contract value or analyser); NaN = not given. The wire
        /// vocabulary v1 has no measurement code for a heating value, so it comes from the configuration.
        /// </summary>
        public double FuelLowerHeatingValueKjPerNm3 = double.NaN;

        /// <summary>As-received lower heating value of oil, coal or biomass, kJ/kg; NaN = not given.</summary>
        public double FuelLowerHeatingValueKjPerKg = double.NaN;

        /// <summary>
        /// Laboratory values for solid fuels (ultimate analysis, ash split, carbon in residues, slag temperature) and
        /// optional steam moisture / blowdown; copied into every calculation. Null = none.
        /// </summary>
        public BoilerMeasurements LabValues;

        /// <summary>The site's gas analysis; null = the typical composition of the fuel [M].</summary>
        public GasComposition GasComposition;

        /// <summary>Nameplate facts for the GB 24500-2020 lookup; null = no verdicts.</summary>
        public BoilerSpec GradingSpec;

        public BoilerMethodPreference Method = BoilerMethodPreference.Auto;

        /// <summary>Steady-state test period judged by the EN 12953-11 rule, s (default <see cref="BoilerCalculator.DefaultSteadyWindowSeconds"/>).</summary>
        public double SteadyWindowSeconds = BoilerCalculator.DefaultSteadyWindowSeconds;

        /// <summary>Samples kept for the steady-state window; samples are thinned to window/(capacity − 1) apart.</summary>
        public int SteadyCapacity = 61;
    }

    /// <summary>The outcome of one boiler calculation; one instance is reused for every call.</summary>
    public sealed class BoilerResult
    {
        public BoilerMethod Method;

        public bool Computable;

        /// <summary>η, % of the as-received LHV; NaN when not computable.</summary>
        public double EfficiencyPercent = double.NaN;

        /// <summary>EN 12953-11 steady state over the configured window (always true for electric boilers: no flue gas).</summary>
        public bool Steady;

        public SteadyStateReason SteadyReason;

        /// <summary>Calculated (steady), NotSteady (computed but not for verdicts) or Missing (not computable).</summary>
        public PointQuality EfficiencyQuality = PointQuality.Missing;

        /// <summary>Heat losses of the indirect method, % of LHV; NaN for the direct method.</summary>
        public double Q2Percent = double.NaN;
        public double Q3Percent = double.NaN;
        public double Q4Percent = double.NaN;
        public double Q5Percent = double.NaN;
        public double Q6Percent = double.NaN;

        /// <summary>Excess-air coefficient α (indirect result, or 21/(21 − O₂) beside the direct method); NaN when O₂ is not usable.</summary>
        public double ExcessAirRatio = double.NaN;

        /// <summary>Steam flow ÷ rated evaporation (hot water: heat output ÷ rated output), %; NaN when not measured.</summary>
        public double LoadPercent = double.NaN;

        /// <summary>"not computable: ..." naming the missing inputs or the engine's message; empty when computable.</summary>
        public string NotComputableReason = "";

        /// <summary>Assumptions of the engine that produced the value (empty when none). Built when read, from the
        /// engine result of the last calculation.</summary>
        public string EngineNotes
        {
            get
            {
                if (notesOfSteam != null)
                {
                    return notesOfSteam.Notes;
                }

                if (notesOfHotWater != null)
                {
                    return notesOfHotWater.Notes;
                }

                if (notesOfIndirect != null)
                {
                    return notesOfIndirect.Notes;
                }

                return engineNotes;
            }

            set
            {
                engineNotes = value;
                notesOfSteam = null;
                notesOfHotWater = null;
                notesOfIndirect = null;
            }
        }

        /// <summary>GB 24500-2020 verdict on the measured operating efficiency, as an indicator; null when not judged.</summary>
        public Verdict GbVerdict;

        /// <summary>Provincial plan verdict on the measured operating efficiency, as an indicator; null when not judged.</summary>
        public Verdict PlanVerdict;

        /// <summary>Why no verdict was given (empty when both were judged). When the efficiency is one the grading
        /// refuses (above 100 % on a non-condensing boiler, say), the refusal is built when read.</summary>
        public string VerdictNote
        {
            get
            {
                if (refusedBy != null)
                {
                    verdictNote = refusedBy.RefusalNote(refusedEfficiencyPercent);
                    refusedBy = null;
                }

                return verdictNote;
            }

            set
            {
                verdictNote = value;
                refusedBy = null;
            }
        }

        private string engineNotes = "";
        private SteamDirectResult notesOfSteam;
        private HotWaterDirectResult notesOfHotWater;
        private IndirectResult notesOfIndirect;
        private string verdictNote = "";
        private BoilerCalculator refusedBy;
        private double refusedEfficiencyPercent;

        internal void NotesFrom(SteamDirectResult steam, HotWaterDirectResult hotWater, IndirectResult indirect)
        {
            engineNotes = "";
            notesOfSteam = steam;
            notesOfHotWater = hotWater;
            notesOfIndirect = indirect;
        }

        internal void VerdictRefused(BoilerCalculator calculator, double efficiencyPercent)
        {
            verdictNote = "";
            refusedBy = calculator;
            refusedEfficiencyPercent = efficiencyPercent;
        }
    }

    /// <summary>
    /// Boiler efficiency at the edge. Chooses the method from the instruments that are Good this cycle (direct: steam
    /// or water flow, pressure/temperatures, fuel flow and the LHV; indirect: flue temperature, air temperature, O₂),
    /// runs the shared engines (DirectMethod, IndirectMethod), and gates the result with the EN 12953-11 steady-state
    /// rule [V]: outside steady state the efficiency is still computed and reported, marked NotSteady, and no verdict
    /// is given. Verdicts judge the measured operating efficiency as an indicator only (GB 24500 grades are defined
    /// for the rated efficiency of the test report). Engine input errors are caught per cycle and reported as
    /// "not computable: ..." — a bad reading never stops the runtime.
    /// Allocation: none per cycle in steady operation, whatever the readings do. The engines and the grading fill
    /// result objects owned by the calculator (DirectMethod/IndirectMethod/BoilerGrading/BoilerPlanGrading "into"
    /// overloads); texts that depend on this cycle's values (engine notes, the verdicts' Basis, a refused grading's
    /// note) are built only when read, e.g. by the status page. What still allocates: the first calculation (engine
    /// result objects, one-off texts), a change of the set of missing inputs (its "not computable" text), and engine
    /// input errors (an exception and its message) — faults, not the steady state.
    /// </summary>
    public sealed class BoilerCalculator
    {
        /// <summary>
        /// Default steady-state window, s (15 min) [M, project choice]: EN 12953-11's ±10 °C / ±0.5 % O₂ rule judges a
        /// test period whose length was not checked here; 15 min matches the real-time reporting period of online
        /// energy monitoring (GB/T 38692, 15 min [V, third-party pages]). The single definition: RuntimeOptions uses it.
        /// </summary>
        public const double DefaultSteadyWindowSeconds = 900.0;

        private const string NotSteadyNote = "not judged: the efficiency is not from a steady-state period (EN 12953-11: flue temperature within ±10 °C and O₂ within ±0.5 points of their means over the window)";
        private const string NoSpecNote = "not judged: no GB 24500 nameplate data (grading spec) configured";
        private const string NotComputedNote = "not judged: efficiency not computable";

        // Missing-input bits (the reason text is rebuilt only when the set of missing inputs changes).
        private const int MissSteamFlow = 1 << 0;
        private const int MissSteamPressure = 1 << 1;
        private const int MissSteamTemperature = 1 << 2;
        private const int MissFeedwater = 1 << 3;
        private const int MissFuelFlow = 1 << 4;
        private const int MissLhv = 1 << 5;
        private const int MissWaterFlow = 1 << 6;
        private const int MissSupply = 1 << 7;
        private const int MissReturn = 1 << 8;
        private const int MissElectric = 1 << 9;
        private const int MissFlue = 1 << 10;
        private const int MissAir = 1 << 11;
        private const int MissO2 = 1 << 12;
        private const int MissElectricIndirect = 1 << 13;

        private readonly BoilerNameplate plate;
        private readonly BoilerResult result = new BoilerResult();
        private readonly BoilerMeasurements work = new BoilerMeasurements();
        private readonly SteadyStateDetector detector;
        private readonly GasComposition gas;
        private readonly double ratedCapacityTph;
        private readonly long sampleSpacingMs;
        // Engine results and verdicts, reused every cycle (the engines fill them in place).
        private readonly SteamDirectResult steamResult = new SteamDirectResult();
        private readonly HotWaterDirectResult hotWaterResult = new HotWaterDirectResult();
        private readonly IndirectResult indirectResult = new IndirectResult();
        private readonly BoilerGradeResult gbGrade = new BoilerGradeResult();
        private readonly Verdict planVerdict = new Verdict();
        private long lastSampleMs = -1;
        private int lastMissingMask = -1;
        private string lastMissingText = "";

        public BoilerCalculator(BoilerNameplate nameplate)
        {
            if (nameplate == null)
            {
                throw new InputException("boiler", "missing", "a boiler nameplate (type, fuel, rated capacity) is required");
            }

            plate = nameplate;
            if (plate.Type == BoilerType.Steam)
            {
                RequirePositive("boiler.ratedEvaporationTph", plate.RatedEvaporationTph, "rated evaporation of the steam boiler in t/h, above 0");
                ratedCapacityTph = plate.RatedEvaporationTph;
            }
            else
            {
                RequirePositive("boiler.ratedHeatOutputMw", plate.RatedHeatOutputMw, "rated heat output of the hot-water boiler in MW, above 0");
                ratedCapacityTph = IndirectMethod.RatedCapacityTphFromMw(plate.RatedHeatOutputMw);
            }

            RequirePositiveOrNaN("boiler.fuelLowerHeatingValueKjPerNm3", plate.FuelLowerHeatingValueKjPerNm3);
            RequirePositiveOrNaN("boiler.fuelLowerHeatingValueKjPerKg", plate.FuelLowerHeatingValueKjPerKg);
            if (plate.GradingSpec != null && plate.GradingSpec.Fuel != GradingFuelOf(plate.Fuel))
            {
                throw new InputException("boiler.gradingSpec.fuel", ((int)plate.GradingSpec.Fuel).ToString(),
                    "must match the boiler's fuel " + FuelKinds.Name(plate.Fuel) + " (LPG and coke-oven gas grade as 'other')");
            }

            if (plate.GradingSpec != null)
            {
                // Start-up: a contradictory grading spec is a configuration error (InputException), raised here once.
                // The lookup and its texts are kept in gbGrade, so grading a cycle's efficiency allocates nothing.
                BoilerGrading.Lookup(plate.GradingSpec, gbGrade);
            }

            if (plate.SteadyCapacity < 2)
            {
                throw new InputException("boiler.steadyCapacity", plate.SteadyCapacity.ToString(), "2 or more samples (61 is usual)");
            }

            detector = new SteadyStateDetector(plate.SteadyCapacity, plate.SteadyWindowSeconds);
            sampleSpacingMs = (long)(plate.SteadyWindowSeconds * 1000.0 / (plate.SteadyCapacity - 1));
            if (FuelKinds.IsGaseous(plate.Fuel))
            {
                gas = plate.GasComposition != null ? plate.GasComposition
                    : plate.Fuel == FuelKind.NaturalGas ? GasComposition.TypicalNaturalGas()
                    : plate.Fuel == FuelKind.Lpg ? GasComposition.TypicalLpg()
                    : GasComposition.TypicalCokeOvenGas();
            }
        }

        public BoilerNameplate Nameplate { get { return plate; } }

        /// <summary>The steady-state detector (its ReasonText() explains the last judgement, for the status page).</summary>
        public SteadyStateDetector SteadyState { get { return detector; } }

        /// <summary>The result of the last <see cref="Calculate"/> (the same instance every time).</summary>
        public BoilerResult Result { get { return result; } }

        /// <summary>Computes the boiler's efficiency from the current values. Never throws for bad readings.</summary>
        public BoilerResult Calculate(MeasurementSet m)
        {
            BoilerResult r = result;
            ResetResult(r);
            FeedSteadyState(m);
            bool electric = plate.Fuel == FuelKind.Electric;
            r.Steady = electric || detector.IsSteady;
            r.SteadyReason = electric ? SteadyStateReason.Steady : detector.Reason;

            int directMissing = DirectMissing(m);
            int indirectMissing = IndirectMissing(m);
            bool tryDirect = plate.Method != BoilerMethodPreference.IndirectOnly && directMissing == 0;
            bool tryIndirect = plate.Method != BoilerMethodPreference.DirectOnly && indirectMissing == 0;
            string directError = null;
            if (tryDirect)
            {
                try
                {
                    RunDirect(m, r);
                }
                catch (InputException e)
                {
                    directError = e.Message;
                }
                catch (Exception e)
                {
                    directError = "direct method failed: " + e.Message;
                }
            }

            if (!r.Computable && tryIndirect)
            {
                try
                {
                    RunIndirect(m, r);
                }
                catch (InputException e)
                {
                    r.NotComputableReason = "not computable: " + (directError != null ? directError + "; " : "") + e.Message;
                }
                catch (Exception e)
                {
                    r.NotComputableReason = "not computable: " + (directError != null ? directError + "; " : "") + "indirect method failed: " + e.Message;
                }
            }
            else if (!r.Computable && directError != null)
            {
                r.NotComputableReason = "not computable: " + directError;
            }

            if (!r.Computable && r.NotComputableReason.Length == 0)
            {
                int mask = (plate.Method == BoilerMethodPreference.IndirectOnly ? 0 : directMissing)
                    | (plate.Method == BoilerMethodPreference.DirectOnly ? 0 : indirectMissing);
                r.NotComputableReason = MissingText(mask);
            }

            // Context values that do not depend on the method.
            if (double.IsNaN(r.ExcessAirRatio) && m.IsUsable(Measurements.FlueGasO2PercentDry))
            {
                double o2 = m.Value(Measurements.FlueGasO2PercentDry);
                if (o2 >= 0.0 && o2 < 21.0)
                {
                    r.ExcessAirRatio = 21.0 / (21.0 - o2);
                }
            }

            if (double.IsNaN(r.LoadPercent) && plate.Type == BoilerType.Steam && m.IsUsable(Measurements.SteamFlowTph))
            {
                r.LoadPercent = m.Value(Measurements.SteamFlowTph) / plate.RatedEvaporationTph * 100.0;
            }

            if (!r.Computable)
            {
                r.EfficiencyQuality = PointQuality.Missing;
                r.VerdictNote = NotComputedNote;
                return r;
            }

            r.EfficiencyQuality = r.Steady ? PointQuality.Calculated : PointQuality.NotSteady;
            if (!r.Steady)
            {
                r.VerdictNote = NotSteadyNote;
            }
            else if (plate.GradingSpec == null)
            {
                r.VerdictNote = NoSpecNote;
            }
            else
            {
                Judge(r);
            }

            return r;
        }

        /// <summary>
        /// Writes the computed points into a measurement set for reporting: efficiency (60), flue-gas loss q2 (61),
        /// excess air (62), load (63) and steady state 1/0 (69).
        /// </summary>
        public void WriteTo(MeasurementSet target, long unixMs)
        {
            BoilerResult r = result;
            target.Set(Measurements.BoilerEfficiencyPercent, r.EfficiencyPercent, r.EfficiencyQuality, unixMs);
            target.Set(Measurements.FlueGasLossPercent, r.Q2Percent, double.IsNaN(r.Q2Percent) ? PointQuality.Missing : r.EfficiencyQuality, unixMs);
            target.Set(Measurements.ExcessAirRatio, r.ExcessAirRatio, double.IsNaN(r.ExcessAirRatio) ? PointQuality.Missing : PointQuality.Calculated, unixMs);
            target.Set(Measurements.BoilerLoadPercent, r.LoadPercent, double.IsNaN(r.LoadPercent) ? PointQuality.Missing : PointQuality.Calculated, unixMs);
            target.Set(Measurements.SteadyState, r.Steady ? 1.0 : 0.0, PointQuality.Calculated, unixMs);
        }

        /// <summary>The GB 24500 fuel a FuelKind is graded under (LPG and coke-oven gas: other — the table has natural gas only).</summary>
        public static BoilerFuel GradingFuelOf(FuelKind fuel)
        {
            switch (fuel)
            {
                case FuelKind.NaturalGas: return BoilerFuel.NaturalGas;
                case FuelKind.Oil: return BoilerFuel.Oil;
                case FuelKind.Coal: return BoilerFuel.Coal;
                case FuelKind.Biomass: return BoilerFuel.Biomass;
                case FuelKind.Electric: return BoilerFuel.Electric;
                default: return BoilerFuel.Other;
            }
        }

        private void FeedSteadyState(MeasurementSet m)
        {
            long flueMs = m.TimestampMs(Measurements.FlueGasTemperatureC);
            long o2Ms = m.TimestampMs(Measurements.FlueGasO2PercentDry);
            long t = flueMs > o2Ms ? flueMs : o2Ms; // no Math.Max(long, long) on nanoFramework
            if (t <= 0)
            {
                detector.Evaluate();
                return;
            }

            if (lastSampleMs >= 0 && t < lastSampleMs)
            {
                // Wall time stepped back (NTP correction): the window's history is no longer ordered; start over.
                detector.Clear();
                lastSampleMs = -1;
            }

            if (lastSampleMs < 0 || t - lastSampleMs >= sampleSpacingMs)
            {
                // An unusable reading goes in as NaN: a sensor fault inside the window makes it unsteady.
                double flue = m.IsUsable(Measurements.FlueGasTemperatureC) ? m.Value(Measurements.FlueGasTemperatureC) : double.NaN;
                double o2 = m.IsUsable(Measurements.FlueGasO2PercentDry) ? m.Value(Measurements.FlueGasO2PercentDry) : double.NaN;
                detector.Add(new DateTime(UnixEpochTicks + t * TimeSpan.TicksPerMillisecond), flue, o2);
                lastSampleMs = t;
            }

            detector.Evaluate();
        }

        private const long UnixEpochTicks = 621355968000000000L; // 1970-01-01T00:00:00Z in DateTime ticks

        private int DirectMissing(MeasurementSet m)
        {
            int miss = 0;
            if (plate.Type == BoilerType.Steam)
            {
                miss |= Need(m, Measurements.SteamFlowTph, MissSteamFlow);
                miss |= Need(m, Measurements.SteamPressureMpaAbs, MissSteamPressure);
                miss |= Need(m, Measurements.FeedwaterTemperatureC, MissFeedwater);

                // Superheated boilers have a steam thermometer: when it is configured it must be Good (saturated
                // steam is assumed only for boilers without one).
                if (m.Has(Measurements.SteamTemperatureC) && !m.IsUsable(Measurements.SteamTemperatureC))
                {
                    miss |= MissSteamTemperature;
                }
            }
            else
            {
                miss |= Need(m, Measurements.WaterFlowTph, MissWaterFlow);
                miss |= Need(m, Measurements.SupplyTemperatureC, MissSupply);
                miss |= Need(m, Measurements.ReturnTemperatureC, MissReturn);
            }

            if (plate.Fuel == FuelKind.Electric)
            {
                miss |= Need(m, Measurements.ActivePowerKw, MissElectric);
            }
            else if (FuelKinds.IsGaseous(plate.Fuel))
            {
                miss |= Need(m, Measurements.FuelFlowNm3PerH, MissFuelFlow);
                if (double.IsNaN(plate.FuelLowerHeatingValueKjPerNm3))
                {
                    miss |= MissLhv;
                }
            }
            else
            {
                miss |= Need(m, Measurements.FuelFlowKgPerH, MissFuelFlow);
                if (double.IsNaN(plate.FuelLowerHeatingValueKjPerKg))
                {
                    miss |= MissLhv;
                }
            }

            return miss;
        }

        private int IndirectMissing(MeasurementSet m)
        {
            if (plate.Fuel == FuelKind.Electric)
            {
                return MissElectricIndirect;
            }

            return Need(m, Measurements.FlueGasTemperatureC, MissFlue)
                | Need(m, Measurements.AirTemperatureC, MissAir)
                | Need(m, Measurements.FlueGasO2PercentDry, MissO2);
        }

        private static int Need(MeasurementSet m, int code, int bit)
        {
            return m.IsUsable(code) ? 0 : bit;
        }

        private void RunDirect(MeasurementSet m, BoilerResult r)
        {
            PrepareWork();
            FillFuel(m);
            if (plate.Type == BoilerType.Steam)
            {
                work.SteamFlowTph = m.Value(Measurements.SteamFlowTph);
                work.SteamPressureMpaAbs = m.Value(Measurements.SteamPressureMpaAbs);
                work.FeedwaterTemperatureC = m.Value(Measurements.FeedwaterTemperatureC);
                if (m.IsUsable(Measurements.SteamTemperatureC))
                {
                    work.SteamTemperatureC = m.Value(Measurements.SteamTemperatureC);
                }

                SteamDirectResult d = DirectMethod.Steam(work, steamResult);
                r.EfficiencyPercent = d.EfficiencyPercent;
                r.NotesFrom(d, null, null);
            }
            else
            {
                FillHotWater(m);
                HotWaterDirectResult d = DirectMethod.HotWater(work, hotWaterResult);
                r.EfficiencyPercent = d.EfficiencyPercent;
                r.NotesFrom(null, d, null);
                r.LoadPercent = d.UsefulHeatKw / (plate.RatedHeatOutputMw * 1000.0) * 100.0;
            }

            r.Method = BoilerMethod.Direct;
            r.Computable = true;
        }

        private void RunIndirect(MeasurementSet m, BoilerResult r)
        {
            PrepareWork();
            work.FlueGasTemperatureC = m.Value(Measurements.FlueGasTemperatureC);
            work.AirTemperatureC = m.Value(Measurements.AirTemperatureC);
            work.FlueGasO2PercentDry = m.Value(Measurements.FlueGasO2PercentDry);
            if (m.IsUsable(Measurements.FlueGasCoPpm))
            {
                work.FlueGasCoPpm = m.Value(Measurements.FlueGasCoPpm);
            }

            work.FuelLowerHeatingValueKjPerNm3 = plate.FuelLowerHeatingValueKjPerNm3;
            work.FuelLowerHeatingValueKjPerKg = plate.FuelLowerHeatingValueKjPerKg;

            // q5's load: steam flow, or the hot-water output when all three of its instruments are Good; otherwise
            // the engine assumes rated load and says so in q5's note.
            bool hotWaterLoad = false;
            if (plate.Type == BoilerType.Steam)
            {
                if (m.IsUsable(Measurements.SteamFlowTph) && m.Value(Measurements.SteamFlowTph) > 0.0)
                {
                    work.SteamFlowTph = m.Value(Measurements.SteamFlowTph);
                }
            }
            else if (m.IsUsable(Measurements.WaterFlowTph) && m.IsUsable(Measurements.SupplyTemperatureC) && m.IsUsable(Measurements.ReturnTemperatureC))
            {
                FillHotWater(m);
                hotWaterLoad = true;
            }

            IndirectResult ir = IndirectMethod.Calculate(plate.Fuel, work, ratedCapacityTph, gas, indirectResult);
            r.EfficiencyPercent = ir.EfficiencyPercent;
            r.Q2Percent = ir.Q2.Percent;
            r.Q3Percent = ir.Q3.Percent;
            r.Q4Percent = ir.Q4.Percent;
            r.Q5Percent = ir.Q5.Percent;
            r.Q6Percent = ir.Q6.Percent;
            r.ExcessAirRatio = ir.ExcessAirCoefficient;
            r.NotesFrom(null, null, ir);
            if (hotWaterLoad)
            {
                r.LoadPercent = ir.LoadTph / ratedCapacityTph * 100.0;
            }

            r.Method = BoilerMethod.Indirect;
            r.Computable = true;
        }

        private void FillFuel(MeasurementSet m)
        {
            if (plate.Fuel == FuelKind.Electric)
            {
                work.ElectricPowerKw = m.Value(Measurements.ActivePowerKw);
            }
            else if (FuelKinds.IsGaseous(plate.Fuel))
            {
                work.FuelFlowNm3PerH = m.Value(Measurements.FuelFlowNm3PerH);
                work.FuelLowerHeatingValueKjPerNm3 = plate.FuelLowerHeatingValueKjPerNm3;
            }
            else
            {
                work.FuelFlowKgPerH = m.Value(Measurements.FuelFlowKgPerH);
                work.FuelLowerHeatingValueKjPerKg = plate.FuelLowerHeatingValueKjPerKg;
            }
        }

        private void FillHotWater(MeasurementSet m)
        {
            work.WaterFlowTph = m.Value(Measurements.WaterFlowTph);
            work.SupplyTemperatureC = m.Value(Measurements.SupplyTemperatureC);
            work.ReturnTemperatureC = m.Value(Measurements.ReturnTemperatureC);
        }

        private void Judge(BoilerResult r)
        {
            double eff = r.EfficiencyPercent;
            BoilerSpec spec = plate.GradingSpec;
            if (!BoilerGrading.IsGradableEfficiency(spec, eff))
            {
                // Both references refuse this value (e.g. above 100 % on a non-condensing boiler: an instrument or
                // configuration fault). Their refusal text is built only when the note is read.
                r.GbVerdict = null;
                r.PlanVerdict = null;
                r.VerdictRefused(this, eff);
                return;
            }

            // Judged every cycle into the same two verdicts: exact value, margin, grade and pass always match this
            // cycle's efficiency, and nothing is allocated (the Basis sentence is built when read).
            Verdict gb = null;
            Verdict plan = null;
            string note = "";
            try
            {
                gb = BoilerGrading.Grade(spec, eff, EfficiencySource.Measured, gbGrade).Verdict;
            }
            catch (InputException ex)
            {
                note = "GB 24500 not judged: " + ex.Message;
            }

            try
            {
                plan = BoilerPlanGrading.Grade(spec.Fuel, spec.Condensing, eff, EfficiencySource.Measured, planVerdict);
            }
            catch (InputException ex)
            {
                note = (note.Length > 0 ? note + "; " : "") + "plan not judged: " + ex.Message;
            }

            r.GbVerdict = gb;
            r.PlanVerdict = plan;
            r.VerdictNote = note;
        }

        /// <summary>The note for an efficiency the grading refuses: the references' own messages (built on demand).</summary>
        internal string RefusalNote(double efficiencyPercent)
        {
            BoilerSpec spec = plate.GradingSpec;
            string note = "";
            try
            {
                BoilerGrading.Grade(spec, efficiencyPercent, EfficiencySource.Measured);
            }
            catch (InputException ex)
            {
                note = "GB 24500 not judged: " + ex.Message;
            }

            try
            {
                BoilerPlanGrading.Grade(spec.Fuel, spec.Condensing, efficiencyPercent, EfficiencySource.Measured);
            }
            catch (InputException ex)
            {
                note = (note.Length > 0 ? note + "; " : "") + "plan not judged: " + ex.Message;
            }

            return note;
        }

        /// <summary>Stands in for absent laboratory values in <see cref="PrepareWork"/>; never written.</summary>
        private static readonly BoilerMeasurements NoLabValues = new BoilerMeasurements();

        /// <summary>Resets the reused engine input: live fields NaN, laboratory fields from the nameplate.</summary>
        private void PrepareWork()
        {
            BoilerMeasurements w = work;

            // Without laboratory values an untouched all-NaN instance stands in, so each laboratory field is one copy;
            // the live fields share one NaN local (a smaller load than a double constant per field).
            BoilerMeasurements lab = plate.LabValues ?? NoLabValues;
            double none = double.NaN;
            w.SteamFlowTph = none;
            w.SteamPressureMpaAbs = none;
            w.SteamTemperatureC = none;
            w.SteamMoisturePercent = lab.SteamMoisturePercent;
            w.BlowdownFlowTph = lab.BlowdownFlowTph;
            w.FeedwaterTemperatureC = none;
            w.WaterFlowTph = none;
            w.SupplyTemperatureC = none;
            w.ReturnTemperatureC = none;
            w.WaterPressureMpaAbs = lab.WaterPressureMpaAbs;
            w.HeatOutputKw = none;
            w.FuelFlowNm3PerH = none;
            w.FuelFlowKgPerH = none;
            w.FuelLowerHeatingValueKjPerNm3 = none;
            w.FuelLowerHeatingValueKjPerKg = none;
            w.ElectricPowerKw = none;
            w.FlueGasTemperatureC = none;
            w.AirTemperatureC = none;
            w.FlueGasO2PercentDry = none;
            w.FlueGasCoPpm = none;
            w.AshAsReceivedPercent = lab.AshAsReceivedPercent;
            w.CarbonInSlagPercent = lab.CarbonInSlagPercent;
            w.CarbonInFlyAshPercent = lab.CarbonInFlyAshPercent;
            w.CarbonInRiddlingsPercent = lab.CarbonInRiddlingsPercent;
            w.SlagFractionPercent = lab.SlagFractionPercent;
            w.FlyAshFractionPercent = lab.FlyAshFractionPercent;
            w.RiddlingsFractionPercent = lab.RiddlingsFractionPercent;
            w.SlagTemperatureC = lab.SlagTemperatureC;
            w.CarbonAsReceivedPercent = lab.CarbonAsReceivedPercent;
            w.HydrogenAsReceivedPercent = lab.HydrogenAsReceivedPercent;
            w.OxygenAsReceivedPercent = lab.OxygenAsReceivedPercent;
            w.NitrogenAsReceivedPercent = lab.NitrogenAsReceivedPercent;
            w.SulfurAsReceivedPercent = lab.SulfurAsReceivedPercent;
            w.MoistureAsReceivedPercent = lab.MoistureAsReceivedPercent;
        }

        private static void ResetResult(BoilerResult r)
        {
            r.Method = BoilerMethod.NotComputable;
            r.Computable = false;
            double none = double.NaN;
            r.EfficiencyPercent = none;
            r.Q2Percent = none;
            r.Q3Percent = none;
            r.Q4Percent = none;
            r.Q5Percent = none;
            r.Q6Percent = none;
            r.ExcessAirRatio = none;
            r.LoadPercent = none;
            r.NotComputableReason = "";
            r.EngineNotes = "";
            r.GbVerdict = null;
            r.PlanVerdict = null;
            r.VerdictNote = "";
        }

        private string MissingText(int mask)
        {
            if (mask == lastMissingMask)
            {
                return lastMissingText;
            }

            string direct = "";
            if (plate.Method != BoilerMethodPreference.IndirectOnly)
            {
                direct = Add(direct, mask, MissSteamFlow, "steamFlowTph");
                direct = Add(direct, mask, MissSteamPressure, "steamPressureMpaAbs");
                direct = Add(direct, mask, MissSteamTemperature, "steamTemperatureC");
                direct = Add(direct, mask, MissFeedwater, "feedwaterTemperatureC");
                direct = Add(direct, mask, MissWaterFlow, "waterFlowTph");
                direct = Add(direct, mask, MissSupply, "supplyTemperatureC");
                direct = Add(direct, mask, MissReturn, "returnTemperatureC");
                direct = Add(direct, mask, MissFuelFlow, FuelKinds.IsGaseous(plate.Fuel) ? "fuelFlowNm3PerH" : "fuelFlowKgPerH");
                direct = Add(direct, mask, MissElectric, "activePowerKw");
                direct = Add(direct, mask, MissLhv, FuelKinds.IsGaseous(plate.Fuel)
                    ? "fuelLowerHeatingValueKjPerNm3 (configuration)" : "fuelLowerHeatingValueKjPerKg (configuration)");
            }

            string indirect = "";
            bool indirectNotApplicable = false;
            if (plate.Method != BoilerMethodPreference.DirectOnly)
            {
                indirect = Add(indirect, mask, MissFlue, "flueGasTemperatureC");
                indirect = Add(indirect, mask, MissAir, "airTemperatureC");
                indirect = Add(indirect, mask, MissO2, "flueGasO2PercentDry");
                indirectNotApplicable = (mask & MissElectricIndirect) != 0;
            }

            string text = "not computable:";
            if (direct.Length > 0)
            {
                text += " direct method lacks " + direct + (indirect.Length > 0 || indirectNotApplicable ? ";" : "");
            }

            if (indirectNotApplicable)
            {
                text += " the indirect method does not apply to an electric boiler";
            }
            else if (indirect.Length > 0)
            {
                text += " indirect method lacks " + indirect;
            }

            text += " (missing, not Good, or not a number)";
            lastMissingMask = mask;
            lastMissingText = text;
            return text;
        }

        private static string Add(string list, int mask, int bit, string name)
        {
            if ((mask & bit) == 0)
            {
                return list;
            }

            return list.Length == 0 ? name : list + ", " + name;
        }

        private static void RequirePositive(string field, double value, string allowed)
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0.0)
            {
                throw new InputException(field, double.IsNaN(value) ? "missing" : InputException.Format(value), allowed);
            }
        }

        private static void RequirePositiveOrNaN(string field, double value)
        {
            if (!double.IsNaN(value) && (double.IsInfinity(value) || value <= 0.0))
            {
                throw new InputException(field, InputException.Format(value), "an as-received lower heating value above 0, or leave it unset");
            }
        }
    }
}
