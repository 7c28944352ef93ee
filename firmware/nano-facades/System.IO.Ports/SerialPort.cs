// Reference facade (compile-only). Mirrors github.com/nanoframework/System.IO.Ports, tag v1.1.139, upstream files System.IO.Ports/{SerialPort,SerialMode,Parity,StopBits,Handshake,SerialData}.cs (note: upstream SerialPort has no DiscardInBuffer);
// NuGet package nanoFramework.System.IO.Ports 1.1.139 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
namespace System.IO.Ports
{
    public enum Handshake
    {
        None,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff
    }

    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2
    }

    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3
    }

    public enum SerialMode
    {
        Normal,
        RS485
    }

    public enum SerialData
    {
        Chars = 1,
        WatchChar = 2
    }

    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) => throw null;
        public void Open() => throw null;
        public void Close() => throw null;
        public static string[] GetPortNames() => throw null;
        public int BaudRate { get => throw null; set => throw null; }
        public Handshake Handshake { get => throw null; set => throw null; }
        public int DataBits { get => throw null; set => throw null; }
        public Parity Parity { get => throw null; set => throw null; }
        public SerialMode Mode { get => throw null; set => throw null; }
        public StopBits StopBits { get => throw null; set => throw null; }
        public string PortName => throw null;
        public bool IsOpen => throw null;
        public int ReadTimeout { get => throw null; set => throw null; }
        public int WriteTimeout { get => throw null; set => throw null; }
        public int BytesToRead => throw null;
        public int ReadBufferSize { get => throw null; set => throw null; }
        public int WriteBufferSize { get => throw null; set => throw null; }
        public int Read(byte[] buffer, int offset, int count) => throw null;
        public int ReadByte() => throw null;
        public void Write(byte[] buffer, int offset, int count) => throw null;
        public void WriteByte(byte value) => throw null;
        public void Dispose() => throw null;
    }
}
