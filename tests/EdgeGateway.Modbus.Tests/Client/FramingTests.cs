using System;
using System.Linq;
using EdgeGateway.Firmware.Core.Modbus.Framing;

namespace EdgeGateway.Modbus.Tests.Client;

public class Crc16Tests
{
    [Theory]
    // Spec example request "read 10 holding registers from 0 at unit 1": CRC on the wire C5 CD.
    [InlineData(new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A }, 0xC5, 0xCD)]
    // Modbus over Serial Line V1.02 §6.2.2 style request: read input register 0 at unit 1 → 31 CA.
    [InlineData(new byte[] { 0x01, 0x04, 0x00, 0x00, 0x00, 0x01 }, 0x31, 0xCA)]
    // Catalogue check value of CRC-16/MODBUS over ASCII "123456789" is 0x4B37 (low byte first on the wire).
    [InlineData(new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 }, 0x37, 0x4B)]
    public void Known_vectors(byte[] data, byte low, byte high)
    {
        ushort crc = Crc16.Compute(data, 0, data.Length);
        Assert.Equal(low, (byte)(crc & 0xFF));
        Assert.Equal(high, (byte)(crc >> 8));

        var frame = new byte[data.Length + 2];
        data.CopyTo(frame, 0);
        Assert.Equal(data.Length + 2, Crc16.Append(frame, 0, data.Length));
        Assert.Equal(low, frame[^2]);
        Assert.Equal(high, frame[^1]);
        Assert.True(Crc16.Check(frame, 0, frame.Length));
    }

    [Fact]
    public void Matches_bitwise_reference_on_random_frames_and_detects_every_single_bit_flip()
    {
        var random = new Random(1234);
        for (int trial = 0; trial < 200; trial++)
        {
            var data = new byte[random.Next(1, 250)];
            random.NextBytes(data);
            Assert.Equal(ReferenceCrc.Compute(data, data.Length), Crc16.Compute(data, 0, data.Length));
        }

        byte[] good = ReferenceCrc.WithCrc(0x11, 0x03, 0x02, 0x12, 0x34);
        for (int bit = 0; bit < good.Length * 8; bit++)
        {
            var bad = (byte[])good.Clone();
            bad[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Crc16.Check(bad, 0, bad.Length), $"bit {bit} flip undetected");
        }
    }

    [Fact]
    public void Works_at_an_offset()
    {
        byte[] buffer = { 0xEE, 0xEE, 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A };
        Assert.Equal(0xCDC5, Crc16.Compute(buffer, 2, 6));
    }
}

public class RtuFramerTests
{
    [Fact]
    public void Builds_the_spec_request_bytes()
    {
        var adu = new byte[RtuFramer.MaxAduLength];
        int pdu = ModbusPdu.BuildRead(adu, RtuFramer.PduOffset, ModbusFunction.ReadHoldingRegisters, 0, 10);
        int length = RtuFramer.Finish(adu, 1, pdu);
        Assert.Equal(new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD }, adu[..length]);
    }

    [Fact]
    public void Accepts_a_good_response()
    {
        byte[] frame = ReferenceCrc.WithCrc(0x01, 0x03, 0x04, 0x00, 0x01, 0x00, 0x02);
        Assert.Equal(frame.Length, RtuFramer.ExpectedResponseLength(frame, 3));
        Assert.Equal(FrameStatus.Ok, RtuFramer.Check(frame, frame.Length, 1, out int pduLength));
        Assert.Equal(6, pduLength);
        Assert.Equal(FrameStatus.Ok, ModbusPdu.CheckResponse(frame, 1, pduLength, ModbusFunction.ReadHoldingRegisters, 0, 2));
    }

    [Fact]
    public void Rejects_a_bad_crc()
    {
        byte[] frame = ReferenceCrc.WithCrc(0x01, 0x03, 0x02, 0x00, 0x07);
        frame[4] ^= 0x01;
        Assert.Equal(FrameStatus.CrcError, RtuFramer.Check(frame, frame.Length, 1, out _));
    }

    [Fact]
    public void Rejects_a_short_frame()
    {
        // Byte count says 4 data bytes, only 2 arrived (with a CRC that is even valid for what arrived).
        byte[] frame = ReferenceCrc.WithCrc(0x01, 0x03, 0x04, 0x00, 0x07);
        Assert.Equal(FrameStatus.ShortFrame, RtuFramer.Check(frame, frame.Length, 1, out _));
        Assert.Equal(FrameStatus.ShortFrame, RtuFramer.Check(new byte[] { 0x01, 0x83, 0x02 }, 3, 1, out _));
    }

    [Fact]
    public void Rejects_another_unit()
    {
        byte[] frame = ReferenceCrc.WithCrc(0x02, 0x03, 0x02, 0x00, 0x07);
        Assert.Equal(FrameStatus.WrongUnit, RtuFramer.Check(frame, frame.Length, 1, out _));
    }

    [Fact]
    public void Pdu_checks_exception_function_and_byte_count()
    {
        byte[] exception = ReferenceCrc.WithCrc(0x01, 0x83, 0x02);
        Assert.Equal(FrameStatus.Ok, RtuFramer.Check(exception, exception.Length, 1, out int pduLength));
        Assert.Equal(FrameStatus.ModbusException, ModbusPdu.CheckResponse(exception, 1, pduLength, ModbusFunction.ReadHoldingRegisters, 0, 1));

        byte[] otherFunction = ReferenceCrc.WithCrc(0x01, 0x04, 0x02, 0x00, 0x07);
        Assert.Equal(FrameStatus.Ok, RtuFramer.Check(otherFunction, otherFunction.Length, 1, out pduLength));
        Assert.Equal(FrameStatus.WrongFunction, ModbusPdu.CheckResponse(otherFunction, 1, pduLength, ModbusFunction.ReadHoldingRegisters, 0, 1));

        // Asked for 2 registers, got 1.
        Assert.Equal(FrameStatus.BadLength, ModbusPdu.CheckResponse(otherFunction, 1, pduLength, ModbusFunction.ReadInputRegisters, 0, 2));

        // Write echo with another address.
        byte[] echo = { 0x06, 0x00, 0x11, 0x12, 0x34 };
        Assert.Equal(FrameStatus.Ok, ModbusPdu.CheckResponse(echo, 0, 5, ModbusFunction.WriteSingleRegister, 0x11, 0x1234));
        Assert.Equal(FrameStatus.BadLength, ModbusPdu.CheckResponse(echo, 0, 5, ModbusFunction.WriteSingleRegister, 0x12, 0x1234));
    }

    [Fact]
    public void Expected_length_needs_the_byte_count_and_knows_fixed_and_exception_frames()
    {
        Assert.Equal(ModbusPdu.NeedMoreBytes, RtuFramer.ExpectedResponseLength(new byte[] { 0x01, 0x03 }, 2));
        Assert.Equal(5, RtuFramer.ExpectedResponseLength(new byte[] { 0x01, 0x83 }, 2));
        Assert.Equal(8, RtuFramer.ExpectedResponseLength(new byte[] { 0x01, 0x10 }, 2));
        Assert.Equal(1 + 2 + 250 + 2, RtuFramer.ExpectedResponseLength(new byte[] { 0x01, 0x03, 250 }, 3));
        Assert.Equal(ModbusPdu.UnknownLength, RtuFramer.ExpectedResponseLength(new byte[] { 0x01, 0x41 }, 2));
        // Request side (servers): FC16 with 4 data bytes → 1 + 6 + 4 + 2.
        Assert.Equal(13, RtuFramer.ExpectedRequestLength(new byte[] { 0x01, 0x10, 0, 0, 0, 2, 4 }, 7));
    }

    [Fact]
    public void Device_identification_length_walks_the_objects()
    {
        // 2B 0E 01 81 00 00 02 {00 03 'A' 'B' 'C'} {01 01 'X'}
        byte[] pdu = { 0x2B, 0x0E, 0x01, 0x81, 0x00, 0x00, 0x02, 0x00, 0x03, 0x41, 0x42, 0x43, 0x01, 0x01, 0x58 };
        Assert.Equal(ModbusPdu.NeedMoreBytes, ModbusPdu.ResponseLength(pdu, 0, 10));
        // The second object's length byte is byte 13: with 13 bytes the length is still unknown.
        Assert.Equal(ModbusPdu.NeedMoreBytes, ModbusPdu.ResponseLength(pdu, 0, 13));
        Assert.Equal(pdu.Length, ModbusPdu.ResponseLength(pdu, 0, 14));
        Assert.Equal(FrameStatus.Ok, ModbusPdu.CheckResponse(pdu, 0, pdu.Length, ModbusFunction.EncapsulatedInterface, 0, 0));
        Assert.Equal(FrameStatus.BadLength, ModbusPdu.CheckResponse(pdu, 0, pdu.Length - 1, ModbusFunction.EncapsulatedInterface, 0, 0));
    }

    [Theory]
    // t3.5 = 3.5 × bits / baud: 9600 baud, 11 bits → 4010.4 µs; 19200 → 2005.2 µs; above 19200 fixed at 1750 µs.
    [InlineData(9600, 11, 4011)]
    [InlineData(19200, 11, 2006)]
    [InlineData(1200, 10, 29167)]
    [InlineData(38400, 11, 1750)]
    [InlineData(115200, 10, 1750)]
    public void Silent_interval_from_baud(int baud, int bits, int expectedMicros)
    {
        Assert.Equal(expectedMicros, RtuFramer.SilentIntervalMicroseconds(baud, bits));
        Assert.Equal((expectedMicros + 999) / 1000, RtuFramer.SilentIntervalMilliseconds(baud, bits));
    }

    [Fact]
    public void Bits_per_character()
    {
        Assert.Equal(11, RtuFramer.BitsPerCharacter(true, 1));
        Assert.Equal(11, RtuFramer.BitsPerCharacter(false, 2));
        Assert.Equal(10, RtuFramer.BitsPerCharacter(false, 1));
    }
}

public class TcpFramerTests
{
    [Fact]
    public void Builds_the_mbap_header()
    {
        var adu = new byte[TcpFramer.MaxAduLength];
        int pdu = ModbusPdu.BuildRead(adu, TcpFramer.PduOffset, ModbusFunction.ReadHoldingRegisters, 0, 10);
        int length = TcpFramer.Finish(adu, 0x1234, 0x11, pdu);
        Assert.Equal(new byte[] { 0x12, 0x34, 0x00, 0x00, 0x00, 0x06, 0x11, 0x03, 0x00, 0x00, 0x00, 0x0A }, adu[..length]);
    }

    private static byte[] Response(int tid, byte unit, params byte[] pdu)
    {
        var frame = new byte[7 + pdu.Length];
        frame[0] = (byte)(tid >> 8);
        frame[1] = (byte)tid;
        frame[5] = (byte)(pdu.Length + 1);
        frame[6] = unit;
        pdu.CopyTo(frame, 7);
        return frame;
    }

    [Fact]
    public void Accepts_matching_and_rejects_wrong_transaction_and_unit()
    {
        byte[] frame = Response(7, 1, 0x03, 0x02, 0x00, 0x2A);
        Assert.Equal(FrameStatus.Ok, TcpFramer.Check(frame, frame.Length, 7, 1, out int pduLength));
        Assert.Equal(4, pduLength);
        Assert.Equal(FrameStatus.WrongTransaction, TcpFramer.Check(frame, frame.Length, 8, 1, out _));
        Assert.Equal(FrameStatus.WrongUnit, TcpFramer.Check(frame, frame.Length, 7, 2, out _));
    }

    [Fact]
    public void Rejects_bad_protocol_id_bad_length_fields_and_short_frames()
    {
        byte[] frame = Response(7, 1, 0x03, 0x02, 0x00, 0x2A);
        var badProtocol = (byte[])frame.Clone();
        badProtocol[3] = 1;
        Assert.Equal(FrameStatus.BadLength, TcpFramer.CheckHeader(badProtocol, badProtocol.Length, out _));

        var tooSmall = (byte[])frame.Clone();
        tooSmall[5] = 1;
        Assert.Equal(FrameStatus.BadLength, TcpFramer.CheckHeader(tooSmall, tooSmall.Length, out _));

        var tooBig = (byte[])frame.Clone();
        tooBig[4] = 0x01;
        Assert.Equal(FrameStatus.BadLength, TcpFramer.CheckHeader(tooBig, tooBig.Length, out _));

        Assert.Equal(FrameStatus.ShortFrame, TcpFramer.Check(frame, frame.Length - 1, 7, 1, out _));
        Assert.Equal(FrameStatus.ShortFrame, TcpFramer.CheckHeader(frame, 6, out _));
        Assert.Equal(FrameStatus.Ok, TcpFramer.CheckHeader(frame, 7, out int total));
        Assert.Equal(frame.Length, total);
    }

    [Theory]
    [InlineData(5, 6, true)]
    [InlineData(6, 6, false)]
    [InlineData(7, 6, false)]
    [InlineData(0xFFFF, 0, true)]
    [InlineData(0, 0xFFFF, false)]
    public void Stale_transaction_ids_wrap_around(int received, int expected, bool stale)
    {
        Assert.Equal(stale, TcpFramer.IsStale(received, expected));
    }
}
