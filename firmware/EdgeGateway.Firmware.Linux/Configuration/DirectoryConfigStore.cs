using System;
using System.IO;
using EdgeGateway.Firmware.Core.Storage;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Linux.Configuration;

/// <summary>
/// <see cref="IConfigStore"/> as plain files in a directory (a technician can read and edit gateway.json directly).
/// WriteAtomic writes "name.tmp", fsyncs it, then renames it over "name" (rename(2) replaces atomically on POSIX file
/// systems): after a crash or power cut a reader sees the old or the new file, never a mix. A stray "name.tmp" left by
/// a crash before the rename is never read, and the next write replaces it.
/// (The directory entry itself is not fsynced — .NET cannot open a directory for fsync without native code; ext4's
/// rename-replace heuristics and the fallback to gateway.previous.json cover that last window.)
/// </summary>
public sealed class DirectoryConfigStore : IConfigStore
{
    public const string TempSuffix = ".tmp";

    private readonly string directory;
    private readonly object gate = new();

    public DirectoryConfigStore(string directory)
    {
        this.directory = directory;
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("config directory", directory, "cannot be created (" + e.Message + "); point the gateway at a writable directory");
        }
    }

    public string Directory => directory;

    /// <summary>The full path of a blob (for messages).</summary>
    public string PathOf(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            || name == "." || name == ".." || name.EndsWith(TempSuffix, StringComparison.Ordinal))
        {
            throw new InputException("config name", name ?? "(null)", "a plain file name such as gateway.json (no directory, not ending in .tmp)");
        }

        return Path.Combine(directory, name);
    }

    public byte[]? Read(string name)
    {
        string path = PathOf(name);
        lock (gate)
        {
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
        }
    }

    public bool Exists(string name)
    {
        string path = PathOf(name);
        lock (gate)
        {
            return File.Exists(path);
        }
    }

    public void WriteAtomic(string name, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        string path = PathOf(name);
        string temp = path + TempSuffix;
        lock (gate)
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(data, 0, data.Length);
                stream.Flush(true); // fsync: the new content is on disk before it gets the real name
            }

            File.Move(temp, path, overwrite: true); // rename(2): atomic replacement
        }
    }
}
