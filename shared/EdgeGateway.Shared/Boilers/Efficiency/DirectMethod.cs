using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Steam;
using EdgeGateway.Shared.Units;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>Result of the direct (input–output) method for a steam boiler; enthalpies are shown for explainability.</summary>
    public sealed class SteamDirectResult
    {
        /// <summary>η on the as-received lower heating value, %. Not clamped: condensing boilers can exceed 100 %.</summary>
        public double EfficiencyPercent;

        /// <summary>Heat absorbed by steam and blowdown, kW.</summary>
        public double UsefulHeatKw;

        /// <summary>B·Q_net (or electric input), kW.</summary>
        public double FuelHeatInputKw;

        /// <summary>h of the delivered steam, kJ/kg (IF97; wet steam h″ − w·r/100).</summary>
        public double SteamEnthalpyKjPerKg;

        /// <summary>h of the feedwater at feedwater temperature and steam pressure, kJ/kg (IF97 region 1).</summary>
        public double FeedwaterEnthalpyKjPerKg;

        /// <summary>h′ at steam pressure, kJ/kg, or NaN when there is no blowdown.</summary>
        public double BlowdownEnthalpyKjPerKg = double.NaN;

        /// <summary>Saturation temperature at the steam pressure, °C.</summary>
        public double SaturationTemperatureC;

        /// <summary>"superheated", "saturated" or "wet".</summary>
        public string SteamState = "";

        /// <summary>Which inputs gave the heat input ("fuelFlowNm3PerH × fuelLowerHeatingValueKjPerNm3", ...).</summary>
        public string HeatInputRoute = "";

        /// <summary>The formula applied, with its confidence mark.</summary>
        public string Formula = "";

        /// <summary>Assumptions and warnings, one sentence each; empty when none. Built when first read: the engine
        /// records which notes apply and their values, so a reused result costs no text per calculation.</summary>
        public string Notes
        {
            get
            {
                if (noteFlags != 0)
                {
                    string text = "";
                    if ((noteFlags & NoteSaturatedAtTemperature) != 0)
                    {
                        text = DirectMethod.Append(text, "steamTemperatureC " + noteSteamC.ToString("F1")
                            + " °C is at saturation (" + noteSaturationC.ToString("F1") + " °C): dry saturated steam assumed.");
                    }

                    if ((noteFlags & NoteOverHundred) != 0)
                    {
                        text = DirectMethod.Append(text, DirectMethod.OverHundredText);
                    }

                    notes = text;
                    noteFlags = 0;
                }

                return notes;
            }

            set
            {
                notes = value;
                noteFlags = 0;
            }
        }

        internal const int NoteSaturatedAtTemperature = 1;
        internal const int NoteOverHundred = 2;

        private string notes = "";
        private int noteFlags;
        private double noteSteamC;
        private double noteSaturationC;

        /// <summary>Records the notes that apply (rendered by <see cref="Notes"/> on first read).</summary>
        internal void SetNotes(int flags, double steamC, double saturationC)
        {
            notes = "";
            noteFlags = flags;
            noteSteamC = steamC;
            noteSaturationC = saturationC;
        }

        /// <summary>Back to the state of a new result (a reused result must not keep values of the last call).</summary>
        internal void Reset()
        {
            EfficiencyPercent = 0.0;
            UsefulHeatKw = 0.0;
            FuelHeatInputKw = 0.0;
            SteamEnthalpyKjPerKg = 0.0;
            FeedwaterEnthalpyKjPerKg = 0.0;
            BlowdownEnthalpyKjPerKg = double.NaN;
            SaturationTemperatureC = 0.0;
            SteamState = "";
            HeatInputRoute = "";
            Formula = "";
            SetNotes(0, 0.0, 0.0);
        }
    }

    /// <summary>Result of the direct method for a hot-water boiler.</summary>
    public sealed class HotWaterDirectResult
    {
        public double EfficiencyPercent;

        public double UsefulHeatKw;

        public double FuelHeatInputKw;

        /// <summary>h of the supply (outlet) water, kJ/kg, or NaN when the heat meter output was used.</summary>
        public double SupplyEnthalpyKjPerKg = double.NaN;

        /// <summary>h of the return (inlet) water, kJ/kg, or NaN when the heat meter output was used.</summary>
        public double ReturnEnthalpyKjPerKg = double.NaN;

        /// <summary>Water pressure used for the enthalpies, MPa abs (NaN when the heat meter output was used).</summary>
        public double WaterPressureMpaAbs = double.NaN;

        /// <summary>"waterFlowTph × (h_supply − h_return)" or "heatOutputKw".</summary>
        public string UsefulHeatRoute = "";

        public string HeatInputRoute = "";

        public string Formula = "";

        /// <summary>Assumptions and warnings, one sentence each; empty when none (built when first read).</summary>
        public string Notes
        {
            get
            {
                if (noteFlags != 0)
                {
                    string text = "";
                    if ((noteFlags & NotePressureAssumed) != 0)
                    {
                        text = DirectMethod.Append(text, PressureAssumedText);
                    }

                    if ((noteFlags & NoteHeatOutputIgnored) != 0)
                    {
                        text = DirectMethod.Append(text, HeatOutputIgnoredText);
                    }

                    if ((noteFlags & NoteOverHundred) != 0)
                    {
                        text = DirectMethod.Append(text, DirectMethod.OverHundredText);
                    }

                    notes = text;
                    noteFlags = 0;
                }

                return notes;
            }

            set
            {
                notes = value;
                noteFlags = 0;
            }
        }

        internal const int NotePressureAssumed = 1;
        internal const int NoteHeatOutputIgnored = 2;
        internal const int NoteOverHundred = 4;
        private const string PressureAssumedText = "waterPressureMpaAbs not given: 1.0 MPa abs assumed (liquid enthalpy changes about 1 kJ/kg per MPa).";
        private const string HeatOutputIgnoredText = "heatOutputKw ignored: flow and temperatures were given and take precedence.";

        private string notes = "";
        private int noteFlags;

        /// <summary>Records the notes that apply (rendered by <see cref="Notes"/> on first read).</summary>
        internal void SetNotes(int flags)
        {
            notes = "";
            noteFlags = flags;
        }

        /// <summary>Back to the state of a new result.</summary>
        internal void Reset()
        {
            EfficiencyPercent = 0.0;
            UsefulHeatKw = 0.0;
            FuelHeatInputKw = 0.0;
            SupplyEnthalpyKjPerKg = double.NaN;
            ReturnEnthalpyKjPerKg = double.NaN;
            WaterPressureMpaAbs = double.NaN;
            UsefulHeatRoute = "";
            HeatInputRoute = "";
            Formula = "";
            SetNotes(0);
        }
    }

    /// <summary>
    /// Direct (input–output) boiler efficiency [M]: η = useful heat / (B·Q_net) × 100 on the as-received lower heating
    /// value (Chinese practice), enthalpies from IAPWS-IF97. The standards' shell-boiler guidance (EN 12953-11) prefers
    /// the heat-loss method because the direct method's measuring error is 3–4 times larger.
    /// </summary>
    public static class DirectMethod
    {
        /// <summary>Hot-water pressure used when waterPressureMpaAbs is not given, MPa abs (the enthalpy barely depends on it).</summary>
        public const double DefaultWaterPressureMpaAbs = 1.0;

        private const double SecondsPerHour = 3600.0;
        private const double KgPerTonne = 1000.0;

        // Heat-input and useful-heat routes (the result's HeatInputRoute / UsefulHeatRoute texts).
        internal const string GasRoute = "fuelFlowNm3PerH × fuelLowerHeatingValueKjPerNm3";
        internal const string MassRoute = "fuelFlowKgPerH × fuelLowerHeatingValueKjPerKg";
        internal const string ElectricRoute = "electricPowerKw";
        internal const string HeatMeterRoute = "heatOutputKw";
        internal const string WaterFlowRoute = "waterFlowTph × (h_supply − h_return)";

        /// <summary>
        /// Steam boiler: η = [D·(h_steam − h_fw) + D_bd·(h′ − h_fw)] / (B·Q_net) × 100 [M].
        /// Needs steamFlowTph, steamPressureMpaAbs, feedwaterTemperatureC and one heat input (gas flow + LHV per Nm³,
        /// fuel mass flow + LHV per kg, or electricPowerKw). steamTemperatureC NaN = saturated steam, optionally with
        /// steamMoisturePercent; blowdownFlowTph optional.
        /// </summary>
        public static SteamDirectResult Steam(BoilerMeasurements m)
        {
            return Steam(m, new SteamDirectResult());
        }

        /// <summary>
        /// <see cref="Steam(BoilerMeasurements)"/> into a caller-owned result (reset first; null = a new one), for
        /// polling loops: allocation-free, the notes are rendered when <see cref="SteamDirectResult.Notes"/> is read.
        /// Same values and exceptions as the allocating overload; after an exception the result's contents are
        /// unspecified. Returns <paramref name="result"/>.
        /// </summary>
        public static SteamDirectResult Steam(BoilerMeasurements m, SteamDirectResult result)
        {
            return SteamCore(Plausibility.UnknownFuel, m, double.NaN, -1, result);
        }

        /// <summary>
        /// <see cref="Steam(BoilerMeasurements, SteamDirectResult)"/> with the nameplate facts the plausibility checks
        /// need: the heating value must lie in <paramref name="fuel"/>'s typical range (kJ/Nm³ or kJ/kg, [M]),
        /// steamFlowTph at most 1.3 × <paramref name="ratedCapacityTph"/> (NaN = not known: no check), and the
        /// efficiency at most 110 % (non-condensing) or 120 % (condensing). Each refusal names the input to check.
        /// </summary>
        public static SteamDirectResult Steam(FuelKind fuel, BoilerMeasurements m, double ratedCapacityTph, bool condensing,
            SteamDirectResult result)
        {
            return SteamCore(fuel, m, RatedCapacity(ratedCapacityTph), condensing ? 1 : 0, result);
        }

        private static SteamDirectResult SteamCore(FuelKind fuel, BoilerMeasurements m, double ratedCapacityTph, int condensing,
            SteamDirectResult result)
        {
            RequireMeasurements(m);
            SteamDirectResult r = result != null ? result : new SteamDirectResult();
            r.Reset();
            const string why = "for the direct method of a steam boiler";
            double steamFlowTph = Check.RequiredNonNegative("steamFlowTph", m.SteamFlowTph, "t/h", why);
            Plausibility.Load("steamFlowTph", steamFlowTph, steamFlowTph, ratedCapacityTph);
            double pressure = Check.RequiredPositive("steamPressureMpaAbs", m.SteamPressureMpaAbs, "MPa abs", why);
            if (pressure < If97.MinSaturationPressureMpa || pressure > If97.Region1SaturationLimitMpa)
            {
                throw new InputException(Check.Prefix + "steamPressureMpaAbs", Check.Text(pressure),
                    "absolute pressure from 0.000612 to 16.529 MPa (IF97 saturation range implemented); a gauge reading needs the barometric pressure added");
            }

            double saturationK = If97.SaturationTemperatureK(pressure);
            double saturationC = Temperature.KelvinToCelsius(saturationK);
            r.SaturationTemperatureC = saturationC;
            double moisture = m.SteamMoisturePercent;
            if (Check.IsGiven(moisture) && (double.IsInfinity(moisture) || moisture < 0.0 || moisture >= 100.0))
            {
                throw new InputException(Check.Prefix + "steamMoisturePercent", Check.Text(moisture),
                    "moisture of saturated steam from 0 to below 100 mass % (usually below 5 %)");
            }

            int notes = 0;
            double noteSteamC = double.NaN;
            if (Check.IsGiven(m.SteamTemperatureC))
            {
                double steamC = m.SteamTemperatureC;
                if (double.IsInfinity(steamC) || steamC < saturationC - 1.0)
                {
                    throw new InputException(Check.Prefix + "steamTemperatureC", Check.Text(steamC),
                        "steam at " + InputException.Format(pressure) + " MPa abs cannot be below its saturation temperature "
                        + saturationC.ToString("F1") + " °C; leave steamTemperatureC out for saturated steam, or check the pressure is absolute");
                }

                if (Check.IsGiven(moisture) && moisture > 0.0)
                {
                    throw new InputException(Check.Prefix + "steamMoisturePercent", Check.Text(moisture),
                        "superheated steam carries no moisture: give either steamTemperatureC (superheated) or steamMoisturePercent (saturated), not both");
                }

                if (steamC <= saturationC)
                {
                    // Within 1 K of saturation a thermometer cannot tell superheat: treat as dry saturated.
                    r.SteamEnthalpyKjPerKg = If97.SaturatedVaporEnthalpyKjPerKg(pressure);
                    r.SteamState = "saturated";
                    notes |= SteamDirectResult.NoteSaturatedAtTemperature;
                    noteSteamC = steamC;
                }
                else
                {
                    r.SteamEnthalpyKjPerKg = SteamEnthalpy(pressure, steamC);
                    r.SteamState = "superheated";
                }
            }
            else
            {
                double w = Check.IsGiven(moisture) ? moisture : 0.0;
                // Wet saturated steam: h = h″ − w·r/100 [M].
                r.SteamEnthalpyKjPerKg = If97.SaturatedVaporEnthalpyKjPerKg(pressure)
                    - w * If97.LatentHeatKjPerKg(pressure) / 100.0;
                r.SteamState = w > 0.0 ? "wet" : "saturated";
            }

            double feedwaterC = Check.RequiredTemperatureC("feedwaterTemperatureC", m.FeedwaterTemperatureC, 0.0,
                saturationC, why + " (liquid feedwater: 0 °C up to the saturation temperature at steam pressure)");
            // Feedwater enthalpy at steam pressure: the feed pump delivers at least drum pressure; the pressure effect on
            // liquid enthalpy is about 1 kJ/kg per MPa, far below the method's uncertainty.
            r.FeedwaterEnthalpyKjPerKg = If97.EnthalpyKjPerKg(pressure, Temperature.CelsiusToKelvin(feedwaterC));
            double blowdownTph = Check.OptionalNonNegative("blowdownFlowTph", m.BlowdownFlowTph, "t/h");
            double blowdownKw = 0.0;
            if (blowdownTph > 0.0)
            {
                r.BlowdownEnthalpyKjPerKg = If97.SaturatedLiquidEnthalpyKjPerKg(pressure);
                blowdownKw = blowdownTph * KgPerTonne / SecondsPerHour
                    * (r.BlowdownEnthalpyKjPerKg - r.FeedwaterEnthalpyKjPerKg);
            }

            double steamKw = steamFlowTph * KgPerTonne / SecondsPerHour
                * (r.SteamEnthalpyKjPerKg - r.FeedwaterEnthalpyKjPerKg);
            r.UsefulHeatKw = steamKw + blowdownKw;
            string route;
            r.FuelHeatInputKw = HeatInputKw(fuel, m, out route);
            r.HeatInputRoute = route;
            r.EfficiencyPercent = 100.0 * r.UsefulHeatKw / r.FuelHeatInputKw;
            Plausibility.Efficiency(r.EfficiencyPercent, r.FuelHeatInputKw, route, "steamFlowTph", condensing);
            r.Formula = "η = [D·(h_steam − h_fw) + D_bd·(h′ − h_fw)] / (B·Q_net) × 100; h from IAPWS-IF97; Q_net = as-received lower heating value [M]";
            if (r.EfficiencyPercent > 100.0)
            {
                notes |= SteamDirectResult.NoteOverHundred;
            }

            r.SetNotes(notes, noteSteamC, saturationC);
            return r;
        }

        /// <summary>
        /// Hot-water boiler: η = G·(h_supply − h_return) / (B·Q_net) × 100 [M], h from IF97 at waterPressureMpaAbs
        /// (default 1.0 MPa abs). When waterFlowTph is not given, heatOutputKw (a heat meter) is the useful heat.
        /// </summary>
        public static HotWaterDirectResult HotWater(BoilerMeasurements m)
        {
            return HotWater(m, new HotWaterDirectResult());
        }

        /// <summary>
        /// <see cref="HotWater(BoilerMeasurements)"/> into a caller-owned result (reset first; null = a new one):
        /// allocation-free, notes rendered when read. Returns <paramref name="result"/>.
        /// </summary>
        public static HotWaterDirectResult HotWater(BoilerMeasurements m, HotWaterDirectResult result)
        {
            return HotWaterCore(Plausibility.UnknownFuel, m, double.NaN, -1, result);
        }

        /// <summary>
        /// <see cref="HotWater(BoilerMeasurements, HotWaterDirectResult)"/> with the nameplate facts the plausibility
        /// checks need: the heating value in <paramref name="fuel"/>'s typical range [M], the heat output at most
        /// 1.3 × the rated output (<paramref name="ratedCapacityTph"/> = rated MW ÷ 0.7, as for q5; NaN = not known),
        /// and the efficiency at most 110 % (non-condensing) or 120 % (condensing).
        /// </summary>
        public static HotWaterDirectResult HotWater(FuelKind fuel, BoilerMeasurements m, double ratedCapacityTph,
            bool condensing, HotWaterDirectResult result)
        {
            return HotWaterCore(fuel, m, RatedCapacity(ratedCapacityTph), condensing ? 1 : 0, result);
        }

        private static HotWaterDirectResult HotWaterCore(FuelKind fuel, BoilerMeasurements m, double ratedCapacityTph,
            int condensing, HotWaterDirectResult result)
        {
            RequireMeasurements(m);
            HotWaterDirectResult r = result != null ? result : new HotWaterDirectResult();
            r.Reset();
            int notes = HotWaterUsefulHeat(m, r);
            HotWaterLoad(m, r, ratedCapacityTph);
            string route;
            r.FuelHeatInputKw = HeatInputKw(fuel, m, out route);
            r.HeatInputRoute = route;
            r.EfficiencyPercent = 100.0 * r.UsefulHeatKw / r.FuelHeatInputKw;
            Plausibility.Efficiency(r.EfficiencyPercent, r.FuelHeatInputKw, route,
                r.UsefulHeatRoute == WaterFlowRoute ? "waterFlowTph" : "heatOutputKw", condensing);
            r.Formula = "η = G·(h_supply − h_return) / (B·Q_net) × 100; h from IAPWS-IF97; Q_net = as-received lower heating value [M]";
            if (r.EfficiencyPercent > 100.0)
            {
                notes |= HotWaterDirectResult.NoteOverHundred;
            }

            r.SetNotes(notes);
            return r;
        }

        /// <summary>Refuses a hot-water output above 1.3 × rated (t/h at 0.7 MW per t/h), naming its flow or meter field.</summary>
        internal static void HotWaterLoad(BoilerMeasurements m, HotWaterDirectResult r, double ratedCapacityTph)
        {
            bool meter = r.UsefulHeatRoute == HeatMeterRoute;
            Plausibility.Load(meter ? "heatOutputKw" : "waterFlowTph", meter ? m.HeatOutputKw : m.WaterFlowTph,
                r.UsefulHeatKw / 1000.0 / IndirectMethod.HotWaterMwPerTph, ratedCapacityTph);
        }

        /// <summary>Fills the useful-heat part of <paramref name="r"/> (flow route or heat meter); returns the note flags.</summary>
        internal static int HotWaterUsefulHeat(BoilerMeasurements m, HotWaterDirectResult r)
        {
            int notes = 0;
            const string why = "for the direct method of a hot-water boiler";
            bool flowRoute = Check.IsGiven(m.WaterFlowTph) || Check.IsGiven(m.SupplyTemperatureC)
                || Check.IsGiven(m.ReturnTemperatureC);
            if (flowRoute)
            {
                double flowTph = Check.RequiredNonNegative("waterFlowTph", m.WaterFlowTph, "t/h",
                    why + " (or give heatOutputKw alone)");
                double pressure = DefaultWaterPressureMpaAbs;
                if (Check.IsGiven(m.WaterPressureMpaAbs))
                {
                    pressure = Check.RequiredPositive("waterPressureMpaAbs", m.WaterPressureMpaAbs, "MPa abs", why);
                    if (pressure < If97.MinSaturationPressureMpa || pressure > If97.Region1SaturationLimitMpa)
                    {
                        throw new InputException(Check.Prefix + "waterPressureMpaAbs", Check.Text(pressure),
                            "absolute pressure from 0.000612 to 16.529 MPa");
                    }
                }
                else
                {
                    notes |= HotWaterDirectResult.NotePressureAssumed;
                }

                double saturationC = Temperature.KelvinToCelsius(If97.SaturationTemperatureK(pressure));
                double supplyC = WaterTemperatureC("supplyTemperatureC", m.SupplyTemperatureC, saturationC, pressure, why);
                double returnC = WaterTemperatureC("returnTemperatureC", m.ReturnTemperatureC, saturationC, pressure, why);
                if (supplyC < returnC)
                {
                    throw new InputException(Check.Prefix + "supplyTemperatureC", Check.Text(supplyC),
                        "must not be below returnTemperatureC = " + InputException.Format(returnC)
                        + " °C; check the sensors are not swapped");
                }

                r.WaterPressureMpaAbs = pressure;
                r.SupplyEnthalpyKjPerKg = If97.EnthalpyKjPerKg(pressure, Temperature.CelsiusToKelvin(supplyC));
                r.ReturnEnthalpyKjPerKg = If97.EnthalpyKjPerKg(pressure, Temperature.CelsiusToKelvin(returnC));
                r.UsefulHeatKw = flowTph * KgPerTonne / SecondsPerHour
                    * (r.SupplyEnthalpyKjPerKg - r.ReturnEnthalpyKjPerKg);
                r.UsefulHeatRoute = WaterFlowRoute;
                if (Check.IsGiven(m.HeatOutputKw))
                {
                    notes |= HotWaterDirectResult.NoteHeatOutputIgnored;
                }
            }
            else
            {
                r.UsefulHeatKw = Check.RequiredNonNegative("heatOutputKw", m.HeatOutputKw, "kW",
                    why + ": give waterFlowTph, supplyTemperatureC and returnTemperatureC, or a heat meter's heatOutputKw");
                r.UsefulHeatRoute = HeatMeterRoute;
            }

            return notes;
        }

        /// <summary>
        /// B·Q_net in kW from exactly one complete route: gas (Nm³/h × kJ/Nm³), mass (kg/h × kJ/kg) or electric (kW).
        /// </summary>
        public static double HeatInputKw(BoilerMeasurements m, out string route)
        {
            return HeatInputKw(Plausibility.UnknownFuel, m, out route);
        }

        /// <summary>
        /// <see cref="HeatInputKw(BoilerMeasurements, out string)"/> with the heating value checked against
        /// <paramref name="fuel"/>'s typical range [M] (the any-gas / any-fuel-by-mass range when the fuel has no row for
        /// the unit given).
        /// </summary>
        public static double HeatInputKw(FuelKind fuel, BoilerMeasurements m, out string route)
        {
            RequireMeasurements(m);
            int routes = (Check.IsGiven(m.FuelFlowNm3PerH) ? 1 : 0) + (Check.IsGiven(m.FuelFlowKgPerH) ? 1 : 0)
                + (Check.IsGiven(m.ElectricPowerKw) ? 1 : 0);
            if (routes == 0)
            {
                throw new InputException(Check.Prefix + "fuelFlowNm3PerH", "missing",
                    "the heat input is required: give fuelFlowNm3PerH with fuelLowerHeatingValueKjPerNm3 (gas), fuelFlowKgPerH with fuelLowerHeatingValueKjPerKg (oil, coal, biomass) or electricPowerKw (electric boiler)");
            }

            if (routes > 1)
            {
                string field = Check.IsGiven(m.FuelFlowNm3PerH) && Check.IsGiven(m.FuelFlowKgPerH)
                    ? "fuelFlowKgPerH"
                    : "electricPowerKw";
                throw new InputException(Check.Prefix + field, "given together with another heat input",
                    "give exactly one of fuelFlowNm3PerH, fuelFlowKgPerH, electricPowerKw");
            }

            const string why = "for the heat input";
            if (Check.IsGiven(m.FuelFlowNm3PerH))
            {
                double flow = PositiveFlow("fuelFlowNm3PerH", m.FuelFlowNm3PerH, "Nm³/h");
                double lhv = HeatingValue("fuelLowerHeatingValueKjPerNm3", m.FuelLowerHeatingValueKjPerNm3,
                    "kJ/Nm³", why + " with fuelFlowNm3PerH", fuel);
                route = GasRoute;
                return flow * lhv / SecondsPerHour;
            }

            if (Check.IsGiven(m.FuelFlowKgPerH))
            {
                double flow = PositiveFlow("fuelFlowKgPerH", m.FuelFlowKgPerH, "kg/h");
                double lhv = HeatingValue("fuelLowerHeatingValueKjPerKg", m.FuelLowerHeatingValueKjPerKg, "kJ/kg",
                    why + " with fuelFlowKgPerH", fuel);
                route = MassRoute;
                return flow * lhv / SecondsPerHour;
            }

            route = ElectricRoute;
            return PositiveFlow("electricPowerKw", m.ElectricPowerKw, "kW");
        }

        /// <summary>A liquid-water temperature from 0 °C to saturation; the "required" message names the range.</summary>
        private static double WaterTemperatureC(string jsonName, double value, double saturationC, double pressure, string why)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                // Only the message of a missing value shows this text: build it only then (the check is per cycle).
                why = why + " (liquid water: 0 °C to the saturation temperature " + saturationC.ToString("F1")
                    + " °C at " + InputException.Format(pressure) + " MPa abs)";
            }

            return Check.RequiredTemperatureC(jsonName, value, 0.0, saturationC, why);
        }

        /// <summary>A required heating value above 0, then in <paramref name="fuel"/>'s typical range (Plausibility).</summary>
        internal static double HeatingValue(string jsonName, double value, string unit, string why, FuelKind fuel)
        {
            Check.Required(jsonName, value, why);
            if (value <= 0.0)
            {
                throw new InputException(Check.Prefix + jsonName, Check.Text(value),
                    "the as-received lower heating value must be greater than 0 " + unit);
            }

            return Plausibility.HeatingValue(jsonName, value, jsonName == "fuelLowerHeatingValueKjPerNm3", fuel);
        }

        /// <summary>A rated capacity for the plausibility checks: NaN (not known) passes; else above 0 and at most 1000 t/h.</summary>
        private static double RatedCapacity(double ratedCapacityTph)
        {
            return double.IsNaN(ratedCapacityTph) ? ratedCapacityTph : Plausibility.RatedCapacityTph(ratedCapacityTph);
        }

        internal static void RequireMeasurements(BoilerMeasurements m)
        {
            if (m == null)
            {
                throw new InputException("measurements", "missing", "a measurements object is required");
            }
        }

        internal static string Append(string notes, string sentence)
        {
            if (sentence.Length == 0)
            {
                return notes;
            }

            return notes.Length == 0 ? sentence : notes + " " + sentence;
        }

        private static double PositiveFlow(string jsonName, double value, string unit)
        {
            Check.RequiredNonNegative(jsonName, value, unit, "for the heat input");
            if (value == 0.0)
            {
                throw new InputException(Check.Prefix + jsonName, "0",
                    "must be greater than 0 " + unit + ": efficiency is undefined while the boiler is not firing");
            }

            return value;
        }

        private static double SteamEnthalpy(double pressureMpaAbs, double steamC)
        {
            try
            {
                return If97.EnthalpyKjPerKg(pressureMpaAbs, Temperature.CelsiusToKelvin(steamC));
            }
            catch (InputException e)
            {
                // Re-name the field: the user gave steamTemperatureC, not IF97's temperatureK.
                throw new InputException(Check.Prefix + "steamTemperatureC", Check.Text(steamC),
                    "outside IAPWS-IF97 regions 1–2 as implemented (" + e.Allowed + ")");
            }
        }

        internal const string OverHundredText = "Efficiency above 100 % on the lower heating value is possible only for a condensing boiler; otherwise check the fuel flow, heating value and steam/water flow.";
    }
}
