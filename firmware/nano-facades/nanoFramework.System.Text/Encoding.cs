// Reference facade (compile-only). Mirrors github.com/nanoframework/System.Text, tag v1.3.42,
// NuGet package nanoFramework.System.Text 1.3.42 (pins nanoFramework.CoreLibrary 1.17.11).
// Declares only upstream public members at that version; bodies are placeholders, never executed.
// Upstream files: nanoFramework.System.Text/Text/Encoding.cs, UTF8Encoding.cs, Decoder.cs (UTF8Decoder is internal).
namespace System.Text
{
    [Serializable]
    public abstract class Encoding
    {
        public virtual byte[] GetBytes(string s) => throw null;
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public virtual char[] GetChars(byte[] bytes) => throw null;
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
        public virtual string GetString(byte[] bytes, int index, int count) => throw null;
        public abstract Decoder GetDecoder();
        public static Encoding UTF8 => throw null;
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() => throw null;
        public override byte[] GetBytes(string s) => throw null;
        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public override char[] GetChars(byte[] bytes) => throw null;
        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
        public override Decoder GetDecoder() => throw null;
    }

    public abstract class Decoder
    {
        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount,
            char[] chars, int charIndex, int charCount, bool flush,
            out int bytesUsed, out int charsUsed, out bool completed);
    }
}
