using System;
using System.IO;
using System.IO.Ports;
using System.Threading;
using EdgeGateway.Firmware.Core.Modbus.Framing;

namespace EdgeGateway.Hardware.Server;

/// <summary>
/// Modbus RTU front end on a serial port (a USB RS-485 adapter, or one end of a socat pty pair in tests).
/// Frames are delimited as the serial-line spec (V1.02 §2.5.1.1) says: a silence of 3.5 character times ends a frame
/// (1.75 ms fixed above 19200 baud). Because a pty has no wire timing, a request is also accepted as soon as its
/// length (known from the function code) is complete and its CRC checks; bytes that never form a valid frame are
/// dropped at the next silence. Requests for other unit ids are ignored (they belong to other slaves on the bus).
/// </summary>
public sealed class ModbusRtuServer : IDisposable
{
    private readonly ModbusServerCore core;
    private readonly SerialPort port;
    private readonly int silenceMs;
    private readonly CancellationTokenSource stop = new();
    private Thread? thread;
    private long crcErrors;

    public ModbusRtuServer(ModbusServerCore core, string portPath, int baudRate, Parity parity, StopBits stopBits)
    {
        this.core = core;
        port = new SerialPort(portPath, baudRate, parity, 8, stopBits) { Handshake = Handshake.None };
        double charMs = 11.0 * 1000.0 / baudRate;
        // The spec's t3.5, but never below 2 ms: the OS cannot time shorter gaps reliably.
        silenceMs = Math.Max(2, (int)Math.Ceiling(baudRate > 19200 ? 1.75 : 3.5 * charMs));
    }

    public string PortName => port.PortName;

    /// <summary>Frames dropped because their CRC did not check.</summary>
    public long CrcErrors => Interlocked.Read(ref crcErrors);

    public void Start()
    {
        port.Open();
        port.DiscardInBuffer();
        thread = new Thread(Run) { IsBackground = true, Name = "modbus-rtu " + port.PortName };
        thread.Start();
    }

    public void Dispose()
    {
        stop.Cancel();
        thread?.Join(2000);
        port.Dispose();
        stop.Dispose();
    }

    /// <summary>
    /// Length of a complete request from its first bytes (unit, function, …), or 0 when more bytes are needed to
    /// know, or -1 when the function is unknown (then only a silence ends the frame).
    /// </summary>
    internal static int ExpectedRequestLength(byte[] frame, int count)
    {
        if (count < 2)
        {
            return 0;
        }

        switch (frame[1])
        {
            case ModbusFunction.ReadCoils:
            case ModbusFunction.ReadDiscreteInputs:
            case ModbusFunction.ReadHoldingRegisters:
            case ModbusFunction.ReadInputRegisters:
            case ModbusFunction.WriteSingleCoil:
            case ModbusFunction.WriteSingleRegister:
                return 8;
            case ModbusFunction.WriteMultipleCoils:
            case ModbusFunction.WriteMultipleRegisters:
                return count < 7 ? 0 : 9 + frame[6];
            case ModbusFunction.EncapsulatedInterface:
                return 7;
            default:
                return -1;
        }
    }

    private void Run()
    {
        byte[] frame = new byte[512];
        byte[] pdu = new byte[ModbusServerCore.MaxPduLength + 1];
        byte[] responsePdu = new byte[ModbusServerCore.MaxPduLength + 64];
        byte[] response = new byte[ModbusServerCore.MaxPduLength + 64 + 3];
        int count = 0;
        while (!stop.IsCancellationRequested)
        {
            // Idle: wait long (to notice Stop); inside a frame: wait one silence interval.
            port.ReadTimeout = count == 0 ? 200 : silenceMs;
            int n;
            try
            {
                n = port.Read(frame, count, frame.Length - count);
            }
            catch (TimeoutException)
            {
                n = 0;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                Thread.Sleep(50);
                continue;
            }

            bool silence = n == 0;
            count += n;
            if (count == 0)
            {
                continue;
            }

            int expected = ExpectedRequestLength(frame, count);
            int frameLength;
            if (expected > 0 && count >= expected && Crc16.Check(frame, 0, expected))
            {
                frameLength = expected;
            }
            else if (silence)
            {
                if (count >= 4 && Crc16.Check(frame, 0, count))
                {
                    frameLength = count;
                }
                else
                {
                    Interlocked.Increment(ref crcErrors);
                    count = 0;
                    continue;
                }
            }
            else if (count >= frame.Length)
            {
                count = 0;
                continue;
            }
            else
            {
                continue;
            }

            byte unit = frame[0];
            int pduLength = frameLength - 3;
            Array.Copy(frame, 1, pdu, 0, pduLength);
            Array.Copy(frame, frameLength, frame, 0, count - frameLength);
            count -= frameLength;
            if (unit != 0 && !core.HasUnit(unit))
            {
                continue;
            }

            int r = core.Handle(unit, pdu, pduLength, responsePdu, answerUnknownUnit: false);
            if (r < 0)
            {
                continue;
            }

            response[0] = unit;
            Array.Copy(responsePdu, 0, response, 1, r);
            int total = Crc16.Append(response, 0, r + 1);
            if (core.Fault(unit) == FaultMode.CorruptCrc)
            {
                response[total - 1] ^= 0xFF;
            }

            try
            {
                port.Write(response, 0, total);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException)
            {
                // The other end of the line is gone; keep listening.
            }
        }
    }
}
