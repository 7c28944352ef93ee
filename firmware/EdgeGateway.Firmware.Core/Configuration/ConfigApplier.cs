using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Firmware.Core.Storage;
using EdgeGateway.Firmware.Core.StoreForward;

namespace EdgeGateway.Firmware.Core.Configuration
{
    public enum ConfigApplyStatus
    {
        /// <summary>Valid and different: written as gateway.json (the old one kept as gateway.previous.json); restart the runtime.</summary>
        Applied = 0,

        /// <summary>Invalid: nothing written, the running configuration stays; the report lists why.</summary>
        Rejected = 1,

        /// <summary>Valid and the same content (same hash) as what runs: nothing to do.</summary>
        Unchanged = 2,
    }

    public enum ConfigStartupStatus
    {
        /// <summary>gateway.json is valid and runs.</summary>
        Running = 0,

        /// <summary>gateway.json is missing or invalid (corrupted, or a bad manual edit): gateway.previous.json runs instead.</summary>
        Fallback = 1,

        /// <summary>Neither file holds a valid configuration: the gateway cannot run (errors say why).</summary>
        Failed = 2,
    }

    /// <summary>The outcome of <see cref="ConfigApplier.Apply"/>.</summary>
    public sealed class ConfigApplyResult
    {
        public ConfigApplyStatus Status;

        /// <summary>True only for <see cref="ConfigApplyStatus.Applied"/>: the runtime must restart with <see cref="Config"/>.</summary>
        public bool RestartRequired;

        /// <summary>What the caller does next: <see cref="ConfigApplier.RestartAction"/> or <see cref="ConfigApplier.KeepAction"/>.</summary>
        public string Action;

        /// <summary>The configuration to run after a restart (Applied only; null otherwise).</summary>
        public GatewayConfig Config;

        /// <summary>Hash of the configuration that runs after this call (the new one when applied, else the old one).</summary>
        public uint RunningHash;

        /// <summary>Hash of the desired document: canonical when it parsed, else CRC-32 of its raw bytes.</summary>
        public uint DesiredHash;

        public ConfigValidationResult Validation;

        /// <summary>The JSON document to publish (retained, QoS 1) on config/reported.</summary>
        public byte[] Reported;

        public string StatusName
        {
            get { return ConfigApplier.StatusName(Status); }
        }
    }

    /// <summary>The outcome of <see cref="ConfigApplier.LoadAtStartup"/>.</summary>
    public sealed class ConfigStartupResult
    {
        public ConfigStartupStatus Status;

        /// <summary>The configuration to run (null when Failed).</summary>
        public GatewayConfig Config;

        /// <summary>Which blob it came from: "gateway.json" or "gateway.previous.json" (null when Failed).</summary>
        public string Source;

        /// <summary>Validation of gateway.json (errors explain a fallback).</summary>
        public ConfigValidationResult Current;

        /// <summary>Validation of gateway.previous.json (null when it was not needed).</summary>
        public ConfigValidationResult Previous;

        /// <summary>The JSON document to publish on config/reported once the uplink is up.</summary>
        public byte[] Reported;

        /// <summary>One line for the log and the status page.</summary>
        public string Message;
    }

    /// <summary>
    /// Remote configuration, the same on every platform. The fleet publishes a desired configuration (MQTT
    /// config/desired, retained); the gateway validates it and either applies it atomically — previous kept as
    /// gateway.previous.json, new written as gateway.json through <see cref="IConfigStore.WriteAtomic"/>, then a runtime
    /// restart — or keeps the running one and reports why. At start-up a gateway.json that fails validation (a torn
    /// flash write, a bad manual edit) falls back to gateway.previous.json, and the report says why.
    /// Order of writes in Apply: previous first, then current; a power cut between them leaves the old configuration
    /// in both, so the gateway restarts on the old one and the fleet (which sees the old hash reported) re-sends.
    /// </summary>
    public sealed class ConfigApplier
    {
        public const string CurrentName = "gateway.json";
        public const string PreviousName = "gateway.previous.json";
        public const string RestartAction = "apply: restart runtime with new config";
        public const string KeepAction = "keep running";

        /// <summary>At most this many errors go into a report (keeps the retained message small; errorCount tells the total).</summary>
        public const int MaxReportedErrors = 20;

        private readonly IConfigStore store;
        private readonly IProfileResolver resolver;
        private readonly JsonLimits limits;

        public ConfigApplier(IConfigStore store)
            : this(store, null, null)
        {
        }

        /// <param name="store">Where gateway.json lives.</param>
        /// <param name="resolver">Resolves profileRef (Linux); null on devices, where configurations are inline.</param>
        /// <param name="limits">JSON limits; null for the defaults.</param>
        public ConfigApplier(IConfigStore store, IProfileResolver resolver, JsonLimits limits)
        {
            this.store = store;
            this.resolver = resolver;
            this.limits = limits;
        }

        /// <summary>Validates bytes the way Apply and LoadAtStartup do.</summary>
        public ConfigValidationResult Validate(byte[] json)
        {
            return ConfigLoader.Load(json, resolver, limits);
        }

        /// <summary>Reads gateway.json, falling back to gateway.previous.json when it is missing or invalid.</summary>
        public ConfigStartupResult LoadAtStartup()
        {
            var result = new ConfigStartupResult();
            byte[] current = store.Read(CurrentName);
            if (current == null)
            {
                result.Current = new ConfigValidationResult();
                result.Current.AddError(CurrentName, 0, 0, "missing", "no configuration stored; deploy gateway.json (see CONFIG.md) or publish one on config/desired");
            }
            else
            {
                result.Current = Validate(current);
                if (result.Current.IsValid)
                {
                    result.Status = ConfigStartupStatus.Running;
                    result.Config = result.Current.Config;
                    result.Source = CurrentName;
                    result.Message = "configuration " + result.Config.HashHex + " from " + CurrentName;
                    result.Reported = BuildReport("running", result.Config.Hash, result.Current.Hash, result.Current.Parsed, null, -1, CurrentName);
                    return result;
                }
            }

            byte[] previous = store.Read(PreviousName);
            if (previous != null)
            {
                result.Previous = Validate(previous);
                if (result.Previous.IsValid)
                {
                    result.Status = ConfigStartupStatus.Fallback;
                    result.Config = result.Previous.Config;
                    result.Source = PreviousName;
                    result.Message = CurrentName + " is " + (current == null ? "missing" : "invalid (" + result.Current.ErrorCount.ToString() + " errors, first: " + result.Current.ErrorAt(0).ToString() + ")")
                        + "; running " + PreviousName + " " + result.Config.HashHex;
                    result.Reported = BuildReport("fallback", result.Config.Hash, result.Current.Hash, result.Current.Parsed, result.Current, -1, PreviousName);
                    return result;
                }
            }

            result.Status = ConfigStartupStatus.Failed;
            result.Message = "no valid configuration: " + CurrentName + " " + (current == null ? "missing" : "invalid: " + result.Current.ErrorAt(0).ToString())
                + "; " + PreviousName + " " + (previous == null ? "missing" : "invalid: " + result.Previous.ErrorAt(0).ToString());
            result.Reported = BuildReport("failed", 0, result.Current.Hash, result.Current.Parsed, result.Current, -1, null);
            return result;
        }

        /// <summary>
        /// Handles a desired configuration (the payload of config/desired).
        /// </summary>
        /// <param name="desired">The document's bytes as received.</param>
        /// <param name="runningHash">Hash of the configuration running now.</param>
        /// <param name="nowUnixMs">UTC time for appliedAtUnixMs (from the injected clock).</param>
        public ConfigApplyResult Apply(byte[] desired, uint runningHash, long nowUnixMs)
        {
            var result = new ConfigApplyResult();
            ConfigValidationResult v = Validate(desired);
            result.Validation = v;
            result.DesiredHash = v.Parsed ? v.Hash : (desired == null ? 0 : Crc32.Compute(desired, 0, desired.Length));
            if (!v.IsValid)
            {
                result.Status = ConfigApplyStatus.Rejected;
                result.Action = KeepAction;
                result.RunningHash = runningHash;
                result.Reported = BuildReport("rejected", runningHash, result.DesiredHash, true, v, -1, null);
                return result;
            }

            if (v.Hash == runningHash)
            {
                // Same content as what runs. If the stored gateway.json is not that content (we run on the fallback,
                // or it was damaged), store the desired bytes so the next start-up does not fall back again.
                byte[] stored = store.Read(CurrentName);
                ConfigValidationResult storedResult = stored == null ? null : Validate(stored);
                if (storedResult == null || !storedResult.IsValid || storedResult.Hash != runningHash)
                {
                    store.WriteAtomic(CurrentName, desired);
                }

                result.Status = ConfigApplyStatus.Unchanged;
                result.Action = KeepAction;
                result.RunningHash = runningHash;
                result.Reported = BuildReport("unchanged", runningHash, v.Hash, true, v, -1, null);
                return result;
            }

            // Keep the configuration that is being replaced — but only a valid one: when we run on the fallback,
            // gateway.json is the broken file and gateway.previous.json must not be overwritten with it.
            byte[] current = store.Read(CurrentName);
            if (current != null && Validate(current).IsValid)
            {
                store.WriteAtomic(PreviousName, current);
            }

            store.WriteAtomic(CurrentName, desired);
            result.Status = ConfigApplyStatus.Applied;
            result.RestartRequired = true;
            result.Action = RestartAction;
            result.Config = v.Config;
            result.RunningHash = v.Hash;
            result.Reported = BuildReport("applied", v.Hash, v.Hash, true, v, nowUnixMs, CurrentName);
            return result;
        }

        public static string StatusName(ConfigApplyStatus status)
        {
            return status == ConfigApplyStatus.Applied ? "applied" : (status == ConfigApplyStatus.Rejected ? "rejected" : "unchanged");
        }

        /// <summary>
        /// The config/reported document: {"schemaVersion":1, "status", "hash" (what runs), "desiredHash",
        /// "appliedAtUnixMs"?, "source"?, "errorCount", "errors":[{"path","line","column","value","allowed","message"}],
        /// "warnings":[…]}. Errors are capped at <see cref="MaxReportedErrors"/>.
        /// </summary>
        public static byte[] BuildReport(string status, uint runningHash, uint desiredHash, bool desiredParsed, ConfigValidationResult validation, long appliedAtUnixMs, string source)
        {
            var w = new JsonWriter(512, false);
            w.BeginObject();
            w.Property("schemaVersion", (long)GatewayConfig.CurrentSchemaVersion);
            w.Property("status", status);
            w.Name("hash");
            if (runningHash == 0 && status == "failed")
            {
                w.Null();
            }
            else
            {
                w.String(JsonCanonical.HashHex(runningHash));
            }

            w.Property("desiredHash", JsonCanonical.HashHex(desiredHash));
            if (!desiredParsed)
            {
                w.Property("desiredHashOf", "raw bytes (not valid JSON)");
            }

            if (appliedAtUnixMs >= 0)
            {
                w.Property("appliedAtUnixMs", appliedAtUnixMs);
            }

            if (source != null)
            {
                w.Property("source", source);
            }

            int errorCount = validation == null ? 0 : validation.ErrorCount;
            w.Property("errorCount", (long)errorCount);
            w.Name("errors");
            w.BeginArray();
            for (int i = 0; i < errorCount && i < MaxReportedErrors; i++)
            {
                ConfigError e = validation.ErrorAt(i);
                w.BeginObject();
                w.Property("path", e.Path);
                w.Property("line", (long)e.Line);
                w.Property("column", (long)e.Column);
                w.Property("value", e.Value);
                w.Property("allowed", e.Allowed);
                w.Property("message", e.ToString());
                w.EndObject();
            }

            w.EndArray();
            w.Name("warnings");
            w.BeginArray();
            if (validation != null)
            {
                string[] warnings = validation.Warnings;
                for (int i = 0; i < warnings.Length && i < MaxReportedErrors; i++)
                {
                    w.String(warnings[i]);
                }
            }

            w.EndArray();
            w.EndObject();
            return w.ToArray();
        }
    }
}
