using System;
using EdgeGateway.Firmware.Core.Io;
using EdgeGateway.Firmware.Linux.Io;
using EdgeGateway.Gateway.Tests.Uplink;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Io;

/// <summary>
/// The portable PulseMeter: total, rate over a sliding window (manual clock), stop timeout, wrap-around, restart,
/// restore after reboot, read failures and settings validation. The end-to-end test runs on the real GPIO stack
/// (GpioController + simulated driver); the others drive a scripted counter to reach states (wrap, failures) that
/// an edge-level simulation would take millions of edges to reach.
/// </summary>
public sealed class PulseMeterTests
{
    private const double MsPerHour = 3_600_000.0;

    private readonly ManualClock clock = new();
    private readonly ScriptedCounter scripted = new();

    [Fact]
    public void TotalIsPulsesTimesUnitsPerPulseThroughTheRealGpioStack()
    {
        using var driver = new SimulatedGpioDriver(16);
        using var gpio = new GpioPulseCounter(driver, nowMicroseconds: () => driver.NowMicroseconds);
        var meter = new PulseMeter(gpio, clock, Options(pin: 9, unitsPerPulse: 0.01));
        meter.Start();

        driver.Pulse(9, count: 250, intervalMs: 100);
        clock.Advance(1000);
        Assert.True(meter.Sample());

        Assert.Equal(250, meter.CountedPulses);
        Assert.Equal(250 * 0.01, meter.TotalUnits, 9);
        Assert.Equal(PointQuality.Good, meter.Quality);
    }

    [Fact]
    public void QualityIsMissingUntilTheFirstSample()
    {
        var meter = Started(unitsPerPulse: 1);
        Assert.Equal(PointQuality.Missing, meter.Quality);
        Assert.False(meter.EverRead);

        clock.Advance(1000);
        meter.Sample();

        Assert.Equal(PointQuality.Good, meter.Quality);
        Assert.Equal(0, meter.RateUnitsPerHour);
    }

    [Fact]
    public void RateIsUnitsPerHourOverTheWindow()
    {
        // Gas meter, 0.01 Nm³/pulse, 10 pulses every second: 10 × 0.01 × 3600 = 360 Nm³/h.
        var meter = Started(unitsPerPulse: 0.01, windowMs: 60_000);
        RunSteady(meter, pulsesPerSecond: 10, seconds: 120);
        Assert.Equal(10 * 0.01 * 3600, meter.RateUnitsPerHour, 9);

        // Flow halves: once the window holds only the new flow, the rate is the new one.
        RunSteady(meter, pulsesPerSecond: 5, seconds: 61);
        Assert.Equal(5 * 0.01 * 3600, meter.RateUnitsPerHour, 9);
    }

    [Fact]
    public void RateDuringAStepIsTheWindowAverage()
    {
        // Energy meter, 1 Wh/pulse: 30 s at 2 pulses/s, then 30 s at 4 pulses/s; over the 60 s window that is
        // 180 pulses in 60 s = 3 pulses/s = 10,800 Wh/h.
        var meter = Started(unitsPerPulse: 1, windowMs: 60_000);
        RunSteady(meter, pulsesPerSecond: 2, seconds: 30);
        RunSteady(meter, pulsesPerSecond: 4, seconds: 30);

        Assert.Equal((30 * 2 + 30 * 4) * 1.0 * MsPerHour / 60_000, meter.RateUnitsPerHour, 9);
    }

    [Fact]
    public void RateFallsToZeroAfterTheTimeoutWithoutPulses()
    {
        var meter = Started(unitsPerPulse: 0.01, windowMs: 300_000, noPulseTimeoutMs: 60_000);
        RunSteady(meter, pulsesPerSecond: 3, seconds: 100);
        double running = meter.RateUnitsPerHour;
        Assert.True(running > 0);

        RunSteady(meter, pulsesPerSecond: 0, seconds: 59);
        Assert.True(meter.RateUnitsPerHour > 0, "within the timeout the window still holds pulses");

        RunSteady(meter, pulsesPerSecond: 0, seconds: 1);
        Assert.Equal(0, meter.RateUnitsPerHour);
        Assert.Equal(PointQuality.Good, meter.Quality); // a stopped meter is not a fault

        // It starts again: the rate comes back at once.
        RunSteady(meter, pulsesPerSecond: 3, seconds: 1);
        Assert.True(meter.RateUnitsPerHour > 0);
    }

    [Fact]
    public void SixteenBitCounterWrapsAroundWithoutLosingPulses()
    {
        var meter = Started(unitsPerPulse: 1, modulus: 65536);

        Step(meter, raw: 65_000);
        Step(meter, raw: 65_530);
        Step(meter, raw: 200); // passed 65535 → 0 → 200

        Assert.Equal(65_000 + 530 + (65_536 - 65_530 + 200), meter.CountedPulses);
        Assert.Equal(1, meter.CounterWraps);
        Assert.Equal(meter.CountedPulses * 1.0, meter.TotalUnits, 9);
    }

    [Fact]
    public void ModulusAlsoAcceptsACounterThatReportsMoreThanItsRange()
    {
        // An adapter that extends the 16-bit count itself: reducing it modulo 65536 must give the same deltas.
        var meter = Started(unitsPerPulse: 1, modulus: 65536);
        // (each step below advances less than one modulus, as the meter requires)
        Step(meter, raw: 60_000);
        Step(meter, raw: 70_000);
        Step(meter, raw: 125_000);
        Step(meter, raw: 140_000);

        Assert.Equal(140_000, meter.CountedPulses);
        Assert.Equal(2, meter.CounterWraps);
    }

    [Fact]
    public void CounterRestartWithoutModulusIsCountedAsNewPulses()
    {
        var meter = Started(unitsPerPulse: 1);
        Step(meter, raw: 500);
        Step(meter, raw: 40); // adapter re-opened the pin: 40 pulses since

        Assert.Equal(540, meter.CountedPulses);
        Assert.Equal(1, meter.CounterResets);
        Assert.Equal(0, meter.CounterWraps);
    }

    [Fact]
    public void TotalIsRestoredAfterReboot()
    {
        var before = Started(unitsPerPulse: 0.01);
        Step(before, raw: 1234);
        double saved = before.TotalUnits; // what the runtime persists

        // Reboot: a new counter (starts at 0), a new meter, the saved total restored.
        var afterCounter = new ScriptedCounter();
        var after = new PulseMeter(afterCounter, clock, Options(pin: 4, unitsPerPulse: 0.01));
        after.Start();
        after.RestoreTotalUnits(saved);
        Assert.Equal(12.34, after.TotalUnits, 9);

        afterCounter.Raw = 100;
        clock.Advance(1000);
        after.Sample();
        Assert.Equal(12.34 + 100 * 0.01, after.TotalUnits, 9);
        Assert.Equal(12.34, after.OffsetUnits, 9);
    }

    [Fact]
    public void RestoringWhileCountingSetsTheTotalNow()
    {
        // Commissioning: the technician enters the meter's register reading while pulses are already counted.
        var meter = Started(unitsPerPulse: 0.1);
        Step(meter, raw: 30);
        meter.RestoreTotalUnits(5000);
        Assert.Equal(5000, meter.TotalUnits, 9);

        Step(meter, raw: 40);
        Assert.Equal(5001, meter.TotalUnits, 9);
    }

    [Fact]
    public void UnreadableCounterIsMissingAndHoldsTheValues()
    {
        var meter = Started(unitsPerPulse: 1);
        RunSteady(meter, pulsesPerSecond: 2, seconds: 10);
        double total = meter.TotalUnits;
        double rate = meter.RateUnitsPerHour;

        scripted.Failure = new InvalidOperationException("gpiochip0 went away");
        scripted.Raw += 6; // pulses arrive while the read fails
        clock.Advance(1000);
        Assert.False(meter.Sample());

        Assert.Equal(PointQuality.Missing, meter.Quality);
        Assert.Equal("gpiochip0 went away", meter.LastError);
        Assert.Equal(1, meter.ReadFailures);
        Assert.Equal(total, meter.TotalUnits);
        Assert.Equal(rate, meter.RateUnitsPerHour);

        scripted.Failure = null;
        clock.Advance(1000);
        Assert.True(meter.Sample());
        Assert.Equal(PointQuality.Good, meter.Quality);
        Assert.Null(meter.LastError);
        Assert.Equal(total + 6, meter.TotalUnits, 9);
    }

    [Fact]
    public void StartAndStopDriveTheCounter()
    {
        var meter = Started(unitsPerPulse: 1);
        Assert.Equal(4, scripted.StartedPin);
        Assert.Equal(10, scripted.StartedDebounceMs);

        meter.Stop();
        Assert.Equal(4, scripted.StoppedPin);
        Assert.False(meter.Sample());
    }

    [Fact]
    public void SampleDoesNotAllocate()
    {
        var meter = Started(unitsPerPulse: 0.01);
        RunSteady(meter, pulsesPerSecond: 3, seconds: 200); // warm up: JIT, ring full

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunSteady(meter, pulsesPerSecond: 3, seconds: 1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void UnitsPerPulseMustBePositive(double unitsPerPulse)
    {
        var e = Assert.Throws<InputException>(() => new PulseMeter(scripted, clock, Options(pin: 4, unitsPerPulse: unitsPerPulse)));
        Assert.Equal("pulseInputs[0].unitsPerPulse", e.Field);
    }

    [Fact]
    public void NegativeDebounceIsRejected()
    {
        PulseMeterOptions o = Options(pin: 4, unitsPerPulse: 1);
        o.DebounceMs = -5;
        Assert.Equal("pulseInputs[0].debounceMs", Assert.Throws<InputException>(() => new PulseMeter(scripted, clock, o)).Field);
    }

    [Fact]
    public void NegativePinIsRejected()
    {
        Assert.Equal("pulseInputs[0].pin", Assert.Throws<InputException>(() => new PulseMeter(scripted, clock, Options(pin: -1, unitsPerPulse: 1))).Field);
    }

    [Fact]
    public void PinOutOfTheDriversRangeIsRejectedOnStart()
    {
        using var driver = new SimulatedGpioDriver(8);
        using var gpio = new GpioPulseCounter(driver);
        var meter = new PulseMeter(gpio, clock, Options(pin: 8, unitsPerPulse: 1));

        Assert.Equal("pulse.pin", Assert.Throws<InputException>(meter.Start).Field);
        Assert.False(meter.IsStarted);
    }

    [Theory]
    [InlineData("counterModulus")]
    [InlineData("rateWindowMs")]
    [InlineData("noPulseTimeoutMs")]
    [InlineData("rateWindowSamples")]
    public void OtherBadSettingsNameTheirField(string field)
    {
        PulseMeterOptions o = Options(pin: 4, unitsPerPulse: 1);
        switch (field)
        {
            case "counterModulus": o.CounterModulus = -65536; break;
            case "rateWindowMs": o.RateWindowMs = 0; break;
            case "noPulseTimeoutMs": o.NoPulseTimeoutMs = -1; break;
            case "rateWindowSamples": o.RateWindowSamples = 1; break;
        }

        Assert.Equal("pulseInputs[0]." + field, Assert.Throws<InputException>(() => new PulseMeter(scripted, clock, o)).Field);
    }

    [Fact]
    public void RestoringANegativeOrNonFiniteTotalIsRejected()
    {
        var meter = Started(unitsPerPulse: 1);
        Assert.Equal("pulseInputs[0].totalUnits", Assert.Throws<InputException>(() => meter.RestoreTotalUnits(-1)).Field);
        Assert.Equal("pulseInputs[0].totalUnits", Assert.Throws<InputException>(() => meter.RestoreTotalUnits(double.NaN)).Field);
        Assert.Equal(0, meter.TotalUnits);
    }

    private static PulseMeterOptions Options(int pin, double unitsPerPulse) => new()
    {
        FieldPrefix = "pulseInputs[0]",
        Pin = pin,
        UnitsPerPulse = unitsPerPulse,
        DebounceMs = 10,
    };

    private PulseMeter Started(double unitsPerPulse, long windowMs = 60_000, long noPulseTimeoutMs = 120_000, long modulus = 0)
    {
        PulseMeterOptions o = Options(pin: 4, unitsPerPulse);
        o.RateWindowMs = windowMs;
        o.NoPulseTimeoutMs = noPulseTimeoutMs;
        o.CounterModulus = modulus;
        var meter = new PulseMeter(scripted, clock, o);
        meter.Start();
        return meter;
    }

    // One sample per second, pulses arriving evenly.
    private void RunSteady(PulseMeter meter, int pulsesPerSecond, int seconds)
    {
        for (int s = 0; s < seconds; s++)
        {
            scripted.Raw += pulsesPerSecond;
            clock.Advance(1000);
            Assert.True(meter.Sample());
        }
    }

    private void Step(PulseMeter meter, long raw)
    {
        scripted.Raw = raw;
        clock.Advance(1000);
        Assert.True(meter.Sample());
    }

    /// <summary>A counter whose raw reading the test sets (wrap-around, restarts and failures on demand).</summary>
    private sealed class ScriptedCounter : IPulseCounter
    {
        public long Raw;
        public Exception? Failure;
        public int StartedPin = -1;
        public int StartedDebounceMs = -1;
        public int StoppedPin = -1;

        public void Start(int pin, int debounceMs)
        {
            StartedPin = pin;
            StartedDebounceMs = debounceMs;
            Raw = 0;
        }

        public long ReadCount(int pin) => Failure is null ? Raw : throw Failure;

        public void Stop(int pin) => StoppedPin = pin;
    }
}
