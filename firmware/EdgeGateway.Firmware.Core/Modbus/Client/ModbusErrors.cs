using System;
using EdgeGateway.Firmware.Core.Modbus.Framing;

namespace EdgeGateway.Firmware.Core.Modbus.Client
{
    /// <summary>The device answered with a Modbus exception response (codes 1–11).</summary>
    public class ModbusException : Exception
    {
        public ModbusException(byte unit, byte function, int address, int exceptionCode)
            : base("unit " + unit.ToString() + ", " + ModbusFunction.Name(function) + " (function " + function.ToString() + "), address "
                + address.ToString() + ": exception " + exceptionCode.ToString() + " " + ModbusExceptionText.Name(exceptionCode)
                + " - " + ModbusExceptionText.Meaning(exceptionCode))
        {
            Unit = unit;
            Function = function;
            Address = address;
            ExceptionCode = (ModbusExceptionCode)exceptionCode;
            Meaning = ModbusExceptionText.Meaning(exceptionCode);
        }

        public byte Unit { get; }
        public byte Function { get; }
        public int Address { get; }
        public ModbusExceptionCode ExceptionCode { get; }
        public string Meaning { get; }
    }

    /// <summary>No (complete) answer within the response timeout, after all retries.</summary>
    public class ModbusTimeoutException : Exception
    {
        public ModbusTimeoutException(byte unit, byte function, int address, int timeoutMs, int attempts)
            : base("unit " + unit.ToString() + ", " + ModbusFunction.Name(function) + ", address " + address.ToString() + ": no answer within "
                + timeoutMs.ToString() + " ms (" + attempts.ToString() + " attempt(s)): check wiring, unit id, baud rate and parity")
        {
            Unit = unit;
            Function = function;
            Address = address;
            TimeoutMs = timeoutMs;
        }

        public byte Unit { get; }
        public byte Function { get; }
        public int Address { get; }
        public int TimeoutMs { get; }
    }

    /// <summary>An answer arrived but was malformed (CRC, unit, transaction id, function, length): its bytes were not used.</summary>
    public class ModbusFrameException : Exception
    {
        public ModbusFrameException(byte unit, byte function, int address, FrameStatus status)
            : base("unit " + unit.ToString() + ", " + ModbusFunction.Name(function) + ", address " + address.ToString() + ": bad answer ("
                + Describe(status) + "); the data was discarded")
        {
            Unit = unit;
            Function = function;
            Address = address;
            Status = status;
        }

        public byte Unit { get; }
        public byte Function { get; }
        public int Address { get; }
        public FrameStatus Status { get; }

        public static string Describe(FrameStatus status)
        {
            switch (status)
            {
                case FrameStatus.ShortFrame: return "short frame: the answer ended early, check for noise or a too-short timeout";
                case FrameStatus.CrcError: return "CRC error: check termination, grounding, baud rate and parity";
                case FrameStatus.WrongUnit: return "wrong unit id in the answer: another device with the same address, or a gateway mapping error";
                case FrameStatus.WrongFunction: return "wrong function code in the answer";
                case FrameStatus.WrongTransaction: return "wrong MBAP transaction id";
                case FrameStatus.BadLength: return "byte count, MBAP length or echo inconsistent with the request";
                case FrameStatus.TransportError: return "the port or connection failed";
                case FrameStatus.Timeout: return "timeout";
                default: return status.ToString();
            }
        }
    }
}
