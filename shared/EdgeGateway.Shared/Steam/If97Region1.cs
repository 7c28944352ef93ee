namespace EdgeGateway.Shared.Steam
{
    /// <summary>
    /// IAPWS-IF97 region 1 (compressed liquid): dimensionless Gibbs free energy γ(π, τ) and its derivatives,
    /// IAPWS R7-97(2012) section 5.1, eq. 7 and Table 2 (34 terms) [V: coefficients are the published table,
    /// checked against the Table 5 verification values and against python3-iapws in the tests].
    /// </summary>
    internal static class If97Region1
    {
        /// <summary>Reducing pressure p* = 16.53 MPa (eq. 7).</summary>
        public const double ReducingPressureMpa = 16.53;

        /// <summary>Reducing temperature T* = 1386 K (eq. 7).</summary>
        public const double ReducingTemperatureK = 1386.0;

        // Table 2: exponents I_i, J_i and coefficients n_i, i = 1..34, in the table's order.
        private static readonly int[] I =
        {
            0, 0, 0, 0, 0, 0, 0, 0,
            1, 1, 1, 1, 1, 1,
            2, 2, 2, 2, 2,
            3, 3, 3,
            4, 4, 4,
            5,
            8, 8,
            21, 23, 29, 30, 31, 32,
        };

        private static readonly int[] J =
        {
            -2, -1, 0, 1, 2, 3, 4, 5,
            -9, -7, -1, 0, 1, 3,
            -3, 0, 1, 3, 17,
            -4, 0, 6,
            -5, -2, 10,
            -8,
            -11, -6,
            -29, -31, -38, -39, -40, -41,
        };

        private static readonly double[] N =
        {
            0.14632971213167, -0.84548187169114, -0.37563603672040e1, 0.33855169168385e1,
            -0.95791963387872, 0.15772038513228, -0.16616417199501e-1, 0.81214629983568e-3,
            0.28319080123804e-3, -0.60706301565874e-3, -0.18990068218419e-1, -0.32529748770505e-1,
            -0.21841717175414e-1, -0.52838357969930e-4,
            -0.47184321073267e-3, -0.30001780793026e-3, 0.47661393906987e-4, -0.44141845330846e-5,
            -0.72694996297594e-15,
            -0.31679644845054e-4, -0.28270797985312e-5, -0.85205128120103e-9,
            -0.22425281908000e-5, -0.65171222895601e-6, -0.14341729937924e-12,
            -0.40516996860117e-6,
            -0.12734301741641e-8, -0.17424871230634e-9,
            -0.68762131295531e-18, 0.14478307828521e-19, 0.26335781662795e-22, -0.11947622640071e-22,
            0.18228094581404e-23, -0.93537087292458e-25,
        };

        /// <summary>
        /// γ and its first and second derivatives (Table 4) at π = p/p*, τ = T*/T. Terms whose derivative factor
        /// I or J is zero are skipped so a zero base never produces 0·∞.
        /// </summary>
        public static void Gamma(double pi, double tau, out double gamma, out double gammaPi, out double gammaPiPi,
            out double gammaTau, out double gammaTauTau, out double gammaPiTau)
        {
            double a = 7.1 - pi;
            double b = tau - 1.222;
            gamma = 0.0;
            gammaPi = 0.0;
            gammaPiPi = 0.0;
            gammaTau = 0.0;
            gammaTauTau = 0.0;
            gammaPiTau = 0.0;
            for (int k = 0; k < N.Length; k++)
            {
                int ik = I[k];
                int jk = J[k];
                double n = N[k];
                double aI = If97Math.IntPow(a, ik);
                double bJ = If97Math.IntPow(b, jk);
                gamma += n * aI * bJ;
                if (ik != 0)
                {
                    double aIm1 = If97Math.IntPow(a, ik - 1);
                    gammaPi -= n * ik * aIm1 * bJ;
                    if (ik != 1)
                    {
                        gammaPiPi += n * ik * (ik - 1) * If97Math.IntPow(a, ik - 2) * bJ;
                    }

                    if (jk != 0)
                    {
                        gammaPiTau -= n * ik * aIm1 * jk * If97Math.IntPow(b, jk - 1);
                    }
                }

                if (jk != 0)
                {
                    gammaTau += n * aI * jk * If97Math.IntPow(b, jk - 1);
                    if (jk != 1)
                    {
                        gammaTauTau += n * aI * jk * (jk - 1) * If97Math.IntPow(b, jk - 2);
                    }
                }
            }
        }

        /// <summary>Only γτ, for the enthalpy fast path (h = R·T·τ·γτ).</summary>
        public static double GammaTau(double pi, double tau)
        {
            double a = 7.1 - pi;
            double b = tau - 1.222;
            double sum = 0.0;
            for (int k = 0; k < N.Length; k++)
            {
                int jk = J[k];
                if (jk != 0)
                {
                    sum += N[k] * If97Math.IntPow(a, I[k]) * jk * If97Math.IntPow(b, jk - 1);
                }
            }

            return sum;
        }

        /// <summary>Fills <paramref name="result"/> from Table 3 (relations of the properties to γ).</summary>
        public static void Compute(double pressureMpaAbs, double temperatureK, SteamState result)
        {
            double pi = pressureMpaAbs / ReducingPressureMpa;
            double tau = ReducingTemperatureK / temperatureK;
            double g, gp, gpp, gt, gtt, gpt;
            Gamma(pi, tau, out g, out gp, out gpp, out gt, out gtt, out gpt);
            double r = If97Math.GasConstantKjPerKgK;
            double rt = r * temperatureK;

            result.PressureMpaAbs = pressureMpaAbs;
            result.TemperatureK = temperatureK;
            // R·T/p is in kJ/(kg·MPa) = 1e-3 m³/kg.
            result.SpecificVolumeM3PerKg = pi * gp * rt / pressureMpaAbs * 1e-3;
            result.EnthalpyKjPerKg = tau * gt * rt;
            result.InternalEnergyKjPerKg = (tau * gt - pi * gp) * rt;
            result.EntropyKjPerKgK = (tau * gt - g) * r;
            result.IsobaricHeatCapacityKjPerKgK = -tau * tau * gtt * r;
            // w² = R·T·γπ² / ((γπ − τ·γπτ)²/(τ²·γττ) − γππ); R·T in kJ/kg, ×1000 for m²/s².
            double d = gp - tau * gpt;
            double w2 = rt * 1000.0 * gp * gp / (d * d / (tau * tau * gtt) - gpp);
            result.SpeedOfSoundMPerS = System.Math.Sqrt(w2);
        }

        public static double Enthalpy(double pressureMpaAbs, double temperatureK)
        {
            double tau = ReducingTemperatureK / temperatureK;
            return tau * GammaTau(pressureMpaAbs / ReducingPressureMpa, tau) * If97Math.GasConstantKjPerKgK * temperatureK;
        }
    }
}
