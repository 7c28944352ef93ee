namespace EdgeGateway.Shared.Units
{
    /// <summary>
    /// Pressure conversions. The standards work in absolute pressure; plant gauges read gauge pressure, so every
    /// interface names which one it takes (suffix MpaAbs or MpaGauge).
    /// </summary>
    public static class Pressure
    {
        /// <summary>Standard atmosphere, MPa (used when a site has not configured its own barometric pressure).</summary>
        public const double StandardAtmosphereMpa = 0.101325;

        public static double GaugeToAbsoluteMpa(double gaugeMpa, double barometricMpa)
        {
            return gaugeMpa + barometricMpa;
        }

        public static double AbsoluteToGaugeMpa(double absoluteMpa, double barometricMpa)
        {
            return absoluteMpa - barometricMpa;
        }

        public static double BarToMpa(double bar)
        {
            return bar * 0.1;
        }

        public static double KpaToMpa(double kpa)
        {
            return kpa * 0.001;
        }
    }

    /// <summary>Temperature conversions; IAPWS-IF97 works in kelvin, instruments report degrees Celsius.</summary>
    public static class Temperature
    {
        public const double ZeroCelsiusInKelvin = 273.15;

        public static double CelsiusToKelvin(double celsius)
        {
            return celsius + ZeroCelsiusInKelvin;
        }

        public static double KelvinToCelsius(double kelvin)
        {
            return kelvin - ZeroCelsiusInKelvin;
        }
    }
}
