using System;
using System.IO;
using System.Text;
using EdgeGateway.Benchmarks.Infrastructure;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Benchmarks.Sections;

/// <summary>
/// 5. Bytes of one 12-point boiler report: our wire contract v1 frame vs compact JSON (System.Text.Json) vs Sparkplug B
/// (Eclipse Tahu's encoder, npm sparkplug-payload, run in node) with metric names and with aliases. Payload bytes only:
/// MQTT topics are excluded for all (ours and Sparkplug carry the device in the topic). Every point is "good": the JSON
/// and Sparkplug payloads carry no quality and no frame type/version/flags, which our frame does — that favours them.
/// Our frame is decoded again with WireReader and compared, so the figure is for a frame that keeps the values.
/// </summary>
internal sealed class WireSizeSection : ISection
{
    public string Name => "wire";

    public string Title => "5. Wire size of one boiler report: ours vs JSON vs Sparkplug B";

    public void Run(BenchSettings settings, Report report)
    {
        byte[] ours = BoilerReport.EncodeWire();
        CheckRoundTrip(ours);
        string json = BoilerReport.EncodeJson();
        int jsonBytes = Encoding.UTF8.GetByteCount(json);
        (int namedBytes, int aliasBytes) = Sparkplug(settings);

        Report.Table(new[] { "encoding", "bytes", "÷ ours" }, new[]
        {
            new[] { "ours (wire v1 telemetry)", ours.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "1.00" },
            new[] { "JSON (System.Text.Json, camelCase)", jsonBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), Report.F((double)jsonBytes / ours.Length, 2) },
            new[] { "Sparkplug B, metric names", namedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), Report.F((double)namedBytes / ours.Length, 2) },
            new[] { "Sparkplug B, metric aliases", aliasBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), Report.F((double)aliasBytes / ours.Length, 2) },
        });
        Report.Note($"{BoilerReport.Codes.Length} points; JSON: {json}");
        report.Ratio("wire_json_over_ours", (double)jsonBytes / ours.Length, "JSON bytes ÷ our bytes for the same report; higher = ours smaller");
        report.Ratio("wire_sparkplug_over_ours", (double)namedBytes / ours.Length, "Sparkplug B (metric names) bytes ÷ ours; higher = ours smaller");
        report.Ratio("wire_sparkplug_alias_over_ours", (double)aliasBytes / ours.Length, "Sparkplug B (aliases after a birth) bytes ÷ ours; higher = ours smaller");
    }

    private static void CheckRoundTrip(byte[] frame)
    {
        // Independent of our writer's internals: decode the header and every point by the layout in shared/WIRE.md.
        int pos = 0;
        if (frame[pos++] != WireFormat.Magic || frame[pos++] != WireFormat.Version || frame[pos++] != (byte)MessageType.Telemetry)
        {
            throw new InvalidOperationException("our telemetry frame does not start with magic, version 1, type 3");
        }

        pos++; // flags
        if (VarUInt(frame, ref pos) != BoilerReport.BootCounter || VarUInt(frame, ref pos) != BoilerReport.Sequence || VarUInt(frame, ref pos) != (ulong)BoilerReport.UnixTimeMs)
        {
            throw new InvalidOperationException("our telemetry frame's header does not decode to the boot counter, sequence and time written");
        }

        int idLength = (int)VarUInt(frame, ref pos);
        string id = Encoding.ASCII.GetString(frame, pos, idLength);
        pos += idLength;
        int count = (int)VarUInt(frame, ref pos);
        if (id != BoilerReport.EquipmentId || count != BoilerReport.Codes.Length)
        {
            throw new InvalidOperationException($"our telemetry frame decodes to equipment '{id}' with {count} points");
        }

        for (int i = 0; i < count; i++)
        {
            int code = (int)VarUInt(frame, ref pos);
            byte quality = frame[pos++];
            double value = (quality >> 6) switch
            {
                0 => BitConverter.ToSingle(frame, pos),
                1 => BitConverter.ToDouble(frame, pos),
                _ => Zigzag(VarUInt(frame, ref pos)),
            };
            pos += (quality >> 6) switch { 0 => 4, 1 => 8, _ => 0 };
            double want = BoilerReport.Values[i];
            if (code != BoilerReport.Codes[i] || Math.Abs(value - want) > Math.Abs(want) * 1e-7)
            {
                throw new InvalidOperationException($"point {i} decodes to code {code} value {value}, written code {BoilerReport.Codes[i]} value {want}");
            }
        }

        if (pos != frame.Length)
        {
            throw new InvalidOperationException($"our telemetry frame has {frame.Length - pos} trailing bytes");
        }
    }

    private static ulong VarUInt(byte[] b, ref int pos)
    {
        ulong value = 0;
        int shift = 0;
        while (true)
        {
            byte x = b[pos++];
            value |= (ulong)(x & 0x7F) << shift;
            if (x < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    private static double Zigzag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static (int Named, int Alias) Sparkplug(BenchSettings settings)
    {
        string? node = Peers.OnPath("node");
        string? npm = Peers.OnPath("npm");
        if (node == null || npm == null)
        {
            throw new PeerMissingException("node / npm (to run Eclipse Tahu's Sparkplug B encoder, npm sparkplug-payload)", Peers.NodeInstall);
        }

        string dir = Path.Combine(settings.RepoRoot, "tests", "EdgeGateway.Benchmarks", "peers", "sparkplug");
        if (!File.Exists(Path.Combine(dir, "node_modules", "sparkplug-payload", "package.json")))
        {
            // First run on this machine: install the locked versions (package-lock.json) into the ignored node_modules.
            ProcessResult install = Peers.Run(npm, new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" }, TimeSpan.FromMinutes(5), workingDirectory: dir);
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {dir} failed ({install.ExitCode}): {install.StandardError.Trim()}");
            }
        }

        ProcessResult r = Peers.Run(node, new[] { Path.Combine(dir, "encode.js") }, TimeSpan.FromSeconds(60), standardInput: BoilerReport.SparkplugInput(), workingDirectory: dir);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"the Sparkplug B encoder failed ({r.ExitCode}): {r.StandardError.Trim()}");
        }

        string line = r.StandardOutput.Trim();
        if ((int)Peers.Field(line, "metrics") != BoilerReport.Codes.Length)
        {
            throw new InvalidOperationException("the Sparkplug B encoder saw a different number of metrics: " + line);
        }

        return ((int)Peers.Field(line, "names_bytes"), (int)Peers.Field(line, "alias_bytes"));
    }
}
