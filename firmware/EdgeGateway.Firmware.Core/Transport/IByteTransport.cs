namespace EdgeGateway.Firmware.Core.Transport
{
    /// <summary>
    /// A byte stream to a field device: an RS-485 serial line (Modbus RTU) or a TCP socket (Modbus TCP).
    /// The Modbus framing and client depend only on this, so the same core runs on nanoFramework (SerialPort in
    /// RS-485 mode, sockets), on Linux (System.IO.Ports, System.Net.Sockets) and in tests (pty pairs, loopback).
    /// Callers pass their own buffers: implementations must not allocate per call in steady state.
    /// </summary>
    public interface IByteTransport
    {
        /// <summary>True while the port or socket is usable.</summary>
        bool IsOpen { get; }

        /// <summary>Opens (or re-opens after a failure) the port or connection. Throws TransportException when it cannot.</summary>
        void Open();

        /// <summary>Closes the port or connection; safe to call twice.</summary>
        void Close();

        /// <summary>Writes all <paramref name="count"/> bytes or throws TransportException.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes, waiting at most <paramref name="timeoutMs"/> for the first one.
        /// Returns the number read, 0 on timeout. Throws TransportException when the line or connection broke.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Drops whatever is waiting in the receive buffer (stale or corrupted bytes before a new request).</summary>
        void DiscardInput();
    }
}
