using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Status
{
    /// <summary>
    /// Operator-facing names and display precision of the wire vocabulary's measurements (keyed by the names in
    /// EdgeGateway.Shared.Wire.Measurements). Chinese names follow the terms used on boiler-room panels and in
    /// GB/T 10180 test reports. A unit test checks that every vocabulary name has an entry here.
    /// </summary>
    public static class MeasurementLabels
    {
        private static readonly string[] names =
            ("steamFlowTph|steamPressureMpaAbs|steamTemperatureC|feedwaterTemperatureC|feedwaterFlowTph|" +
            "fuelFlowNm3PerH|fuelFlowKgPerH|flueGasTemperatureC|flueGasO2PercentDry|flueGasCoPpm|" +
            "airTemperatureC|waterFlowTph|supplyTemperatureC|returnTemperatureC|fuelTotalNm3|steamTotalT|" +
            "flueGasO2PercentWet|steamPressureMpaGauge|burnerOn|" +
            "voltageV|currentA|activePowerKw|reactivePowerKvar|apparentPowerKva|powerFactor|frequencyHz|" +
            "activeEnergyKwh|reactiveEnergyKvarh|speedRpm|" +
            "activeEnergyExportKwh|phaseAngleDeg|voltageLineToLineV|" +
            "boilerEfficiencyPercent|flueGasLossPercent|excessAirRatio|boilerLoadPercent|motorLoadPercent|" +
            "motorEfficiencyPercent|transformerLoadFactor|transformerLossKw|transformerEfficiencyPercent|steadyState")
            .Split('|');

        private static readonly string[] zh =
            ("蒸汽流量|蒸汽压力|蒸汽温度|给水温度|给水流量|" +
            "燃料流量（气）|燃料流量（固/液）|排烟温度|排烟氧含量|一氧化碳|" +
            "冷空气温度|循环水流量|供水温度|回水温度|燃料累计|蒸汽累计|" +
            "排烟氧含量（湿基）|蒸汽压力（表压）|燃烧器运行|" +
            "电压|电流|有功功率|无功功率|视在功率|功率因数|频率|" +
            "有功电能|无功电能|转速|" +
            "反向有功电能|相位角|线电压|" +
            "热效率|排烟热损失|过量空气系数|锅炉负荷率|电机负载率|" +
            "电机效率|负载系数|变压器损耗|变压器效率|稳定工况")
            .Split('|');

        private static readonly string[] en =
            ("Steam flow|Steam pressure|Steam temperature|Feedwater temperature|Feedwater flow|" +
            "Fuel flow (gas)|Fuel flow (solid/liquid)|Flue gas temperature|Flue gas O2|Carbon monoxide (CO)|" +
            "Combustion air temperature|Water flow|Supply temperature|Return temperature|Fuel total|Steam total|" +
            "Flue gas O2 (wet)|Steam pressure (gauge)|Burner on|" +
            "Voltage|Current|Active power|Reactive power|Apparent power|Power factor|Frequency|" +
            "Active energy|Reactive energy|Speed|" +
            "Exported active energy|Phase angle|Line-to-line voltage|" +
            "Thermal efficiency|Flue gas loss|Excess air ratio|Boiler load|Motor load|" +
            "Motor efficiency|Load factor|Transformer losses|Transformer efficiency|Steady state")
            .Split('|');

        // Decimals shown: enough to see a real change, few enough to read at a glance (t/h to 0.01, °C to 0.1, ppm whole).
        private static readonly int[] decimals =
        {
            2, 2, 1, 1, 2,
            1, 1, 1, 1, 0,
            1, 2, 1, 1, 0, 1,
            1, 3, 0,
            1, 1, 1, 1, 1, 3, 2,
            0, 0, 0,
            0, 1, 1,
            1, 1, 2, 1, 1,
            1, 2, 2, 2, 0,
        };

        /// <summary>Number of labelled names.</summary>
        public static int Count { get { return names.Length; } }

        /// <summary>Index of a vocabulary name, or -1.</summary>
        public static int IndexOf(string measurement)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == measurement)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The operator-facing name; null when the name is not in the vocabulary (the page then shows the raw name).</summary>
        public static string Label(string measurement, StatusLanguage language)
        {
            int i = IndexOf(measurement);
            if (i < 0)
            {
                return null;
            }

            return language == StatusLanguage.English ? en[i] : zh[i];
        }

        /// <summary>Decimals to show; 2 for a name outside the vocabulary.</summary>
        public static int Decimals(string measurement)
        {
            int i = IndexOf(measurement);
            return i < 0 ? 2 : decimals[i];
        }

        /// <summary>The unit to show: the given one, else the vocabulary's, else empty.</summary>
        public static string UnitFor(string measurement, string unit)
        {
            if (unit != null)
            {
                return unit;
            }

            string fromVocabulary = Measurements.UnitOf(Measurements.CodeOf(measurement));
            return fromVocabulary == null ? string.Empty : fromVocabulary;
        }

        /// <summary>Consistency check for tests: all tables have the same length.</summary>
        public static bool TablesConsistent()
        {
            return zh.Length == names.Length && en.Length == names.Length && decimals.Length == names.Length;
        }
    }
}
