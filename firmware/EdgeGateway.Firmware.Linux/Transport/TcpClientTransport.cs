using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Linux.Transport
{
    /// <summary>
    /// A TCP connection (Modbus TCP) with Nagle off (a request is one small segment; waiting to coalesce would add
    /// up to 40 ms per poll). Reads use Socket.Poll + Receive on the caller's buffer: no allocation per call.
    /// After any failure the socket is closed; the next Open (the Modbus client calls it when !IsOpen) reconnects.
    /// </summary>
    public sealed class TcpClientTransport : IByteTransport, IDisposable
    {
        private readonly string _host;
        private readonly int _port;
        private readonly int _connectTimeoutMs;
        private readonly byte[] _discard = new byte[512];
        private Socket? _socket;

        public TcpClientTransport(string host, int port, int connectTimeoutMs = 3000)
        {
            if (string.IsNullOrWhiteSpace(host))
            {
                throw new InputException("host", "missing", "a host name or IP address, e.g. 192.168.1.50");
            }

            if (port < 1 || port > 65535)
            {
                throw new InputException("port", port.ToString(CultureInfo.InvariantCulture), "1..65535 (Modbus TCP default is 502)");
            }

            if (connectTimeoutMs < 1)
            {
                throw new InputException("connectTimeoutMs", connectTimeoutMs.ToString(CultureInfo.InvariantCulture), "1 or more milliseconds");
            }

            _host = host;
            _port = port;
            _connectTimeoutMs = connectTimeoutMs;
        }

        public string Host => _host;

        public int Port => _port;

        /// <summary>How many times a connection was established (reconnects show up here).</summary>
        public int Connects { get; private set; }

        public bool IsOpen => _socket != null;

        /// <summary>Parses "host:port" as technicians type it (IPv6 as [addr]:port).</summary>
        public static TcpClientTransport Parse(string hostPort, int connectTimeoutMs = 3000)
        {
            string text = hostPort ?? string.Empty;
            int colon = text.LastIndexOf(':');
            if (colon <= 0 || colon == text.Length - 1
                || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port))
            {
                throw new InputException("--tcp", text.Length == 0 ? "missing" : text, "HOST:PORT, e.g. 127.0.0.1:502");
            }

            string host = text.Substring(0, colon).Trim('[', ']');
            return new TcpClientTransport(host, port, connectTimeoutMs);
        }

        public void Open()
        {
            Close();
            IPAddress? address;
            if (!IPAddress.TryParse(_host, out address))
            {
                try
                {
                    IPAddress[] addresses = Dns.GetHostAddresses(_host);
                    address = addresses.Length > 0 ? addresses[0] : null;
                }
                catch (SocketException ex)
                {
                    throw new TransportException("tcp " + _host + ":" + _port.ToString(CultureInfo.InvariantCulture) + ": cannot resolve the host (" + ex.Message + ")", ex);
                }

                if (address == null)
                {
                    throw new TransportException("tcp " + _host + ": the host has no address");
                }
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var cancel = new CancellationTokenSource(_connectTimeoutMs);
                socket.ConnectAsync(new IPEndPoint(address, _port), cancel.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException ex)
            {
                socket.Dispose();
                throw new TransportException("tcp " + Describe() + ": no connection within " + _connectTimeoutMs.ToString(CultureInfo.InvariantCulture) + " ms; check the address and the network", ex);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                throw new TransportException("tcp " + Describe() + ": cannot connect (" + ex.SocketErrorCode.ToString() + "); check that the device or server is running and the port is right", ex);
            }

            _socket = socket;
            Connects++;
        }

        public void Close()
        {
            Socket? socket = _socket;
            _socket = null;
            if (socket != null)
            {
                try
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                    // Already reset by the peer: nothing left to shut down.
                }

                socket.Dispose();
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Socket socket = RequireOpen();
            try
            {
                int sent = 0;
                while (sent < count)
                {
                    sent += socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
                }
            }
            catch (SocketException ex)
            {
                Close();
                throw new TransportException("tcp " + Describe() + ": send failed (" + ex.SocketErrorCode.ToString() + ")", ex);
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            Socket socket = RequireOpen();
            try
            {
                int micros = timeoutMs <= 0 ? 0 : (timeoutMs >= int.MaxValue / 1000 ? int.MaxValue : timeoutMs * 1000);
                if (!socket.Poll(micros, SelectMode.SelectRead))
                {
                    return 0;
                }

                int read = socket.Receive(buffer, offset, count, SocketFlags.None);
                if (read == 0)
                {
                    Close();
                    throw new TransportException("tcp " + Describe() + ": the server closed the connection");
                }

                return read;
            }
            catch (SocketException ex)
            {
                Close();
                throw new TransportException("tcp " + Describe() + ": receive failed (" + ex.SocketErrorCode.ToString() + ")", ex);
            }
        }

        public void DiscardInput()
        {
            Socket? socket = _socket;
            if (socket == null)
            {
                return;
            }

            try
            {
                while (socket.Available > 0)
                {
                    socket.Receive(_discard, 0, _discard.Length, SocketFlags.None);
                }
            }
            catch (SocketException ex)
            {
                Close();
                throw new TransportException("tcp " + Describe() + ": receive failed (" + ex.SocketErrorCode.ToString() + ")", ex);
            }
        }

        public void Dispose()
        {
            Close();
        }

        private string Describe()
        {
            return _host + ":" + _port.ToString(CultureInfo.InvariantCulture);
        }

        private Socket RequireOpen()
        {
            Socket? socket = _socket;
            if (socket == null)
            {
                throw new TransportException("tcp " + Describe() + " is not connected");
            }

            return socket;
        }
    }
}
