namespace EdgeGateway.Shared.Steam
{
    /// <summary>Small numeric helpers shared by the IF97 region equations.</summary>
    internal static class If97Math
    {
        /// <summary>
        /// Specific gas constant of water used by IAPWS-IF97, kJ/(kg·K) (IAPWS R7-97(2012), eq. 1) [V].
        /// </summary>
        public const double GasConstantKjPerKgK = 0.461526;

        /// <summary>
        /// x^n for an integer n by binary exponentiation. The IF97 series use only integer exponents (up to 58 and
        /// down to -41); this is exact to a few ulp, cheaper than Math.Pow on a microcontroller and needs no
        /// allocation. x = 0 with n &lt; 0 gives infinity, as Math.Pow would.
        /// </summary>
        public static double IntPow(double x, int n)
        {
            bool negative = n < 0;
            int e = negative ? -n : n;
            double result = 1.0;
            double square = x;
            while (e != 0)
            {
                if ((e & 1) != 0)
                {
                    result *= square;
                }

                e >>= 1;
                if (e != 0)
                {
                    square *= square;
                }
            }

            return negative ? 1.0 / result : result;
        }
    }
}
