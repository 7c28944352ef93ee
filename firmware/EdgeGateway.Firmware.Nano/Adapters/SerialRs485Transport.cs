using System;
using System.IO.Ports;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Shared.Errors;
using nanoFramework.Hardware.Esp32;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>
    /// Modbus RTU line: an ESP32 UART in RS-485 half-duplex mode. SerialMode.RS485 makes the driver raise RTS while it
    /// transmits, so RTS is wired to the transceiver's DE/!RE pins (see FLASHING.md for the wiring).
    /// Reads poll BytesToRead instead of relying on SerialPort.ReadTimeout semantics, so a timeout is a plain 0.
    /// </summary>
    public sealed class SerialRs485Transport : IByteTransport
    {
        private const int PollIntervalMs = 2;

        private readonly string _portName;
        private readonly int _baudRate;
        private readonly Parity _parity;
        private readonly StopBits _stopBits;
        private readonly IClock _clock;
        // Reused by DiscardInput so steady-state polling does not allocate (upstream SerialPort has no DiscardInBuffer).
        private readonly byte[] _discardBuffer = new byte[64];
        private SerialPort _port;

        public SerialRs485Transport(string portName, int baudRate, Parity parity, StopBits stopBits, IClock clock)
        {
            if (portName == null || !portName.StartsWith("COM"))
            {
                throw new InputException("serial.port", portName == null ? "(none)" : portName, "COM1, COM2 or COM3 (an ESP32 UART)");
            }

            if (baudRate < 1200 || baudRate > 115200)
            {
                throw new InputException("serial.baudRate", baudRate.ToString(), "1200 to 115200 baud (Modbus RTU devices commonly use 9600 or 19200)");
            }

            _portName = portName;
            _baudRate = baudRate;
            _parity = parity;
            _stopBits = stopBits;
            _clock = clock;
        }

        /// <summary>
        /// Routes an ESP32 UART to GPIO pins (the bus's txPin/rxPin/rtsPin). Must run before Open. A pin below 0 keeps the
        /// firmware's default for that signal. On the reference board COM2 uses TX 17, RX 16, RTS 4 (see FLASHING.md).
        /// </summary>
        public static void AssignPins(string portName, int txPin, int rxPin, int rtsPin)
        {
            int uart = portName == "COM1" ? 1 : (portName == "COM2" ? 2 : (portName == "COM3" ? 3 : 0));
            if (uart == 0)
            {
                throw new InputException("serial.port", portName == null ? "(none)" : portName, "COM1, COM2 or COM3 (COM1 is usually the USB console; use COM2 for RS-485)");
            }

            // Upstream DeviceFunction encodes the UART index times 0x100 plus 0 (TX), 1 (RX), 2 (RTS).
            int tx = (int)DeviceFunction.COM1_TX + ((uart - 1) * 0x100);
            SetPin(txPin, tx);
            SetPin(rxPin, tx + 1);
            SetPin(rtsPin, tx + 2);
        }

        private static void SetPin(int pin, int function)
        {
            if (pin >= 0)
            {
                Configuration.SetPinFunction(pin, (DeviceFunction)function);
            }
        }

        public bool IsOpen => _port != null && _port.IsOpen;

        public void Open()
        {
            Close();
            try
            {
                _port = new SerialPort(_portName, _baudRate, _parity, 8, _stopBits);
                _port.Handshake = Handshake.None;
                _port.Mode = SerialMode.RS485;
                _port.Open();
            }
            catch (Exception ex)
            {
                _port = null;
                throw new TransportException("cannot open " + _portName + " at " + _baudRate.ToString() + " baud: " + ex.Message, ex);
            }
        }

        public void Close()
        {
            SerialPort port = _port;
            _port = null;
            if (port != null)
            {
                try
                {
                    port.Close();
                    port.Dispose();
                }
                catch (Exception)
                {
                    // Closing a port whose UART already failed must not hide the original error.
                }
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            SerialPort port = RequireOpen();
            try
            {
                port.Write(buffer, offset, count);
            }
            catch (Exception ex)
            {
                throw new TransportException("write to " + _portName + " failed: " + ex.Message, ex);
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            SerialPort port = RequireOpen();
            try
            {
                long deadline = _clock.MonotonicMilliseconds + timeoutMs;
                int available = port.BytesToRead;
                while (available == 0)
                {
                    if (_clock.MonotonicMilliseconds >= deadline)
                    {
                        return 0;
                    }

                    _clock.Sleep(PollIntervalMs);
                    available = port.BytesToRead;
                }

                return port.Read(buffer, offset, Math.Min(available, count));
            }
            catch (Exception ex)
            {
                throw new TransportException("read from " + _portName + " failed: " + ex.Message, ex);
            }
        }

        public void DiscardInput()
        {
            SerialPort port = RequireOpen();
            try
            {
                int available = port.BytesToRead;
                while (available > 0)
                {
                    port.Read(_discardBuffer, 0, Math.Min(available, _discardBuffer.Length));
                    available = port.BytesToRead;
                }
            }
            catch (Exception ex)
            {
                throw new TransportException("discarding input on " + _portName + " failed: " + ex.Message, ex);
            }
        }

        private SerialPort RequireOpen()
        {
            SerialPort port = _port;
            if (port == null || !port.IsOpen)
            {
                throw new TransportException(_portName + " is not open: call Open first");
            }

            return port;
        }
    }
}
