namespace EdgeGateway.Shared.Steam
{
    /// <summary>
    /// Thermodynamic properties of water or steam at one (p, T) state, per IAPWS-IF97. Plain public fields so a
    /// caller can keep one instance and let <see cref="If97.AtPressureTemperature(double, double, SteamState)"/>
    /// refill it on every sample without allocating (firmware hot path).
    /// </summary>
    public sealed class SteamState
    {
        /// <summary>IF97 region the properties came from: 1 (compressed liquid) or 2 (superheated/saturated vapour).</summary>
        public int Region;

        /// <summary>Absolute pressure, MPa.</summary>
        public double PressureMpaAbs;

        /// <summary>Temperature, K.</summary>
        public double TemperatureK;

        /// <summary>Specific enthalpy h, kJ/kg.</summary>
        public double EnthalpyKjPerKg;

        /// <summary>Specific entropy s, kJ/(kg·K).</summary>
        public double EntropyKjPerKgK;

        /// <summary>Specific volume v, m³/kg.</summary>
        public double SpecificVolumeM3PerKg;

        /// <summary>Specific isobaric heat capacity cp, kJ/(kg·K).</summary>
        public double IsobaricHeatCapacityKjPerKgK;

        /// <summary>Specific internal energy u, kJ/kg.</summary>
        public double InternalEnergyKjPerKg;

        /// <summary>Speed of sound w, m/s.</summary>
        public double SpeedOfSoundMPerS;
    }
}
