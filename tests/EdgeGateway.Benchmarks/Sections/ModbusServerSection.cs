using System.Collections.Generic;
using EdgeGateway.Benchmarks.Infrastructure;
using EdgeGateway.Hardware.Server;

namespace EdgeGateway.Benchmarks.Sections;

/// <summary>
/// 2. Our simulator's Modbus TCP server (hardware/EdgeGateway.Hardware/Server, in this process) vs pymodbus 3.0's
/// server (its own process), both answering the same libmodbus C client reading 125 holding registers one request in
/// flight. The client is identical, so the difference is the server's turnaround.
/// </summary>
internal sealed class ModbusServerSection : ISection
{
    public string Name => "modbus-server";

    public string Title => "2. Modbus server: our simulator vs pymodbus 3.0, both under the libmodbus client";

    public void Run(BenchSettings settings, Report report)
    {
        string libmodbus = ModbusPeers.LibmodbusClient(settings);
        using ChildProcess pymodbus = ModbusPeers.StartPymodbus(out int pymodbusPort);
        ModbusTcpServer ours = ModbusPeers.StartSimulator(out ModbusServerCore core);
        try
        {
            int ourPort = ours.EndPoint.Port;
            var oursRounds = new List<PollFigures>();
            var peerRounds = new List<PollFigures>();
            long requestsBefore = core.Requests;
            for (int round = 0; round < settings.ModbusRounds; round++)
            {
                oursRounds.Add(ModbusPeers.RunLibmodbus(libmodbus, ourPort, settings.ModbusSeconds));
                peerRounds.Add(ModbusPeers.RunLibmodbus(libmodbus, pymodbusPort, settings.ModbusSeconds));
            }

            long served = core.Requests - requestsBefore;
            long clientPolls = 0;
            foreach (PollFigures f in oursRounds)
            {
                clientPolls += f.Polls;
            }

            PollFigures o = ModbusPeers.Median(oursRounds);
            PollFigures p = ModbusPeers.Median(peerRounds);
            Report.Note($"{settings.ModbusRounds} rounds of {settings.ModbusSeconds:F0} s per server, alternating; the median round of each is shown");
            Report.Table(PollFigures.Header, new[] { o.Row("ours (simulator, C#)"), p.Row("pymodbus 3.0") });
            Report.Note($"our server counted {served:N0} requests for the client's {clientPolls:N0} timed polls (+ its warm-up reads)");
            report.Ratio("modbus_server_requests", o.PollsPerSecond / p.PollsPerSecond, "requests/s our simulator ÷ pymodbus, same libmodbus client; higher is better");
        }
        finally
        {
            ours.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
