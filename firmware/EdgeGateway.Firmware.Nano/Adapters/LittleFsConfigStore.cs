using System.IO;
using EdgeGateway.Firmware.Core.Storage;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>
    /// IConfigStore on the ESP32's littlefs configuration partition (drive I:).
    /// nanoFramework's File.Move refuses an existing destination and there is no File.Replace, so an atomic replace
    /// uses a commit marker:
    ///   1. write name.new and close it (littlefs commits the file on close);
    ///   2. create name.commit (empty): from here on name.new is known to be complete;
    ///   3. delete name, move name.new to name, delete name.commit.
    /// Recovery (on every Read/Exists): a marker means finish steps 3; a name.new without a marker is a torn write and
    /// is deleted, leaving the old content. A power cut at any point yields the old or the new blob, never a mix.
    /// Blobs are stored as plain files, so a technician can also deploy gateway.json with nanoff --filedeployment.
    /// </summary>
    public sealed class LittleFsConfigStore : IConfigStore
    {
        public const string DefaultRoot = "I:\\";

        private const string NewSuffix = ".new";
        private const string CommitSuffix = ".commit";

        private readonly string _root;
        private readonly object _lock = new object();

        public LittleFsConfigStore(string root)
        {
            if (root == null || !root.EndsWith("\\"))
            {
                throw new InputException("storage.root", root == null ? "(none)" : root, "a drive or folder ending in a backslash, e.g. I:\\");
            }

            _root = root;
        }

        public byte[] Read(string name)
        {
            string path = PathOf(name);
            lock (_lock)
            {
                Recover(path);
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
        }

        public bool Exists(string name)
        {
            string path = PathOf(name);
            lock (_lock)
            {
                Recover(path);
                return File.Exists(path);
            }
        }

        public void WriteAtomic(string name, byte[] data)
        {
            if (data == null)
            {
                throw new InputException("storage.data", "(null)", "the bytes to store (use an empty array for an empty blob)");
            }

            string path = PathOf(name);
            lock (_lock)
            {
                ReplaceFile(path, data, data.Length);
            }
        }

        /// <summary>
        /// Replaces the file at <paramref name="path"/> with the first <paramref name="count"/> bytes of
        /// <paramref name="data"/> by the .new/.commit scheme above (also used by <see cref="LittleFsStoreFiles"/>).
        /// The caller serialises calls for one path.
        /// </summary>
        internal static void ReplaceFile(string path, byte[] data, int count)
        {
            string newPath = path + NewSuffix;
            string commitPath = path + CommitSuffix;
            Recover(path);
            using (var stream = new FileStream(newPath, FileMode.Create, FileAccess.Write))
            {
                stream.Write(data, 0, count);
                stream.Flush();
            }

            using (var marker = new FileStream(commitPath, FileMode.Create, FileAccess.Write))
            {
                marker.Flush();
            }

            Commit(path, newPath, commitPath);
        }

        /// <summary>Finishes or discards an interrupted replace of <paramref name="path"/> (see the class summary).</summary>
        internal static void Recover(string path)
        {
            string newPath = path + NewSuffix;
            string commitPath = path + CommitSuffix;
            if (File.Exists(commitPath))
            {
                if (File.Exists(newPath))
                {
                    Commit(path, newPath, commitPath);
                }
                else
                {
                    // The move already happened; only the marker was left behind.
                    File.Delete(commitPath);
                }
            }
            else if (File.Exists(newPath))
            {
                // Torn write: the marker was never created, so the old blob is still the valid one.
                File.Delete(newPath);
            }
        }

        private static void Commit(string path, string newPath, string commitPath)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(newPath, path);
            File.Delete(commitPath);
        }

        private string PathOf(string name)
        {
            if (name == null || name.Length == 0 || name.IndexOf('\\') >= 0 || name.IndexOf('/') >= 0 || name.IndexOf(':') >= 0
                || name.EndsWith(NewSuffix) || name.EndsWith(CommitSuffix))
            {
                throw new InputException("storage.name", name == null ? "(none)" : name, "a plain file name such as gateway.json (no path, no .new/.commit suffix)");
            }

            return _root + name;
        }
    }
}
