using System;
using System.Device.Gpio;
using System.Threading;
using EdgeGateway.Firmware.Linux.Io;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Gateway.Tests.Io;

/// <summary>
/// The Linux pulse counter through the real System.Device.Gpio GpioController on the simulated driver. Edges are
/// injected in the driver's virtual time and the counter debounces on that clock, so no test waits or measures time.
/// </summary>
public sealed class GpioPulseCounterTests : IDisposable
{
    private readonly SimulatedGpioDriver driver = new(pinCount: 32);
    private readonly GpioPulseCounter counter;

    public GpioPulseCounterTests()
    {
        counter = new GpioPulseCounter(driver, nowMicroseconds: () => driver.NowMicroseconds);
    }

    public void Dispose() => counter.Dispose();

    [Fact]
    public void CleanPulsesAreCountedExactly()
    {
        counter.Start(5, debounceMs: 10);

        driver.Pulse(5, count: 137, intervalMs: 100);

        Assert.Equal(137, counter.ReadCount(5));
        Assert.Equal(0, counter.RejectedEdges(5));
    }

    [Fact]
    public void PinIsOpenedAsPulledUpInputWithOneCallback()
    {
        counter.Start(7, debounceMs: 10);

        Assert.True(driver.IsOpen(7));
        Assert.Equal(1, driver.CallbackCount(7));
        Assert.Equal(PinValue.High, driver.Level(7)); // pulled up: idle between pulses
    }

    [Fact]
    public void ContactBounceWithinDebounceIsCountedOnce()
    {
        counter.Start(5, debounceMs: 10);
        for (int press = 0; press < 3; press++)
        {
            driver.Bounce(5, edges: 5, spacingMicros: 300); // closing: F R F R F, ends Low
            driver.AdvanceMicroseconds(50_000);
            driver.Bounce(5, edges: 3, spacingMicros: 300); // opening: R F R, ends High
            driver.AdvanceMicroseconds(50_000);
        }

        Assert.Equal(3, counter.ReadCount(5));
        // Per press: 2 extra falling edges on closing + 1 on opening were rejected.
        Assert.Equal(9, counter.RejectedEdges(5));
    }

    [Fact]
    public void WithoutDebounceTheSameBounceCountsEveryFallingEdge()
    {
        // The control for the test above: the bounce sequence really contains the extra falling edges.
        counter.Start(6, debounceMs: 0);
        for (int press = 0; press < 3; press++)
        {
            driver.Bounce(6, edges: 5, spacingMicros: 300);
            driver.AdvanceMicroseconds(50_000);
            driver.Bounce(6, edges: 3, spacingMicros: 300);
            driver.AdvanceMicroseconds(50_000);
        }

        Assert.Equal(3 * (3 + 1), counter.ReadCount(6));
    }

    [Fact]
    public void ReleaseBounceLongAfterTheCountedEdgeIsNotCounted()
    {
        // A reed contact held closed for 200 ms (much longer than the debounce) rattles when it opens: the falling
        // edge in that rattle is 200 ms after the counted edge but only 0.2 ms after the line went High.
        counter.Start(5, debounceMs: 10);

        driver.Drive(5, PinValue.Low);
        driver.AdvanceMicroseconds(200_000);
        driver.Bounce(5, edges: 3, spacingMicros: 200);
        driver.AdvanceMicroseconds(200_000);
        driver.Drive(5, PinValue.Low); // the next real pulse

        Assert.Equal(2, counter.ReadCount(5));
        Assert.Equal(1, counter.RejectedEdges(5));
    }

    [Fact]
    public void RisingEdgesAreIgnored()
    {
        driver.Drive(5, PinValue.Low); // the meter holds the line low when counting starts
        counter.Start(5, debounceMs: 0);

        driver.Drive(5, PinValue.High); // a rising edge alone
        Assert.Equal(0, counter.ReadCount(5));

        for (int i = 0; i < 10; i++)
        {
            driver.AdvanceMicroseconds(1_000);
            driver.Drive(5, PinValue.Low);
            driver.AdvanceMicroseconds(1_000);
            driver.Drive(5, PinValue.High);
        }

        Assert.Equal(10, counter.ReadCount(5)); // 20 edges, 10 falling
    }

    [Fact]
    public void RisingEdgeCounterCountsRisingEdgesOnly()
    {
        using var risingDriver = new SimulatedGpioDriver(8);
        using var rising = new GpioPulseCounter(risingDriver, PinMode.InputPullDown, PinEventTypes.Rising, () => risingDriver.NowMicroseconds);
        rising.Start(2, debounceMs: 1);
        Assert.Equal(PinValue.Low, risingDriver.Level(2));

        risingDriver.Pulse(2, count: 4, intervalMs: 10); // idle Low: released High first (1 rising), then 4 × (F, R)

        Assert.Equal(5, rising.ReadCount(2));
    }

    [Fact]
    public void TwoPinsCountIndependently()
    {
        counter.Start(3, debounceMs: 10);
        counter.Start(4, debounceMs: 10);

        for (int i = 0; i < 7; i++)
        {
            driver.Pulse(3, count: 1, intervalMs: 40);
            driver.Pulse(4, count: 2, intervalMs: 40);
        }

        Assert.Equal(7, counter.ReadCount(3));
        Assert.Equal(14, counter.ReadCount(4));

        counter.Stop(3);
        Assert.False(driver.IsOpen(3));
        Assert.Equal(0, driver.CallbackCount(3));
        driver.Pulse(3, count: 5, intervalMs: 40); // not counted anywhere
        driver.Pulse(4, count: 1, intervalMs: 40);
        Assert.Equal(15, counter.ReadCount(4));
    }

    [Fact]
    public void StopThenStartCountsFromZeroAgain()
    {
        counter.Start(3, debounceMs: 5);
        driver.Pulse(3, count: 9, intervalMs: 20);
        counter.Stop(3);
        counter.Start(3, debounceMs: 5);
        driver.Pulse(3, count: 2, intervalMs: 20);

        Assert.Equal(2, counter.ReadCount(3));
    }

    [Fact]
    public void DisposeClosesPinsAndCanKeepTheDriver()
    {
        using var shared = new SimulatedGpioDriver(8);
        var first = new GpioPulseCounter(shared, nowMicroseconds: () => shared.NowMicroseconds, disposeDriver: false);
        first.Start(1, 10);
        first.Dispose();
        Assert.False(shared.IsOpen(1));

        // The driver still works for the next owner (e.g. the demo restarting its counters).
        using var second = new GpioPulseCounter(shared, nowMicroseconds: () => shared.NowMicroseconds);
        second.Start(1, 10);
        shared.Pulse(1, 3, 50);
        Assert.Equal(3, second.ReadCount(1));
    }

    [Fact]
    public void NegativeDebounceIsRejectedNamingTheField()
    {
        var e = Assert.Throws<InputException>(() => counter.Start(5, debounceMs: -1));
        Assert.Equal("pulse.debounceMs", e.Field);
        Assert.Equal("-1", e.Value);
        Assert.False(driver.IsOpen(5));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(32)]
    [InlineData(1000)]
    public void PinOutOfRangeIsRejectedNamingTheField(int pin)
    {
        var e = Assert.Throws<InputException>(() => counter.Start(pin, debounceMs: 10));
        Assert.Equal("pulse.pin", e.Field);
        Assert.Contains("0 to 31", e.Message);
    }

    [Fact]
    public void StartingAPinTwiceOrReadingAnUnstartedPinNamesThePin()
    {
        counter.Start(5, 10);
        Assert.Equal("pulse.pin", Assert.Throws<InputException>(() => counter.Start(5, 10)).Field);
        Assert.Equal("pulse.pin", Assert.Throws<InputException>(() => counter.ReadCount(6)).Field);
        Assert.Equal("pulse.pin", Assert.Throws<InputException>(() => counter.Stop(6)).Field);
    }

    [Fact]
    public void OutputModeIsNotAPulseInput()
    {
        var e = Assert.Throws<InputException>(() => new GpioPulseCounter(new SimulatedGpioDriver(4), PinMode.Output));
        Assert.Equal("pulse.inputMode", e.Field);
    }

    [Fact]
    public void WaitForEventThroughTheControllerSeesAnInjectedEdge()
    {
        using var waitDriver = new SimulatedGpioDriver(4);
        using var controller = new GpioController(waitDriver);
        controller.OpenPin(1, PinMode.InputPullUp);

        WaitForEventResult quiet = controller.WaitForEvent(1, PinEventTypes.Falling, TimeSpan.FromMilliseconds(30));
        Assert.True(quiet.TimedOut);

        var pulsing = new Thread(() =>
        {
            Thread.Sleep(20);
            waitDriver.Pulse(1, 1, 10);
        });
        pulsing.Start();
        WaitForEventResult edge = controller.WaitForEvent(1, PinEventTypes.Falling, TimeSpan.FromSeconds(20));
        pulsing.Join();
        Assert.False(edge.TimedOut);
        Assert.Equal(PinEventTypes.Falling, edge.EventTypes);
    }

    [Fact]
    public void PulseTrainThreadIsCountedExactlyAfterItStops()
    {
        // The demo's generator in real time: no timing assertion, only "every generated pulse was counted".
        using var demoDriver = new SimulatedGpioDriver(4);
        using var demo = new GpioPulseCounter(demoDriver);
        demo.Start(0, debounceMs: 0);

        SimulatedGpioDriver.PulseTrain train = demoDriver.StartPulseTrain(0, pulsesPerHour: 720_000, lowMs: 1); // 200 Hz
        SpinWait.SpinUntil(() => demo.ReadCount(0) >= 5, TimeSpan.FromSeconds(30));
        train.Dispose();

        Assert.True(train.Pulses >= 5, "the generator produced " + train.Pulses + " pulses within 30 s");
        Assert.Equal(train.Pulses, demo.ReadCount(0));
        Assert.Equal(PinValue.High, demoDriver.Level(0)); // stopped between pulses, line released
    }
}
