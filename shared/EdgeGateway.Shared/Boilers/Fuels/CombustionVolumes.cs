namespace EdgeGateway.Shared.Boilers.Fuels
{
    /// <summary>
    /// Stoichiometric combustion volumes of one fuel, per unit of fuel: Nm³ per Nm³ of gas, or Nm³ per kg of a liquid or
    /// solid fuel (see <see cref="Basis"/>). Ideal-gas molar volumes, complete combustion, combustion air with
    /// 10 g water per kg dry air (0.0161 Nm³ H₂O per Nm³ air) — the usual textbook (boiler thermal calculation) basis [M].
    /// </summary>
    public sealed class CombustionVolumes
    {
        /// <summary>Water vapour carried by humid combustion air, Nm³ H₂O per Nm³ dry air (d = 10 g/kg) [M].</summary>
        public const double AirHumidityNm3PerNm3 = 0.0161;

        public CombustionVolumes(double stoichiometricAir, double ro2, double nitrogen, double waterVapour, string basis)
        {
            Assign(stoichiometricAir, ro2, nitrogen, waterVapour, basis);
        }

        /// <summary>Refills this object (the fuels' Volumes(into) overloads reuse one per caller).</summary>
        internal CombustionVolumes Assign(double stoichiometricAir, double ro2, double nitrogen, double waterVapour, string basis)
        {
            StoichiometricAir = stoichiometricAir;
            Ro2 = ro2;
            Nitrogen = nitrogen;
            WaterVapour = waterVapour;
            Basis = basis;
            return this;
        }

        /// <summary>V⁰: theoretical (stoichiometric) dry air.</summary>
        public double StoichiometricAir { get; private set; }

        /// <summary>V_RO₂: CO₂ + SO₂ in the flue gas.</summary>
        public double Ro2 { get; private set; }

        /// <summary>V⁰_N₂: nitrogen in the stoichiometric flue gas (from air and fuel).</summary>
        public double Nitrogen { get; private set; }

        /// <summary>V⁰_H₂O: water vapour in the stoichiometric flue gas (from hydrogen, fuel moisture and air humidity).</summary>
        public double WaterVapour { get; private set; }

        /// <summary>"Nm3/Nm3" (gaseous fuel) or "Nm3/kg" (liquid or solid fuel).</summary>
        public string Basis { get; private set; }

        /// <summary>Dry stoichiometric flue gas V_RO₂ + V⁰_N₂.</summary>
        public double DryStoichiometricFlueGas
        {
            get { return Ro2 + Nitrogen; }
        }

        /// <summary>Maximum RO₂ in dry flue gas (at α = 1), vol %.</summary>
        public double Ro2MaxPercent
        {
            get { return 100.0 * Ro2 / (Ro2 + Nitrogen); }
        }

        /// <summary>Dry flue gas at excess-air coefficient α: V_RO₂ + V⁰_N₂ + (α − 1)·V⁰.</summary>
        public double DryFlueGas(double excessAirCoefficient)
        {
            return Ro2 + Nitrogen + (excessAirCoefficient - 1.0) * StoichiometricAir;
        }

        /// <summary>Water vapour at α: V⁰_H₂O + 0.0161·(α − 1)·V⁰ (humidity of the excess air).</summary>
        public double WaterVapourAt(double excessAirCoefficient)
        {
            return WaterVapour + AirHumidityNm3PerNm3 * (excessAirCoefficient - 1.0) * StoichiometricAir;
        }
    }
}
