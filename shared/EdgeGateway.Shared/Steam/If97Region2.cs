namespace EdgeGateway.Shared.Steam
{
    /// <summary>
    /// IAPWS-IF97 region 2 (superheated and saturated vapour): γ = γ° + γʳ, IAPWS R7-97(2012) section 6.1,
    /// eq. 15–17, Table 10 (ideal-gas part, 9 terms) and Table 11 (residual part, 43 terms) [V: published tables,
    /// checked against the Table 15 verification values and against python3-iapws in the tests].
    /// The metastable-vapour variant (eq. 18) is not implemented.
    /// </summary>
    internal static class If97Region2
    {
        /// <summary>Reducing pressure p* = 1 MPa (eq. 15).</summary>
        public const double ReducingPressureMpa = 1.0;

        /// <summary>Reducing temperature T* = 540 K (eq. 15).</summary>
        public const double ReducingTemperatureK = 540.0;

        // Table 10: ideal-gas part, J°_i and n°_i, i = 1..9.
        private static readonly int[] J0 = { 0, 1, -5, -4, -3, -2, -1, 2, 3 };

        private static readonly double[] N0 =
        {
            -0.96927686500217e1, 0.10086655968018e2, -0.56087911283020e-2, 0.71452738081455e-1,
            -0.40710498223928, 0.14240819171444e1, -0.43839511319450e1, -0.28408632460772,
            0.21268463753307e-1,
        };

        // Table 11: residual part, I_i, J_i, n_i, i = 1..43, in the table's order.
        private static readonly int[] Ir =
        {
            1, 1, 1, 1, 1,
            2, 2, 2, 2, 2,
            3, 3, 3, 3, 3,
            4, 4, 4,
            5,
            6, 6, 6,
            7, 7, 7,
            8, 8,
            9,
            10, 10, 10,
            16, 16,
            18,
            20, 20, 20,
            21,
            22,
            23,
            24, 24, 24,
        };

        private static readonly int[] Jr =
        {
            0, 1, 2, 3, 6,
            1, 2, 4, 7, 36,
            0, 1, 3, 6, 35,
            1, 2, 3,
            7,
            3, 16, 35,
            0, 11, 25,
            8, 36,
            13,
            4, 10, 14,
            29, 50,
            57,
            20, 35, 48,
            21,
            53,
            39,
            26, 40, 58,
        };

        private static readonly double[] Nr =
        {
            -0.17731742473213e-2, -0.17834862292358e-1, -0.45996013696365e-1, -0.57581259083432e-1,
            -0.50325278727930e-1,
            -0.33032641670203e-4, -0.18948987516315e-3, -0.39392777243355e-2, -0.43797295650573e-1,
            -0.26674547914087e-4,
            0.20481737692309e-7, 0.43870667284435e-6, -0.32277677238570e-4, -0.15033924542148e-2,
            -0.40668253562649e-1,
            -0.78847309559367e-9, 0.12790717852285e-7, 0.48225372718507e-6,
            0.22922076337661e-5,
            -0.16714766451061e-10, -0.21171472321355e-2, -0.23895741934104e2,
            -0.59059564324270e-17, -0.12621808899101e-5, -0.38946842435739e-1,
            0.11256211360459e-10, -0.82311340897998e1,
            0.19809712802088e-7,
            0.10406965210174e-18, -0.10234747095929e-12, -0.10018179379511e-8,
            -0.80882908646985e-10, 0.10693031879409,
            -0.33662250574171,
            0.89185845355421e-24, 0.30629316876232e-12, -0.42002467698208e-5,
            -0.59056029685639e-25,
            0.37826947613457e-5,
            -0.12768608934681e-14,
            0.73087610595061e-28, 0.55414715350778e-16, -0.94369707241210e-6,
        };

        /// <summary>Ideal-gas part γ° and its τ-derivatives (Table 13); the π-derivatives are 1/π and −1/π².</summary>
        private static void IdealGas(double pi, double tau, out double g0, out double g0Tau, out double g0TauTau)
        {
            g0 = System.Math.Log(pi);
            g0Tau = 0.0;
            g0TauTau = 0.0;
            for (int k = 0; k < N0.Length; k++)
            {
                int jk = J0[k];
                double n = N0[k];
                g0 += n * If97Math.IntPow(tau, jk);
                if (jk != 0)
                {
                    g0Tau += n * jk * If97Math.IntPow(tau, jk - 1);
                    if (jk != 1)
                    {
                        g0TauTau += n * jk * (jk - 1) * If97Math.IntPow(tau, jk - 2);
                    }
                }
            }
        }

        /// <summary>Residual part γʳ and its derivatives (Table 14) at π, τ; base of the τ-series is τ − 0.5.</summary>
        private static void Residual(double pi, double tau, out double gr, out double grPi, out double grPiPi,
            out double grTau, out double grTauTau, out double grPiTau)
        {
            double x = tau - 0.5;
            gr = 0.0;
            grPi = 0.0;
            grPiPi = 0.0;
            grTau = 0.0;
            grTauTau = 0.0;
            grPiTau = 0.0;
            for (int k = 0; k < Nr.Length; k++)
            {
                int ik = Ir[k];
                int jk = Jr[k];
                double n = Nr[k];
                // I ≥ 1 for every residual term, so π^(I−1) never divides by zero.
                double piIm1 = If97Math.IntPow(pi, ik - 1);
                double piI = piIm1 * pi;
                double xJ = If97Math.IntPow(x, jk);
                gr += n * piI * xJ;
                grPi += n * ik * piIm1 * xJ;
                if (ik != 1)
                {
                    grPiPi += n * ik * (ik - 1) * If97Math.IntPow(pi, ik - 2) * xJ;
                }

                if (jk != 0)
                {
                    double xJm1 = If97Math.IntPow(x, jk - 1);
                    grTau += n * piI * jk * xJm1;
                    grPiTau += n * ik * piIm1 * jk * xJm1;
                    if (jk != 1)
                    {
                        grTauTau += n * piI * jk * (jk - 1) * If97Math.IntPow(x, jk - 2);
                    }
                }
            }
        }

        /// <summary>Fills <paramref name="result"/> from Table 12 (relations of the properties to γ° and γʳ).</summary>
        public static void Compute(double pressureMpaAbs, double temperatureK, SteamState result)
        {
            double pi = pressureMpaAbs / ReducingPressureMpa;
            double tau = ReducingTemperatureK / temperatureK;
            double g0, g0t, g0tt;
            IdealGas(pi, tau, out g0, out g0t, out g0tt);
            double gr, grp, grpp, grt, grtt, grpt;
            Residual(pi, tau, out gr, out grp, out grpp, out grt, out grtt, out grpt);
            double r = If97Math.GasConstantKjPerKgK;
            double rt = r * temperatureK;
            double gp = 1.0 / pi + grp;
            double gt = g0t + grt;
            double gtt = g0tt + grtt;

            result.PressureMpaAbs = pressureMpaAbs;
            result.TemperatureK = temperatureK;
            result.SpecificVolumeM3PerKg = pi * gp * rt / pressureMpaAbs * 1e-3;
            result.EnthalpyKjPerKg = tau * gt * rt;
            result.InternalEnergyKjPerKg = (tau * gt - pi * gp) * rt;
            result.EntropyKjPerKgK = (tau * gt - (g0 + gr)) * r;
            result.IsobaricHeatCapacityKjPerKgK = -tau * tau * gtt * r;
            // w² = R·T·(1 + 2πγʳπ + π²γʳπ²) / ((1 − π²γʳππ) + (1 + πγʳπ − τπγʳπτ)²/(τ²(γ°ττ + γʳττ))).
            double piGrp = pi * grp;
            double numerator = 1.0 + 2.0 * piGrp + piGrp * piGrp;
            double c = 1.0 + piGrp - tau * pi * grpt;
            double denominator = (1.0 - pi * pi * grpp) + c * c / (tau * tau * gtt);
            result.SpeedOfSoundMPerS = System.Math.Sqrt(rt * 1000.0 * numerator / denominator);
        }

        /// <summary>h = R·T·τ·(γ°τ + γʳτ) without the other derivatives.</summary>
        public static double Enthalpy(double pressureMpaAbs, double temperatureK)
        {
            double pi = pressureMpaAbs / ReducingPressureMpa;
            double tau = ReducingTemperatureK / temperatureK;
            double g0t = 0.0;
            for (int k = 0; k < N0.Length; k++)
            {
                int jk = J0[k];
                if (jk != 0)
                {
                    g0t += N0[k] * jk * If97Math.IntPow(tau, jk - 1);
                }
            }

            double x = tau - 0.5;
            double grt = 0.0;
            for (int k = 0; k < Nr.Length; k++)
            {
                int jk = Jr[k];
                if (jk != 0)
                {
                    grt += Nr[k] * If97Math.IntPow(pi, Ir[k]) * jk * If97Math.IntPow(x, jk - 1);
                }
            }

            return tau * (g0t + grt) * If97Math.GasConstantKjPerKgK * temperatureK;
        }
    }
}
