namespace EdgeGateway.Shared.Steam
{
    /// <summary>
    /// IAPWS-IF97 saturation line (region 4), IAPWS R7-97(2012) section 8: saturation-pressure equation (eq. 30),
    /// saturation-temperature equation (eq. 31) and Table 34 (n1..n10) [V]; and the region 2–3 boundary B23
    /// (section 4, eq. 5 and 6, Table 1, n1..n5) [V]. No range checks here: <see cref="If97"/> does them.
    /// </summary>
    internal static class If97Region4
    {
        // Table 34. n5 = −0.323 255 503 223 33e7: one public transcription (libh2o) has ...503 233 33, a typo that
        // still passes Tables 35/36 at 9 digits but moves p_s by up to 6e-10 relative and misses the critical point
        // (22.064 MPa at 647.096 K) and triple point (611.657 Pa at 273.16 K) that the equation is built to pass
        // through; the value here hits both to ~2e-11 and agrees with python3-iapws (tests check all three).
        private const double N1 = 0.11670521452767e4;
        private const double N2 = -0.72421316703206e6;
        private const double N3 = -0.17073846940092e2;
        private const double N4 = 0.12020824702470e5;
        private const double N5 = -0.32325550322333e7;
        private const double N6 = 0.14915108613530e2;
        private const double N7 = -0.48232657361591e4;
        private const double N8 = 0.40511340542057e6;
        private const double N9 = -0.23855557567849;
        private const double N10 = 0.65017534844798e3;

        // Table 1 (B23).
        private const double B1 = 0.34805185628969e3;
        private const double B2 = -0.11671859879975e1;
        private const double B3 = 0.10192970039326e-2;
        private const double B4 = 0.57254459862746e3;
        private const double B5 = 0.13918839778870e2;

        /// <summary>Eq. 30: p_s(T) in MPa (p* = 1 MPa, T* = 1 K).</summary>
        public static double SaturationPressureMpa(double temperatureK)
        {
            double theta = temperatureK + N9 / (temperatureK - N10);
            double a = theta * theta + N1 * theta + N2;
            double b = N3 * theta * theta + N4 * theta + N5;
            double c = N6 * theta * theta + N7 * theta + N8;
            double x = 2.0 * c / (-b + System.Math.Sqrt(b * b - 4.0 * a * c));
            double x2 = x * x;
            return x2 * x2;
        }

        /// <summary>Eq. 31: T_s(p) in K.</summary>
        public static double SaturationTemperatureK(double pressureMpaAbs)
        {
            double beta = System.Math.Sqrt(System.Math.Sqrt(pressureMpaAbs));
            double e = beta * beta + N3 * beta + N6;
            double f = N1 * beta * beta + N4 * beta + N7;
            double g = N2 * beta * beta + N5 * beta + N8;
            double d = 2.0 * g / (-f - System.Math.Sqrt(f * f - 4.0 * e * g));
            double s = N10 + d;
            return (s - System.Math.Sqrt(s * s - 4.0 * (N9 + N10 * d))) / 2.0;
        }

        /// <summary>Eq. 5: pressure on the B23 line, MPa.</summary>
        public static double B23PressureMpa(double temperatureK)
        {
            return B1 + B2 * temperatureK + B3 * temperatureK * temperatureK;
        }

        /// <summary>Eq. 6: temperature on the B23 line, K.</summary>
        public static double B23TemperatureK(double pressureMpaAbs)
        {
            return B4 + System.Math.Sqrt((pressureMpaAbs - B5) / B3);
        }
    }
}
