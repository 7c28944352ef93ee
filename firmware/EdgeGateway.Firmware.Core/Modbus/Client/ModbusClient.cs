using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Core.Modbus.Client
{
    /// <summary>
    /// Modbus master over one transport (one RS-485 bus or one TCP connection): FC 01, 02, 03, 04, 05, 06, 15, 16 and
    /// 43/14. Results go into caller arrays; request and response buffers are allocated once, so steady-state polling
    /// allocates nothing. Two API styles: Try* methods return a <see cref="FrameStatus"/> (Ok, ModbusException with
    /// <see cref="LastExceptionCode"/>, or what went wrong) and never throw for device or line problems — the poll
    /// scheduler uses them; the plain methods throw <see cref="ModbusException"/>, <see cref="ModbusTimeoutException"/>
    /// or <see cref="ModbusFrameException"/> for tools. Every outcome is counted in <see cref="Counters"/>.
    /// Not thread-safe: one bus is one conversation at a time.
    /// </summary>
    public sealed class ModbusClient
    {
        private readonly IByteTransport _transport;
        private readonly IClock _clock;
        private readonly byte[] _request;
        private readonly byte[] _response;
        private readonly int _pduOffset;
        private int _transactionId;
        private long _lastFrameEndMs;
        private bool _hasSentFrame;

        public ModbusClient(IByteTransport transport, ModbusFraming framing, IClock clock)
            : this(transport, framing, clock, new ModbusClientOptions())
        {
        }

        public ModbusClient(IByteTransport transport, ModbusFraming framing, IClock clock, ModbusClientOptions options)
        {
            if (transport == null || clock == null || options == null)
            {
                throw new InputException("ModbusClient", "null", "a transport, a clock and options are required");
            }

            _transport = transport;
            _clock = clock;
            Framing = framing;
            Options = options;
            Counters = new ModbusCounters();
            _request = new byte[TcpFramer.MaxAduLength];
            _response = new byte[TcpFramer.MaxAduLength];
            _pduOffset = framing == ModbusFraming.Tcp ? TcpFramer.PduOffset : RtuFramer.PduOffset;
        }

        public ModbusFraming Framing { get; }

        public ModbusClientOptions Options { get; }

        public ModbusCounters Counters { get; }

        public IByteTransport Transport => _transport;

        /// <summary>Exception code of the last ModbusException outcome (None otherwise).</summary>
        public ModbusExceptionCode LastExceptionCode { get; private set; }

        /// <summary>Outcome of the last request.</summary>
        public FrameStatus LastStatus { get; private set; }

        /// <summary>Transaction id of the last TCP request.</summary>
        public int LastTransactionId => _transactionId;

        // ---------------------------------------------------------------- non-throwing, allocation-free API

        /// <summary>FC 03 (HoldingRegister) or FC 04 (InputRegister) into destination[destinationOffset ..].</summary>
        public FrameStatus TryReadRegisters(byte unit, RegisterKind kind, int startAddress, int count, ushort[] destination, int destinationOffset)
        {
            return TryReadRegisters(unit, kind, startAddress, count, destination, destinationOffset, Options.Retries);
        }

        /// <summary>As above with an explicit retry count (the scheduler passes 0 for a slave that is already failing).</summary>
        public FrameStatus TryReadRegisters(byte unit, RegisterKind kind, int startAddress, int count, ushort[] destination, int destinationOffset, int retries)
        {
            byte function;
            if (kind == RegisterKind.HoldingRegister)
            {
                function = ModbusFunction.ReadHoldingRegisters;
            }
            else if (kind == RegisterKind.InputRegister)
            {
                function = ModbusFunction.ReadInputRegisters;
            }
            else
            {
                throw new InputException("kind", KindName(kind), "registers are read from holding or input registers; use TryReadBits for coils and discrete inputs");
            }

            CheckRange("count", count, 1, ModbusFunction.MaxReadRegisters, startAddress);
            CheckArray(destination == null ? -1 : destination.Length, destinationOffset, count);
            int pduLength = ModbusPdu.BuildRead(_request, _pduOffset, function, startAddress, count);
            FrameStatus status = Transact(unit, pduLength, function, startAddress, count, retries);
            if (status == FrameStatus.Ok)
            {
                ModbusPdu.CopyRegisters(_response, _pduOffset, count, destination, destinationOffset);
            }

            return status;
        }

        /// <summary>FC 01 (Coil) or FC 02 (DiscreteInput) into destination[destinationOffset ..].</summary>
        public FrameStatus TryReadBits(byte unit, RegisterKind kind, int startAddress, int count, bool[] destination, int destinationOffset)
        {
            return TryReadBits(unit, kind, startAddress, count, destination, destinationOffset, Options.Retries);
        }

        public FrameStatus TryReadBits(byte unit, RegisterKind kind, int startAddress, int count, bool[] destination, int destinationOffset, int retries)
        {
            byte function;
            if (kind == RegisterKind.Coil)
            {
                function = ModbusFunction.ReadCoils;
            }
            else if (kind == RegisterKind.DiscreteInput)
            {
                function = ModbusFunction.ReadDiscreteInputs;
            }
            else
            {
                throw new InputException("kind", KindName(kind), "bits are read from coils or discrete inputs; use TryReadRegisters for registers");
            }

            CheckRange("count", count, 1, ModbusFunction.MaxReadBits, startAddress);
            CheckArray(destination == null ? -1 : destination.Length, destinationOffset, count);
            int pduLength = ModbusPdu.BuildRead(_request, _pduOffset, function, startAddress, count);
            FrameStatus status = Transact(unit, pduLength, function, startAddress, count, retries);
            if (status == FrameStatus.Ok)
            {
                ModbusPdu.CopyBits(_response, _pduOffset, count, destination, destinationOffset);
            }

            return status;
        }

        /// <summary>FC 05.</summary>
        public FrameStatus TryWriteSingleCoil(byte unit, int address, bool value)
        {
            CheckAddress(address);
            int pduLength = ModbusPdu.BuildWriteSingleCoil(_request, _pduOffset, address, value);
            return Transact(unit, pduLength, ModbusFunction.WriteSingleCoil, address, value ? 0xFF00 : 0, Options.Retries);
        }

        /// <summary>FC 06.</summary>
        public FrameStatus TryWriteSingleRegister(byte unit, int address, ushort value)
        {
            CheckAddress(address);
            int pduLength = ModbusPdu.BuildWriteSingleRegister(_request, _pduOffset, address, value);
            return Transact(unit, pduLength, ModbusFunction.WriteSingleRegister, address, value, Options.Retries);
        }

        /// <summary>FC 15.</summary>
        public FrameStatus TryWriteMultipleCoils(byte unit, int startAddress, bool[] values, int valuesOffset, int count)
        {
            CheckRange("count", count, 1, ModbusFunction.MaxWriteCoils, startAddress);
            CheckArray(values == null ? -1 : values.Length, valuesOffset, count);
            int pduLength = ModbusPdu.BuildWriteMultipleCoils(_request, _pduOffset, startAddress, values, valuesOffset, count);
            return Transact(unit, pduLength, ModbusFunction.WriteMultipleCoils, startAddress, count, Options.Retries);
        }

        /// <summary>FC 16.</summary>
        public FrameStatus TryWriteMultipleRegisters(byte unit, int startAddress, ushort[] values, int valuesOffset, int count)
        {
            CheckRange("count", count, 1, ModbusFunction.MaxWriteRegisters, startAddress);
            CheckArray(values == null ? -1 : values.Length, valuesOffset, count);
            int pduLength = ModbusPdu.BuildWriteMultipleRegisters(_request, _pduOffset, startAddress, values, valuesOffset, count);
            return Transact(unit, pduLength, ModbusFunction.WriteMultipleRegisters, startAddress, count, Options.Retries);
        }

        // ---------------------------------------------------------------- throwing API (tools, commissioning)

        public void ReadHoldingRegisters(byte unit, int startAddress, int count, ushort[] destination, int destinationOffset)
        {
            ThrowIfFailed(TryReadRegisters(unit, RegisterKind.HoldingRegister, startAddress, count, destination, destinationOffset), unit, ModbusFunction.ReadHoldingRegisters, startAddress);
        }

        public void ReadInputRegisters(byte unit, int startAddress, int count, ushort[] destination, int destinationOffset)
        {
            ThrowIfFailed(TryReadRegisters(unit, RegisterKind.InputRegister, startAddress, count, destination, destinationOffset), unit, ModbusFunction.ReadInputRegisters, startAddress);
        }

        public void ReadCoils(byte unit, int startAddress, int count, bool[] destination, int destinationOffset)
        {
            ThrowIfFailed(TryReadBits(unit, RegisterKind.Coil, startAddress, count, destination, destinationOffset), unit, ModbusFunction.ReadCoils, startAddress);
        }

        public void ReadDiscreteInputs(byte unit, int startAddress, int count, bool[] destination, int destinationOffset)
        {
            ThrowIfFailed(TryReadBits(unit, RegisterKind.DiscreteInput, startAddress, count, destination, destinationOffset), unit, ModbusFunction.ReadDiscreteInputs, startAddress);
        }

        public void WriteSingleCoil(byte unit, int address, bool value)
        {
            ThrowIfFailed(TryWriteSingleCoil(unit, address, value), unit, ModbusFunction.WriteSingleCoil, address);
        }

        public void WriteSingleRegister(byte unit, int address, ushort value)
        {
            ThrowIfFailed(TryWriteSingleRegister(unit, address, value), unit, ModbusFunction.WriteSingleRegister, address);
        }

        public void WriteMultipleCoils(byte unit, int startAddress, bool[] values, int valuesOffset, int count)
        {
            ThrowIfFailed(TryWriteMultipleCoils(unit, startAddress, values, valuesOffset, count), unit, ModbusFunction.WriteMultipleCoils, startAddress);
        }

        public void WriteMultipleRegisters(byte unit, int startAddress, ushort[] values, int valuesOffset, int count)
        {
            ThrowIfFailed(TryWriteMultipleRegisters(unit, startAddress, values, valuesOffset, count), unit, ModbusFunction.WriteMultipleRegisters, startAddress);
        }

        /// <summary>
        /// FC 43/14 with read code 1 (basic: vendor, product code, revision), following "more follows" answers until
        /// the device says it is done (at most 32 requests). Allocates the strings; not for the poll loop.
        /// </summary>
        public DeviceIdentification ReadDeviceIdentification(byte unit)
        {
            return ReadDeviceIdentification(unit, 1);
        }

        /// <summary>FC 43/14 with read code 1 basic, 2 regular or 3 extended (stream access).</summary>
        public DeviceIdentification ReadDeviceIdentification(byte unit, byte readDeviceIdCode)
        {
            if (readDeviceIdCode < 1 || readDeviceIdCode > 3)
            {
                throw new InputException("readDeviceIdCode", readDeviceIdCode.ToString(), "1 (basic), 2 (regular) or 3 (extended)");
            }

            DeviceIdentification result = new DeviceIdentification();
            byte objectId = 0;
            for (int request = 0; request < 32; request++)
            {
                int pduLength = ModbusPdu.BuildReadDeviceIdentification(_request, _pduOffset, readDeviceIdCode, objectId);
                FrameStatus status = Transact(unit, pduLength, ModbusFunction.EncapsulatedInterface, objectId, 0, Options.Retries);
                ThrowIfFailed(status, unit, ModbusFunction.EncapsulatedInterface, objectId);
                result.Requests++;

                // PDU: 2B 0E code conformity more next count { id len value }*
                int pdu = _pduOffset;
                result.ConformityLevel = _response[pdu + 3];
                bool moreFollows = _response[pdu + 4] == 0xFF;
                byte next = _response[pdu + 5];
                int objects = _response[pdu + 6];
                int position = pdu + 7;
                for (int i = 0; i < objects; i++)
                {
                    int id = _response[position];
                    int length = _response[position + 1];
                    char[] chars = new char[length];
                    for (int c = 0; c < length; c++)
                    {
                        chars[c] = (char)_response[position + 2 + c];
                    }

                    result.Objects[id] = new string(chars);
                    position += 2 + length;
                }

                if (!moreFollows)
                {
                    return result;
                }

                if (next <= objectId && request > 0)
                {
                    // A device that says "more follows" without advancing would loop forever.
                    throw new ModbusFrameException(unit, ModbusFunction.EncapsulatedInterface, objectId, FrameStatus.BadLength);
                }

                objectId = next;
            }

            return result;
        }

        /// <summary>Throws the typed error for a non-Ok status (ModbusException uses <see cref="LastExceptionCode"/>).</summary>
        public void ThrowIfFailed(FrameStatus status, byte unit, byte function, int address)
        {
            switch (status)
            {
                case FrameStatus.Ok:
                    return;
                case FrameStatus.ModbusException:
                    throw new ModbusException(unit, function, address, (int)LastExceptionCode);
                case FrameStatus.Timeout:
                    throw new ModbusTimeoutException(unit, function, address, Options.ResponseTimeoutMs, 1 + Options.Retries);
                case FrameStatus.TransportError:
                    throw new TransportException("unit " + unit.ToString() + ", " + ModbusFunction.Name(function) + ": the port or connection failed; check the device path or host:port and that nothing else holds it");
                default:
                    throw new ModbusFrameException(unit, function, address, status);
            }
        }

        // ---------------------------------------------------------------- transaction machinery

        /// <summary>Sends the PDU at _request[_pduOffset] and checks the answer, retrying timeouts and bad frames.</summary>
        private FrameStatus Transact(byte unit, int pduLength, byte function, int address, int quantity, int retries)
        {
            LastExceptionCode = ModbusExceptionCode.None;
            FrameStatus status = FrameStatus.Timeout;
            int backoffMs = Options.RetryBackoffMs;
            for (int attempt = 0; attempt <= retries; attempt++)
            {
                if (attempt > 0)
                {
                    Counters.Retries++;
                    if (backoffMs > 0)
                    {
                        _clock.Sleep(backoffMs);
                    }

                    backoffMs *= 2;
                }

                status = TransactOnce(unit, pduLength, function, address, quantity);
                if (status == FrameStatus.Ok || status == FrameStatus.ModbusException)
                {
                    break;
                }
            }

            LastStatus = status;
            return status;
        }

        private FrameStatus TransactOnce(byte unit, int pduLength, byte function, int address, int quantity)
        {
            try
            {
                if (!_transport.IsOpen)
                {
                    _transport.Open();
                }

                int aduLength;
                int transactionId = 0;
                if (Framing == ModbusFraming.Tcp)
                {
                    _transactionId = (_transactionId + 1) & 0xFFFF;
                    transactionId = _transactionId;
                    aduLength = TcpFramer.Finish(_request, transactionId, unit, pduLength);
                }
                else
                {
                    WaitInterFrameDelay();

                    // Whatever arrived since the last frame (a late answer, noise) would be taken for the new answer.
                    _transport.DiscardInput();
                    aduLength = RtuFramer.Finish(_request, unit, pduLength);
                }

                Counters.Requests++;
                _transport.Write(_request, 0, aduLength);

                FrameStatus status;
                if (unit == 0 && Framing == ModbusFraming.Rtu)
                {
                    // Broadcast: slaves do not answer (Serial Line V1.02 §2.1); the turnaround delay stands in for the answer.
                    status = FrameStatus.Ok;
                }
                else
                {
                    status = Framing == ModbusFraming.Tcp
                        ? ReceiveTcp(unit, transactionId, function, address, quantity)
                        : ReceiveRtu(unit, function, address, quantity);
                }

                MarkFrameEnd();
                return Count(status);
            }
            catch (TransportException)
            {
                Counters.TransportErrors++;
                _transport.Close();
                MarkFrameEnd();
                return FrameStatus.TransportError;
            }
        }

        private void MarkFrameEnd()
        {
            _lastFrameEndMs = _clock.MonotonicMilliseconds;
            _hasSentFrame = true;
        }

        private void WaitInterFrameDelay()
        {
            int delayMs = Options.EffectiveInterFrameDelayMs(Framing);
            if (!_hasSentFrame || delayMs <= 0)
            {
                return;
            }

            long elapsed = _clock.MonotonicMilliseconds - _lastFrameEndMs;
            if (elapsed < delayMs)
            {
                _clock.Sleep((int)(delayMs - elapsed));
            }
        }

        private FrameStatus Count(FrameStatus status)
        {
            switch (status)
            {
                case FrameStatus.Ok:
                    Counters.Responses++;
                    break;
                case FrameStatus.ModbusException:
                    Counters.Responses++;
                    Counters.Exceptions++;
                    LastExceptionCode = (ModbusExceptionCode)_response[_pduOffset + 1];
                    break;
                case FrameStatus.Timeout:
                    Counters.Timeouts++;
                    break;
                case FrameStatus.CrcError:
                    Counters.CrcErrors++;
                    break;
                case FrameStatus.WrongUnit:
                    Counters.WrongUnit++;
                    break;
                case FrameStatus.WrongFunction:
                    Counters.WrongFunction++;
                    break;
                case FrameStatus.WrongTransaction:
                    Counters.WrongTransaction++;
                    break;
                case FrameStatus.ShortFrame:
                    Counters.ShortFrames++;
                    break;
                case FrameStatus.BadLength:
                    Counters.BadLengths++;
                    break;
            }

            return status;
        }

        private int RemainingMs(long deadline)
        {
            long remaining = deadline - _clock.MonotonicMilliseconds;
            return remaining <= 0 ? 0 : (int)remaining;
        }

        private FrameStatus ReceiveRtu(byte unit, byte function, int address, int quantity)
        {
            long deadline = _clock.MonotonicMilliseconds + Options.ResponseTimeoutMs;
            int gapMs = Options.EffectiveFrameGapMs();
            int received = 0;
            int expected = ModbusPdu.NeedMoreBytes;
            while (received < RtuFramer.MaxAduLength)
            {
                int remaining = RemainingMs(deadline);
                int waitMs;
                if (received == 0)
                {
                    if (remaining <= 0)
                    {
                        break;
                    }

                    waitMs = remaining;
                }
                else
                {
                    // Once a frame has started, only silence ends it (or its known length); the response timeout
                    // still bounds the whole wait so a babbling line cannot hold the bus.
                    waitMs = gapMs;
                    if (expected > 0 && remaining > 0 && remaining > gapMs)
                    {
                        waitMs = remaining < gapMs * 4 ? remaining : gapMs * 4;
                    }
                }

                int read = _transport.Read(_response, received, RtuFramer.MaxAduLength - received, waitMs);
                if (read <= 0)
                {
                    if (received == 0)
                    {
                        continue;
                    }

                    break;
                }

                received += read;
                if (expected < 0)
                {
                    expected = RtuFramer.ExpectedResponseLength(_response, received);
                }

                if (expected > 0 && received >= expected)
                {
                    break;
                }
            }

            if (received == 0)
            {
                return FrameStatus.Timeout;
            }

            int length = expected > 0 && received > expected ? expected : received;
            int pduLength;
            FrameStatus status = RtuFramer.Check(_response, length, unit, out pduLength);
            if (status != FrameStatus.Ok)
            {
                return status;
            }

            return ModbusPdu.CheckResponse(_response, RtuFramer.PduOffset, pduLength, function, address, quantity);
        }

        /// <summary>Reads exactly count bytes unless the deadline passes; returns how many arrived.</summary>
        private int ReadExactly(int offset, int count, long deadline)
        {
            int got = 0;
            while (got < count)
            {
                int remaining = RemainingMs(deadline);
                if (remaining <= 0)
                {
                    break;
                }

                int read = _transport.Read(_response, offset + got, count - got, remaining);
                if (read > 0)
                {
                    got += read;
                }
            }

            return got;
        }

        private FrameStatus ReceiveTcp(byte unit, int transactionId, byte function, int address, int quantity)
        {
            long deadline = _clock.MonotonicMilliseconds + Options.ResponseTimeoutMs;
            while (true)
            {
                int got = ReadExactly(0, TcpFramer.MbapLength, deadline);
                if (got == 0)
                {
                    return FrameStatus.Timeout;
                }

                if (got < TcpFramer.MbapLength)
                {
                    // Part of a header: the stream is out of step; reconnect before the next request.
                    _transport.Close();
                    return FrameStatus.ShortFrame;
                }

                int total;
                FrameStatus header = TcpFramer.CheckHeader(_response, got, out total);
                if (header != FrameStatus.Ok)
                {
                    _transport.Close();
                    return header;
                }

                int body = total - TcpFramer.MbapLength;
                if (ReadExactly(TcpFramer.MbapLength, body, deadline) < body)
                {
                    _transport.Close();
                    return FrameStatus.ShortFrame;
                }

                int received = TcpFramer.TransactionId(_response);
                if (received != transactionId)
                {
                    if (TcpFramer.IsStale(received, transactionId))
                    {
                        // The late answer to a request that already timed out: drop it and keep waiting for ours.
                        Counters.WrongTransaction++;
                        continue;
                    }

                    return FrameStatus.WrongTransaction;
                }

                int pduLength;
                FrameStatus status = TcpFramer.Check(_response, total, transactionId, unit, out pduLength);
                if (status != FrameStatus.Ok)
                {
                    return status;
                }

                return ModbusPdu.CheckResponse(_response, TcpFramer.PduOffset, pduLength, function, address, quantity);
            }
        }

        private static void CheckAddress(int address)
        {
            if (address < 0 || address > 0xFFFF)
            {
                throw new InputException("address", address.ToString(), "0..65535 (0-based protocol address)");
            }
        }

        private static void CheckRange(string field, int count, int min, int max, int startAddress)
        {
            CheckAddress(startAddress);
            if (count < min || count > max)
            {
                throw new InputException(field, count.ToString(), min.ToString() + ".." + max.ToString() + " per request (Modbus limit): split the read");
            }

            if (startAddress + count > 0x10000)
            {
                throw new InputException(field, count.ToString(), "start address " + startAddress.ToString() + " + count must not pass 65536");
            }
        }

        private static void CheckArray(int arrayLength, int offset, int count)
        {
            if (arrayLength < 0 || offset < 0 || offset + count > arrayLength)
            {
                throw new InputException("destination", "length " + arrayLength.ToString() + ", offset " + offset.ToString(), "the array must hold " + count.ToString() + " values from the offset");
            }
        }

        private static string KindName(RegisterKind kind)
        {
            switch (kind)
            {
                case RegisterKind.Coil: return "coil";
                case RegisterKind.DiscreteInput: return "discrete";
                case RegisterKind.InputRegister: return "input";
                default: return "holding";
            }
        }
    }
}
