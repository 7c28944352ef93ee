namespace EdgeGateway.Shared.Wire
{
    /// <summary>
    /// The measurement vocabulary of wire contract v1: a stable numeric code (what travels), a name (what profiles,
    /// configuration and JSON use) and the unit the value is always in. Codes are never reused or renumbered; a new
    /// measurement gets the next free code. Device profiles in hardware/ name their points with these names.
    /// </summary>
    public static class Measurements
    {
        // Boiler instruments
        public const int SteamFlowTph = 1;
        public const int SteamPressureMpaAbs = 2;
        public const int SteamTemperatureC = 3;
        public const int FeedwaterTemperatureC = 4;
        public const int FeedwaterFlowTph = 5;
        public const int FuelFlowNm3PerH = 6;
        public const int FuelFlowKgPerH = 7;
        public const int FlueGasTemperatureC = 8;
        public const int FlueGasO2PercentDry = 9;
        public const int FlueGasCoPpm = 10;
        public const int AirTemperatureC = 11;
        public const int WaterFlowTph = 12;
        public const int SupplyTemperatureC = 13;
        public const int ReturnTemperatureC = 14;
        public const int FuelTotalNm3 = 15;
        public const int SteamTotalT = 16;
        public const int FlueGasO2PercentWet = 17;
        public const int SteamPressureMpaGauge = 18;
        public const int BurnerOn = 19;

        // Electrical (power meters)
        public const int VoltageV = 30;
        public const int CurrentA = 31;
        public const int ActivePowerKw = 32;
        public const int ReactivePowerKvar = 33;
        public const int ApparentPowerKva = 34;
        public const int PowerFactor = 35;
        public const int FrequencyHz = 36;
        public const int ActiveEnergyKwh = 37;
        public const int ReactiveEnergyKvarh = 38;
        public const int SpeedRpm = 39;
        public const int ActiveEnergyExportKwh = 40;
        public const int PhaseAngleDeg = 41;
        public const int VoltageLineToLineV = 42;

        // Computed at the edge
        public const int BoilerEfficiencyPercent = 60;
        public const int FlueGasLossPercent = 61;
        public const int ExcessAirRatio = 62;
        public const int BoilerLoadPercent = 63;
        public const int MotorLoadPercent = 64;
        public const int MotorEfficiencyPercent = 65;
        public const int TransformerLoadFactor = 66;
        public const int TransformerLossKw = 67;
        public const int TransformerEfficiencyPercent = 68;
        public const int SteadyState = 69;

        private static readonly int[] codes =
        {
            SteamFlowTph, SteamPressureMpaAbs, SteamTemperatureC, FeedwaterTemperatureC, FeedwaterFlowTph, FuelFlowNm3PerH,
            FuelFlowKgPerH, FlueGasTemperatureC, FlueGasO2PercentDry, FlueGasCoPpm, AirTemperatureC, WaterFlowTph,
            SupplyTemperatureC, ReturnTemperatureC, FuelTotalNm3, SteamTotalT, FlueGasO2PercentWet, SteamPressureMpaGauge, BurnerOn,
            VoltageV, CurrentA, ActivePowerKw, ReactivePowerKvar, ApparentPowerKva, PowerFactor, FrequencyHz, ActiveEnergyKwh,
            ReactiveEnergyKvarh, SpeedRpm, ActiveEnergyExportKwh, PhaseAngleDeg, VoltageLineToLineV,
            BoilerEfficiencyPercent, FlueGasLossPercent, ExcessAirRatio, BoilerLoadPercent, MotorLoadPercent,
            MotorEfficiencyPercent, TransformerLoadFactor, TransformerLossKw, TransformerEfficiencyPercent, SteadyState,
        };

        private static readonly string[] names =
        {
            "steamFlowTph", "steamPressureMpaAbs", "steamTemperatureC", "feedwaterTemperatureC", "feedwaterFlowTph", "fuelFlowNm3PerH",
            "fuelFlowKgPerH", "flueGasTemperatureC", "flueGasO2PercentDry", "flueGasCoPpm", "airTemperatureC", "waterFlowTph",
            "supplyTemperatureC", "returnTemperatureC", "fuelTotalNm3", "steamTotalT", "flueGasO2PercentWet", "steamPressureMpaGauge", "burnerOn",
            "voltageV", "currentA", "activePowerKw", "reactivePowerKvar", "apparentPowerKva", "powerFactor", "frequencyHz", "activeEnergyKwh",
            "reactiveEnergyKvarh", "speedRpm", "activeEnergyExportKwh", "phaseAngleDeg", "voltageLineToLineV",
            "boilerEfficiencyPercent", "flueGasLossPercent", "excessAirRatio", "boilerLoadPercent", "motorLoadPercent",
            "motorEfficiencyPercent", "transformerLoadFactor", "transformerLossKw", "transformerEfficiencyPercent", "steadyState",
        };

        private static readonly string[] units =
        {
            "t/h", "MPa(abs)", "°C", "°C", "t/h", "Nm³/h",
            "kg/h", "°C", "%(dry)", "ppm", "°C", "t/h",
            "°C", "°C", "Nm³", "t", "%(wet)", "MPa(g)", "1",
            "V", "A", "kW", "kvar", "kVA", "1", "Hz", "kWh",
            "kvarh", "rpm", "kWh", "°", "V",
            "%", "%", "1", "%", "%",
            "%", "1", "kW", "%", "1",
        };

        /// <summary>Number of defined measurements.</summary>
        public static int Count { get { return codes.Length; } }

        public static int CodeAt(int index) { return codes[index]; }

        public static string NameAt(int index) { return names[index]; }

        public static string UnitAt(int index) { return units[index]; }

        /// <summary>The code for a name, or -1 when the name is not in the vocabulary.</summary>
        public static int CodeOf(string name)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return codes[i];
                }
            }

            return -1;
        }

        /// <summary>The name for a code, or null when unknown (a newer gateway may send codes an older fleet lacks).</summary>
        public static string NameOf(int code)
        {
            for (int i = 0; i < codes.Length; i++)
            {
                if (codes[i] == code)
                {
                    return names[i];
                }
            }

            return null;
        }

        public static string UnitOf(int code)
        {
            for (int i = 0; i < codes.Length; i++)
            {
                if (codes[i] == code)
                {
                    return units[i];
                }
            }

            return null;
        }
    }
}
