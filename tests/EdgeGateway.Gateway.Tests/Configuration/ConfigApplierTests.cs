using System;
using System.Text;
using System.Text.Json;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Json;
using static EdgeGateway.Gateway.Tests.Configuration.ConfigTestSupport;

namespace EdgeGateway.Gateway.Tests.Configuration;

public class ConfigApplierTests
{
    private const long Now = 1767225600000; // 2026-01-01T00:00:00Z

    private static readonly byte[] OldConfig = Encoding.UTF8.GetBytes(Minimal);

    private static (MemoryConfigStore Store, ConfigApplier Applier, uint RunningHash) Running()
    {
        var store = new MemoryConfigStore();
        store.WriteAtomic(ConfigApplier.CurrentName, OldConfig);
        var applier = new ConfigApplier(store);
        ConfigStartupResult start = applier.LoadAtStartup();
        Assert.Equal(ConfigStartupStatus.Running, start.Status);
        return (store, applier, start.Config!.Hash);
    }

    private static JsonElement Report(byte[] reported) => JsonDocument.Parse(reported).RootElement.Clone();

    [Fact]
    public void A_valid_new_configuration_is_written_atomically_and_the_old_one_kept()
    {
        var (store, applier, running) = Running();
        byte[] desired = Edited(r => At(r, "devices", 0).Set("pollIntervalMs", Num(500)));

        ConfigApplyResult result = applier.Apply(desired, running, Now);

        Assert.Equal(ConfigApplyStatus.Applied, result.Status);
        Assert.True(result.RestartRequired);
        Assert.Equal("apply: restart runtime with new config", result.Action);
        Assert.Equal(500, result.Config!.FindDevice("flow").PollIntervalMs);
        Assert.Equal(desired, store.Read(ConfigApplier.CurrentName));
        Assert.Equal(OldConfig, store.Read(ConfigApplier.PreviousName));
        Assert.NotEqual(running, result.RunningHash);

        JsonElement report = Report(result.Reported);
        Assert.Equal("applied", report.GetProperty("status").GetString());
        Assert.Equal(result.Config.HashHex, report.GetProperty("hash").GetString());
        Assert.Equal(Now, report.GetProperty("appliedAtUnixMs").GetInt64());
        Assert.Equal(0, report.GetProperty("errorCount").GetInt32());

        // After the restart the gateway runs the new configuration.
        ConfigStartupResult restart = applier.LoadAtStartup();
        Assert.Equal(ConfigStartupStatus.Running, restart.Status);
        Assert.Equal(result.RunningHash, restart.Config!.Hash);
    }

    [Fact]
    public void An_invalid_configuration_is_rejected_the_old_one_kept_and_the_errors_reported()
    {
        var (store, applier, running) = Running();
        int writesBefore = store.Writes;
        byte[] desired = Edited(r =>
        {
            At(r, "devices", 1).Set("unit", Num(0));
            At(r, "equipment", 0, "inputs").Set("steamFlowTph", Str("flow.nope"));
        });

        ConfigApplyResult result = applier.Apply(desired, running, Now);

        Assert.Equal(ConfigApplyStatus.Rejected, result.Status);
        Assert.False(result.RestartRequired);
        Assert.Equal(ConfigApplier.KeepAction, result.Action);
        Assert.Equal(writesBefore, store.Writes);
        Assert.Equal(OldConfig, store.Read(ConfigApplier.CurrentName));
        Assert.False(store.Exists(ConfigApplier.PreviousName));
        Assert.Equal(running, result.RunningHash);

        JsonElement report = Report(result.Reported);
        Assert.Equal("rejected", report.GetProperty("status").GetString());
        Assert.Equal(JsonCanonical.HashHex(running), report.GetProperty("hash").GetString());
        Assert.Equal(JsonCanonical.HashHex(result.DesiredHash), report.GetProperty("desiredHash").GetString());
        Assert.Equal(2, report.GetProperty("errorCount").GetInt32());
        JsonElement errors = report.GetProperty("errors");
        Assert.Equal("devices[1].unit", errors[0].GetProperty("path").GetString());
        Assert.Equal("0", errors[0].GetProperty("value").GetString());
        Assert.True(errors[0].GetProperty("line").GetInt32() > 0);
        Assert.Equal("equipment[0].inputs.steamFlowTph", errors[1].GetProperty("path").GetString());
        Assert.Contains("devices[1].unit", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(report.TryGetProperty("appliedAtUnixMs", out _));
    }

    [Fact]
    public void Bytes_that_are_not_json_are_rejected_with_the_syntax_error()
    {
        var (store, applier, running) = Running();
        byte[] desired = Encoding.UTF8.GetBytes("{\"schemaVersion\": 1,");
        ConfigApplyResult result = applier.Apply(desired, running, Now);
        Assert.Equal(ConfigApplyStatus.Rejected, result.Status);
        Assert.Equal(OldConfig, store.Read(ConfigApplier.CurrentName));
        JsonElement report = Report(result.Reported);
        Assert.Contains("not valid JSON", report.GetProperty("errors")[0].GetProperty("allowed").GetString(), StringComparison.Ordinal);
        Assert.Equal(EdgeGateway.Firmware.Core.StoreForward.Crc32.Compute(desired, 0, desired.Length), result.DesiredHash);
    }

    [Fact]
    public void The_same_content_reformatted_is_unchanged_and_nothing_is_written()
    {
        var (store, applier, running) = Running();
        int writesBefore = store.Writes;
        byte[] reformatted = Bytes(MinimalDocument(), indented: false);
        Assert.NotEqual(OldConfig, reformatted);

        ConfigApplyResult result = applier.Apply(reformatted, running, Now);

        Assert.Equal(ConfigApplyStatus.Unchanged, result.Status);
        Assert.False(result.RestartRequired);
        Assert.Equal(writesBefore, store.Writes);
        Assert.Equal("unchanged", Report(result.Reported).GetProperty("status").GetString());
    }

    [Fact]
    public void A_corrupted_gateway_json_falls_back_to_the_previous_one_and_says_why()
    {
        var (store, applier, running) = Running();
        byte[] desired = Edited(r => At(r, "devices", 0).Set("pollIntervalMs", Num(500)));
        ConfigApplyResult applied = applier.Apply(desired, running, Now);
        Assert.Equal(ConfigApplyStatus.Applied, applied.Status);

        // A torn write or flash corruption: the file is cut short.
        store.WriteAtomic(ConfigApplier.CurrentName, desired.AsSpan(0, desired.Length / 2).ToArray());

        ConfigStartupResult start = applier.LoadAtStartup();
        Assert.Equal(ConfigStartupStatus.Fallback, start.Status);
        Assert.Equal(ConfigApplier.PreviousName, start.Source);
        Assert.Equal(running, start.Config!.Hash);
        Assert.False(start.Current!.IsValid);
        Assert.Contains("gateway.json is invalid", start.Message, StringComparison.Ordinal);
        JsonElement report = Report(start.Reported);
        Assert.Equal("fallback", report.GetProperty("status").GetString());
        Assert.Equal(JsonCanonical.HashHex(running), report.GetProperty("hash").GetString());
        Assert.True(report.GetProperty("errorCount").GetInt32() >= 1);
        Assert.Contains("not valid JSON", report.GetProperty("errors")[0].GetProperty("allowed").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_while_on_the_fallback_does_not_overwrite_the_good_previous_with_the_broken_current()
    {
        var store = new MemoryConfigStore();
        store.WriteAtomic(ConfigApplier.CurrentName, Encoding.UTF8.GetBytes("{ broken"));
        store.WriteAtomic(ConfigApplier.PreviousName, OldConfig);
        var applier = new ConfigApplier(store);
        ConfigStartupResult start = applier.LoadAtStartup();
        Assert.Equal(ConfigStartupStatus.Fallback, start.Status);

        byte[] desired = Edited(r => At(r, "devices", 0).Set("pollIntervalMs", Num(500)));
        ConfigApplyResult result = applier.Apply(desired, start.Config!.Hash, Now);

        Assert.Equal(ConfigApplyStatus.Applied, result.Status);
        Assert.Equal(desired, store.Read(ConfigApplier.CurrentName));
        Assert.Equal(OldConfig, store.Read(ConfigApplier.PreviousName));
    }

    [Fact]
    public void Re_sending_the_running_configuration_repairs_a_broken_gateway_json()
    {
        var store = new MemoryConfigStore();
        store.WriteAtomic(ConfigApplier.CurrentName, Encoding.UTF8.GetBytes("{ broken"));
        store.WriteAtomic(ConfigApplier.PreviousName, OldConfig);
        var applier = new ConfigApplier(store);
        ConfigStartupResult start = applier.LoadAtStartup();

        ConfigApplyResult result = applier.Apply(OldConfig, start.Config!.Hash, Now);

        Assert.Equal(ConfigApplyStatus.Unchanged, result.Status);
        Assert.Equal(OldConfig, store.Read(ConfigApplier.CurrentName));
        Assert.Equal(ConfigStartupStatus.Running, applier.LoadAtStartup().Status);
    }

    [Fact]
    public void With_neither_file_valid_start_up_fails_and_names_both_reasons()
    {
        var store = new MemoryConfigStore();
        store.WriteAtomic(ConfigApplier.CurrentName, Edited(r => r.Remove("uplink")));
        ConfigStartupResult start = new ConfigApplier(store).LoadAtStartup();
        Assert.Equal(ConfigStartupStatus.Failed, start.Status);
        Assert.Null(start.Config);
        Assert.Contains("uplink", start.Message, StringComparison.Ordinal);
        Assert.Contains("gateway.previous.json missing", start.Message, StringComparison.Ordinal);
        Assert.Equal("failed", Report(start.Reported).GetProperty("status").GetString());
    }

    [Fact]
    public void A_missing_gateway_json_with_a_previous_falls_back()
    {
        var store = new MemoryConfigStore();
        store.WriteAtomic(ConfigApplier.PreviousName, OldConfig);
        ConfigStartupResult start = new ConfigApplier(store).LoadAtStartup();
        Assert.Equal(ConfigStartupStatus.Fallback, start.Status);
        Assert.Contains("gateway.json is missing", start.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_are_capped_at_twenty_errors_but_count_them_all()
    {
        var (_, applier, running) = Running();
        byte[] desired = Edited(r =>
        {
            for (int i = 0; i < 25; i++)
            {
                At(r, "gateway").Set("typo" + i, Num(i));
            }
        });
        JsonElement report = Report(applier.Apply(desired, running, Now).Reported);
        Assert.Equal(25, report.GetProperty("errorCount").GetInt32());
        Assert.Equal(ConfigApplier.MaxReportedErrors, report.GetProperty("errors").GetArrayLength());
    }
}
