using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Boilers.Efficiency
{
    /// <summary>Input checks shared by the efficiency methods; every failure is an InputException naming the field.</summary>
    internal static class Check
    {
        public const string Prefix = "measurements.";

        public static bool IsGiven(double value)
        {
            return !double.IsNaN(value);
        }

        public static string Text(double value)
        {
            return double.IsNaN(value) ? "missing" : InputException.Format(value);
        }

        /// <summary>A required finite number.</summary>
        public static double Required(string jsonName, double value, string why)
        {
            if (double.IsNaN(value))
            {
                throw new InputException(Prefix + jsonName, "missing", "required " + why);
            }

            if (double.IsInfinity(value))
            {
                throw new InputException(Prefix + jsonName, Text(value), "a finite number");
            }

            return value;
        }

        public static double RequiredPositive(string jsonName, double value, string unit, string why)
        {
            Required(jsonName, value, why);
            if (value <= 0.0)
            {
                throw new InputException(Prefix + jsonName, Text(value), "must be greater than 0 " + unit);
            }

            return value;
        }

        public static double RequiredNonNegative(string jsonName, double value, string unit, string why)
        {
            Required(jsonName, value, why);
            if (value < 0.0)
            {
                throw new InputException(Prefix + jsonName, Text(value),
                    "must not be negative (≥ 0 " + unit + "); check the sign and the meter's direction");
            }

            return value;
        }

        /// <summary>An optional flow: NaN → 0; given → must be finite and ≥ 0.</summary>
        public static double OptionalNonNegative(string jsonName, double value, string unit)
        {
            if (double.IsNaN(value))
            {
                return 0.0;
            }

            if (double.IsInfinity(value) || value < 0.0)
            {
                throw new InputException(Prefix + jsonName, Text(value),
                    "must not be negative (≥ 0 " + unit + ") or leave it out");
            }

            return value;
        }

        /// <summary>A required percentage in [0, max].</summary>
        public static double RequiredPercent(string jsonName, double value, double maxPercent, string why)
        {
            Required(jsonName, value, why);
            if (value < 0.0 || value > maxPercent)
            {
                throw new InputException(Prefix + jsonName, Text(value),
                    "a percentage from 0 to " + InputException.Format(maxPercent));
            }

            return value;
        }

        /// <summary>A temperature in a plausible instrument range, °C.</summary>
        public static double RequiredTemperatureC(string jsonName, double value, double minC, double maxC, string why)
        {
            Required(jsonName, value, why);
            if (value < minC || value > maxC)
            {
                throw new InputException(Prefix + jsonName, Text(value),
                    "a temperature from " + InputException.Format(minC) + " to " + InputException.Format(maxC) + " °C");
            }

            return value;
        }

        public static double FlueO2Dry(double value)
        {
            Required("flueGasO2PercentDry", value, "for the heat-loss method (O₂ in dry flue gas, vol %)");
            if (value < 0.0 || value >= 21.0)
            {
                throw new InputException(Prefix + "flueGasO2PercentDry", Text(value),
                    "O₂ in dry flue gas must be ≥ 0 and below 21 vol % (21 % is air: probe out of the duct or burner off)");
            }

            return value;
        }
    }
}
