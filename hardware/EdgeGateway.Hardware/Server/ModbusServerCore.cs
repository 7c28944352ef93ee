using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using EdgeGateway.Firmware.Core.Modbus.Framing;

namespace EdgeGateway.Hardware.Server;

/// <summary>
/// The protocol-data-unit side of a Modbus server, shared by the TCP and RTU front ends: function codes 01, 02, 03,
/// 04, 05, 06, 15, 16 and 43/14 over one <see cref="RegisterBank"/> per unit id, with the exception responses of
/// "MODBUS Application Protocol Specification V1.1b3" (01 illegal function, 02 illegal data address, 03 illegal data
/// value, 04 server device failure). Thread-safe: many TCP clients may call <see cref="Handle"/> at once.
/// </summary>
public sealed class ModbusServerCore
{
    public const byte IllegalFunction = 0x01;
    public const byte IllegalDataAddress = 0x02;
    public const byte IllegalDataValue = 0x03;
    public const byte ServerDeviceFailure = 0x04;
    public const byte GatewayTargetFailedToRespond = 0x0B;

    /// <summary>Largest PDU (spec §4.1: 253 bytes).</summary>
    public const int MaxPduLength = 253;

    private readonly ConcurrentDictionary<byte, Unit> units = new();
    private long requests;
    private long exceptions;
    private long unanswered;

    /// <summary>Requests handled (answered or deliberately not).</summary>
    public long Requests => Interlocked.Read(ref requests);

    public long ExceptionsSent => Interlocked.Read(ref exceptions);

    /// <summary>Requests left unanswered (unknown unit on RTU, broadcast, timeout scenario).</summary>
    public long Unanswered => Interlocked.Read(ref unanswered);

    public void AddUnit(byte unitId, RegisterBank bank, DeviceIdentity identity)
    {
        if (unitId < 1 || unitId > 247)
        {
            throw new ArgumentOutOfRangeException(nameof(unitId), unitId, "unit ids are 1..247");
        }

        if (!units.TryAdd(unitId, new Unit(bank, identity)))
        {
            throw new ArgumentException("unit " + unitId + " is already served", nameof(unitId));
        }
    }

    public bool HasUnit(byte unitId) => units.ContainsKey(unitId);

    public RegisterBank? Bank(byte unitId) => units.TryGetValue(unitId, out Unit? u) ? u.Bank : null;

    public void SetFault(byte unitId, FaultMode fault)
    {
        if (units.TryGetValue(unitId, out Unit? u))
        {
            u.Fault = fault;
        }
    }

    public FaultMode Fault(byte unitId) => units.TryGetValue(unitId, out Unit? u) ? u.Fault : FaultMode.None;

    /// <summary>
    /// Handles one request PDU for <paramref name="unitId"/> and writes the response PDU into
    /// <paramref name="response"/> (at least <see cref="MaxPduLength"/> bytes). Returns the response length, or -1
    /// when no answer must be sent (unknown unit when <paramref name="answerUnknownUnit"/> is false, broadcast,
    /// timeout scenario).
    /// </summary>
    public int Handle(byte unitId, byte[] pdu, int pduLength, byte[] response, bool answerUnknownUnit)
    {
        Interlocked.Increment(ref requests);
        if (pduLength < 1)
        {
            Interlocked.Increment(ref unanswered);
            return -1;
        }

        byte function = pdu[0];
        if (unitId == 0)
        {
            // Broadcast (RTU): writes apply to every unit, nobody answers (serial line spec §2.1).
            foreach (Unit u in units.Values)
            {
                Execute(u, pdu, pduLength, response);
            }

            Interlocked.Increment(ref unanswered);
            return -1;
        }

        if (!units.TryGetValue(unitId, out Unit? unit))
        {
            if (!answerUnknownUnit)
            {
                Interlocked.Increment(ref unanswered);
                return -1;
            }

            return Exception(response, function, GatewayTargetFailedToRespond);
        }

        switch (unit.Fault)
        {
            case FaultMode.Timeout:
                Interlocked.Increment(ref unanswered);
                return -1;
            case FaultMode.Exceptions:
                return Exception(response, function, ServerDeviceFailure);
        }

        return Execute(unit, pdu, pduLength, response);
    }

    private int Execute(Unit unit, byte[] pdu, int n, byte[] r)
    {
        byte fc = pdu[0];
        RegisterBank bank = unit.Bank;
        switch (fc)
        {
            case ModbusFunction.ReadCoils:
            case ModbusFunction.ReadDiscreteInputs:
            {
                if (n != 5)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                int address = U16(pdu, 1);
                int count = U16(pdu, 3);
                if (count < 1 || count > ModbusFunction.MaxReadBits)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                bool[] table = fc == ModbusFunction.ReadCoils ? bank.Coils : bank.DiscreteInputs;
                if (address + count > table.Length)
                {
                    return Exception(r, fc, IllegalDataAddress);
                }

                int bytes = (count + 7) / 8;
                r[0] = fc;
                r[1] = (byte)bytes;
                Array.Clear(r, 2, bytes);
                lock (bank.SyncRoot)
                {
                    for (int i = 0; i < count; i++)
                    {
                        if (table[address + i])
                        {
                            r[2 + (i / 8)] |= (byte)(1 << (i % 8));
                        }
                    }
                }

                return 2 + bytes;
            }

            case ModbusFunction.ReadHoldingRegisters:
            case ModbusFunction.ReadInputRegisters:
            {
                if (n != 5)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                int address = U16(pdu, 1);
                int count = U16(pdu, 3);
                if (count < 1 || count > ModbusFunction.MaxReadRegisters)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                ushort[] table = fc == ModbusFunction.ReadHoldingRegisters ? bank.HoldingRegisters : bank.InputRegisters;
                if (address + count > table.Length)
                {
                    return Exception(r, fc, IllegalDataAddress);
                }

                r[0] = fc;
                r[1] = (byte)(count * 2);
                lock (bank.SyncRoot)
                {
                    for (int i = 0; i < count; i++)
                    {
                        ushort v = table[address + i];
                        r[2 + (2 * i)] = (byte)(v >> 8);
                        r[3 + (2 * i)] = (byte)v;
                    }
                }

                return 2 + (count * 2);
            }

            case ModbusFunction.WriteSingleCoil:
            {
                if (n != 5)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                int address = U16(pdu, 1);
                int value = U16(pdu, 3);
                if (value != 0xFF00 && value != 0x0000)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                if (address >= bank.CoilCount)
                {
                    return Exception(r, fc, IllegalDataAddress);
                }

                lock (bank.SyncRoot)
                {
                    bank.Coils[address] = value == 0xFF00;
                }

                bank.NotifyCoilsWritten(address, 1);
                Array.Copy(pdu, r, 5);
                return 5;
            }

            case ModbusFunction.WriteSingleRegister:
            {
                if (n != 5)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                int address = U16(pdu, 1);
                if (address >= bank.HoldingCount)
                {
                    return Exception(r, fc, IllegalDataAddress);
                }

                lock (bank.SyncRoot)
                {
                    bank.HoldingRegisters[address] = (ushort)U16(pdu, 3);
                }

                bank.NotifyHoldingWritten(address, 1);
                Array.Copy(pdu, r, 5);
                return 5;
            }

            case ModbusFunction.WriteMultipleCoils:
            {
                if (n < 6)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                int address = U16(pdu, 1);
                int count = U16(pdu, 3);
                int bytes = pdu[5];
                if (count < 1 || count > ModbusFunction.MaxWriteCoils || bytes != (count + 7) / 8 || n != 6 + bytes)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                if (address + count > bank.CoilCount)
                {
                    return Exception(r, fc, IllegalDataAddress);
                }

                lock (bank.SyncRoot)
                {
                    for (int i = 0; i < count; i++)
                    {
                        bank.Coils[address + i] = (pdu[6 + (i / 8)] & (1 << (i % 8))) != 0;
                    }
                }

                bank.NotifyCoilsWritten(address, count);
                Array.Copy(pdu, r, 5);
                return 5;
            }

            case ModbusFunction.WriteMultipleRegisters:
            {
                if (n < 6)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                int address = U16(pdu, 1);
                int count = U16(pdu, 3);
                int bytes = pdu[5];
                if (count < 1 || count > ModbusFunction.MaxWriteRegisters || bytes != count * 2 || n != 6 + bytes)
                {
                    return Exception(r, fc, IllegalDataValue);
                }

                if (address + count > bank.HoldingCount)
                {
                    return Exception(r, fc, IllegalDataAddress);
                }

                lock (bank.SyncRoot)
                {
                    for (int i = 0; i < count; i++)
                    {
                        bank.HoldingRegisters[address + i] = (ushort)U16(pdu, 6 + (2 * i));
                    }
                }

                bank.NotifyHoldingWritten(address, count);
                Array.Copy(pdu, r, 5);
                return 5;
            }

            case ModbusFunction.EncapsulatedInterface:
                return ReadDeviceIdentification(unit.Identity, pdu, n, r);

            default:
                return Exception(r, fc, IllegalFunction);
        }
    }

    /// <summary>Function 43 / MEI 14 with the basic objects 0..2 (spec §6.21); stream access codes 1–3 and individual access code 4.</summary>
    private int ReadDeviceIdentification(DeviceIdentity id, byte[] pdu, int n, byte[] r)
    {
        byte fc = pdu[0];
        if (n != 4 || pdu[1] != ModbusFunction.MeiReadDeviceIdentification)
        {
            return Exception(r, fc, n >= 2 && pdu[1] != ModbusFunction.MeiReadDeviceIdentification ? IllegalFunction : IllegalDataValue);
        }

        byte code = pdu[2];
        byte objectId = pdu[3];
        if (code < 1 || code > 4)
        {
            return Exception(r, fc, IllegalDataValue);
        }

        string[] objects = { id.VendorName, id.ProductCode, id.Revision };
        int first;
        int last;
        if (code == 4)
        {
            if (objectId > 2)
            {
                return Exception(r, fc, IllegalDataAddress);
            }

            first = objectId;
            last = objectId;
        }
        else
        {
            // Stream access: an unknown starting object restarts at 0 (spec §6.21).
            first = objectId > 2 ? 0 : objectId;
            last = 2;
        }

        r[0] = fc;
        r[1] = ModbusFunction.MeiReadDeviceIdentification;
        r[2] = code;
        r[3] = 0x81; // conformity: basic identification, stream and individual access
        r[4] = 0x00; // more follows: no
        r[5] = 0x00; // next object id
        r[6] = (byte)(last - first + 1);
        int pos = 7;
        for (int o = first; o <= last; o++)
        {
            byte[] text = Encoding.ASCII.GetBytes(objects[o]);
            int len = Math.Min(text.Length, 60);
            r[pos++] = (byte)o;
            r[pos++] = (byte)len;
            Array.Copy(text, 0, r, pos, len);
            pos += len;
        }

        return pos;
    }

    private int Exception(byte[] r, byte function, byte code)
    {
        Interlocked.Increment(ref exceptions);
        r[0] = (byte)(function | ModbusFunction.ExceptionFlag);
        r[1] = code;
        return 2;
    }

    private static int U16(byte[] b, int i) => (b[i] << 8) | b[i + 1];

    private sealed class Unit
    {
        public Unit(RegisterBank bank, DeviceIdentity identity)
        {
            Bank = bank;
            Identity = identity;
        }

        public RegisterBank Bank { get; }

        public DeviceIdentity Identity { get; }

        public volatile FaultMode Fault;
    }
}
