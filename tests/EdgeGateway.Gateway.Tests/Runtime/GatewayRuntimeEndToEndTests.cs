using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EdgeGateway.Firmware.Core.Runtime;
using EdgeGateway.Gateway.Tests.Peers;
using EdgeGateway.Hardware.Simulation;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Runtime;

/// <summary>
/// The gateway end to end: the runtime polls in-process simulators of hardware/ over Modbus TCP, computes, stores and
/// forwards to a real mosquitto; a fleet-side subscriber decodes what arrives; the status page is read over HTTP.
/// </summary>
public sealed class GatewayRuntimeEndToEndTests : IClassFixture<MosquittoBroker>
{
    private readonly MosquittoBroker broker;

    public GatewayRuntimeEndToEndTests(MosquittoBroker broker)
    {
        this.broker = broker;
    }

    [Fact]
    public async Task Birth_then_telemetry_reach_the_fleet_with_the_simulators_efficiency_and_the_status_page_shows_pass()
    {
        await using var rig = new GatewayRig(broker.PlainPort);
        await using var fleet = new FleetSubscriber(rig.SiteId, rig.DeviceId);
        await fleet.ConnectAsync(broker.PlainPort);
        rig.Host.Start();

        // The boiler's verdict needs a steady window (10 s here) of polls.
        await GatewayRig.WaitUntilAsync(async () =>
            GatewayRig.Equipment(await rig.StatusJsonAsync(), "gasBoiler").GetProperty("pass").GetString() == "pass", 45,
            () => "gasBoiler pass on the status page; runtime errors: " + rig.Host.Runtime.LastError);

        var frames = fleet.Frames.Where(f => f.Type != MessageType.ConfigReported).ToList();
        Assert.Equal(MessageType.Birth, frames[0].Type);
        Assert.Equal(0UL, frames[0].Sequence);
        var gas = frames.Where(f => f.Type == MessageType.Telemetry && f.EquipmentId == "gasBoiler" && f.Points.ContainsKey(Measurements.BoilerEfficiencyPercent)).ToList();
        Assert.NotEmpty(gas);

        // Efficiency close to the simulator's physics (its indirect method; the gateway uses the direct method here).
        double truth = ((BoilerModel)rig.Sim("gas").Device).EfficiencyPercent;
        (double value, _) = gas[^1].Points[Measurements.BoilerEfficiencyPercent];
        Assert.InRange(value, truth - 1.0, truth + 1.0);
        Assert.True(truth >= 92.0, "the compliant gas boiler's physics should give 92 % or more, got " + truth);

        // Stored frames: consecutive sequences from 1, one boot, no gap, no duplicate.
        var seqs = frames.Where(f => f.Sequence > 0).Select(f => f.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (ulong)i), seqs);
        Assert.Single(frames.Where(f => f.Sequence > 0).Select(f => f.Boot).Distinct());

        JsonElement status = await rig.StatusJsonAsync();
        JsonElement boiler = GatewayRig.Equipment(status, "gasBoiler");
        Assert.Contains("GB 24500", boiler.GetProperty("limitSource").GetString(), StringComparison.Ordinal);
        Assert.True(boiler.GetProperty("efficiencyPercent").GetDouble() >= boiler.GetProperty("limitPercent").GetDouble());
        Assert.Equal("connected", status.GetProperty("uplink").GetProperty("state").GetString());
        Assert.Equal(0, rig.Host.Runtime.ErrorCount);
    }

    [Fact]
    public async Task A_broker_outage_loses_nothing_and_the_backlog_is_replayed_marked_historical()
    {
        using var proxy = new GatedTcpProxy(broker.PlainPort);
        await using var rig = new GatewayRig(proxy.Port);
        var fleet = new FleetSubscriber(rig.SiteId, rig.DeviceId);
        await fleet.ConnectAsync(broker.PlainPort);
        rig.Host.Start();
        GatewayRuntime runtime = rig.Host.Runtime;
        await GatewayRig.WaitUntil(() => fleet.Frames.Count(f => f.Type == MessageType.Telemetry) >= 8, 20, () => "first telemetry");

        proxy.GateOpen = false; // the gateway cannot come back before the fleet subscriber does
        broker.Kill();
        await fleet.DisposeAsync();
        long storedAtKill = runtime.Reports.FramesStored;
        await GatewayRig.WaitUntil(() => runtime.Store.BacklogRecords >= 25, 30, () => "backlog growing during the outage: " + runtime.Store.BacklogRecords);
        Assert.True(runtime.Reports.FramesStored > storedAtKill, "frames keep being stored while the broker is down");

        broker.Start();
        await using var back = new FleetSubscriber(rig.SiteId, rig.DeviceId);
        await back.ConnectAsync(broker.PlainPort);
        proxy.GateOpen = true;

        await GatewayRig.WaitUntil(() => runtime.Store.BacklogRecords < 5 && back.Frames.Any(f => f.Historical) && back.Frames.Any(f => f.Type == MessageType.Telemetry && !f.Historical),
            30, () => "replay after the outage; backlog " + runtime.Store.BacklogRecords + ", received " + back.Frames.Count);
        rig.Host.Stop();
        await GatewayRig.WaitUntil(() => back.Frames.Any(f => f.Type == MessageType.Death), 10, () => "death frame at the clean stop");

        // Everything arrived: before the outage (first subscriber) and after it (second) together hold every
        // sequence of this boot from 1 to the last stored frame, and everything the second one got first is historical.
        var all = fleet.Frames.Concat(back.Frames).Where(f => f.Sequence > 0).Select(f => f.Sequence).Distinct().OrderBy(s => s).ToList();
        ulong last = runtime.Reports.LastSequence;
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (ulong)i), all);
        var afterOutage = back.Frames.Where(f => f.Sequence > 0).ToList();
        ulong highestBefore = fleet.Frames.Where(f => f.Sequence > 0).Max(f => f.Sequence);
        Assert.All(afterOutage.Where(f => f.Sequence <= highestBefore + 20), f => Assert.True(f.Historical, "frame " + f.Sequence + " stored during the outage must be marked historical"));
        Assert.Equal(afterOutage.Select(f => f.Sequence).OrderBy(s => s), afterOutage.Select(f => f.Sequence)); // in order
    }

    [Fact]
    public async Task Remote_config_invalid_is_rejected_naming_the_field_and_a_valid_one_is_applied_with_a_restart()
    {
        await using var rig = new GatewayRig(broker.PlainPort);
        await using var fleet = new FleetSubscriber(rig.SiteId, rig.DeviceId);
        await fleet.ConnectAsync(broker.PlainPort);
        rig.Host.Start();
        GatewayRuntime first = rig.Host.Runtime;
        string runningHash = first.Config.HashHex;
        await GatewayRig.WaitUntil(() => fleet.Frames.Any(f => f.Text != null && f.Text.Contains("\"running\"", StringComparison.Ordinal)), 20, () => "config/reported running");

        JsonObject bad = rig.Config.DeepClone().AsObject();
        bad["reporting"]!["healthIntervalS"] = -5;
        await fleet.PublishAsync(rig.Topic(Topics.ConfigDesired), Encoding.UTF8.GetBytes(bad.ToJsonString()), retain: true);
        await GatewayRig.WaitUntil(() => Reported(fleet, "rejected") != null, 20, () => "config/reported rejected");
        string rejected = Reported(fleet, "rejected")!;
        Assert.Contains("reporting.healthIntervalS", rejected, StringComparison.Ordinal);
        Assert.Contains("\"hash\":\"" + runningHash + "\"", rejected, StringComparison.Ordinal);
        Assert.False(first.RestartRequested);
        Assert.Same(first, rig.Host.Runtime);

        JsonObject good = rig.Config.DeepClone().AsObject();
        good["reporting"]!["healthIntervalS"] = 12;
        await fleet.PublishAsync(rig.Topic(Topics.ConfigDesired), Encoding.UTF8.GetBytes(good.ToJsonString()), retain: true);
        await GatewayRig.WaitUntil(() => Reported(fleet, "applied") != null, 20, () => "config/reported applied");
        Assert.True(first.RestartRequested);
        await GatewayRig.WaitUntil(() => rig.Host.Restarts == 1, 20, () => "runtime restarted in-process");
        GatewayRuntime second = rig.Host.Runtime;
        Assert.NotSame(first, second);
        Assert.Equal(12, second.Config.Reporting.HealthIntervalS);
        Assert.NotEqual(runningHash, second.Config.HashHex);
        Assert.Equal(first.BootCounter + 1, second.BootCounter);
        await GatewayRig.WaitUntil(() => fleet.Frames.Any(f => f.Type == MessageType.Telemetry && f.Boot == second.BootCounter),
            20, () => "telemetry of the new boot");
        await fleet.PublishAsync(rig.Topic(Topics.ConfigDesired), Array.Empty<byte>(), retain: true); // clear the retained desired
    }

    [Fact]
    public async Task A_dead_slave_goes_offline_on_the_status_page_while_the_other_equipment_keeps_reporting()
    {
        await using var rig = new GatewayRig(broker.PlainPort);
        await using var fleet = new FleetSubscriber(rig.SiteId, rig.DeviceId);
        await fleet.ConnectAsync(broker.PlainPort);
        rig.Host.Start();
        await GatewayRig.WaitUntil(() => fleet.Frames.Any(f => f.EquipmentId == "transformer1"), 20, () => "transformer telemetry");

        await rig.StopSimAsync("transformer");
        await GatewayRig.WaitUntilAsync(async () =>
        {
            JsonElement s = await rig.StatusJsonAsync();
            return !GatewayRig.Device(s, "trafoHv").GetProperty("online").GetBoolean() && !GatewayRig.Device(s, "trafoLv").GetProperty("online").GetBoolean();
        }, 20, () => "trafoHv and trafoLv offline");

        int gasBefore = fleet.Frames.Count(f => f.EquipmentId == "gasBoiler");
        await GatewayRig.WaitUntil(() => fleet.Frames.Count(f => f.EquipmentId == "gasBoiler") >= gasBefore + 3, 20, () => "gas boiler keeps reporting");
        JsonElement status = await rig.StatusJsonAsync();
        Assert.True(GatewayRig.Device(status, "gasFlow").GetProperty("online").GetBoolean());
        Assert.NotNull(GatewayRig.Device(status, "trafoLv").GetProperty("lastError").GetString());
        Assert.False(double.IsNaN(GatewayRig.Equipment(status, "gasBoiler").GetProperty("efficiencyPercent").GetDouble()));
    }

    [Fact]
    public async Task Egw_demo_as_a_process_exits_0_and_shows_the_status_url_and_received_frames()
    {
        string egw = Path.Combine(AppContext.BaseDirectory, "egw.dll");
        Assert.True(File.Exists(egw), "egw.dll not next to the tests: " + egw);
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = GatewayRig.FindRepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { egw, "demo", "--duration-s", "20", "--status-port", "0", "--mqtt-port", "0", "--sim-base-port", "0", "--steady-window-s", "10" })
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        string output = await stdout;
        string errors = await stderr;
        Assert.True(p.ExitCode == 0, "exit " + p.ExitCode + "; stderr: " + errors + "; stdout: " + output);
        Assert.Matches(@"状态页 / status page: http://127\.0\.0\.1:\d+/", output);
        System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Matches(output, @"\[fleet\] demo-plant/gw-sim-01: (\d+) frames received.*gaps (\d+), duplicates (\d+)").Last();
        Assert.True(int.Parse(m.Groups[1].Value) > 20, "frames received: " + m.Value);
        Assert.Equal("0", m.Groups[2].Value);
    }

    private static string? Reported(FleetSubscriber fleet, string status) =>
        fleet.Frames.LastOrDefault(f => f.Topic.EndsWith(Topics.ConfigReported, StringComparison.Ordinal) && f.Text != null
            && f.Text.Contains("\"status\":\"" + status + "\"", StringComparison.Ordinal))?.Text;
}
