namespace EdgeGateway.Shared.Wire
{
    /// <summary>
    /// Topic layout of wire contract v1: <c>egw/v1/{site}/{device}/{leaf}</c>. Site and device identifiers are ASCII
    /// letters, digits, '-', '_' and '.', at most 32 characters, so they never contain MQTT wildcards or separators.
    /// </summary>
    public static class Topics
    {
        public const string Birth = "birth";
        public const string Death = "death";
        public const string Telemetry = "data";
        public const string Health = "health";
        public const string Gap = "gap";
        public const string ConfigDesired = "config/desired";
        public const string ConfigReported = "config/reported";

        public static string For(string siteId, string deviceId, string leaf)
        {
            Identifiers.Check("siteId", siteId);
            Identifiers.Check("deviceId", deviceId);
            return WireFormat.TopicRoot + siteId + "/" + deviceId + "/" + leaf;
        }

        /// <summary>The leaf a message type is published under.</summary>
        public static string LeafOf(MessageType type)
        {
            switch (type)
            {
                case MessageType.Birth: return Birth;
                case MessageType.Death: return Death;
                case MessageType.Telemetry: return Telemetry;
                case MessageType.Health: return Health;
                case MessageType.Gap: return Gap;
                default: return ConfigReported;
            }
        }
    }

    /// <summary>Validation of identifiers carried in topics and frames.</summary>
    public static class Identifiers
    {
        public static bool IsValid(string id)
        {
            if (id == null || id.Length == 0 || id.Length > WireFormat.MaxIdLength)
            {
                return false;
            }

            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        public static void Check(string field, string id)
        {
            if (!IsValid(id))
            {
                throw new Errors.InputException(field, id == null ? "missing" : "\"" + id + "\"",
                    "use 1 to " + WireFormat.MaxIdLength + " ASCII letters, digits, '-', '_' or '.'");
            }
        }
    }
}
