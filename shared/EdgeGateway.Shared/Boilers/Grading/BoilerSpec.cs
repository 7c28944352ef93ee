namespace EdgeGateway.Shared.Boilers.Grading
{
    /// <summary>
    /// The nameplate facts a GB 24500-2020 lookup needs. Capacity: a steam boiler by rated evaporation (t/h), a
    /// hot-water boiler by rated heat output (MW); give one or both (NaN = not given). When both are given and land in
    /// different columns, the lookup refuses (not covered).
    /// </summary>
    public sealed class BoilerSpec
    {
        public BoilerFuel Fuel { get; set; }

        public BoilerCombustion Combustion { get; set; }

        /// <summary>Rated evaporation of a steam boiler, t/h (NaN = not given).</summary>
        public double RatedEvaporationTph { get; set; } = double.NaN;

        /// <summary>Rated heat output of a hot-water boiler, MW (NaN = not given).</summary>
        public double RatedHeatOutputMw { get; set; } = double.NaN;

        /// <summary>Condensing boiler, from the nameplate — never inferred from an efficiency above 100 %.</summary>
        public bool Condensing { get; set; }

        /// <summary>Coal class (coal only; grate and fluidised bed need it).</summary>
        public CoalClass CoalClass { get; set; }

        /// <summary>As-received net heating value of the design fuel, kJ/kg (NaN = not given: the row's Q range is
        /// then not checked, and the verdict's Rule says so).</summary>
        public double NetHeatingValueKjPerKg { get; set; } = double.NaN;
    }
}
