using System.Collections.Generic;
using EdgeGateway.Benchmarks.Infrastructure;

namespace EdgeGateway.Benchmarks.Sections;

/// <summary>
/// 1. Our Modbus client vs libmodbus's, both reading 125 holding registers (FC03) one request in flight from the SAME
/// pymodbus 3.0 server process. pymodbus (Python) is the slower side of both conversations, so a ratio near 1 means
/// our client adds no measurable cost of its own; well below 1 would mean it does.
/// </summary>
internal sealed class ModbusClientSection : ISection
{
    public string Name => "modbus-client";

    public string Title => "1. Modbus client: 125 holding registers from one pymodbus 3.0 server, ours vs libmodbus";

    public void Run(BenchSettings settings, Report report)
    {
        string libmodbus = ModbusPeers.LibmodbusClient(settings);
        using ChildProcess server = ModbusPeers.StartPymodbus(out int port);
        var ours = new List<PollFigures>();
        var peer = new List<PollFigures>();
        for (int round = 0; round < settings.ModbusRounds; round++)
        {
            ours.Add(ModbusPeers.RunOurClient(port, settings.ModbusSeconds));
            peer.Add(ModbusPeers.RunLibmodbus(libmodbus, port, settings.ModbusSeconds));
        }

        PollFigures o = ModbusPeers.Median(ours);
        PollFigures p = ModbusPeers.Median(peer);
        Report.Note($"{settings.ModbusRounds} rounds of {settings.ModbusSeconds:F0} s per client, alternating; the median round of each is shown");
        Report.Table(PollFigures.Header, new[] { o.Row("pymodbus 3.0"), p.Row("pymodbus 3.0") });
        report.Ratio("modbus_client_polls", o.PollsPerSecond / p.PollsPerSecond, "our client's polls/s ÷ libmodbus's, same pymodbus server; higher is better, 1.00 = parity");
        report.Ratio("modbus_client_p50", p.P50Us / o.P50Us, "libmodbus's median latency ÷ ours (steadier than polls/s, which a few slow polls move); higher is better");
    }
}
