using System.IO;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>
    /// The store-and-forward queue's files in a folder of the littlefs partition (default I:\store\).
    /// Segments stay open for appending while the uplink reads them through a second handle, so every stream is opened
    /// with FileShare.ReadWrite (nanoFramework checks sharing in managed code, FileSystemManager).
    /// Flush is FileStream.Flush, which makes littlefs commit the file's metadata: what was flushed survives a power cut.
    /// ReplaceAtomic (the cursor) uses <see cref="LittleFsConfigStore"/>'s .new/.commit scheme, because File.Move
    /// cannot overwrite; ReadSmall finishes or discards an interrupted replace first. RecordStore ignores the .new and
    /// .commit names in <see cref="List"/> (they are not segment names).
    /// </summary>
    public sealed class LittleFsStoreFiles : IStoreFiles
    {
        private readonly string _folder;

        /// <param name="folder">An absolute folder on the device, e.g. I:\store\ (created when missing).</param>
        public LittleFsStoreFiles(string folder)
        {
            if (folder == null || folder.Length < 3 || folder[1] != ':')
            {
                throw new InputException("store.path", folder == null ? "(none)" : folder, "a folder on the device's littlefs drive, e.g. I:\\store");
            }

            _folder = folder.EndsWith("\\") ? folder : folder + "\\";
            if (!Directory.Exists(_folder))
            {
                Directory.CreateDirectory(_folder);
            }
        }

        public string[] List()
        {
            // Upstream returns full paths; the store wants names.
            string[] paths = Directory.GetFiles(_folder);
            for (int i = 0; i < paths.Length; i++)
            {
                paths[i] = paths[i].Substring(paths[i].LastIndexOf('\\') + 1);
            }

            return paths;
        }

        public IStoreFile Open(string name, bool create)
        {
            string path = _folder + name;
            if (!create && !File.Exists(path))
            {
                return null;
            }

            return new StoreFile(new FileStream(path, create ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite));
        }

        public void Delete(string name)
        {
            string path = _folder + name;
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        public void ReplaceAtomic(string name, byte[] data, int count)
        {
            // RecordStore calls this under its own lock.
            LittleFsConfigStore.ReplaceFile(_folder + name, data, count);
        }

        public int ReadSmall(string name, byte[] buffer)
        {
            string path = _folder + name;
            LittleFsConfigStore.Recover(path);
            if (!File.Exists(path))
            {
                return -1;
            }

            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (stream.Length > buffer.Length)
                {
                    return -1;
                }

                return ReadFully(stream, buffer, 0, buffer.Length);
            }
        }

        private static int ReadFully(FileStream stream, byte[] buffer, int offset, int count)
        {
            int total = 0;
            int n;
            while (total < count && (n = stream.Read(buffer, offset + total, count - total)) > 0)
            {
                total += n;
            }

            return total;
        }

        private sealed class StoreFile : IStoreFile
        {
            private readonly FileStream _stream;

            public StoreFile(FileStream stream)
            {
                _stream = stream;
            }

            public long Length => _stream.Length;

            public int ReadAt(long position, byte[] buffer, int offset, int count)
            {
                _stream.Seek(position, SeekOrigin.Begin);
                return ReadFully(_stream, buffer, offset, count);
            }

            public void Append(byte[] buffer, int offset, int count)
            {
                _stream.Seek(0, SeekOrigin.End);
                _stream.Write(buffer, offset, count);
            }

            public void Truncate(long length)
            {
                _stream.SetLength(length);
            }

            public void Flush()
            {
                _stream.Flush();
            }

            public void Close()
            {
                _stream.Close();
            }
        }
    }
}
