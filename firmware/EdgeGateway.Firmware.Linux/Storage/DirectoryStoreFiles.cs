using System;
using System.IO;
using EdgeGateway.Firmware.Core.StoreForward;

namespace EdgeGateway.Firmware.Linux.Storage;

/// <summary>
/// The store-and-forward queue's files in a directory on a Linux gateway. <see cref="IStoreFile.Flush"/> is a real
/// fsync (<c>FileStream.Flush(true)</c>), so "flushed" means it survives a power cut, not just a process kill.
/// </summary>
public sealed class DirectoryStoreFiles : IStoreFiles
{
    private readonly string directory;

    public DirectoryStoreFiles(string directory)
    {
        this.directory = directory;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"store directory '{directory}' cannot be created: {e.Message}; point the gateway's store.path at a writable directory", e);
        }
    }

    public string[] List()
    {
        string[] paths = Directory.GetFiles(directory);
        for (int i = 0; i < paths.Length; i++)
        {
            paths[i] = Path.GetFileName(paths[i]);
        }

        return paths;
    }

    public IStoreFile? Open(string name, bool create)
    {
        string path = Path.Combine(directory, name);
        if (!create && !File.Exists(path))
        {
            return null;
        }

        var stream = new FileStream(path, create ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);
        return new StoreFile(stream);
    }

    public void Delete(string name) => File.Delete(Path.Combine(directory, name));

    public void ReplaceAtomic(string name, byte[] data, int count)
    {
        string path = Path.Combine(directory, name);
        string temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(data, 0, count);
            stream.Flush(true);
        }

        File.Move(temp, path, overwrite: true); // rename(2): atomic on POSIX file systems
    }

    public int ReadSmall(string name, byte[] buffer)
    {
        string path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            return -1;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        int total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
        }

        return stream.Length > buffer.Length ? -1 : total;
    }

    private sealed class StoreFile : IStoreFile
    {
        private readonly FileStream stream;

        public StoreFile(FileStream stream) => this.stream = stream;

        public long Length => stream.Length;

        public int ReadAt(long position, byte[] buffer, int offset, int count)
        {
            stream.Position = position;
            int total = 0;
            int n;
            while (total < count && (n = stream.Read(buffer, offset + total, count - total)) > 0)
            {
                total += n;
            }

            return total;
        }

        public void Append(byte[] buffer, int offset, int count)
        {
            stream.Seek(0, SeekOrigin.End);
            stream.Write(buffer, offset, count);
        }

        public void Truncate(long length) => stream.SetLength(length);

        public void Flush() => stream.Flush(true);

        public void Close() => stream.Dispose();
    }
}
