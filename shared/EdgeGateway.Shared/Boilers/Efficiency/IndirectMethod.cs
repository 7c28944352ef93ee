using System;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>
    /// Indirect (heat-loss) efficiency η = 100 − (q2 + q3 + q4 + q5 + q6), all % of the as-received lower heating value.
    /// EN 12953-11 recommends this method for shell boilers: its measuring error is 3–4 times smaller than the direct
    /// method's [V]. Feed it steady-state averages (see SteadyState.SteadyStateDetector).
    /// </summary>
    public static class IndirectMethod
    {
        /// <summary>
        /// Heating value of carbon used in q4, kJ/kg (the textbook value; GB/T 10184-2015 reportedly uses 33 727 kJ/kg,
        /// which gives a q4 2.6 % larger) [M].
        /// </summary>
        public const double CarbonHeatingValueKjPerKg = 32866.0;

        /// <summary>Heating value of CO used in q3, kJ/Nm³ (126.36 per vol % of CO) [M].</summary>
        public const double CoHeatingValueKjPerNm3 = 12636.0;

        /// <summary>
        /// Hot-water boiler output per t/h of steam-equivalent capacity, MW (0.7 MW ↔ 1 t/h, the pairing 14 MW ↔ 20 t/h,
        /// 7 MW ↔ 10 t/h used by GB 24500-2020's capacity columns [3P]). Used to put hot-water boilers into q5's t/h formula.
        /// </summary>
        public const double HotWaterMwPerTph = 0.7;

        private const string Q2SiegertFormula = "q2 = (t_flue − t_air)·(A/(21 − O₂) + B)";
        private const string Q2BalanceFormula = "q2 = (I_flue − α·I⁰_air)·(100 − q4)/Q_net, I_flue = V_RO₂·(cθ)_RO₂ + V⁰_N₂·(cθ)_N₂ + V⁰_H₂O·(cθ)_H₂O + (α − 1)·V⁰·(cθ)_air at t_flue, I⁰_air = V⁰·(cθ)_air at t_air";
        private const string Q3Formula = "q3 = V_dry·(126.36·CO + 107.98·H₂ + 358.18·CH₄)·(100 − q4)/Q_net, vol % dry; V_dry = V_RO₂ + V⁰_N₂ + (α − 1)·V⁰";
        private const string Q4Formula = "q4 = 328.66·A_ar/Q_net·Σ a_i·C_i/(100 − C_i) over slag, fly ash, riddlings (carbon 32 866 kJ/kg)";
        /// <summary>
        /// q5 at rated load = <see cref="Q5RatedCoefficient"/>·D_rated^<see cref="Q5RatedExponent"/>, D_rated in t/h
        /// [M, unverified]: the fallback formula attributed to GB/T 10184-1988 in the project's standards notes; the
        /// GB/T 10180 table of q5 against rated capacity was not found. Scaled at part load by D_rated/D.
        /// </summary>
        public const double Q5RatedCoefficient = 5.82;

        /// <summary>Exponent of the q5 fallback formula (see <see cref="Q5RatedCoefficient"/>) [M, unverified].</summary>
        public const double Q5RatedExponent = -0.38;

        /// <summary>Where the q5 formula comes from, as shown in the loss term.</summary>
        public const string Q5Source = "fallback formula from GB/T 10184-1988; the GB/T 10180 table against rated capacity was not found";

        private const string Q5Formula = "q5 = 5.82·D_rated^−0.38 · D_rated/D (D in t/h)";
        private const string Q6Formula = "q6 = A_ar·Σ a_i·(cθ)_i/((100 − C_i)·Q_net), a_i in % (slag at slagTemperatureC, fly ash at t_flue)";
        private const string TextbookSource = "boiler heat-balance method (Chinese boiler textbooks, cf. GB/T 10184) [M]";

        /// <summary>Converts a hot-water boiler's rated output to the t/h the q5 formula needs (÷ 0.7 MW per t/h).</summary>
        public static double RatedCapacityTphFromMw(double ratedOutputMw)
        {
            if (double.IsNaN(ratedOutputMw) || double.IsInfinity(ratedOutputMw) || ratedOutputMw <= 0.0)
            {
                throw new InputException("ratedOutputMw", Check.Text(ratedOutputMw), "rated output must be greater than 0 MW");
            }

            Plausibility.RatedCapacity("ratedOutputMw", ratedOutputMw, true);

            return ratedOutputMw / HotWaterMwPerTph;
        }

        /// <summary>Heat-loss method with the typical composition for gases and oil (see GasComposition/UltimateAnalysis).</summary>
        /// <param name="fuel">any fuel except electric</param>
        /// <param name="m">steady-state averages; see the remarks of each loss for the fields it needs</param>
        /// <param name="ratedCapacityTph">rated evaporation (steam) or rated output ÷ 0.7 MW per t/h (hot water), for q5</param>
        public static IndirectResult Calculate(FuelKind fuel, BoilerMeasurements m, double ratedCapacityTph)
        {
            return Calculate(fuel, m, ratedCapacityTph, null);
        }

        /// <summary>
        /// Heat-loss method. Fields needed: flueGasTemperatureC, airTemperatureC, flueGasO2PercentDry (all fuels);
        /// flueGasCoPpm optional (q3 = 0 and said so when absent); for q3 with CO, and for coal/biomass always, the LHV
        /// (per Nm³ for gases, per kg otherwise); coal/biomass also the ultimate analysis, ash split and carbon in
        /// residues, and slagTemperatureC when slag is present; steamFlowTph or the hot-water output for q5's load.
        /// </summary>
        /// <param name="gasComposition">the site's gas analysis for gaseous fuels; null = the typical composition [M]</param>
        public static IndirectResult Calculate(FuelKind fuel, BoilerMeasurements m, double ratedCapacityTph,
            GasComposition gasComposition)
        {
            return Calculate(fuel, m, ratedCapacityTph, gasComposition, new IndirectResult());
        }

        /// <summary>
        /// <see cref="Calculate(FuelKind, BoilerMeasurements, double, GasComposition)"/> into a caller-owned result
        /// (reset first; its loss terms are refilled in place; null = a new one), for polling loops: allocation-free
        /// once the result has been used, the explanatory texts (notes, α formula, loss-term notes) are built when
        /// read. Same values and exceptions as the allocating overload; after an exception the result's contents are
        /// unspecified. Returns <paramref name="result"/>.
        /// </summary>
        public static IndirectResult Calculate(FuelKind fuel, BoilerMeasurements m, double ratedCapacityTph,
            GasComposition gasComposition, IndirectResult result)
        {
            DirectMethod.RequireMeasurements(m);
            if (fuel == FuelKind.Electric)
            {
                throw new InputException("fuel", "electric",
                    "the heat-loss method needs combustion and flue gas; use the direct method for electric boilers");
            }

            Plausibility.RatedCapacityTph(ratedCapacityTph);

            IndirectResult r = result != null ? result : new IndirectResult();
            r.Reset();
            r.Fuel = fuel;
            r.RatedCapacityTph = ratedCapacityTph;
            if (r.ScratchVolumes == null)
            {
                r.ScratchVolumes = new CombustionVolumes(0.0, 0.0, 0.0, 0.0, "");
            }

            // --- flue gas state ---
            double airC = Check.RequiredTemperatureC("airTemperatureC", m.AirTemperatureC, GasEnthalpyTable.MinTemperatureC,
                100.0, "for the flue-gas loss q2");
            double flueC = Check.RequiredTemperatureC("flueGasTemperatureC", m.FlueGasTemperatureC,
                GasEnthalpyTable.MinTemperatureC, GasEnthalpyTable.MaxTemperatureC, "for the flue-gas loss q2");
            if (flueC < airC)
            {
                throw new InputException(Check.Prefix + "flueGasTemperatureC", Check.Text(flueC),
                    "must not be below airTemperatureC = " + InputException.Format(airC)
                    + " °C; check the sensors are not swapped and the probe sits after the last heating surface");
            }

            double o2 = Check.FlueO2Dry(m.FlueGasO2PercentDry);
            bool coMeasured = Check.IsGiven(m.FlueGasCoPpm);
            double coPercent = FlueGas.CoPercent(m.FlueGasCoPpm);

            // --- composition → combustion volumes ---
            CombustionVolumes volumes;
            UltimateAnalysis analysis = null;
            if (FuelKinds.IsGaseous(fuel))
            {
                GasComposition gas = gasComposition;
                if (gas == null)
                {
                    if (r.ScratchGas == null)
                    {
                        r.ScratchGas = new GasComposition();
                    }

                    gas = fuel == FuelKind.NaturalGas ? GasComposition.TypicalNaturalGas(r.ScratchGas)
                        : fuel == FuelKind.Lpg ? GasComposition.TypicalLpg(r.ScratchGas)
                        : GasComposition.TypicalCokeOvenGas(r.ScratchGas);
                }

                gas.Validate("fuelComposition");
                volumes = gas.Volumes(r.ScratchVolumes);
                r.CompositionSource = gas.Source;
                r.CompositionConfidence = gas.Confidence;
            }
            else
            {
                if (r.ScratchAnalysis == null)
                {
                    r.ScratchAnalysis = new UltimateAnalysis();
                }

                if (fuel == FuelKind.Oil && !Check.IsGiven(m.CarbonAsReceivedPercent))
                {
                    analysis = UltimateAnalysis.TypicalLightOil(r.ScratchAnalysis);
                }
                else
                {
                    analysis = AnalysisFromMeasurements(m, fuel, r.ScratchAnalysis);
                }

                analysis.Validate(Check.Prefix);
                volumes = analysis.Volumes(r.ScratchVolumes);
                r.CompositionSource = analysis.Source;
                r.CompositionConfidence = analysis.Confidence;
                r.MendeleevLowerHeatingValueKjPerKg = analysis.MendeleevLowerHeatingValueKjPerKg();
            }

            r.FlueGasVolumeBasis = volumes.Basis;

            // --- excess air ---
            if (coPercent > 0.0)
            {
                r.Ro2PercentDryEstimated = FlueGas.EstimateRo2PercentDry(o2, m.FlueGasCoPpm, volumes.Ro2MaxPercent);
                r.ExcessAirCoefficient = FlueGas.ExcessAirFromO2AndCo(o2, m.FlueGasCoPpm, r.Ro2PercentDryEstimated);
                r.SetExcessAirFormulaWithCo(volumes.Ro2MaxPercent);
            }
            else
            {
                r.ExcessAirCoefficient = 21.0 / (21.0 - o2);
                r.ExcessAirFormula = "α = 21/(21 − O₂) [M]";
            }

            double alpha = r.ExcessAirCoefficient;
            r.DryFlueGasVolume = volumes.DryFlueGas(alpha);

            // --- heating value, where a loss needs it ---
            bool solid = FuelKinds.IsSolid(fuel);
            double lhv = double.NaN;
            if (solid || coPercent > 0.0)
            {
                // Literal texts (no joining per calculation); a gas is never solid, so its reason is the q3 one.
                string reason = solid ? "for the heat-loss method of a solid fuel" : "for q3 when flueGasCoPpm is given";
                if (FuelKinds.IsGaseous(fuel))
                {
                    lhv = DirectMethod.HeatingValue("fuelLowerHeatingValueKjPerNm3", m.FuelLowerHeatingValueKjPerNm3,
                        "kJ/Nm³", "for q3 when flueGasCoPpm is given (gas volumes are per Nm³)", fuel);
                }
                else
                {
                    lhv = DirectMethod.HeatingValue("fuelLowerHeatingValueKjPerKg", m.FuelLowerHeatingValueKjPerKg,
                        "kJ/kg", reason, fuel);
                    double mendeleev = r.MendeleevLowerHeatingValueKjPerKg;
                    if (Math.Abs(lhv - mendeleev) > 0.15 * lhv)
                    {
                        r.SetLhvMismatchNote(lhv, mendeleev);
                    }
                }
            }

            // --- q4 first: q2 and q3 are scaled by (100 − q4) ---
            double ashPercent = 0.0;
            double slagFraction = 0.0, flyFraction = 0.0, riddlingsFraction = 0.0;
            double slagCarbon = 0.0, flyCarbon = 0.0, riddlingsCarbon = 0.0;
            if (solid)
            {
                ashPercent = analysis.AshPercent;
                const string why = "for q4/q6 of a solid fuel";
                slagFraction = Check.RequiredPercent("slagFractionPercent", m.SlagFractionPercent, 100.0, why);
                flyFraction = Check.RequiredPercent("flyAshFractionPercent", m.FlyAshFractionPercent, 100.0, why);
                riddlingsFraction = Check.IsGiven(m.RiddlingsFractionPercent)
                    ? Check.RequiredPercent("riddlingsFractionPercent", m.RiddlingsFractionPercent, 100.0, why)
                    : 0.0;
                double split = slagFraction + flyFraction + riddlingsFraction;
                if (split < 99.0 || split > 101.0)
                {
                    throw new InputException(Check.Prefix + "slagFractionPercent",
                        "slag + fly ash + riddlings = " + InputException.Format(split) + " %",
                        "the ash split must add up to 100 ± 1 % of the fuel's ash");
                }

                slagCarbon = slagFraction > 0.0
                    ? Check.RequiredPercent("carbonInSlagPercent", m.CarbonInSlagPercent, 99.0, why) : 0.0;
                flyCarbon = flyFraction > 0.0
                    ? Check.RequiredPercent("carbonInFlyAshPercent", m.CarbonInFlyAshPercent, 99.0, why) : 0.0;
                riddlingsCarbon = riddlingsFraction > 0.0
                    ? Check.RequiredPercent("carbonInRiddlingsPercent", m.CarbonInRiddlingsPercent, 99.0, why) : 0.0;
                double sum = slagFraction * slagCarbon / (100.0 - slagCarbon)
                    + flyFraction * flyCarbon / (100.0 - flyCarbon)
                    + riddlingsFraction * riddlingsCarbon / (100.0 - riddlingsCarbon);
                double q4 = CarbonHeatingValueKjPerKg / 100.0 * ashPercent / lhv * sum;
                Term(ref r.Q4).Set("q4", q4, Q4Formula,
                    TextbookSource + "; carbon 32 866 kJ/kg (GB/T 10184-2015 reportedly 33 727)", "M", "");
            }
            else
            {
                Term(ref r.Q4).Set("q4", 0.0, "not applicable", "", "n/a", "")
                    .Defer(LossTerm.TextQ4NotApplicable, fuel, null, null, null, 0.0, 0.0, 0.0);
            }

            double q4Factor = 100.0 - r.Q4.Percent;

            // --- q2 ---
            SiegertCoefficients siegert = SiegertTable.Find(fuel);
            if (siegert != null)
            {
                double q2 = (flueC - airC) * (siegert.A / (21.0 - o2) + siegert.B);
                Term(ref r.Q2).Set("q2", q2, Q2SiegertFormula, "", siegert.Confidence,
                    "O₂ dry; sensible heat on the lower heating value")
                    .Defer(LossTerm.TextQ2Siegert, fuel, siegert, null, null, 0.0, 0.0, 0.0);
            }
            else
            {
                string flueField = Check.Prefix + "flueGasTemperatureC";
                string airField = Check.Prefix + "airTemperatureC";
                double flueEnthalpy = volumes.Ro2 * GasEnthalpyTable.Ro2KjPerNm3(flueC, flueField)
                    + volumes.Nitrogen * GasEnthalpyTable.NitrogenKjPerNm3(flueC, flueField)
                    + volumes.WaterVapour * GasEnthalpyTable.WaterVapourKjPerNm3(flueC, flueField)
                    + (alpha - 1.0) * volumes.StoichiometricAir * GasEnthalpyTable.HumidAirKjPerNm3(flueC, flueField);
                double airEnthalpy = volumes.StoichiometricAir * GasEnthalpyTable.HumidAirKjPerNm3(airC, airField);
                double q2 = (flueEnthalpy - alpha * airEnthalpy) * q4Factor / lhv;
                Term(ref r.Q2).Set("q2", q2, Q2BalanceFormula,
                    TextbookSource + "; enthalpies: " + GasEnthalpyTable.Source, "M", "")
                    .Defer(LossTerm.TextQ2BalanceNote, fuel, null, null, null, 0.0, 0.0, 0.0);
            }

            // --- q3 ---
            if (coPercent > 0.0)
            {
                double q3 = r.DryFlueGasVolume * (CoHeatingValueKjPerNm3 / 100.0) * coPercent * q4Factor / lhv;
                Term(ref r.Q3).Set("q3", q3, Q3Formula, TextbookSource, "M", "")
                    .Defer(LossTerm.TextQ3CoNote, fuel, null, r.CompositionSource, r.CompositionConfidence, 0.0, 0.0, 0.0);
            }
            else
            {
                Term(ref r.Q3).Set("q3", 0.0, Q3Formula, TextbookSource, "M",
                    coMeasured ? "CO measured as 0 ppm" : "flueGasCoPpm not given: q3 taken as 0 (not measured)");
            }

            // --- q5 ---
            int loadText;
            double loadKw;
            r.LoadTph = LoadTph(m, ratedCapacityTph, r, out loadText, out loadKw);
            double q5Rated = Q5RatedCoefficient * Math.Pow(ratedCapacityTph, Q5RatedExponent);
            double q5 = q5Rated * ratedCapacityTph / r.LoadTph;
            Term(ref r.Q5).Set("q5", q5, Q5Formula, Q5Source, "M, unverified", "")
                .Defer(loadText, fuel, null, null, null, q5Rated, loadText == LossTerm.TextQ5Steam ? r.LoadTph : loadKw, r.LoadTph);

            // --- q6 ---
            if (solid)
            {
                double slagTerm = 0.0;
                if (slagFraction > 0.0)
                {
                    double slagC = Check.RequiredTemperatureC("slagTemperatureC", m.SlagTemperatureC, 0.0,
                        GasEnthalpyTable.MaxTemperatureC, "for q6 when slag is present (slag leaving the furnace, °C)");
                    slagTerm = slagFraction * GasEnthalpyTable.AshKjPerKg(slagC, Check.Prefix + "slagTemperatureC")
                        / (100.0 - slagCarbon);
                }

                double flyTerm = flyFraction * GasEnthalpyTable.AshKjPerKg(flueC, Check.Prefix + "flueGasTemperatureC")
                    / (100.0 - flyCarbon);
                double q6 = ashPercent * (slagTerm + flyTerm) / lhv;
                Term(ref r.Q6).Set("q6", q6, Q6Formula, TextbookSource + "; ash enthalpy: " + GasEnthalpyTable.Source,
                    "M", "riddlings leave cold and are not counted");
            }
            else
            {
                Term(ref r.Q6).Set("q6", 0.0, "not applicable", "", "n/a", "")
                    .Defer(LossTerm.TextQ6NotApplicable, fuel, null, null, null, 0.0, 0.0, 0.0);
            }

            r.SumOfLossesPercent = r.Q2.Percent + r.Q3.Percent + r.Q4.Percent + r.Q5.Percent + r.Q6.Percent;
            r.EfficiencyPercent = 100.0 - r.SumOfLossesPercent;
            return r;
        }

        /// <summary>The result's loss term in <paramref name="slot"/>, created on first use and refilled afterwards.</summary>
        private static LossTerm Term(ref LossTerm slot)
        {
            if (slot == null)
            {
                slot = new LossTerm();
            }

            return slot;
        }

        /// <summary>
        /// The load for q5, t/h: steam flow, else hot-water output ÷ 0.7 MW per t/h, else rated (said so).
        /// <paramref name="noteText"/> says which (a LossTerm text id); <paramref name="heatOutputKw"/> is the hot-water
        /// output used (NaN otherwise).
        /// </summary>
        private static double LoadTph(BoilerMeasurements m, double ratedCapacityTph, IndirectResult r, out int noteText,
            out double heatOutputKw)
        {
            heatOutputKw = double.NaN;
            if (Check.IsGiven(m.SteamFlowTph))
            {
                double steam = Check.RequiredNonNegative("steamFlowTph", m.SteamFlowTph, "t/h", "for q5");
                if (steam == 0.0)
                {
                    throw new InputException(Check.Prefix + "steamFlowTph", "0",
                        "the heat-loss method needs a boiler under load (steam flow greater than 0 t/h)");
                }

                Plausibility.Load("steamFlowTph", steam, steam, ratedCapacityTph);
                noteText = LossTerm.TextQ5Steam;
                return steam;
            }

            if (Check.IsGiven(m.WaterFlowTph) || Check.IsGiven(m.SupplyTemperatureC) || Check.IsGiven(m.ReturnTemperatureC)
                || Check.IsGiven(m.HeatOutputKw))
            {
                if (r.ScratchHotWater == null)
                {
                    r.ScratchHotWater = new HotWaterDirectResult();
                }

                HotWaterDirectResult hot = r.ScratchHotWater;
                hot.Reset();
                DirectMethod.HotWaterUsefulHeat(m, hot);
                if (hot.UsefulHeatKw <= 0.0)
                {
                    throw new InputException(Check.Prefix + hot.UsefulHeatRoute, "0 kW",
                        "the heat-loss method needs a boiler under load (heat output greater than 0)");
                }

                DirectMethod.HotWaterLoad(m, hot, ratedCapacityTph);
                double tph = hot.UsefulHeatKw / 1000.0 / HotWaterMwPerTph;
                noteText = LossTerm.TextQ5HotWater;
                heatOutputKw = hot.UsefulHeatKw;
                return tph;
            }

            noteText = LossTerm.TextQ5Rated;
            return ratedCapacityTph;
        }

        private static UltimateAnalysis AnalysisFromMeasurements(BoilerMeasurements m, FuelKind fuel, UltimateAnalysis into)
        {
            string why = AnalysisWhy(fuel);
            UltimateAnalysis u = into;
            u.CarbonPercent = Check.RequiredPercent("carbonAsReceivedPercent", m.CarbonAsReceivedPercent, 100.0, why);
            u.HydrogenPercent = Check.RequiredPercent("hydrogenAsReceivedPercent", m.HydrogenAsReceivedPercent, 100.0, why);
            u.OxygenPercent = Check.RequiredPercent("oxygenAsReceivedPercent", m.OxygenAsReceivedPercent, 100.0, why);
            u.NitrogenPercent = Check.RequiredPercent("nitrogenAsReceivedPercent", m.NitrogenAsReceivedPercent, 100.0, why);
            u.SulfurPercent = Check.RequiredPercent("sulfurAsReceivedPercent", m.SulfurAsReceivedPercent, 100.0, why);
            u.MoisturePercent = Check.RequiredPercent("moistureAsReceivedPercent", m.MoistureAsReceivedPercent, 100.0, why);
            u.AshPercent = Check.RequiredPercent("ashAsReceivedPercent", m.AshAsReceivedPercent, 100.0, why);
            u.Source = "ultimate analysis given in the measurements";
            u.Confidence = "measured";
            return u;
        }

        /// <summary>"for the heat-loss method of &lt;fuel&gt; (as-received ultimate analysis)", literal for the fuels that get here.</summary>
        private static string AnalysisWhy(FuelKind fuel)
        {
            switch (fuel)
            {
                case FuelKind.Oil: return "for the heat-loss method of oil (as-received ultimate analysis)";
                case FuelKind.Coal: return "for the heat-loss method of coal (as-received ultimate analysis)";
                case FuelKind.Biomass: return "for the heat-loss method of biomass (as-received ultimate analysis)";
                default: return "for the heat-loss method of " + FuelKinds.Name(fuel) + " (as-received ultimate analysis)";
            }
        }
    }
}
