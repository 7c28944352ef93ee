using System;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Shared.Tests.Wire;

public class WireRoundTripTests
{
    [Fact]
    public void Header_and_points_round_trip_with_the_smallest_exact_encoding()
    {
        var writer = new WireWriter(new byte[WireFormat.MaxFrameBytes]);
        writer.WriteHeader(MessageType.Telemetry, WireFormat.FlagHistorical, 7, 123456789012UL, 1764064800123L);
        writer.WriteAscii("boiler-1");
        writer.WriteVarUInt(5);
        writer.WritePoint(Measurements.SteamFlowTph, PointQuality.Good, 3.25);           // exact in float32
        writer.WritePoint(Measurements.ActiveEnergyKwh, PointQuality.Good, 123456789);   // integer counter
        writer.WritePoint(Measurements.BoilerEfficiencyPercent, PointQuality.Calculated, 91.23456789012); // float32, within 1e-7
        writer.WritePoint(Measurements.FlueGasO2PercentDry, PointQuality.Stuck, -0.5);
        writer.WritePoint(Measurements.ActiveEnergyKwh, PointQuality.Good, 123456789.5); // large total: float64 keeps the 0.5

        var reader = new WireReader(writer.Buffer, 0, writer.Length);
        reader.ReadHeader();
        Assert.Equal(MessageType.Telemetry, reader.Type);
        Assert.True(reader.IsHistorical);
        Assert.Equal(7u, reader.BootCounter);
        Assert.Equal(123456789012UL, reader.Sequence);
        Assert.Equal(1764064800123L, reader.UnixTimeMs);
        Assert.Equal("boiler-1", reader.ReadAscii());
        Assert.Equal(5UL, reader.ReadVarUInt());

        double[] expected = { 3.25, 123456789, 91.23456789012, -0.5, 123456789.5 };
        int[] codes = { Measurements.SteamFlowTph, Measurements.ActiveEnergyKwh, Measurements.BoilerEfficiencyPercent, Measurements.FlueGasO2PercentDry, Measurements.ActiveEnergyKwh };
        PointQuality[] qualities = { PointQuality.Good, PointQuality.Good, PointQuality.Calculated, PointQuality.Stuck, PointQuality.Good };
        int[] encodedBytes = { 4, 4, 4, 4, 8 }; // value bytes: float32, varint, float32, float32, float64
        for (int i = 0; i < 5; i++)
        {
            int before = reader.Position;
            reader.ReadPoint(out int code, out PointQuality quality, out double value);
            Assert.Equal(codes[i], code);
            Assert.Equal(qualities[i], quality);
            Assert.Equal(expected[i], value, i == 4 ? 0.0 : Math.Abs(expected[i]) * 1e-7);
            Assert.Equal(encodedBytes[i], reader.Position - before - 2); // minus code and quality bytes
        }

        Assert.True(reader.AtEnd);
    }

    [Theory]
    [InlineData(1.5f)]
    [InlineData(-273.15f)]
    [InlineData(1e-40f)] // subnormal
    [InlineData(3.4028235e38f)]
    [InlineData(-0.0f)]
    public void Float32_bits_match_the_IEEE_layout_of_the_platform(float value)
    {
        Assert.Equal(BitConverter.SingleToUInt32Bits(value), WireWriterBits(value));
        Assert.Equal(BitConverter.SingleToUInt32Bits(value), BitConverter.SingleToUInt32Bits(RoundTrip(value)));
    }

    [Fact]
    public void Truncated_frame_names_the_offset()
    {
        var writer = new WireWriter(new byte[64]);
        writer.WriteHeader(MessageType.Telemetry, 0, 1, 1, 1);
        var reader = new WireReader(writer.Buffer, 0, writer.Length - 1);
        var ex = Assert.Throws<WireFormatException>(reader.ReadHeader);
        Assert.Equal(writer.Length - 1, ex.Offset);
        Assert.Contains("ends early", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_magic_and_unknown_version_are_rejected()
    {
        byte[] notOurs = { 0x7B, 0x22, 0x61, 0x22 }; // '{"a"' — a JSON payload on our topic
        Assert.Contains("magic", Assert.Throws<WireFormatException>(() => new WireReader(notOurs, 0, notOurs.Length).ReadHeader()).Message, StringComparison.Ordinal);
        byte[] v2 = { WireFormat.Magic, 2, 3, 0, 1, 1, 1 };
        Assert.Contains("version 2", Assert.Throws<WireFormatException>(() => new WireReader(v2, 0, v2.Length).ReadHeader()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overfull_frame_is_an_input_error_not_a_buffer_overrun()
    {
        var writer = new WireWriter(new byte[8]);
        var ex = Assert.Throws<InputException>(() => writer.WriteAscii("a-much-too-long-equipment-id"));
        Assert.Equal("frame", ex.Field);
    }

    [Theory]
    [InlineData("site-1", true)]
    [InlineData("a/b", false)]
    [InlineData("plant+1", false)]
    [InlineData("", false)]
    [InlineData("锅炉", false)]
    public void Identifiers_exclude_topic_separators_and_wildcards(string id, bool valid)
    {
        Assert.Equal(valid, Identifiers.IsValid(id));
        if (!valid)
        {
            Assert.Throws<InputException>(() => Topics.For(id, "gw-1", Topics.Telemetry));
        }
    }

    [Fact]
    public void Measurement_vocabulary_has_unique_codes_and_names()
    {
        for (int i = 0; i < Measurements.Count; i++)
        {
            for (int j = i + 1; j < Measurements.Count; j++)
            {
                Assert.NotEqual(Measurements.CodeAt(i), Measurements.CodeAt(j));
                Assert.NotEqual(Measurements.NameAt(i), Measurements.NameAt(j));
            }

            Assert.Equal(Measurements.CodeAt(i), Measurements.CodeOf(Measurements.NameAt(i)));
            Assert.False(string.IsNullOrEmpty(Measurements.UnitAt(i)));
        }
    }

    private static uint WireWriterBits(float value)
    {
        var w = new WireWriter(new byte[4]);
        w.WriteFloat32(value);
        return BitConverter.ToUInt32(w.Buffer, 0);
    }

    private static float RoundTrip(float value)
    {
        var w = new WireWriter(new byte[4]);
        w.WriteFloat32(value);
        return new WireReader(w.Buffer, 0, 4).ReadFloat32();
    }
}
