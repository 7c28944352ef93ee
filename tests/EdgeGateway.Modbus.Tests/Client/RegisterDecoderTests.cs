using System;
using System.Linq;
using System.Buffers.Binary;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Modbus.Tests.Client;

public class RegisterDecoderTests
{
    // Where each byte of the big-endian value lands on the wire, written out by hand from the order's definition:
    // wire byte k = value byte Layout[k]. 16-bit values only know the byte swap; 64-bit values extend the word rules.
    private static int[] Layout(ByteOrder order, int bytes) => (order, bytes) switch
    {
        (ByteOrder.ABCD or ByteOrder.CDAB, 2) => new[] { 0, 1 },
        (ByteOrder.BADC or ByteOrder.DCBA, 2) => new[] { 1, 0 },
        (ByteOrder.ABCD, 4) => new[] { 0, 1, 2, 3 },
        (ByteOrder.CDAB, 4) => new[] { 2, 3, 0, 1 },
        (ByteOrder.BADC, 4) => new[] { 1, 0, 3, 2 },
        (ByteOrder.DCBA, 4) => new[] { 3, 2, 1, 0 },
        (ByteOrder.ABCD, 8) => new[] { 0, 1, 2, 3, 4, 5, 6, 7 },
        (ByteOrder.CDAB, 8) => new[] { 6, 7, 4, 5, 2, 3, 0, 1 },
        (ByteOrder.BADC, 8) => new[] { 1, 0, 3, 2, 5, 4, 7, 6 },
        (ByteOrder.DCBA, 8) => new[] { 7, 6, 5, 4, 3, 2, 1, 0 },
        _ => throw new ArgumentOutOfRangeException(nameof(order)),
    };

    private static byte[] BigEndian(RegisterDataType type, double value)
    {
        switch (type)
        {
            case RegisterDataType.Int16: { var b = new byte[2]; BinaryPrimitives.WriteInt16BigEndian(b, (short)value); return b; }
            case RegisterDataType.UInt16: { var b = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value); return b; }
            case RegisterDataType.Int32: { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, (int)value); return b; }
            case RegisterDataType.UInt32: { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, (uint)value); return b; }
            case RegisterDataType.Float32: { var b = new byte[4]; BinaryPrimitives.WriteSingleBigEndian(b, (float)value); return b; }
            case RegisterDataType.Float64: { var b = new byte[8]; BinaryPrimitives.WriteDoubleBigEndian(b, value); return b; }
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    /// <summary>The registers as a device with this order would send them, built without the code under test.</summary>
    internal static ushort[] WireRegisters(RegisterDataType type, ByteOrder order, double value)
    {
        byte[] be = BigEndian(type, value);
        int[] layout = Layout(order, be.Length);
        var wire = new byte[be.Length];
        for (int k = 0; k < wire.Length; k++)
        {
            wire[k] = be[layout[k]];
        }

        var registers = new ushort[wire.Length / 2];
        for (int i = 0; i < registers.Length; i++)
        {
            registers[i] = (ushort)((wire[2 * i] << 8) | wire[(2 * i) + 1]);
        }

        return registers;
    }

    public static TheoryData<RegisterDataType, ByteOrder, double> Cases()
    {
        var data = new TheoryData<RegisterDataType, ByteOrder, double>();
        var values = new (RegisterDataType, double)[]
        {
            (RegisterDataType.Int16, -12345), (RegisterDataType.Int16, 32767), (RegisterDataType.Int16, -1),
            (RegisterDataType.UInt16, 54321), (RegisterDataType.UInt16, 0x12AB),
            (RegisterDataType.Int32, -123456789), (RegisterDataType.Int32, int.MinValue), (RegisterDataType.Int32, 0x01020304),
            (RegisterDataType.UInt32, 3000000000), (RegisterDataType.UInt32, 0x0A0B0C0D),
            (RegisterDataType.Float32, (float)3.14159), (RegisterDataType.Float32, (float)-2.5e-3), (RegisterDataType.Float32, (float)123456.789),
            (RegisterDataType.Float32, (double)float.Epsilon), (RegisterDataType.Float32, (double)float.MaxValue), (RegisterDataType.Float32, double.PositiveInfinity),
            (RegisterDataType.Float64, -2.718281828459045), (RegisterDataType.Float64, 1.0e300), (RegisterDataType.Float64, 5e-324),
        };
        foreach (var (type, value) in values)
        {
            foreach (ByteOrder order in Enum.GetValues<ByteOrder>())
            {
                data.Add(type, order, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decodes_every_type_and_order_from_independent_layouts(RegisterDataType type, ByteOrder order, double value)
    {
        ushort[] wire = WireRegisters(type, order, value);
        var registers = new ushort[wire.Length + 5];
        Array.Fill(registers, (ushort)0xFFFF);
        wire.CopyTo(registers, 3);

        Assert.Equal(value, RegisterDecoder.DecodeRaw(type, order, registers, 3));
        var point = new RegisterPoint { Name = "p", DataType = type, Order = order };
        Assert.Equal(wire.Length, point.RegisterCount);
        Assert.Equal(value, RegisterDecoder.Decode(point, registers, 3));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encodes_every_type_and_order_to_the_same_layouts(RegisterDataType type, ByteOrder order, double value)
    {
        ushort[] wire = WireRegisters(type, order, value);
        var registers = new ushort[wire.Length + 2];
        int written = RegisterDecoder.EncodeRaw(type, order, value, registers, 1);
        Assert.Equal(wire.Length, written);
        Assert.Equal(wire, registers[1..(1 + wire.Length)]);
        Assert.Equal(0, registers[0]);
        Assert.Equal(0, registers[^1]);
    }

    [Fact]
    public void Float32_nan_and_negative_zero_survive()
    {
        ushort[] nan = WireRegisters(RegisterDataType.Float32, ByteOrder.ABCD, double.NaN);
        Assert.True(double.IsNaN(RegisterDecoder.DecodeRaw(RegisterDataType.Float32, ByteOrder.ABCD, nan, 0)));
        double negativeZero = RegisterDecoder.DecodeRaw(RegisterDataType.Float32, ByteOrder.ABCD, new ushort[] { 0x8000, 0 }, 0);
        Assert.True(double.IsNegative(negativeZero) && negativeZero == 0);
        // A float32 subnormal just above the smallest: 3 × 2^-149.
        Assert.Equal(3 * (double)float.Epsilon, RegisterDecoder.DecodeRaw(RegisterDataType.Float32, ByteOrder.ABCD, new ushort[] { 0, 3 }, 0));
    }

    [Fact]
    public void Float32_bit_conversion_matches_the_runtime_on_many_patterns()
    {
        var random = new Random(42);
        for (int i = 0; i < 20000; i++)
        {
            uint bits = (uint)random.Next() ^ ((uint)random.Next(4) << 30);
            float expected = BitConverter.UInt32BitsToSingle(bits);
            double decoded = RegisterDecoder.SingleBitsToDouble(bits);
            if (float.IsNaN(expected))
            {
                Assert.True(double.IsNaN(decoded));
                continue;
            }

            Assert.Equal((double)expected, decoded);
            Assert.Equal(bits, RegisterDecoder.DoubleToSingleBits(decoded));
        }
    }

    [Fact]
    public void Scale_and_offset_apply_both_ways()
    {
        // Raw 1234 with scale 0.1 and offset -40 reads as 83.4 (e.g. a temperature in 0.1 °C with a -40 °C zero).
        var point = new RegisterPoint { Name = "flueGasTemperatureC", DataType = RegisterDataType.Int16, Scale = 0.1, Offset = -40 };
        Assert.Equal(83.4, RegisterDecoder.Decode(point, new ushort[] { 1234 }, 0), 9);
        var registers = new ushort[1];
        RegisterDecoder.Encode(point, 83.4, registers, 0);
        Assert.Equal(1234, registers[0]);
        RegisterDecoder.Encode(point, -45.0, registers, 0);
        Assert.Equal(unchecked((ushort)-50), registers[0]);
    }

    [Fact]
    public void Encoding_a_value_that_does_not_fit_names_the_value_and_the_range()
    {
        var registers = new ushort[2];
        var ex = Assert.Throws<InputException>(() => RegisterDecoder.EncodeRaw(RegisterDataType.Int16, ByteOrder.ABCD, 40000, registers, 0));
        Assert.Contains("40000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("int16", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => RegisterDecoder.EncodeRaw(RegisterDataType.UInt32, ByteOrder.ABCD, -1, registers, 0));
        Assert.Throws<InputException>(() => RegisterDecoder.EncodeRaw(RegisterDataType.Float32, ByteOrder.ABCD, 1e39, registers, 0));
        Assert.Throws<InputException>(() => RegisterDecoder.EncodeRaw(RegisterDataType.Int32, ByteOrder.ABCD, double.NaN, registers, 0));
    }

    [Fact]
    public void Integers_round_half_away_from_zero()
    {
        var registers = new ushort[1];
        RegisterDecoder.EncodeRaw(RegisterDataType.Int16, ByteOrder.ABCD, 2.5, registers, 0);
        Assert.Equal(3, registers[0]);
        RegisterDecoder.EncodeRaw(RegisterDataType.Int16, ByteOrder.ABCD, -2.5, registers, 0);
        Assert.Equal(unchecked((ushort)-3), registers[0]);
        RegisterDecoder.EncodeRaw(RegisterDataType.UInt16, ByteOrder.ABCD, 2.4, registers, 0);
        Assert.Equal(2, registers[0]);
    }

    [Theory]
    [InlineData(ByteOrder.ABCD, new ushort[] { 0x5344, 0x4D36, 0x3330, 0x0000 })]
    [InlineData(ByteOrder.CDAB, new ushort[] { 0x5344, 0x4D36, 0x3330, 0x0000 })]
    [InlineData(ByteOrder.BADC, new ushort[] { 0x4453, 0x364D, 0x3033, 0x0000 })]
    [InlineData(ByteOrder.DCBA, new ushort[] { 0x4453, 0x364D, 0x3033, 0x0000 })]
    public void Strings_in_both_byte_orders(ByteOrder order, ushort[] registers)
    {
        // "SDM630" = 53 44 4D 36 33 30, NUL-padded to 4 registers.
        Assert.Equal("SDM630", RegisterDecoder.DecodeString(registers, 0, 4, order));
        var encoded = new ushort[4];
        RegisterDecoder.EncodeString("SDM630", order, encoded, 0, 4);
        Assert.Equal(registers, encoded);
        Assert.Throws<InputException>(() => RegisterDecoder.EncodeString("TOO LONG TEXT", order, encoded, 0, 4));
    }

    [Fact]
    public void String_of_odd_length_stops_at_the_nul()
    {
        Assert.Equal("ABC", RegisterDecoder.DecodeString(new ushort[] { 0x4142, 0x4300, 0x4444 }, 0, 3, ByteOrder.ABCD));
        var chars = new char[8];
        Assert.Equal(4, RegisterDecoder.DecodeString(new ushort[] { 0x4142, 0x4344 }, 0, 2, ByteOrder.ABCD, chars, 1));
        Assert.Equal("ABCD", new string(chars, 1, 4));
    }

    [Fact]
    public void Bits_in_registers_and_coils()
    {
        var whole = new RegisterPoint { Name = "alarm", DataType = RegisterDataType.Bit };
        Assert.Equal(1.0, RegisterDecoder.Decode(whole, new ushort[] { 0x0100 }, 0));
        Assert.Equal(0.0, RegisterDecoder.Decode(whole, new ushort[] { 0 }, 0));
        var bit9 = new RegisterPoint { Name = "burnerOn", DataType = RegisterDataType.Bit, BitIndex = 9 };
        Assert.Equal(1.0, RegisterDecoder.Decode(bit9, new ushort[] { 0x0200 }, 0));
        Assert.Equal(0.0, RegisterDecoder.Decode(bit9, new ushort[] { 0xFDFF }, 0));
        Assert.Equal(1.0, RegisterDecoder.DecodeBit(new[] { false, true }, 1));
    }
}
