using System;
using System.IO;
using System.IO.Ports;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Linux.Transport
{
    /// <summary>
    /// A serial line (Modbus RTU) through System.IO.Ports: a real UART, a USB RS-485 adapter (most switch direction by
    /// themselves) or a pty (tests: socat pty pairs; a pty ignores baud and parity). Reads wait for the first byte up
    /// to the given timeout and return what is there, so the Modbus client can frame by length and silence.
    /// </summary>
    public sealed class SerialPortTransport : IByteTransport, IDisposable
    {
        private readonly string _portName;
        private readonly int _baud;
        private readonly Parity _parity;
        private readonly int _dataBits;
        private readonly StopBits _stopBits;
        private SerialPort? _port;
        private int _currentReadTimeoutMs = -2;

        public SerialPortTransport(string portName, int baud, Parity parity, int dataBits, StopBits stopBits)
        {
            if (string.IsNullOrEmpty(portName))
            {
                throw new InputException("serial port", "missing", "a device path such as /dev/ttyUSB0 or /dev/ttyS1");
            }

            if (baud < 50 || baud > 4_000_000)
            {
                throw new InputException("baud", baud.ToString(System.Globalization.CultureInfo.InvariantCulture), "a line speed such as 9600, 19200 or 115200");
            }

            if (dataBits < 7 || dataBits > 8)
            {
                throw new InputException("dataBits", dataBits.ToString(System.Globalization.CultureInfo.InvariantCulture), "8 for Modbus RTU (7 is only for ASCII)");
            }

            _portName = portName;
            _baud = baud;
            _parity = parity;
            _dataBits = dataBits;
            _stopBits = stopBits;
        }

        /// <summary>8 data bits, parity as given, 1 stop bit with parity and 2 without (Serial Line V1.02 §2.5.1).</summary>
        public SerialPortTransport(string portName, int baud, Parity parity)
            : this(portName, baud, parity, 8, parity == Parity.None ? StopBits.Two : StopBits.One)
        {
        }

        public string PortName => _portName;

        public int Baud => _baud;

        public Parity Parity => _parity;

        public StopBits StopBits => _stopBits;

        /// <summary>Bits per character on the wire (start + data + parity + stop), for the client's t3.5 computation.</summary>
        public int BitsPerCharacter => 1 + _dataBits + (_parity == Parity.None ? 0 : 1) + (_stopBits == StopBits.Two ? 2 : 1);

        public bool IsOpen => _port != null && _port.IsOpen;

        /// <summary>"none", "even" or "odd" (case-insensitive) as technicians type it.</summary>
        public static Parity ParseParity(string text)
        {
            switch ((text ?? string.Empty).Trim().ToUpperInvariant())
            {
                case "NONE":
                case "N":
                    return Parity.None;
                case "EVEN":
                case "E":
                    return Parity.Even;
                case "ODD":
                case "O":
                    return Parity.Odd;
                default:
                    throw new InputException("parity", text ?? "missing", "none, even or odd (Modbus RTU default is even)");
            }
        }

        public void Open()
        {
            Close();
            var port = new SerialPort(_portName, _baud, _parity, _dataBits, _stopBits)
            {
                Handshake = Handshake.None,
                ReadTimeout = 1000,
                WriteTimeout = 1000,
                ReadBufferSize = 4096,
            };
            try
            {
                port.Open();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                port.Dispose();
                throw new TransportException("serial port " + _portName + ": cannot open (" + ex.Message + "); check the path, that nothing else uses it, and permissions (group dialout)", ex);
            }

            _port = port;
            _currentReadTimeoutMs = -2;
        }

        public void Close()
        {
            SerialPort? port = _port;
            _port = null;
            if (port != null)
            {
                try
                {
                    port.Close();
                }
                catch (IOException)
                {
                    // Closing a port whose adapter was unplugged fails; it is gone either way.
                }

                port.Dispose();
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            SerialPort port = RequireOpen();
            try
            {
                port.Write(buffer, offset, count);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException)
            {
                Close();
                throw new TransportException("serial port " + _portName + ": write failed (" + ex.Message + ")", ex);
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            SerialPort port = RequireOpen();
            int timeout = timeoutMs < 1 ? 1 : timeoutMs;
            if (timeout != _currentReadTimeoutMs)
            {
                port.ReadTimeout = timeout;
                _currentReadTimeoutMs = timeout;
            }

            try
            {
                return port.Read(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                Close();
                throw new TransportException("serial port " + _portName + ": read failed (" + ex.Message + ")", ex);
            }
        }

        public void DiscardInput()
        {
            SerialPort? port = _port;
            if (port != null && port.IsOpen)
            {
                try
                {
                    port.DiscardInBuffer();
                }
                catch (IOException ex)
                {
                    Close();
                    throw new TransportException("serial port " + _portName + ": flush failed (" + ex.Message + ")", ex);
                }
            }
        }

        public void Dispose()
        {
            Close();
        }

        private SerialPort RequireOpen()
        {
            SerialPort? port = _port;
            if (port == null || !port.IsOpen)
            {
                throw new TransportException("serial port " + _portName + " is not open");
            }

            return port;
        }
    }
}
