using System;
using System.Linq;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Modbus.Tests.Client;

public class ModbusClientRtuTests
{
    private readonly FakeClock _clock = new();
    private readonly ScriptedTransport _transport;
    private readonly ModbusClient _client;

    public ModbusClientRtuTests()
    {
        _transport = new ScriptedTransport(_clock);
        _client = new ModbusClient(_transport, ModbusFraming.Rtu, _clock, new ModbusClientOptions { Retries = 0, ResponseTimeoutMs = 100 });
    }

    [Fact]
    public void Reads_holding_registers_into_the_caller_array_at_an_offset()
    {
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x05, 0x03, 0x04, 0x12, 0x34, 0xAB, 0xCD));
        var values = new ushort[4];
        _client.ReadHoldingRegisters(5, 0x0100, 2, values, 1);
        Assert.Equal(new ushort[] { 0, 0x1234, 0xABCD, 0 }, values);
        Assert.Equal(ReferenceCrc.WithCrc(0x05, 0x03, 0x01, 0x00, 0x00, 0x02), _transport.Written.Single());
        Assert.Equal((1, 1), (_client.Counters.Requests, _client.Counters.Responses));
    }

    [Fact]
    public void Reads_coils_lsb_first()
    {
        // 10 coils: CD 01 → bits 1,0,1,1,0,0,1,1, 1,0 (spec §6.1 example pattern).
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x01, 0x01, 0x02, 0xCD, 0x01));
        var bits = new bool[10];
        _client.ReadCoils(1, 19, 10, bits, 0);
        Assert.Equal(new[] { true, false, true, true, false, false, true, true, true, false }, bits);
    }

    [Fact]
    public void A_bad_crc_is_counted_and_never_used_as_data()
    {
        byte[] reply = ReferenceCrc.WithCrc(0x01, 0x04, 0x02, 0x00, 0x2A);
        reply[4] ^= 0x80;
        _transport.Replies.Enqueue(reply);
        var values = new ushort[] { 7 };
        var ex = Assert.Throws<ModbusFrameException>(() => _client.ReadInputRegisters(1, 0, 1, values, 0));
        Assert.Equal(FrameStatus.CrcError, ex.Status);
        Assert.Contains("CRC", ex.Message, StringComparison.Ordinal);
        Assert.Equal(7, values[0]);
        Assert.Equal(1, _client.Counters.CrcErrors);
        Assert.Equal(0, _client.Counters.Responses);
    }

    [Fact]
    public void Wrong_unit_short_frame_and_wrong_function_are_counted()
    {
        var values = new ushort[2];
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x02, 0x03, 0x02, 0x00, 0x2A));
        Assert.Equal(FrameStatus.WrongUnit, _client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, values, 0));
        _transport.Replies.Enqueue(new byte[] { 0x01, 0x03, 0x04, 0x00 });
        Assert.Equal(FrameStatus.ShortFrame, _client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 2, values, 0));
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x01, 0x04, 0x02, 0x00, 0x2A));
        Assert.Equal(FrameStatus.WrongFunction, _client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, values, 0));
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x01, 0x03, 0x02, 0x00, 0x2A));
        Assert.Equal(FrameStatus.BadLength, _client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 2, values, 0));
        Assert.Equal((1, 1, 1, 1), (_client.Counters.WrongUnit, _client.Counters.ShortFrames, _client.Counters.WrongFunction, _client.Counters.BadLengths));
        Assert.Equal(new ushort[2], values);
    }

    [Theory]
    [InlineData(1, ModbusExceptionCode.IllegalFunction)]
    [InlineData(2, ModbusExceptionCode.IllegalDataAddress)]
    [InlineData(3, ModbusExceptionCode.IllegalDataValue)]
    [InlineData(4, ModbusExceptionCode.ServerDeviceFailure)]
    [InlineData(5, ModbusExceptionCode.Acknowledge)]
    [InlineData(6, ModbusExceptionCode.ServerDeviceBusy)]
    [InlineData(7, ModbusExceptionCode.NegativeAcknowledge)]
    [InlineData(8, ModbusExceptionCode.MemoryParityError)]
    [InlineData(10, ModbusExceptionCode.GatewayPathUnavailable)]
    [InlineData(11, ModbusExceptionCode.GatewayTargetFailedToRespond)]
    public void Exception_responses_become_typed_errors(byte code, ModbusExceptionCode expected)
    {
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x09, 0x83, code));
        var ex = Assert.Throws<ModbusException>(() => _client.ReadHoldingRegisters(9, 1234, 4, new ushort[4], 0));
        Assert.Equal(expected, ex.ExceptionCode);
        Assert.Equal((byte)9, ex.Unit);
        Assert.Equal(ModbusFunction.ReadHoldingRegisters, ex.Function);
        Assert.Equal(1234, ex.Address);
        Assert.Contains(expected.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("1234", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(ex.Meaning));
        Assert.Equal(1, _client.Counters.Exceptions);
        Assert.Single(_transport.Written);
    }

    [Fact]
    public void Timeouts_are_retried_with_doubling_backoff_then_thrown()
    {
        var client = new ModbusClient(_transport, ModbusFraming.Rtu, _clock, new ModbusClientOptions { Retries = 2, RetryBackoffMs = 30, ResponseTimeoutMs = 100, InterFrameDelayMs = 0 });
        _transport.Replies.Enqueue(null);
        _transport.Replies.Enqueue(null);
        _transport.Replies.Enqueue(null);
        var ex = Assert.Throws<ModbusTimeoutException>(() => client.ReadHoldingRegisters(3, 0, 1, new ushort[1], 0));
        Assert.Contains("100 ms", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, _transport.Written.Count);
        Assert.Equal((3, 2), (client.Counters.Timeouts, client.Counters.Retries));
        Assert.Equal(new[] { 30, 60 }, _clock.Sleeps);
    }

    [Fact]
    public void A_retry_recovers_from_a_corrupted_answer()
    {
        var client = new ModbusClient(_transport, ModbusFraming.Rtu, _clock, new ModbusClientOptions { Retries = 1, ResponseTimeoutMs = 100 });
        byte[] corrupt = ReferenceCrc.WithCrc(0x01, 0x03, 0x02, 0x00, 0x2A);
        corrupt[^1] ^= 0xFF;
        _transport.Replies.Enqueue(corrupt);
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x01, 0x03, 0x02, 0x00, 0x2A));
        var values = new ushort[1];
        client.ReadHoldingRegisters(1, 0, 1, values, 0);
        Assert.Equal(42, values[0]);
        Assert.Equal((1, 1, 1), (client.Counters.CrcErrors, client.Counters.Retries, client.Counters.Responses));
    }

    [Fact]
    public void Stale_bytes_are_discarded_before_each_request()
    {
        _transport.Inject(ReferenceCrc.WithCrc(0x01, 0x03, 0x02, 0x99, 0x99));
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x01, 0x03, 0x02, 0x00, 0x01));
        var values = new ushort[1];
        _client.ReadHoldingRegisters(1, 0, 1, values, 0);
        Assert.Equal(1, values[0]);
        Assert.True(_transport.Discards >= 1);
    }

    [Fact]
    public void Inter_frame_delay_separates_requests()
    {
        var client = new ModbusClient(_transport, ModbusFraming.Rtu, _clock, new ModbusClientOptions { Retries = 0, InterFrameDelayMs = 50 });
        _transport.Handler = request => ReferenceCrc.WithCrc(request[0], 0x06, request[2], request[3], request[4], request[5]);
        client.WriteSingleRegister(1, 2, 3);
        Assert.Empty(_clock.Sleeps);
        _clock.Now += 20;
        client.WriteSingleRegister(1, 2, 3);
        Assert.Equal(new[] { 30 }, _clock.Sleeps);
    }

    [Fact]
    public void Default_inter_frame_delay_is_t35_from_the_baud_rate()
    {
        var options = new ModbusClientOptions { Baud = 1200, BitsPerCharacter = 11 };
        // 3.5 × 11 / 1200 s = 32.08 ms → 33 ms.
        Assert.Equal(33, options.EffectiveInterFrameDelayMs(ModbusFraming.Rtu));
        Assert.Equal(0, options.EffectiveInterFrameDelayMs(ModbusFraming.Tcp));
        Assert.Equal(33, options.EffectiveFrameGapMs());
    }

    [Fact]
    public void Writes_build_spec_requests_and_check_the_echo()
    {
        _transport.Handler = request => request[1] switch
        {
            0x05 or 0x06 => ReferenceCrc.WithCrc(request[..6]),
            _ => ReferenceCrc.WithCrc(request[0], request[1], request[2], request[3], request[4], request[5]),
        };
        _client.WriteSingleCoil(1, 0xAC, true);
        _client.WriteSingleRegister(1, 0x0001, 0x0003);
        _client.WriteMultipleCoils(1, 0x13, new[] { true, false, true, true, false, false, true, true, true, false }, 0, 10);
        _client.WriteMultipleRegisters(1, 0x01, new ushort[] { 0x000A, 0x0102 }, 0, 2);

        // Request PDUs from the spec examples (§6.5, 6.6, 6.11, 6.12).
        Assert.Equal(new byte[] { 0x01, 0x05, 0x00, 0xAC, 0xFF, 0x00 }, _transport.Written[0][..6]);
        Assert.Equal(new byte[] { 0x01, 0x06, 0x00, 0x01, 0x00, 0x03 }, _transport.Written[1][..6]);
        Assert.Equal(new byte[] { 0x01, 0x0F, 0x00, 0x13, 0x00, 0x0A, 0x02, 0xCD, 0x01 }, _transport.Written[2][..9]);
        Assert.Equal(new byte[] { 0x01, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02 }, _transport.Written[3][..11]);
        Assert.All(_transport.Written, w => Assert.Equal(ReferenceCrc.Compute(w, w.Length - 2), w[^2] | (w[^1] << 8)));

        _transport.Handler = null;
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x01, 0x06, 0x00, 0x01, 0x00, 0x04));
        Assert.Equal(FrameStatus.BadLength, _client.TryWriteSingleRegister(1, 0x0001, 0x0003));
    }

    [Fact]
    public void Broadcast_writes_expect_no_answer()
    {
        _client.WriteSingleRegister(0, 10, 1);
        Assert.Equal(0, _transport.TimedOutReads);
        Assert.Equal(0, _client.Counters.Timeouts);
    }

    [Fact]
    public void Device_identification_follows_more_follows()
    {
        // First answer: vendor + product, more follows from object 2; second: revision.
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x01, 0x2B, 0x0E, 0x01, 0x81, 0xFF, 0x02, 0x02, 0x00, 0x03, (byte)'A', (byte)'C', (byte)'M', 0x01, 0x02, (byte)'X', (byte)'1'));
        _transport.Replies.Enqueue(ReferenceCrc.WithCrc(0x01, 0x2B, 0x0E, 0x01, 0x81, 0x00, 0x00, 0x01, 0x02, 0x04, (byte)'v', (byte)'1', (byte)'.', (byte)'2'));
        DeviceIdentification id = _client.ReadDeviceIdentification(1);
        Assert.Equal(("ACM", "X1", "v1.2"), (id.VendorName, id.ProductCode, id.MajorMinorRevision));
        Assert.Equal(2, id.Requests);
        Assert.Equal(0x81, id.ConformityLevel);
        Assert.Equal(new byte[] { 0x01, 0x2B, 0x0E, 0x01, 0x02 }, _transport.Written[1][..5]);
    }

    [Fact]
    public void Bad_arguments_are_input_errors()
    {
        Assert.Throws<InputException>(() => _client.ReadHoldingRegisters(1, 0, 126, new ushort[200], 0));
        Assert.Throws<InputException>(() => _client.ReadHoldingRegisters(1, 65535, 2, new ushort[2], 0));
        Assert.Throws<InputException>(() => _client.ReadHoldingRegisters(1, 0, 4, new ushort[3], 0));
        Assert.Throws<InputException>(() => _client.ReadCoils(1, 0, 2001, new bool[3000], 0));
        Assert.Throws<InputException>(() => _client.TryReadRegisters(1, RegisterKind.Coil, 0, 1, new ushort[1], 0));
        Assert.Empty(_transport.Written);
    }

    [Fact]
    public void Transport_failures_close_and_reopen_on_the_next_request()
    {
        var failing = new FailingTransport();
        var client = new ModbusClient(failing, ModbusFraming.Rtu, _clock, new ModbusClientOptions { Retries = 0 });
        Assert.Equal(FrameStatus.TransportError, client.TryWriteSingleRegister(1, 1, 1));
        Assert.False(failing.IsOpen);
        Assert.Throws<TransportException>(() => client.WriteSingleRegister(1, 1, 1));
        Assert.Equal(2, failing.Opens);
        Assert.Equal(2, client.Counters.TransportErrors);
    }

    private sealed class FailingTransport : IByteTransport
    {
        public int Opens;
        public bool IsOpen { get; private set; }
        public void Open() { Opens++; IsOpen = true; }
        public void Close() => IsOpen = false;
        public void Write(byte[] buffer, int offset, int count) => throw new TransportException("unplugged");
        public int Read(byte[] buffer, int offset, int count, int timeoutMs) => 0;
        public void DiscardInput() { }
    }
}

public class ModbusClientTcpTests
{
    private readonly FakeClock _clock = new();
    private readonly ScriptedTransport _transport;
    private readonly ModbusClient _client;

    public ModbusClientTcpTests()
    {
        _transport = new ScriptedTransport(_clock);
        _client = new ModbusClient(_transport, ModbusFraming.Tcp, _clock, new ModbusClientOptions { Retries = 0, ResponseTimeoutMs = 100 });
    }

    private static byte[] Mbap(int tid, byte unit, params byte[] pdu)
    {
        var frame = new byte[7 + pdu.Length];
        frame[0] = (byte)(tid >> 8);
        frame[1] = (byte)tid;
        frame[4] = (byte)((pdu.Length + 1) >> 8);
        frame[5] = (byte)(pdu.Length + 1);
        frame[6] = unit;
        pdu.CopyTo(frame, 7);
        return frame;
    }

    [Fact]
    public void Transaction_ids_increase_and_answers_match_them()
    {
        _transport.Handler = request => Mbap((request[0] << 8) | request[1], request[6], 0x04, 0x02, 0x00, request[1]);
        var values = new ushort[1];
        _client.ReadInputRegisters(1, 0, 1, values, 0);
        Assert.Equal(1, values[0]);
        _client.ReadInputRegisters(1, 0, 1, values, 0);
        Assert.Equal(2, values[0]);
        Assert.Equal(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0x01, 0x04, 0x00, 0x00, 0x00, 0x01 }, _transport.Written[1]);
    }

    [Fact]
    public void A_stale_answer_from_a_timed_out_request_is_discarded()
    {
        var values = new ushort[1];
        _transport.Replies.Enqueue(null);
        Assert.Equal(FrameStatus.Timeout, _client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, values, 0));

        // The late answer to transaction 1 arrives just before the answer to transaction 2.
        _transport.Replies.Enqueue(Mbap(1, 1, 0x03, 0x02, 0x11, 0x11).Concat(Mbap(2, 1, 0x03, 0x02, 0x00, 0x2A)).ToArray());
        Assert.Equal(FrameStatus.Ok, _client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, values, 0));
        Assert.Equal(42, values[0]);
        Assert.Equal((1, 1), (_client.Counters.WrongTransaction, _client.Counters.Timeouts));
    }

    [Fact]
    public void An_answer_with_a_future_transaction_id_is_rejected()
    {
        _transport.Replies.Enqueue(Mbap(9, 1, 0x03, 0x02, 0x00, 0x2A));
        var values = new ushort[1];
        var ex = Assert.Throws<ModbusFrameException>(() => _client.ReadHoldingRegisters(1, 0, 1, values, 0));
        Assert.Equal(FrameStatus.WrongTransaction, ex.Status);
        Assert.Equal(0, values[0]);
    }

    [Fact]
    public void A_garbled_header_drops_the_connection()
    {
        byte[] bad = Mbap(1, 1, 0x03, 0x02, 0x00, 0x2A);
        bad[2] = 0x12;
        _transport.Replies.Enqueue(bad);
        Assert.Equal(FrameStatus.BadLength, _client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, new ushort[1], 0));
        Assert.False(_transport.IsOpen);
        _transport.Replies.Enqueue(Mbap(2, 1, 0x03, 0x02, 0x00, 0x2A));
        Assert.Equal(FrameStatus.Ok, _client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, new ushort[1], 0));
        Assert.Equal(2, _transport.Opens);
    }

    [Fact]
    public void Tcp_exception_and_wrong_unit()
    {
        _transport.Replies.Enqueue(Mbap(1, 1, 0x81, 0x02));
        var ex = Assert.Throws<ModbusException>(() => _client.ReadCoils(1, 500, 8, new bool[8], 0));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, ex.ExceptionCode);
        _transport.Replies.Enqueue(Mbap(2, 7, 0x01, 0x01, 0x00));
        Assert.Equal(FrameStatus.WrongUnit, _client.TryReadBits(1, RegisterKind.Coil, 0, 8, new bool[8], 0));
        Assert.Equal(1, _client.Counters.WrongUnit);
    }
}
