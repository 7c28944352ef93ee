using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Boilers.Fuels
{
    /// <summary>
    /// The fuel a boiler burns. The JSON/CLI names are the kebab-case strings of <see cref="FuelKinds.Name"/>.
    /// Gaseous fuels (natural gas, LPG, coke-oven gas) are metered in Nm³ with a heating value in kJ/Nm³; oil, coal and
    /// biomass in kg with kJ/kg; electric boilers by their electric input power.
    /// </summary>
    public enum FuelKind
    {
        NaturalGas = 0,
        Oil = 1,
        Lpg = 2,
        CokeOvenGas = 3,
        Coal = 4,
        Biomass = 5,
        Electric = 6,
    }

    /// <summary>Names and classification of <see cref="FuelKind"/> (nanoFramework's Enum has no ToString by name or Parse).</summary>
    public static class FuelKinds
    {
        /// <summary>Every kind in declaration order (Enum.GetValues is missing on nanoFramework).</summary>
        public static FuelKind[] All()
        {
            return new FuelKind[]
            {
                FuelKind.NaturalGas, FuelKind.Oil, FuelKind.Lpg, FuelKind.CokeOvenGas, FuelKind.Coal, FuelKind.Biomass,
                FuelKind.Electric,
            };
        }

        /// <summary>The JSON/CLI name: natural-gas, oil, lpg, coke-oven-gas, coal, biomass, electric.</summary>
        public static string Name(FuelKind kind)
        {
            switch (kind)
            {
                case FuelKind.NaturalGas: return "natural-gas";
                case FuelKind.Oil: return "oil";
                case FuelKind.Lpg: return "lpg";
                case FuelKind.CokeOvenGas: return "coke-oven-gas";
                case FuelKind.Coal: return "coal";
                case FuelKind.Biomass: return "biomass";
                case FuelKind.Electric: return "electric";
                default: return "unknown";
            }
        }

        /// <summary>Parses a JSON/CLI fuel name (case-sensitive, as written by <see cref="Name"/>).</summary>
        /// <param name="name">the name, e.g. "natural-gas"</param>
        /// <param name="field">the input field to name in the error, e.g. "fuel"</param>
        public static FuelKind Parse(string name, string field)
        {
            FuelKind[] all = All();
            for (int i = 0; i < all.Length; i++)
            {
                if (Name(all[i]) == name)
                {
                    return all[i];
                }
            }

            throw new InputException(field, name == null ? "missing" : name,
                "one of natural-gas, oil, lpg, coke-oven-gas, coal, biomass, electric");
        }

        /// <summary>Gaseous fuels: metered in Nm³, composition given by volume.</summary>
        public static bool IsGaseous(FuelKind kind)
        {
            return kind == FuelKind.NaturalGas || kind == FuelKind.Lpg || kind == FuelKind.CokeOvenGas;
        }

        /// <summary>Solid fuels: unburnt carbon (q4) and ash sensible heat (q6) apply, q2 comes from a heat balance.</summary>
        public static bool IsSolid(FuelKind kind)
        {
            return kind == FuelKind.Coal || kind == FuelKind.Biomass;
        }
    }
}
