using System;
using Xunit.Abstractions;

namespace EdgeGateway.Modbus.Tests.Peers;

public sealed class PollCycleAllocationTests
{
    private readonly ITestOutputHelper _output;

    public PollCycleAllocationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Tcp_poll_cycle_allocates_nothing_in_steady_state()
    {
        using PymodbusPeer peer = PymodbusPeer.StartTcp();
        PollCycleReport report = PollCycleAllocation.Measure(peer, warmupCycles: 100, cycles: 500);
        _output.WriteLine(report.ToString());
        Console.WriteLine("[PollCycleAllocation] " + report);
        Assert.Equal(2, report.RequestsPerCycle);

        // The core and the socket transport reuse every buffer: anything above a few bytes is a regression.
        Assert.True(report.BytesPerCycle <= 8, report.ToString());
    }

    [Fact]
    public void Rtu_poll_cycle_allocation_is_reported()
    {
        using PymodbusPeer peer = PymodbusPeer.StartRtu();
        PollCycleReport report = PollCycleAllocation.Measure(peer, warmupCycles: 20, cycles: 100);
        _output.WriteLine(report.ToString());
        Console.WriteLine("[PollCycleAllocation] " + report);
        Assert.Equal(2, report.RequestsPerCycle);

        // System.IO.Ports itself may allocate per read on Linux; the core's share is what the TCP test bounds.
        Assert.True(report.BytesPerCycle < 4096, report.ToString());
    }
}
