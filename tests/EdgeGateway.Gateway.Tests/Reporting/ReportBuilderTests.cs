using System;
using System.Collections.Generic;
using System.Linq;
using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Firmware.Core.Reporting;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Reporting;

public class ReportBuilderTests
{
    private const long T0 = 1_750_000_000_000;
    private const uint Boot = 42;

    internal sealed class Frame
    {
        public MessageType Type;
        public byte Flags;
        public uint BootCounter;
        public ulong Sequence;
        public long UnixMs;
        public int Length;
        public TelemetryBody? Telemetry;
        public HealthReport? Health;
        public GapReport? Gap;
    }

    internal static RecordStore NewStore(RecordStoreOptions? options = null)
    {
        var store = new RecordStore(new MemoryStoreFiles(256 * 1024), options ?? new RecordStoreOptions());
        store.Open();
        return store;
    }

    /// <summary>Reads and acknowledges everything queued, decoding each frame with WireReader and the body decoders.</summary>
    internal static List<Frame> Drain(RecordStore store)
    {
        var frames = new List<Frame>();
        var buffer = new byte[WireFormat.MaxFrameBytes];
        int n;
        while ((n = store.Peek(buffer)) > 0)
        {
            var r = new WireReader(buffer, 0, n);
            r.ReadHeader();
            var f = new Frame { Type = r.Type, Flags = r.Flags, BootCounter = r.BootCounter, Sequence = r.Sequence, UnixMs = r.UnixTimeMs, Length = n };
            switch (r.Type)
            {
                case MessageType.Telemetry:
                    f.Telemetry = new TelemetryBody();
                    FrameEncoders.ReadTelemetryBody(r, f.Telemetry);
                    break;
                case MessageType.Health:
                    f.Health = new HealthReport();
                    FrameEncoders.ReadHealthBody(r, f.Health);
                    break;
                case MessageType.Gap:
                    f.Gap = new GapReport();
                    FrameEncoders.ReadGapBody(r, f.Gap);
                    break;
            }

            Assert.True(r.AtEnd, "the decoder read the whole body");
            frames.Add(f);
            store.Acknowledge();
        }

        return frames;
    }

    private static MeasurementSet Boiler()
    {
        var m = new MeasurementSet("boiler-1");
        m.Set(Measurements.SteamFlowTph, 8.0, PointQuality.Good, T0);
        m.Set(Measurements.FlueGasTemperatureC, 150.0, PointQuality.Good, T0);
        m.Set(Measurements.FlueGasO2PercentDry, 3.2, PointQuality.Good, T0);
        m.Set(Measurements.BoilerEfficiencyPercent, 91.63, PointQuality.Calculated, T0);
        return m;
    }

    private static ReportBuilder Builder(RecordStore store, ReportOptions? options = null) =>
        new(store, Boot, options ?? new ReportOptions { FullReportIntervalS = 900, HealthIntervalS = 300 }, null, 0);

    private static IEnumerable<Frame> Telemetry(List<Frame> frames) => frames.Where(f => f.Type == MessageType.Telemetry);

    [Fact]
    public void First_build_is_a_full_report_plus_health_and_decodes_to_the_same_values()
    {
        var store = NewStore();
        var builder = Builder(store);
        var boiler = Boiler();
        builder.AddEquipment(boiler);

        Assert.Equal(2, builder.Build(1_000, T0));
        var frames = Drain(store);

        Assert.Equal(new[] { MessageType.Telemetry, MessageType.Health }, frames.Select(f => f.Type).ToArray());
        Frame t = frames[0];
        Assert.Equal(WireFormat.FlagFullReport, t.Flags);
        Assert.Equal(Boot, t.BootCounter);
        Assert.Equal(T0, t.UnixMs);
        Assert.Equal("boiler-1", t.Telemetry!.EquipmentId);
        Assert.Equal(4, t.Telemetry.PointCount);
        foreach (int code in new[] { Measurements.SteamFlowTph, Measurements.FlueGasTemperatureC, Measurements.FlueGasO2PercentDry, Measurements.BoilerEfficiencyPercent })
        {
            int i = t.Telemetry.IndexOf(code);
            Assert.True(i >= 0, "code " + code);
            Assert.Equal(boiler.Quality(code), t.Telemetry.Qualities[i]);
            Assert.Equal(boiler.Value(code), t.Telemetry.Values[i], 1e-6 * Math.Abs(boiler.Value(code)));
        }

        Assert.Equal(new ulong[] { 1, 2 }, frames.Select(f => f.Sequence).ToArray());
    }

    [Fact]
    public void Deadband_suppresses_small_moves_relative_to_the_last_sent_value_and_emits_larger_ones()
    {
        var store = NewStore();
        var builder = Builder(store);
        var boiler = Boiler();
        builder.AddEquipment(boiler);
        builder.Build(0, T0);
        Drain(store);

        // Steam flow deadband 0.1 t/h: +0.06 is held back ...
        boiler.Set(Measurements.SteamFlowTph, 8.06, PointQuality.Good, T0 + 1000);
        Assert.Equal(0, builder.Build(1_000, T0 + 1000));
        Assert.Empty(Drain(store));
        Assert.Equal(4, builder.PointsSuppressed);

        // ... another +0.06 is 0.12 from the last SENT value (8.0): sent, alone.
        boiler.Set(Measurements.SteamFlowTph, 8.12, PointQuality.Good, T0 + 2000);
        Assert.Equal(1, builder.Build(2_000, T0 + 2000));
        var t = Telemetry(Drain(store)).Single();
        Assert.Equal(0, t.Flags);
        Assert.Equal(1, t.Telemetry!.PointCount);
        Assert.Equal(Measurements.SteamFlowTph, t.Telemetry.Codes[0]);
        Assert.Equal(8.12, t.Telemetry.Values[0], 1e-6);

        // Exactly the deadband is not "more than" it: O₂ 3.2 → 3.3 with a 0.1 deadband... use an exact binary step.
        builder.Deadbands.Set(Measurements.FlueGasTemperatureC, 2.0);
        boiler.Set(Measurements.FlueGasTemperatureC, 152.0, PointQuality.Good, T0 + 3000);
        Assert.Equal(0, builder.Build(3_000, T0 + 3000));
        boiler.Set(Measurements.FlueGasTemperatureC, 152.5, PointQuality.Good, T0 + 4000);
        Assert.Equal(1, builder.Build(4_000, T0 + 4000));
        Assert.Equal(152.5, Telemetry(Drain(store)).Single().Telemetry!.Values[0]);
    }

    [Fact]
    public void Quality_change_is_sent_even_when_the_value_did_not_move()
    {
        var store = NewStore();
        var builder = Builder(store);
        var boiler = Boiler();
        builder.AddEquipment(boiler);
        builder.Build(0, T0);
        Drain(store);

        boiler.Set(Measurements.FlueGasTemperatureC, 150.0, PointQuality.Stuck, T0 + 1000);
        Assert.Equal(1, builder.Build(1_000, T0 + 1000));
        var body = Telemetry(Drain(store)).Single().Telemetry!;
        Assert.Equal(1, body.PointCount);
        Assert.Equal(Measurements.FlueGasTemperatureC, body.Codes[0]);
        Assert.Equal(PointQuality.Stuck, body.Qualities[0]);

        boiler.Set(Measurements.FlueGasTemperatureC, 150.0, PointQuality.Good, T0 + 2000);
        Assert.Equal(PointQuality.Good, Telemetry(DrainAfter(builder, store, 2_000)).Single().Telemetry!.Qualities[0]);
    }

    private static List<Frame> DrainAfter(ReportBuilder builder, RecordStore store, long ms)
    {
        builder.Build(ms, T0 + ms);
        return Drain(store);
    }

    [Fact]
    public void Nan_to_number_and_back_counts_as_a_change()
    {
        var store = NewStore();
        var builder = Builder(store);
        var m = new MeasurementSet("m1");
        m.Set(Measurements.MotorEfficiencyPercent, double.NaN, PointQuality.Calculated, T0);
        builder.AddEquipment(m);
        builder.Build(0, T0);
        var first = Telemetry(Drain(store)).Single().Telemetry!;
        Assert.True(double.IsNaN(first.Values[0]));

        m.Set(Measurements.MotorEfficiencyPercent, 90.0, PointQuality.Calculated, T0);
        Assert.Equal(90.0, Telemetry(DrainAfter(builder, store, 1_000)).Single().Telemetry!.Values[0]);
        Assert.Empty(Telemetry(DrainAfter(builder, store, 2_000)));
    }

    [Fact]
    public void Periodic_full_report_sends_every_point_with_the_flag_and_health_comes_at_its_interval()
    {
        var store = NewStore();
        var builder = Builder(store, new ReportOptions { FullReportIntervalS = 60, HealthIntervalS = 30 });
        builder.AddEquipment(Boiler());
        builder.AddEquipment(new MeasurementSet("pump-1"));
        builder.Build(0, T0);
        Drain(store);

        Assert.Empty(DrainAfter(builder, store, 29_999));
        var health = DrainAfter(builder, store, 30_000);
        Assert.Equal(MessageType.Health, health.Single().Type);
        Assert.Equal(30, health[0].Health!.UptimeSeconds);

        var full = DrainAfter(builder, store, 60_000);
        var t = Telemetry(full).Single(); // the pump has no points: no frame for it
        Assert.Equal(WireFormat.FlagFullReport, t.Flags);
        Assert.Equal(4, t.Telemetry!.PointCount);
        Assert.True(builder.LastBuildWasFullReport);

        Assert.Empty(Telemetry(DrainAfter(builder, store, 61_000)));
        builder.RequestFullReport();
        Assert.Equal(WireFormat.FlagFullReport, Telemetry(DrainAfter(builder, store, 62_000)).Single().Flags);
    }

    [Fact]
    public void Sequence_numbers_start_at_1_and_are_consecutive_across_frame_types_and_builds()
    {
        var store = NewStore();
        var builder = Builder(store, new ReportOptions { FullReportIntervalS = 5, HealthIntervalS = 3 });
        var boiler = Boiler();
        builder.AddEquipment(boiler);
        var all = new List<Frame>();
        for (int i = 0; i < 20; i++)
        {
            boiler.Set(Measurements.SteamFlowTph, 8.0 + (i % 3) * 0.5, PointQuality.Good, T0 + i * 1000);
            builder.Build(i * 1000L, T0 + i * 1000L);
            all.AddRange(Drain(store));
        }

        Assert.True(all.Count > 20);
        for (int i = 0; i < all.Count; i++)
        {
            Assert.Equal((ulong)(i + 1), all[i].Sequence);
            Assert.Equal(Boot, all[i].BootCounter);
        }

        Assert.Equal((ulong)all.Count, builder.LastSequence);
        Assert.Contains(all, f => f.Type == MessageType.Health);
    }

    [Fact]
    public void Too_many_points_for_one_frame_are_split_and_nothing_is_lost()
    {
        var store = NewStore();
        var options = new ReportOptions { MaxFrameBytes = 120 };
        var builder = Builder(store, options);
        var m = new MeasurementSet("meter-with-a-long-equipment-id.x");
        // Every code of the vocabulary, with whole numbers near 2^50: 8-byte varints, the largest point encoding.
        for (int i = 0; i < Measurements.Count; i++)
        {
            m.Set(Measurements.CodeAt(i), (double)(1L << 50) + i, PointQuality.Good, T0);
        }

        builder.AddEquipment(m);
        builder.Build(0, T0);
        var telemetry = Telemetry(Drain(store)).ToList();

        Assert.True(telemetry.Count >= 3, "frames: " + telemetry.Count);
        Assert.All(telemetry, f => Assert.True(f.Length <= 120, "frame of " + f.Length + " bytes"));
        Assert.All(telemetry, f => Assert.Equal(WireFormat.FlagFullReport, f.Flags));
        Assert.All(telemetry, f => Assert.Equal("meter-with-a-long-equipment-id.x", f.Telemetry!.EquipmentId));
        var codes = telemetry.SelectMany(f => f.Telemetry!.Codes.Take(f.Telemetry.PointCount)).OrderBy(c => c).ToArray();
        Assert.Equal(Enumerable.Range(0, Measurements.Count).Select(Measurements.CodeAt).OrderBy(c => c).ToArray(), codes);
        foreach (var f in telemetry)
        {
            for (int i = 0; i < f.Telemetry!.PointCount; i++)
            {
                Assert.Equal(m.Value(f.Telemetry.Codes[i]), f.Telemetry.Values[i]);
            }
        }

        var sequences = telemetry.Select(f => f.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(1, sequences.Length).Select(i => (ulong)i).ToArray(), sequences);
    }

    [Fact]
    public void Full_size_frames_fit_the_wire_limit_with_every_code()
    {
        var store = NewStore();
        var builder = Builder(store);
        var m = new MeasurementSet("b");
        for (int i = 0; i < Measurements.Count; i++)
        {
            m.Set(Measurements.CodeAt(i), Math.PI * (i + 1), PointQuality.Good, T0);
        }

        builder.AddEquipment(m);
        builder.Build(0, T0);
        var t = Telemetry(Drain(store)).Single();
        Assert.Equal(Measurements.Count, t.Telemetry!.PointCount);
        Assert.True(t.Length <= WireFormat.MaxFrameBytes);
    }

    [Fact]
    public void Health_frame_carries_bus_counters_memory_and_store_figures()
    {
        var store = NewStore();
        var builder = Builder(store);
        builder.Health.FreeMemoryBytes = 61_440;
        builder.Health.SetBus(0, 1000, 7, 3, 2);
        builder.Health.SetBus(1, 50, 0, 0, 1);
        builder.Build(5_000, T0);

        var h = Drain(store).Single(f => f.Type == MessageType.Health).Health!;
        Assert.Equal(5, h.UptimeSeconds);
        Assert.Equal(61_440, h.FreeMemoryBytes);
        Assert.Equal(2, h.BusCount);
        Assert.Equal(new long[] { 1000, 50 }, h.BusRequests.Take(2).ToArray());
        Assert.Equal(7, h.BusTimeouts[0]);
        Assert.Equal(3, h.BusCrcErrors[0]);
        Assert.Equal(new long[] { 2, 1 }, h.BusExceptions.Take(2).ToArray());
        Assert.Equal(0, h.BacklogRecords); // nothing queued before this health frame was written
    }

    [Fact]
    public void Unknown_free_memory_is_minus_one_on_the_wire()
    {
        var store = NewStore();
        Builder(store).Build(0, T0);
        Assert.Equal(-1, Drain(store).Single().Health!.FreeMemoryBytes);
    }

    [Fact]
    public void Dropped_records_are_announced_by_a_gap_frame()
    {
        // A tiny queue: two segments of one 1024-byte record each; nothing is acknowledged, so it overflows.
        var store = NewStore(new RecordStoreOptions { MaxRecordBytes = 1024, MaxSegmentBytes = 1032, MaxTotalBytes = 2064 });
        var builder = Builder(store, new ReportOptions { FullReportIntervalS = 1, HealthIntervalS = 1000 });
        var boiler = Boiler();
        builder.AddEquipment(boiler);
        long ms = 0;
        while (store.DroppedUnreported == 0 && ms < 1_000_000)
        {
            builder.Build(ms, T0 + ms);
            ms += 1000;
        }

        Assert.True(store.DroppedUnreported > 0, "the queue never overflowed");
        long dropped = store.DroppedUnreported;
        builder.Build(ms, T0 + ms); // this build announces the drop
        var frames = Drain(store);
        var gap = frames.FirstOrDefault(f => f.Type == MessageType.Gap);
        Assert.NotNull(gap);
        Assert.Equal(GapReasons.QueueFullDropOldest, gap!.Gap!.Reason);
        Assert.Equal(dropped, gap.Gap.DroppedRecords);
        Assert.True(gap.Gap.DroppedTotal >= gap.Gap.DroppedRecords);
        Assert.Equal(0, store.DroppedUnreported);
    }

    [Fact]
    public void Birth_and_death_round_trip_with_sequence_zero()
    {
        var w = new WireWriter(new byte[WireFormat.MaxFrameBytes]);
        var birth = new BirthInfo
        {
            FirmwareVersion = "0.1.0", Platform = "esp32", DeviceModel = "EGW-ESP32-RS485", ConfigHash = "9f86d081884c7d65",
            BootCounter = 7, Capabilities = Capabilities.BoilerEfficiency | Capabilities.HistoricalReplay,
        };
        FrameEncoders.WriteBirth(w, T0, birth);
        byte[] bytes = FrameEncoders.ToArray(w);
        var r = new WireReader(bytes, 0, bytes.Length);
        r.ReadHeader();
        Assert.Equal(MessageType.Birth, r.Type);
        Assert.Equal(0UL, r.Sequence);
        Assert.Equal(7U, r.BootCounter);
        var back = new BirthInfo();
        FrameEncoders.ReadBirthBody(r, back);
        Assert.Equal(("0.1.0", "esp32", "EGW-ESP32-RS485", "9f86d081884c7d65", 7U, 0x11U),
            (back.FirmwareVersion, back.Platform, back.DeviceModel, back.ConfigHash, back.BootCounter, back.Capabilities));
        Assert.True(r.AtEnd);

        FrameEncoders.WriteDeath(w, T0, 7);
        r = new WireReader(w.Buffer, 0, w.Length);
        r.ReadHeader();
        Assert.Equal(MessageType.Death, r.Type);
        Assert.Equal(0UL, r.Sequence);
        Assert.Equal(7U, FrameEncoders.ReadDeathBody(r));
        Assert.True(r.AtEnd);
    }

    [Fact]
    public void Truncated_bodies_are_rejected_by_the_decoders()
    {
        var w = new WireWriter(new byte[WireFormat.MaxFrameBytes]);
        var h = new HealthReport();
        h.SetBus(0, 300, 1, 2, 3);
        FrameEncoders.WriteHealth(w, 1, 5, T0, h);
        var r = new WireReader(w.Buffer, 0, w.Length - 1);
        r.ReadHeader();
        Assert.Throws<WireFormatException>(() => FrameEncoders.ReadHealthBody(r, new HealthReport()));
    }

    [Fact]
    public void Configuration_errors_name_the_field()
    {
        var store = NewStore();
        Assert.Equal("report.maxFrameBytes", Assert.Throws<InputException>(() => Builder(store, new ReportOptions { MaxFrameBytes = 2000 })).Field);
        Assert.Equal("deadband.flueGasO2PercentDry", Assert.Throws<InputException>(() => new DeadbandTable().Set(Measurements.FlueGasO2PercentDry, -1)).Field);
        var b = Builder(store);
        b.AddEquipment(new MeasurementSet("x"));
        Assert.Equal("equipmentId", Assert.Throws<InputException>(() => b.AddEquipment(new MeasurementSet("x"))).Field);
    }

    [Fact]
    public void Default_deadbands_follow_the_brief()
    {
        var d = new DeadbandTable();
        Assert.Equal(0.1, d.Of(Measurements.SteamFlowTph));
        Assert.Equal(1.0, d.Of(Measurements.FlueGasTemperatureC));
        Assert.Equal(0.1, d.Of(Measurements.FlueGasO2PercentDry));
        Assert.Equal(0.1, d.Of(Measurements.BoilerEfficiencyPercent));
    }
}
