using System;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Shared.Transformers
{
    /// <summary>
    /// Transformer efficiency from the nameplate loss model [M]: η = β·S_N·cosφ / (β·S_N·cosφ + P0 + β²·Pk), best at
    /// β_opt = √(P0/Pk). Preferred over measuring P1 − P2 with two meters, which at 98–99 % efficiency is uncertain by
    /// about ±30 % in the loss.
    /// </summary>
    public static class TransformerEfficiency
    {
        /// <summary>Losses at load factor β (S2/S_N), kW: P0 + β²·Pk.</summary>
        public static double LossesKw(double noLoadLossKw, double loadLossKw, double loadFactor)
        {
            ValidateLosses(noLoadLossKw, loadLossKw);
            ValidateLoadFactor(loadFactor);
            return noLoadLossKw + loadFactor * loadFactor * loadLossKw;
        }

        /// <summary>Efficiency in % at load factor β and power factor cosφ.</summary>
        public static double EfficiencyPercent(double ratedKva, double noLoadLossKw, double loadLossKw, double loadFactor, double powerFactor)
        {
            StandardsMath.RequirePositive("ratedKva", ratedKva, "rated capacity in kVA, above 0");
            ValidateLosses(noLoadLossKw, loadLossKw);
            TransformerGrading.RequirePlausibleLosses(ratedKva, noLoadLossKw, loadLossKw);
            ValidateLoadFactor(loadFactor);
            if (!StandardsMath.IsFinite(powerFactor) || powerFactor <= 0 || powerFactor > 1)
            {
                throw new InputException("powerFactor", InputException.Format(powerFactor), "load power factor cos(phi), above 0 and at most 1");
            }

            double outputKw = loadFactor * ratedKva * powerFactor;
            if (outputKw <= 0)
            {
                return 0.0;
            }

            return outputKw / (outputKw + noLoadLossKw + loadFactor * loadFactor * loadLossKw) * 100.0;
        }

        /// <summary>The load factor of maximum efficiency, √(P0/Pk) (where copper loss equals iron loss).</summary>
        public static double OptimalLoadFactor(double noLoadLossKw, double loadLossKw)
        {
            ValidateLosses(noLoadLossKw, loadLossKw);
            return Math.Sqrt(noLoadLossKw / loadLossKw);
        }

        private static void ValidateLosses(double noLoadLossKw, double loadLossKw)
        {
            StandardsMath.RequirePositive("noLoadLossKw", noLoadLossKw, "no-load loss P0 in kW, above 0");
            StandardsMath.RequirePositive("loadLossKw", loadLossKw, "load loss Pk in kW at rated current, above 0");
        }

        private static void ValidateLoadFactor(double loadFactor)
        {
            if (!StandardsMath.IsFinite(loadFactor) || loadFactor < 0 || loadFactor > 2)
            {
                throw new InputException("loadFactor", InputException.Format(loadFactor), "load factor S2/S_N, from 0 to 2");
            }
        }
    }
}
