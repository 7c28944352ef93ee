using System;
using System.IO;
using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Firmware.Core.Reporting;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Linux.Storage;
using EdgeGateway.Gateway.Tests.StoreForward;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Wire;
using Xunit.Abstractions;

namespace EdgeGateway.Gateway.Tests.Reporting;

/// <summary>
/// Bytes allocated per poll-and-report cycle after warm-up (GC.GetAllocatedBytesForCurrentThread). The portable
/// cycle (sensor health → measurement sets → motor and transformer calculators → report builder → RecordStore logic)
/// must allocate nothing; the boiler calculator's shared engines and the FileStream-backed store are measured and
/// printed separately.
/// </summary>
public class SteadyStateAllocationTests
{
    private const long T0 = 1_750_000_000_000;
    private const int WarmUpCycles = 300;
    private const int MeasuredCycles = 2000;
    private readonly ITestOutputHelper output;

    public SteadyStateAllocationTests(ITestOutputHelper output) => this.output = output;

    private sealed class Rig
    {
        public readonly MeasurementSet Boiler = new("boiler-1");
        public readonly MeasurementSet Motor = new("fan-1");
        public readonly MeasurementSet Transformer = new("tr-1");
        public readonly MeasurementSet TransformerHv = new("tr-1-hv");
        public readonly SensorHealthMonitor Flue = new(0, 400, 300_000, 3, 1_000);
        public readonly SensorHealthMonitor O2 = new(0, 21, 300_000, 3, 1_000);
        public readonly SensorHealthMonitor SteamFlow = new(0, 15, 300_000, 3, 1_000);
        public readonly SensorHealthMonitor MotorPower = new(0, 50, 300_000, 3, 1_000);
        public readonly BoilerCalculator BoilerCalc;
        public readonly MotorCalculator MotorCalc;
        public readonly TransformerCalculator TransformerCalc;
        public readonly ReportBuilder Builder;

        public Rig(RecordStore store)
        {
            BoilerCalc = new BoilerCalculator(new BoilerNameplate
            {
                Fuel = FuelKind.NaturalGas, RatedEvaporationTph = 10, FuelLowerHeatingValueKjPerNm3 = 35_588,
                GradingSpec = new BoilerSpec { Fuel = BoilerFuel.NaturalGas, Combustion = BoilerCombustion.Chamber, RatedEvaporationTph = 10 },
                SteadyWindowSeconds = 60, SteadyCapacity = 13,
            });
            MotorCalc = new MotorCalculator(new MotorNameplate { RatedPowerKw = 22, Poles = 4, RatedEfficiencyPercent = 93.0 });
            TransformerCalc = new TransformerCalculator(new TransformerNameplate { RatedKva = 400, NoLoadLossKw = 0.41, LoadLossKw = 4.52 });
            Builder = new ReportBuilder(store, 3, new ReportOptions { FullReportIntervalS = 10, HealthIntervalS = 7 }, null, 0);
            Builder.AddEquipment(Boiler);
            Builder.AddEquipment(Motor);
            Builder.AddEquipment(Transformer);
        }

        /// <summary>One cycle without the boiler calculator: what the runtime does per poll.</summary>
        public void PortableCycle(int i)
        {
            long ms = i * 1000L;
            long unix = T0 + ms;
            double wobble = Math.Sin(i * 0.7);
            Boiler.Set(Measurements.SteamFlowTph, 8.0 + 0.3 * wobble, SteamFlow.Update(ms, 8.0 + 0.3 * wobble, true), unix);
            Boiler.Set(Measurements.SteamPressureMpaAbs, 1.0 + 0.01 * wobble, PointQuality.Good, unix);
            Boiler.Set(Measurements.FeedwaterTemperatureC, 105.0 + wobble, PointQuality.Good, unix);
            Boiler.Set(Measurements.FuelFlowNm3PerH, 620.0 + 20 * wobble, PointQuality.Good, unix);
            Boiler.Set(Measurements.FlueGasTemperatureC, 150.0 + 2 * wobble, Flue.Update(ms, 150.0 + 2 * wobble, true), unix);
            Boiler.Set(Measurements.AirTemperatureC, 20.0, PointQuality.Good, unix);
            Boiler.Set(Measurements.FlueGasO2PercentDry, 3.0 + 0.1 * wobble, O2.Update(ms, 3.0 + 0.1 * wobble, i % 50 != 0), unix);
            Motor.Set(Measurements.ActivePowerKw, 15.0 + 3 * wobble, MotorPower.Update(ms, 15.0 + 3 * wobble, true), unix);
            Motor.Set(Measurements.ActiveEnergyKwh, 120_000 + i, PointQuality.Good, unix);
            Transformer.Set(Measurements.ActivePowerKw, 180.0 + 30 * wobble, PointQuality.Good, unix);
            Transformer.Set(Measurements.PowerFactor, 0.9, PointQuality.Good, unix);
            TransformerHv.Set(Measurements.ActivePowerKw, 181.6 + 30 * wobble, PointQuality.Good, unix);
            MotorCalc.Calculate(Motor);
            MotorCalc.WriteTo(Motor, unix);
            TransformerCalc.Calculate(Transformer, TransformerHv);
            TransformerCalc.WriteTo(Transformer, unix);
            Builder.Health.FreeMemoryBytes = 50_000 + i;
            Builder.Health.SetBus(0, i * 4L, i / 100, 0, 0);
            Builder.Build(ms, unix);
        }

        public void BoilerCycle(int i)
        {
            BoilerCalc.Calculate(Boiler);
            BoilerCalc.WriteTo(Boiler, T0 + i * 1000L);
        }
    }

    private static (long portable, long boiler, long frames) Measure(Rig rig)
    {
        for (int i = 0; i < WarmUpCycles; i++)
        {
            rig.PortableCycle(i);
            rig.BoilerCycle(i);
        }

        long framesBefore = rig.Builder.FramesStored;
        long portable = 0, boiler = 0;
        for (int i = WarmUpCycles; i < WarmUpCycles + MeasuredCycles; i++)
        {
            long a = GC.GetAllocatedBytesForCurrentThread();
            rig.PortableCycle(i);
            long b = GC.GetAllocatedBytesForCurrentThread();
            rig.BoilerCycle(i);
            long c = GC.GetAllocatedBytesForCurrentThread();
            portable += b - a;
            boiler += c - b;
        }

        return (portable, boiler, rig.Builder.FramesStored - framesBefore);
    }

    [Fact]
    public void Portable_cycle_allocates_nothing_in_steady_state()
    {
        // Segments large enough that no segment rolls during the run (a roll opens a file: not the steady state).
        var options = new RecordStoreOptions { MaxSegmentBytes = 8 * 1024 * 1024, MaxTotalBytes = 32L * 1024 * 1024 };
        var store = new RecordStore(new MemoryStoreFiles(8 * 1024 * 1024), options);
        store.Open();
        var rig = new Rig(store);

        var (portable, boiler, frames) = Measure(rig);

        output.WriteLine($"portable cycle (sensor health + sets + motor + transformer + report builder + RecordStore on memory files): {portable} bytes over {MeasuredCycles} cycles, {frames} frames stored");
        output.WriteLine($"boiler calculator, inputs swinging ±3 % every cycle (verdicts re-judged often): {boiler / MeasuredCycles} bytes per cycle (method {rig.BoilerCalc.Result.Method}, steady {rig.BoilerCalc.Result.Steady})");
        Assert.True(frames > MeasuredCycles / 2, "the run must actually store frames: " + frames);
        Assert.True(rig.Builder.PointsSuppressed > 0, "the run must exercise deadband suppression");
        Assert.True(rig.BoilerCalc.Result.Computable, rig.BoilerCalc.Result.NotComputableReason);
        Assert.Equal(0, portable);
    }

    [Fact]
    public void Boiler_calculator_with_calm_readings_allocates_only_the_engine_result()
    {
        // Readings that jitter like real transmitters at a steady load: the displayed efficiency holds, so the
        // verdicts are reused and only the shared direct-method engine allocates (its result object).
        var store = new RecordStore(new MemoryStoreFiles(1024 * 1024), new RecordStoreOptions());
        store.Open();
        var rig = new Rig(store);
        var m = rig.Boiler;
        long bytes = 0;
        for (int i = 0; i < WarmUpCycles + MeasuredCycles; i++)
        {
            long unix = T0 + i * 1000L;
            double jitter = (i % 7 - 3) * 1e-4;
            m.Set(Measurements.SteamFlowTph, 8.0 + jitter, PointQuality.Good, unix);
            m.Set(Measurements.SteamPressureMpaAbs, 1.0, PointQuality.Good, unix);
            m.Set(Measurements.FeedwaterTemperatureC, 105.0 + jitter, PointQuality.Good, unix);
            m.Set(Measurements.FuelFlowNm3PerH, 620.0 + jitter, PointQuality.Good, unix);
            m.Set(Measurements.FlueGasTemperatureC, 150.0 + jitter, PointQuality.Good, unix);
            m.Set(Measurements.AirTemperatureC, 20.0, PointQuality.Good, unix);
            m.Set(Measurements.FlueGasO2PercentDry, 3.0 + jitter, PointQuality.Good, unix);
            long a = GC.GetAllocatedBytesForCurrentThread();
            rig.BoilerCycle(i);
            long b = GC.GetAllocatedBytesForCurrentThread();
            if (i >= WarmUpCycles)
            {
                bytes += b - a;
            }
        }

        var r = rig.BoilerCalc.Result;
        output.WriteLine($"boiler calculator, calm readings: {(double)bytes / MeasuredCycles:F0} bytes per cycle (method {r.Method}, steady {r.Steady}, verdict {r.GbVerdict?.GradeLabel})");
        Assert.True(r.Steady);
        Assert.NotNull(r.GbVerdict);
        Assert.True(bytes / MeasuredCycles < 512, "the verdicts must not be rebuilt every cycle: " + bytes / MeasuredCycles + " bytes per cycle");
    }

    [Fact]
    public void Cycle_with_the_file_backed_store_is_measured()
    {
        using var dir = new StoreDirectory();
        var options = new RecordStoreOptions { MaxSegmentBytes = 8 * 1024 * 1024, MaxTotalBytes = 32L * 1024 * 1024 };
        var store = new RecordStore(new DirectoryStoreFiles(dir.Path), options);
        store.Open();
        var rig = new Rig(store);

        var (portable, _, frames) = Measure(rig);
        store.Close();

        output.WriteLine($"same portable cycle with DirectoryStoreFiles (FileStream, fsync per cycle): {portable} bytes over {MeasuredCycles} cycles ({(double)portable / MeasuredCycles:F1} per cycle), {frames} frames");
        Assert.True(frames > MeasuredCycles / 2);
        Assert.True(File.Exists(Path.Combine(dir.Path, "q000000000001.seg")));
    }
}
