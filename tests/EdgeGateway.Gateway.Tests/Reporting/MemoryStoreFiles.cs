using System;
using System.Collections.Generic;
using EdgeGateway.Firmware.Core.StoreForward;

namespace EdgeGateway.Gateway.Tests.Reporting;

/// <summary>
/// Store files in memory with a preallocated buffer per file, so appends allocate nothing: lets the allocation test
/// measure the portable code (report builder + RecordStore logic) apart from .NET's FileStream.
/// </summary>
internal sealed class MemoryStoreFiles : IStoreFiles
{
    private readonly Dictionary<string, MemoryFile> files = new();
    private readonly int capacityPerFile;

    public MemoryStoreFiles(int capacityPerFile) => this.capacityPerFile = capacityPerFile;

    public string[] List() => new List<string>(files.Keys).ToArray();

    public IStoreFile? Open(string name, bool create)
    {
        if (files.TryGetValue(name, out var f))
        {
            return f;
        }

        if (!create)
        {
            return null;
        }

        f = new MemoryFile(capacityPerFile);
        files[name] = f;
        return f;
    }

    public void Delete(string name) => files.Remove(name);

    public void ReplaceAtomic(string name, byte[] data, int count)
    {
        var f = new MemoryFile(Math.Max(count, 64));
        f.Append(data, 0, count);
        files[name] = f;
    }

    public int ReadSmall(string name, byte[] buffer)
    {
        if (!files.TryGetValue(name, out var f))
        {
            return -1;
        }

        return f.ReadAt(0, buffer, 0, (int)Math.Min(buffer.Length, f.Length));
    }

    private sealed class MemoryFile : IStoreFile
    {
        private byte[] data;

        public MemoryFile(int capacity) => data = new byte[capacity];

        public long Length { get; private set; }

        public int ReadAt(long position, byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Max(0, Math.Min(count, Length - position));
            Buffer.BlockCopy(data, (int)position, buffer, offset, n);
            return n;
        }

        public void Append(byte[] buffer, int offset, int count)
        {
            if (Length + count > data.Length)
            {
                Array.Resize(ref data, (int)Math.Max(data.Length * 2L, Length + count));
            }

            Buffer.BlockCopy(buffer, offset, data, (int)Length, count);
            Length += count;
        }

        public void Truncate(long length) => Length = Math.Min(Length, length);

        public void Flush()
        {
        }

        public void Close()
        {
        }
    }
}
