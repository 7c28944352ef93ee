namespace EdgeGateway.Firmware.Core.Storage
{
    /// <summary>
    /// Small named blobs that survive a power cut: the gateway configuration, certificates, counters.
    /// On ESP32 the littlefs config partition; on Linux a directory. Writes are atomic: after a power cut a reader sees
    /// either the old or the new content, never a mix.
    /// </summary>
    public interface IConfigStore
    {
        /// <summary>The blob's bytes, or null when it does not exist.</summary>
        byte[] Read(string name);

        /// <summary>Replaces the blob atomically (write to a temporary name, flush, rename).</summary>
        void WriteAtomic(string name, byte[] data);

        /// <summary>True when the blob exists.</summary>
        bool Exists(string name);
    }
}
