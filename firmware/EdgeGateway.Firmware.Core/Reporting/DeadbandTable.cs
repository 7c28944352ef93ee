using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Reporting
{
    /// <summary>
    /// Report-by-exception deadbands per measurement code, in the code's unit: a point is sent again when its value
    /// moved by MORE than its deadband since it was last sent (or its quality changed). 0 = every change is sent.
    /// The defaults are about one display digit of what an operator reads, well above transmitter noise of typical
    /// plant instruments, so a steady boiler reports little between full reports. Configurable per code.
    /// </summary>
    public sealed class DeadbandTable
    {
        // The defaults as a table (code, deadband in hundredths of the code's unit), read by one loop.
        private static readonly byte[] DefaultCodes =
        {
            // Boiler instruments
            Measurements.SteamFlowTph, Measurements.SteamPressureMpaAbs, Measurements.SteamTemperatureC, Measurements.FeedwaterTemperatureC, Measurements.FeedwaterFlowTph, Measurements.FuelFlowNm3PerH,
            Measurements.FuelFlowKgPerH, Measurements.FlueGasTemperatureC, Measurements.FlueGasO2PercentDry, Measurements.FlueGasCoPpm, Measurements.AirTemperatureC, Measurements.WaterFlowTph,
            Measurements.SupplyTemperatureC, Measurements.ReturnTemperatureC, Measurements.FuelTotalNm3, Measurements.SteamTotalT,
            // Electrical
            Measurements.VoltageV, Measurements.CurrentA, Measurements.ActivePowerKw, Measurements.ReactivePowerKvar, Measurements.ApparentPowerKva, Measurements.PowerFactor,
            Measurements.FrequencyHz, Measurements.ActiveEnergyKwh, Measurements.ReactiveEnergyKvarh, Measurements.SpeedRpm,
            // Computed at the edge
            Measurements.BoilerEfficiencyPercent, Measurements.FlueGasLossPercent, Measurements.ExcessAirRatio, Measurements.BoilerLoadPercent, Measurements.MotorLoadPercent, Measurements.MotorEfficiencyPercent,
            Measurements.TransformerLoadFactor, Measurements.TransformerLossKw, Measurements.TransformerEfficiencyPercent, Measurements.SteadyState,
        };

        private static readonly short[] DefaultHundredths =
        {
            // Boiler instruments
            10, 1, 100, 100, 10, 100,
            100, 100, 10, 500, 100, 10,
            100, 100, 100, 10,
            // Electrical
            100, 50, 50, 50, 50, 1,
            5, 100, 100, 500,
            // Computed at the edge
            10, 10, 1, 100, 100, 10,
            1, 5, 1, 0,
        };

        private readonly double[] bySlot = new double[Measurements.Count];

        /// <summary>A table with the default deadbands.</summary>
        public DeadbandTable()
        {
            for (int i = 0; i < DefaultCodes.Length; i++)
            {
                Set(DefaultCodes[i], DefaultHundredths[i] / 100.0);
            }
        }

        /// <summary>Sets the deadband of a code (≥ 0, in the code's unit).</summary>
        public void Set(int code, double deadband)
        {
            int slot = MeasurementSet.SlotOf(code);
            if (slot < 0)
            {
                throw new InputException("deadband.code", code.ToString(), "a measurement code of the wire vocabulary");
            }

            if (double.IsNaN(deadband) || double.IsInfinity(deadband) || deadband < 0.0)
            {
                throw new InputException("deadband." + Measurements.NameOf(code), double.IsNaN(deadband) ? "missing" : InputException.Format(deadband),
                    "a deadband of 0 or more in " + Measurements.UnitOf(code) + " (0 sends every change)");
            }

            bySlot[slot] = deadband;
        }

        /// <summary>The deadband of a code (0 for an unknown code).</summary>
        public double Of(int code)
        {
            int slot = MeasurementSet.SlotOf(code);
            return slot < 0 ? 0.0 : bySlot[slot];
        }

        /// <summary>The deadband of a slot (report builder's hot path).</summary>
        public double AtSlot(int slot)
        {
            return bySlot[slot];
        }
    }
}
