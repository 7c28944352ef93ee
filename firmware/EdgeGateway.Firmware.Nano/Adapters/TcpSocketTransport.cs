using System;
using System.Net;
using System.Net.Sockets;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>Modbus TCP connection over the device's Wi-Fi/Ethernet interface (System.Net sockets).</summary>
    public sealed class TcpSocketTransport : IByteTransport
    {
        private const int SendTimeoutMs = 5000;

        private readonly string _host;
        private readonly int _port;
        private readonly byte[] _discardBuffer = new byte[64];
        private Socket _socket;

        public TcpSocketTransport(string host, int port)
        {
            if (host == null || host.Length == 0)
            {
                throw new InputException("tcp.host", "(empty)", "a host name or IPv4 address of the Modbus TCP device or gateway");
            }

            if (port < 1 || port > IPEndPoint.MaxPort)
            {
                throw new InputException("tcp.port", port.ToString(), "1 to 65535 (Modbus TCP uses 502)");
            }

            _host = host;
            _port = port;
        }

        public bool IsOpen => _socket != null;

        public void Open()
        {
            Close();
            Socket socket = null;
            try
            {
                IPAddress address = Resolve(_host);
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SendTimeout = SendTimeoutMs;
                socket.Connect(new IPEndPoint(address, _port));
                _socket = socket;
            }
            catch (Exception ex)
            {
                if (socket != null)
                {
                    socket.Close();
                }

                throw new TransportException("cannot connect to " + _host + ":" + _port.ToString() + ": " + ex.Message, ex);
            }
        }

        public void Close()
        {
            Socket socket = _socket;
            _socket = null;
            if (socket != null)
            {
                try
                {
                    socket.Close();
                }
                catch (Exception)
                {
                    // A reset connection may fail to close; the socket is dropped either way.
                }
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
            catch (Exception ex)
            {
                Close();
                throw new TransportException("send to " + _host + ":" + _port.ToString() + " failed: " + ex.Message, ex);
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            Socket socket = RequireOpen();
            int received;
            try
            {
                // Poll takes microseconds.
                if (!socket.Poll(timeoutMs * 1000, SelectMode.SelectRead))
                {
                    return 0;
                }

                received = socket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (Exception ex)
            {
                Close();
                throw new TransportException("receive from " + _host + ":" + _port.ToString() + " failed: " + ex.Message, ex);
            }

            if (received == 0)
            {
                // Readable with zero bytes means the peer closed the connection.
                Close();
                throw new TransportException(_host + ":" + _port.ToString() + " closed the connection");
            }

            return received;
        }

        public void DiscardInput()
        {
            Socket socket = RequireOpen();
            try
            {
                int available = socket.Available;
                while (available > 0)
                {
                    socket.Receive(_discardBuffer, 0, Math.Min(available, _discardBuffer.Length), SocketFlags.None);
                    available = socket.Available;
                }
            }
            catch (Exception ex)
            {
                Close();
                throw new TransportException("discarding input from " + _host + " failed: " + ex.Message, ex);
            }
        }

        private Socket RequireOpen()
        {
            Socket socket = _socket;
            if (socket == null)
            {
                throw new TransportException("connection to " + _host + ":" + _port.ToString() + " is not open: call Open first");
            }

            return socket;
        }

        private static IPAddress Resolve(string host)
        {
            char first = host[0];
            if (first >= '0' && first <= '9')
            {
                return IPAddress.Parse(host);
            }

            IPAddress[] addresses = Dns.GetHostEntry(host).AddressList;
            if (addresses == null || addresses.Length == 0)
            {
                throw new TransportException("DNS returned no address for " + host);
            }

            return addresses[0];
        }
    }
}
