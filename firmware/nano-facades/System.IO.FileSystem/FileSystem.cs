// Reference facade (compile-only). Mirrors github.com/nanoframework/System.IO.FileSystem, tag v1.1.93, upstream files System.IO.FileSystem/{File,Directory,DirectoryInfo,FileSystemInfo,FileStream,FileMode,FileAccess,FileShare}.cs (note: upstream File has no Replace, and File.Move throws when the destination exists);
// NuGet package nanoFramework.System.IO.FileSystem 1.1.93 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    [Flags]
    public enum FileShare
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public static class File
    {
        public static void Delete(string path) => throw null;
        public static bool Exists(string path) => throw null;
        public static void Move(string sourceFileName, string destFileName) => throw null;
        public static FileStream Create(string path) => throw null;
        public static FileStream OpenRead(string path) => throw null;
        public static byte[] ReadAllBytes(string path) => throw null;
        public static void WriteAllBytes(string path, byte[] bytes) => throw null;
    }

    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path) => throw null;
        public static bool Exists(string path) => throw null;
        public static string[] GetFiles(string path) => throw null;
    }

    public abstract class FileSystemInfo : MarshalByRefObject
    {
        internal FileSystemInfo() => throw null;
        public virtual string FullName => throw null;
        public abstract bool Exists { get; }
        public abstract string Name { get; }
        public abstract void Delete();
    }

    public sealed class DirectoryInfo : FileSystemInfo
    {
        public DirectoryInfo(string path) => throw null;
        public override string Name => throw null;
        public override bool Exists => throw null;
        public override void Delete() => throw null;
        public void Create() => throw null;
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) => throw null;
        public FileStream(string path, FileMode mode, FileAccess access) => throw null;
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) => throw null;
        public override bool CanRead => throw null;
        public override bool CanSeek => throw null;
        public override bool CanWrite => throw null;
        public override long Length => throw null;
        public override long Position { get => throw null; set => throw null; }
        public string Name => throw null;
        public override void Close() => throw null;
        protected override void Dispose(bool disposing) => throw null;
        public override void Flush() => throw null;
        public override int Read(byte[] buffer, int offset, int count) => throw null;
        public override int Read(SpanByte buffer) => throw null;
        public override int ReadByte() => throw null;
        public override long Seek(long offset, SeekOrigin origin) => throw null;
        public override void SetLength(long value) => throw null;
        public override void Write(byte[] buffer, int offset, int count) => throw null;
        public override void WriteByte(byte value) => throw null;
    }
}
