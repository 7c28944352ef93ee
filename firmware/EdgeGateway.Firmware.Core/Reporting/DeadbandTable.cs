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
        private readonly double[] bySlot = new double[Measurements.Count];

        /// <summary>A table with the default deadbands.</summary>
        public DeadbandTable()
        {
            // Boiler instruments
            Set(Measurements.SteamFlowTph, 0.1);
            Set(Measurements.SteamPressureMpaAbs, 0.01);
            Set(Measurements.SteamTemperatureC, 1.0);
            Set(Measurements.FeedwaterTemperatureC, 1.0);
            Set(Measurements.FeedwaterFlowTph, 0.1);
            Set(Measurements.FuelFlowNm3PerH, 1.0);
            Set(Measurements.FuelFlowKgPerH, 1.0);
            Set(Measurements.FlueGasTemperatureC, 1.0);
            Set(Measurements.FlueGasO2PercentDry, 0.1);
            Set(Measurements.FlueGasCoPpm, 5.0);
            Set(Measurements.AirTemperatureC, 1.0);
            Set(Measurements.WaterFlowTph, 0.1);
            Set(Measurements.SupplyTemperatureC, 1.0);
            Set(Measurements.ReturnTemperatureC, 1.0);
            Set(Measurements.FuelTotalNm3, 1.0);
            Set(Measurements.SteamTotalT, 0.1);

            // Electrical
            Set(Measurements.VoltageV, 1.0);
            Set(Measurements.CurrentA, 0.5);
            Set(Measurements.ActivePowerKw, 0.5);
            Set(Measurements.ReactivePowerKvar, 0.5);
            Set(Measurements.ApparentPowerKva, 0.5);
            Set(Measurements.PowerFactor, 0.01);
            Set(Measurements.FrequencyHz, 0.05);
            Set(Measurements.ActiveEnergyKwh, 1.0);
            Set(Measurements.ReactiveEnergyKvarh, 1.0);
            Set(Measurements.SpeedRpm, 5.0);

            // Computed at the edge
            Set(Measurements.BoilerEfficiencyPercent, 0.1);
            Set(Measurements.FlueGasLossPercent, 0.1);
            Set(Measurements.ExcessAirRatio, 0.01);
            Set(Measurements.BoilerLoadPercent, 1.0);
            Set(Measurements.MotorLoadPercent, 1.0);
            Set(Measurements.MotorEfficiencyPercent, 0.1);
            Set(Measurements.TransformerLoadFactor, 0.01);
            Set(Measurements.TransformerLossKw, 0.05);
            Set(Measurements.TransformerEfficiencyPercent, 0.01);
            Set(Measurements.SteadyState, 0.0);
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
