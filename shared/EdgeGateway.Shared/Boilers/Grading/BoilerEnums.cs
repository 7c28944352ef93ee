namespace EdgeGateway.Shared.Boilers.Grading
{
    /// <summary>Design fuel as on the nameplate (GB 24500-2020 tables are split by fuel).</summary>
    public enum BoilerFuel
    {
        NaturalGas = 0,
        Oil = 1,
        Coal = 2,
        Biomass = 3,
        Electric = 4,

        /// <summary>Anything else, including gases other than natural gas (unknown whether GB 24500 covers them).</summary>
        Other = 5,
    }

    /// <summary>Combustion type. Gas and oil boilers are chamber-fired; electric boilers have none.</summary>
    public enum BoilerCombustion
    {
        /// <summary>Not stated / not applicable (electric; biomass, whose table has no combustion split).</summary>
        NotApplicable = 0,

        /// <summary>Chamber (suspension) firing: gas, oil, pulverised coal (表4).</summary>
        Chamber = 1,

        /// <summary>Grate (layered) firing: coal 表1.</summary>
        Grate = 2,

        /// <summary>Fluidised bed: coal 表2.</summary>
        FluidizedBed = 3,
    }

    /// <summary>Coal class of the design coal, from Q (as-received net heating value) and Vdaf (GB 24500 definitions):
    /// bituminous Vdaf &gt; 20 %; lean 10 &lt; Vdaf ≤ 20 %; anthracite II Vdaf &lt; 6.5 %; anthracite III 6.5 ≤ Vdaf ≤ 10 %;
    /// lignite Vdaf &gt; 37 %; bituminous I/II/III by Q (14 400 ≤ Q &lt; 17 700 / 17 700 ≤ Q ≤ 21 000 / Q &gt; 21 000).</summary>
    public enum CoalClass
    {
        None = 0,
        BituminousI = 1,
        BituminousII = 2,
        BituminousIII = 3,
        Lean = 4,
        AnthraciteII = 5,
        AnthraciteIII = 6,
        Lignite = 7,

        /// <summary>Pulverised coal, chamber-fired (表4); the coal class does not split that row.</summary>
        Pulverized = 8,
    }
}
