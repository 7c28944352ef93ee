namespace EdgeGateway.Shared.Standards
{
    /// <summary>
    /// What kind of efficiency figure is judged. The grades of GB 24500 and GB 18613 are defined for the rated value
    /// (test report / nameplate / type test); a value measured in operation can only be shown against the limit as an
    /// indicator, and every verdict says which one it judged.
    /// </summary>
    public enum EfficiencySource
    {
        /// <summary>Rated value: boiler energy-efficiency test report, motor nameplate / type test.</summary>
        Rated = 0,

        /// <summary>Efficiency measured in operation (indicator only, not a grading).</summary>
        Measured = 1,
    }
}
