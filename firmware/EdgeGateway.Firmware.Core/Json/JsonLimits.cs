namespace EdgeGateway.Firmware.Core.Json
{
    /// <summary>
    /// Bounds the reader enforces so a hostile or broken document (a remote configuration is input from the network)
    /// cannot exhaust the ~100 KB heap of an ESP32 or its stack. Defaults fit a gateway configuration with inline
    /// profiles and a PEM certificate; exceeding one is an error naming the limit, never a crash.
    /// </summary>
    public sealed class JsonLimits
    {
        /// <summary>Deepest nesting of objects and arrays (a gateway configuration needs 6).</summary>
        public int MaxDepth = 32;

        /// <summary>Largest document, in bytes.</summary>
        public int MaxInputBytes = 128 * 1024;

        /// <summary>Longest string, in bytes of UTF-8 source (a PEM CA certificate chain is 2–6 KB).</summary>
        public int MaxStringBytes = 16 * 1024;

        /// <summary>Most members of one object or items of one array.</summary>
        public int MaxContainerItems = 2048;

        public static JsonLimits Default() { return new JsonLimits(); }
    }
}
