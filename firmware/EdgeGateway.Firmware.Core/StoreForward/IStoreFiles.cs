namespace EdgeGateway.Firmware.Core.StoreForward
{
    /// <summary>
    /// The directory the store-and-forward queue keeps its segment files in. On Linux a directory on the gateway's
    /// disk (fsync on Flush); on ESP32 a folder of the littlefs data partition. Injected so the queue logic is the
    /// same on every platform and testable on real files.
    /// </summary>
    public interface IStoreFiles
    {
        /// <summary>Names of the files in the store (any order).</summary>
        string[] List();

        /// <summary>Opens a file for reading and appending, creating it when <paramref name="create"/> is true; null when absent.</summary>
        IStoreFile Open(string name, bool create);

        /// <summary>Deletes a file; no error when it is already gone.</summary>
        void Delete(string name);

        /// <summary>Replaces a small file atomically and durably (temporary file, flush, rename).</summary>
        void ReplaceAtomic(string name, byte[] data, int count);

        /// <summary>Reads a small file into <paramref name="buffer"/>; returns the byte count, or -1 when absent.</summary>
        int ReadSmall(string name, byte[] buffer);
    }

    /// <summary>One open segment file.</summary>
    public interface IStoreFile
    {
        long Length { get; }

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>; returns how many were read.</summary>
        int ReadAt(long position, byte[] buffer, int offset, int count);

        /// <summary>Appends at the end of the file (buffered until <see cref="Flush"/>).</summary>
        void Append(byte[] buffer, int offset, int count);

        /// <summary>Cuts the file to <paramref name="length"/> bytes (used to discard a torn tail after a power cut).</summary>
        void Truncate(long length);

        /// <summary>Makes everything appended so far durable (fsync): after it returns, a power cut loses none of it.</summary>
        void Flush();

        void Close();
    }
}
