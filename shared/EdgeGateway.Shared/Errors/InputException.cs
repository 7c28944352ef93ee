using System;

namespace EdgeGateway.Shared.Errors
{
    /// <summary>
    /// A value a user or a device supplied that the engine cannot accept. It always names the field, the offending
    /// value and what is allowed, so a technician or inspector can fix the input without reading code; front ends
    /// print <see cref="Exception.Message"/> as one line and exit with code 2.
    /// </summary>
    public class InputException : Exception
    {
        public InputException(string field, string value, string allowed)
            : base(field + " = " + value + ": " + allowed)
        {
            Field = field;
            Value = value;
            Allowed = allowed;
        }

        /// <summary>The input field, as the user named it (for example "measurements.flueGasO2PercentDry").</summary>
        public string Field { get; }

        /// <summary>The offending value as text ("missing" when it was absent).</summary>
        public string Value { get; }

        /// <summary>What is allowed, and what to do.</summary>
        public string Allowed { get; }

        /// <summary>Formats a double for messages without culture surprises (nanoFramework has no CultureInfo).</summary>
        public static string Format(double value)
        {
            return value.ToString("G6");
        }
    }
}
