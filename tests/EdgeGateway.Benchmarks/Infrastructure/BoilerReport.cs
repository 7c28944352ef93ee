using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Benchmarks.Infrastructure;

/// <summary>
/// One realistic report of a 10 t/h gas-fired steam boiler at ~86 % load (values of the kind the simulators and a real
/// plant produce): twelve points, instruments plus what the edge computes. The same values feed every encoding the
/// wire-size section compares, and the records the store section writes.
/// </summary>
internal static class BoilerReport
{
    public const uint BootCounter = 17;

    /// <summary>A few days of reports at one frame a minute plus reports by exception.</summary>
    public const ulong Sequence = 48213;

    /// <summary>2026-01-01 08:00:00.250 UTC in Unix milliseconds.</summary>
    public const long UnixTimeMs = 1767254400250L;

    public const string EquipmentId = "boiler-1";

    public static readonly int[] Codes =
    {
        Measurements.SteamFlowTph, Measurements.SteamPressureMpaAbs, Measurements.SteamTemperatureC,
        Measurements.FeedwaterTemperatureC, Measurements.FuelFlowNm3PerH, Measurements.FlueGasTemperatureC,
        Measurements.FlueGasO2PercentDry, Measurements.FlueGasCoPpm, Measurements.AirTemperatureC,
        Measurements.BoilerEfficiencyPercent, Measurements.FlueGasLossPercent, Measurements.ExcessAirRatio,
    };

    /// <summary>t/h, MPa abs (1.25 MPa gauge), °C (saturated at that pressure), °C, Nm³/h, °C, % dry, ppm, °C, %, % (q2), λ.</summary>
    public static readonly double[] Values = { 8.62, 1.352, 193.6, 104.5, 618.7, 138.6, 3.42, 36, 21.8, 91.37, 6.12, 1.19 };

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    /// <summary>Our wire contract v1 telemetry frame (shared/WIRE.md): header, equipment id, point count, points.</summary>
    public static byte[] EncodeWire()
    {
        var writer = new WireWriter(new byte[WireFormat.MaxFrameBytes]);
        writer.WriteHeader(MessageType.Telemetry, 0, BootCounter, Sequence, UnixTimeMs);
        writer.WriteAscii(EquipmentId);
        writer.WriteVarUInt((ulong)Codes.Length);
        for (int i = 0; i < Codes.Length; i++)
        {
            writer.WritePoint(Codes[i], PointQuality.Good, Values[i]);
        }

        return writer.Buffer.AsSpan(0, writer.Length).ToArray();
    }

    /// <summary>The same report as compact JSON: camelCase names, Unix-ms timestamp, sequence and boot counter.</summary>
    public static string EncodeJson()
    {
        var points = new Dictionary<string, double>();
        for (int i = 0; i < Codes.Length; i++)
        {
            points[Measurements.NameOf(Codes[i])] = Values[i];
        }

        return JsonSerializer.Serialize(new JsonTelemetry(BootCounter, Sequence, UnixTimeMs, EquipmentId, points), JsonOptions);
    }

    /// <summary>Input for peers/sparkplug/encode.js: the same metrics, integers as Int32, the rest as Float (float32,
    /// what our encoder also chooses for them), aliases = our measurement codes, seq = sequence mod 256 (Sparkplug's).</summary>
    public static string SparkplugInput()
    {
        var text = new StringBuilder();
        text.Append("{\"timestamp\":").Append(UnixTimeMs.ToString(CultureInfo.InvariantCulture))
            .Append(",\"seq\":").Append((Sequence % 256).ToString(CultureInfo.InvariantCulture)).Append(",\"metrics\":[");
        for (int i = 0; i < Codes.Length; i++)
        {
            bool whole = Values[i] == System.Math.Floor(Values[i]);
            text.Append(i == 0 ? "" : ",")
                .Append("{\"name\":\"").Append(Measurements.NameOf(Codes[i]))
                .Append("\",\"alias\":").Append(Codes[i].ToString(CultureInfo.InvariantCulture))
                .Append(",\"type\":\"").Append(whole ? "Int32" : "Float")
                .Append("\",\"value\":").Append(Values[i].ToString("R", CultureInfo.InvariantCulture)).Append('}');
        }

        return text.Append("]}").ToString();
    }

    private sealed record JsonTelemetry(uint BootCounter, ulong Sequence, long Timestamp, string EquipmentId, Dictionary<string, double> Points);
}
