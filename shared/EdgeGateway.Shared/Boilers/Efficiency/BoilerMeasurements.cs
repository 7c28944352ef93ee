namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>
    /// One set of boiler measurements (a steady-state average) for the direct and indirect efficiency methods.
    /// Every field starts as double.NaN, meaning "not given" (nanoFramework has no nullable value types).
    /// JSON name = the field name in camelCase (SteamFlowTph ↔ "steamFlowTph"); error messages name fields as
    /// "measurements.&lt;jsonName&gt;". Pressures are absolute (MpaAbs): convert gauge readings with Units.Pressure first.
    /// </summary>
    public sealed class BoilerMeasurements
    {
        // ---- steam boiler (direct method) ----

        /// <summary>steamFlowTph: steam delivered, t/h (blowdown not included).</summary>
        public double SteamFlowTph = double.NaN;

        /// <summary>steamPressureMpaAbs: steam (drum/outlet) pressure, MPa absolute.</summary>
        public double SteamPressureMpaAbs = double.NaN;

        /// <summary>steamTemperatureC: superheated steam temperature, °C; NaN = saturated steam.</summary>
        public double SteamTemperatureC = double.NaN;

        /// <summary>steamMoisturePercent: moisture of saturated steam, mass %; NaN = 0 (dry saturated).</summary>
        public double SteamMoisturePercent = double.NaN;

        /// <summary>blowdownFlowTph: continuous blowdown, t/h (saturated water at drum pressure); NaN = 0.</summary>
        public double BlowdownFlowTph = double.NaN;

        /// <summary>feedwaterTemperatureC: feedwater at the boiler inlet, °C.</summary>
        public double FeedwaterTemperatureC = double.NaN;

        // ---- hot-water boiler (direct method) ----

        /// <summary>waterFlowTph: circulating water flow, t/h.</summary>
        public double WaterFlowTph = double.NaN;

        /// <summary>supplyTemperatureC: outlet (supply) water temperature, °C.</summary>
        public double SupplyTemperatureC = double.NaN;

        /// <summary>returnTemperatureC: inlet (return) water temperature, °C.</summary>
        public double ReturnTemperatureC = double.NaN;

        /// <summary>waterPressureMpaAbs: water pressure for the enthalpies, MPa absolute; NaN = 1.0 MPa abs.</summary>
        public double WaterPressureMpaAbs = double.NaN;

        /// <summary>heatOutputKw: heat-meter output of a hot-water boiler, kW (used when flow/temperatures are not given).</summary>
        public double HeatOutputKw = double.NaN;

        // ---- heat input ----

        /// <summary>fuelFlowNm3PerH: gaseous fuel flow at normal conditions (0 °C, 101.325 kPa), Nm³/h.</summary>
        public double FuelFlowNm3PerH = double.NaN;

        /// <summary>fuelFlowKgPerH: liquid or solid fuel flow, kg/h.</summary>
        public double FuelFlowKgPerH = double.NaN;

        /// <summary>fuelLowerHeatingValueKjPerNm3: as-received lower (net) heating value of a gas, kJ/Nm³.</summary>
        public double FuelLowerHeatingValueKjPerNm3 = double.NaN;

        /// <summary>fuelLowerHeatingValueKjPerKg: as-received lower (net) heating value, kJ/kg.</summary>
        public double FuelLowerHeatingValueKjPerKg = double.NaN;

        /// <summary>electricPowerKw: electric input of an electric boiler, kW.</summary>
        public double ElectricPowerKw = double.NaN;

        // ---- flue gas (indirect method) ----

        /// <summary>flueGasTemperatureC: exhaust temperature after the last heating surface, °C.</summary>
        public double FlueGasTemperatureC = double.NaN;

        /// <summary>airTemperatureC: combustion-air temperature at the burner/fan inlet, °C.</summary>
        public double AirTemperatureC = double.NaN;

        /// <summary>flueGasO2PercentDry: O₂ in dry flue gas, vol % (convert zirconia wet readings with FlueGas.O2WetToDry).</summary>
        public double FlueGasO2PercentDry = double.NaN;

        /// <summary>flueGasCoPpm: CO in dry flue gas, ppm by volume; NaN = not measured (q3 then taken as 0, stated).</summary>
        public double FlueGasCoPpm = double.NaN;

        // ---- solid fuels: ash and unburnt carbon ----

        /// <summary>ashAsReceivedPercent: ash A_ar, mass % as received (also part of the ultimate analysis).</summary>
        public double AshAsReceivedPercent = double.NaN;

        /// <summary>carbonInSlagPercent: combustibles (carbon) in slag/bottom ash, mass %.</summary>
        public double CarbonInSlagPercent = double.NaN;

        /// <summary>carbonInFlyAshPercent: combustibles (carbon) in fly ash, mass %.</summary>
        public double CarbonInFlyAshPercent = double.NaN;

        /// <summary>carbonInRiddlingsPercent: combustibles in grate riddlings (siftings), mass %; NaN = no riddlings.</summary>
        public double CarbonInRiddlingsPercent = double.NaN;

        /// <summary>slagFractionPercent: share of the fuel's ash leaving as slag, % (a_slag).</summary>
        public double SlagFractionPercent = double.NaN;

        /// <summary>flyAshFractionPercent: share of the fuel's ash leaving as fly ash, % (a_fly).</summary>
        public double FlyAshFractionPercent = double.NaN;

        /// <summary>riddlingsFractionPercent: share of the ash falling through the grate, %; NaN = 0.</summary>
        public double RiddlingsFractionPercent = double.NaN;

        /// <summary>slagTemperatureC: slag temperature leaving the furnace, °C (needed for q6 when slag is present).</summary>
        public double SlagTemperatureC = double.NaN;

        // ---- solid fuels: ultimate analysis, mass % as received ----

        /// <summary>carbonAsReceivedPercent: C_ar.</summary>
        public double CarbonAsReceivedPercent = double.NaN;

        /// <summary>hydrogenAsReceivedPercent: H_ar.</summary>
        public double HydrogenAsReceivedPercent = double.NaN;

        /// <summary>oxygenAsReceivedPercent: O_ar.</summary>
        public double OxygenAsReceivedPercent = double.NaN;

        /// <summary>nitrogenAsReceivedPercent: N_ar.</summary>
        public double NitrogenAsReceivedPercent = double.NaN;

        /// <summary>sulfurAsReceivedPercent: S_ar (combustible sulfur).</summary>
        public double SulfurAsReceivedPercent = double.NaN;

        /// <summary>moistureAsReceivedPercent: total moisture M_ar.</summary>
        public double MoistureAsReceivedPercent = double.NaN;
    }
}
