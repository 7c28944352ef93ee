using System.Collections;
using System.Text;
using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Core.Configuration
{
    /// <summary>One problem in a configuration: the JSON path, where it is in the file, the offending value and what is allowed.</summary>
    public sealed class ConfigError
    {
        public ConfigError(string path, int line, int column, string value, string allowed)
        {
            Path = path;
            Line = line;
            Column = column;
            Value = value;
            Allowed = allowed;
        }

        /// <summary>JSON path such as "devices[2].unit" ("" for the whole document).</summary>
        public string Path { get; }

        /// <summary>1-based line and column of the value (or of the object missing a key); 0 when not from a file.</summary>
        public int Line { get; }

        public int Column { get; }

        /// <summary>The offending value as text, or "missing".</summary>
        public string Value { get; }

        /// <summary>What is allowed and what to do.</summary>
        public string Allowed { get; }

        /// <summary>"devices[2].unit (line 14, column 15) = 0: must be a whole number from 1 to 247 …".</summary>
        public override string ToString()
        {
            string where = Path == null || Path.Length == 0 ? "(document)" : Path;
            if (Line > 0)
            {
                where = where + " (line " + Line.ToString() + ", column " + Column.ToString() + ")";
            }

            return where + " = " + Value + ": " + Allowed;
        }
    }

    /// <summary>
    /// The outcome of loading a configuration: every error found (loading continues past an error so one run lists
    /// them all), warnings (accepted but worth a look), the hash of the document, and the configuration when valid.
    /// </summary>
    public sealed class ConfigValidationResult
    {
        private readonly ArrayList errors = new ArrayList();
        private readonly ArrayList warnings = new ArrayList();

        /// <summary>The configuration; null when there is any error.</summary>
        public GatewayConfig Config { get; internal set; }

        /// <summary>The parsed document with profileRefs resolved to inline profiles (null when it is not JSON).</summary>
        public JsonObject Document { get; internal set; }

        /// <summary>Hash of the canonical document (also when invalid, if it parsed); 0 when it did not parse.</summary>
        public uint Hash { get; internal set; }

        /// <summary>True when the document parsed as JSON (so <see cref="Hash"/> is meaningful).</summary>
        public bool Parsed { get; internal set; }

        public bool IsValid
        {
            get { return errors.Count == 0 && Config != null; }
        }

        public int ErrorCount
        {
            get { return errors.Count; }
        }

        public ConfigError ErrorAt(int index)
        {
            return (ConfigError)errors[index];
        }

        /// <summary>A copy of the errors, in the order found (document order, then cross-reference checks).</summary>
        public ConfigError[] Errors
        {
            get
            {
                var result = new ConfigError[errors.Count];
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] = (ConfigError)errors[i];
                }

                return result;
            }
        }

        public string[] Warnings
        {
            get
            {
                var result = new string[warnings.Count];
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] = (string)warnings[i];
                }

                return result;
            }
        }

        public string HashHex
        {
            get { return JsonCanonical.HashHex(Hash); }
        }

        public void AddError(string path, int line, int column, string value, string allowed)
        {
            errors.Add(new ConfigError(path, line, column, value, allowed));
        }

        /// <summary>Adds an error located at a node (its line and column).</summary>
        public void AddError(string path, JsonNode at, string value, string allowed)
        {
            errors.Add(new ConfigError(path, at == null ? 0 : at.Line, at == null ? 0 : at.Column, value, allowed));
        }

        public void AddWarning(string text)
        {
            warnings.Add(text);
        }

        /// <summary>All errors, one per line, numbered.</summary>
        public string Summary()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < errors.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append('\n');
                }

                sb.Append((i + 1).ToString());
                sb.Append(") ");
                sb.Append(((ConfigError)errors[i]).ToString());
            }

            return sb.ToString();
        }

        /// <summary>
        /// Throws one <see cref="InputException"/> summarising every error when invalid: field = the first error's path,
        /// value = its value, allowed = its message followed by the others ("; also: 2) …").
        /// </summary>
        public GatewayConfig ThrowIfInvalid()
        {
            if (IsValid)
            {
                return Config;
            }

            if (errors.Count == 0)
            {
                throw new InputException("configuration", "not loaded", "load it with ConfigLoader");
            }

            ConfigError first = (ConfigError)errors[0];
            string field = first.Path == null || first.Path.Length == 0 ? "(document)" : first.Path;
            if (first.Line > 0)
            {
                field = field + " (line " + first.Line.ToString() + ", column " + first.Column.ToString() + ")";
            }

            var sb = new StringBuilder(first.Allowed);
            if (errors.Count > 1)
            {
                sb.Append(" [");
                sb.Append(errors.Count.ToString());
                sb.Append(" errors in the configuration; also: ");
                for (int i = 1; i < errors.Count; i++)
                {
                    if (i > 1)
                    {
                        sb.Append("; ");
                    }

                    sb.Append((i + 1).ToString());
                    sb.Append(") ");
                    sb.Append(((ConfigError)errors[i]).ToString());
                }

                sb.Append(']');
            }

            throw new InputException(field, first.Value, sb.ToString());
        }
    }

    /// <summary>
    /// Turns a device's "profileRef" into an inline profile object (schema of "profile" in CONFIG.md). The Linux
    /// gateway resolves names under hardware/devices; the ESP32 has none (its configurations are always inline).
    /// </summary>
    public interface IProfileResolver
    {
        /// <summary>
        /// The inline profile for <paramref name="profileRef"/>, or null after adding the reason to
        /// <paramref name="result"/> (at <paramref name="path"/>, located at node <paramref name="at"/>).
        /// </summary>
        JsonObject Resolve(string profileRef, string path, JsonNode at, ConfigValidationResult result);
    }
}
