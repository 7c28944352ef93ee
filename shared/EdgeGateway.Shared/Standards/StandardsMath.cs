using System;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Standards
{
    /// <summary>Small helpers shared by the grading engines (portable: no Math.Round(x, digits) on nanoFramework).</summary>
    public static class StandardsMath
    {
        /// <summary>Tolerance for "value equals limit" comparisons: the tables have at most 3 decimals, so 1e-9 only
        /// absorbs binary floating-point noise (0.57 typed by a user equals the 0.57 limit).</summary>
        public const double Epsilon = 1e-9;

        /// <summary>Rounds half away from zero to one decimal (how IEC 60034-30-1 rounds formula values).</summary>
        public static double RoundToTenth(double value)
        {
            return value >= 0 ? Math.Floor(value * 10.0 + 0.5) / 10.0 : -Math.Floor(-value * 10.0 + 0.5) / 10.0;
        }

        public static bool IsFinite(double value)
        {
            return !double.IsNaN(value) && !double.IsInfinity(value);
        }

        /// <summary>True when <paramref name="a"/> equals <paramref name="b"/> within a relative 1e-9.</summary>
        public static bool Same(double a, double b)
        {
            return Math.Abs(a - b) <= Epsilon * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));
        }

        /// <summary>Throws <see cref="InputException"/> unless the value is finite and strictly positive.</summary>
        public static void RequirePositive(string field, double value, string allowed)
        {
            if (!IsFinite(value) || value <= 0)
            {
                throw new InputException(field, InputException.Format(value), allowed);
            }
        }

        /// <summary>Whether <paramref name="value"/> lies in an interval from a generated table (NaN min = no condition).</summary>
        public static bool InInterval(double value, double min, bool minInclusive, double max, bool maxInclusive)
        {
            if (double.IsNaN(min))
            {
                return true;
            }

            bool aboveMin = minInclusive ? value >= min - Epsilon * Math.Max(1.0, Math.Abs(min)) : value > min + Epsilon * Math.Max(1.0, Math.Abs(min));
            if (!aboveMin)
            {
                return false;
            }

            if (double.IsPositiveInfinity(max))
            {
                return true;
            }

            return maxInclusive ? value <= max + Epsilon * Math.Max(1.0, Math.Abs(max)) : value < max - Epsilon * Math.Max(1.0, Math.Abs(max));
        }

        /// <summary>Formats an interval for messages, e.g. "[17700, 21000]" or "(21000, ∞)".</summary>
        public static string FormatInterval(double min, bool minInclusive, double max, bool maxInclusive)
        {
            if (double.IsNaN(min))
            {
                return "any";
            }

            string top = double.IsPositiveInfinity(max) ? "inf)" : InputException.Format(max) + (maxInclusive ? "]" : ")");
            return (minInclusive ? "[" : "(") + InputException.Format(min) + ", " + top;
        }
    }
}
