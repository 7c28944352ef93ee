using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using EdgeGateway.Firmware.Core.Io;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Linux.Io;

/// <summary>
/// Meter pulse inputs on Linux through System.Device.Gpio: an edge callback per pin, software debounce on
/// timestamps, counts kept with Interlocked (callbacks arrive on the driver's event thread while the runtime reads).
/// <para>The driver is injected: <see cref="SimulatedGpioDriver"/> in tests and demos, the board's driver from
/// <see cref="HardwareGpio.CreateController"/> on real hardware (never <c>new GpioController()</c> implicitly: it
/// throws on a machine without /dev/gpiochip*).</para>
/// <para>Debounce (<c>debounceMs</c> &gt; 0): an active edge (Falling by default: an S0 or open-collector output pulls
/// the line low) counts only if it comes at least debounceMs after the last counted one <em>and</em> at least
/// debounceMs after the last release edge. The first rule drops the bounce of a closing contact; the second drops
/// the bounce of an opening one (a reed contact that opens after a 100 ms pulse rattles Low again, 100 ms after
/// the counted edge, which the first rule alone would count). Hence debounceMs must be shorter than both the
/// pulse's low time and its high time at the highest rate (S0: pulses ≥ 30 ms).</para>
/// </summary>
public sealed class GpioPulseCounter : IPulseCounter, IDisposable
{
    // Linux: 1 GHz, so µs are an exact integer division; the double path only serves odd frequencies.
    private static readonly long StopwatchTicksPerMicrosecond = Stopwatch.Frequency % 1_000_000 == 0 ? Stopwatch.Frequency / 1_000_000 : 0;

    private readonly GpioController controller;
    private readonly bool disposeController;
    private readonly PinMode inputMode;
    private readonly PinEventTypes countEdge;
    private readonly PinEventTypes releaseEdge;
    private readonly Func<long> nowMicroseconds;
    private readonly Dictionary<int, PinCounter> counters = new();
    private bool disposed;

    /// <summary>Counts on <paramref name="driver"/> through <c>new GpioController(driver)</c>.</summary>
    /// <param name="driver">the GPIO driver (SimulatedGpioDriver, or a board driver)</param>
    /// <param name="inputMode">how pins are opened: InputPullUp for open-collector/reed/S0 outputs (default), Input
    /// with an external pull-up, InputPullDown for outputs that drive High</param>
    /// <param name="countEdge">the edge that is a pulse: Falling (default) or Rising</param>
    /// <param name="nowMicroseconds">time source for debounce in µs (monotonic); null = Stopwatch. Tests pass the
    /// simulated driver's virtual clock.</param>
    /// <param name="disposeDriver">whether <see cref="Dispose"/> also disposes the driver (GpioController does that)</param>
    public GpioPulseCounter(GpioDriver driver, PinMode inputMode = PinMode.InputPullUp, PinEventTypes countEdge = PinEventTypes.Falling,
        Func<long>? nowMicroseconds = null, bool disposeDriver = true)
        : this(new GpioController(driver ?? throw new ArgumentNullException(nameof(driver))), disposeDriver, inputMode, countEdge, nowMicroseconds)
    {
    }

    /// <summary>Counts on an existing controller (e.g. from <see cref="HardwareGpio.CreateController"/>).</summary>
    public GpioPulseCounter(GpioController controller, bool disposeController, PinMode inputMode = PinMode.InputPullUp,
        PinEventTypes countEdge = PinEventTypes.Falling, Func<long>? nowMicroseconds = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (inputMode is not (PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown))
        {
            throw new InputException("pulse.inputMode", inputMode.ToString(), "Input, InputPullUp (open collector, reed contact, S0) or InputPullDown");
        }

        if (countEdge is not (PinEventTypes.Falling or PinEventTypes.Rising))
        {
            throw new InputException("pulse.countEdge", countEdge.ToString(), "Falling (the output pulls the line low, usual) or Rising");
        }

        this.controller = controller;
        this.disposeController = disposeController;
        this.inputMode = inputMode;
        this.countEdge = countEdge;
        releaseEdge = countEdge == PinEventTypes.Falling ? PinEventTypes.Rising : PinEventTypes.Falling;
        this.nowMicroseconds = nowMicroseconds ?? StopwatchMicroseconds;
    }

    /// <summary>Pins the controller has (valid pins are 0 to PinCount - 1).</summary>
    public int PinCount => controller.PinCount;

    public void Start(int pin, int debounceMs)
    {
        if (debounceMs < 0 || debounceMs > PulseMeterOptions.MaxDebounceMs)
        {
            throw new InputException("pulse.debounceMs", debounceMs.ToString(CultureInfo.InvariantCulture),
                "0 to " + PulseMeterOptions.MaxDebounceMs + " ms (reed contacts: 10-20; electronic S0 outputs: 0-5)");
        }

        lock (counters)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            int pinCount = controller.PinCount;
            if (pin < 0 || pin >= pinCount)
            {
                throw new InputException("pulse.pin", pin.ToString(CultureInfo.InvariantCulture),
                    "a GPIO line 0 to " + (pinCount - 1) + " of this GPIO chip");
            }

            if (counters.ContainsKey(pin))
            {
                throw new InputException("pulse.pin", pin.ToString(CultureInfo.InvariantCulture), "a pin not already counting: stop it first");
            }

            if (controller.IsPinOpen(pin))
            {
                throw new InputException("pulse.pin", pin.ToString(CultureInfo.InvariantCulture), "a free GPIO: something else in this process has it open");
            }

            if (!controller.IsPinModeSupported(pin, inputMode))
            {
                throw new InputException("pulse.inputMode", inputMode.ToString(), "a mode GPIO " + pin + " supports on this driver (try Input with an external pull-up)");
            }

            var state = new PinCounter(this, debounceMs * 1000L);
            controller.OpenPin(pin, inputMode);
            try
            {
                controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling | PinEventTypes.Rising, state.Handler);
            }
            catch
            {
                controller.ClosePin(pin);
                throw;
            }

            counters.Add(pin, state);
        }
    }

    public long ReadCount(int pin) => Require(pin).Count;

    /// <summary>Active edges dropped as bounce on <paramref name="pin"/> since Start (diagnostics for commissioning:
    /// many rejections mean a bouncing contact; rejections with a clean electronic output mean debounceMs is too long).</summary>
    public long RejectedEdges(int pin) => Require(pin).Rejected;

    public void Stop(int pin)
    {
        lock (counters)
        {
            PinCounter state = Require(pin);
            counters.Remove(pin);
            Close(pin, state);
        }
    }

    public void Dispose()
    {
        lock (counters)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (KeyValuePair<int, PinCounter> entry in counters)
            {
                Close(entry.Key, entry.Value);
            }

            counters.Clear();
        }

        if (disposeController)
        {
            controller.Dispose();
        }
    }

    private static long StopwatchMicroseconds() => StopwatchTicksPerMicrosecond > 0
        ? Stopwatch.GetTimestamp() / StopwatchTicksPerMicrosecond
        : (long)(Stopwatch.GetTimestamp() * (1e6 / Stopwatch.Frequency));

    private void Close(int pin, PinCounter state)
    {
        controller.UnregisterCallbackForPinValueChangedEvent(pin, state.Handler);
        controller.ClosePin(pin);
    }

    private PinCounter Require(int pin)
    {
        lock (counters)
        {
            if (!counters.TryGetValue(pin, out PinCounter? state))
            {
                throw new InputException("pulse.pin", pin.ToString(CultureInfo.InvariantCulture), "a pin started with Start(pin, debounceMs)");
            }

            return state;
        }
    }

    /// <summary>One pin's count and debounce state. Edges of one pin are serialised by a lock (a driver may call from
    /// more than one thread); the count is read lock-free.</summary>
    private sealed class PinCounter
    {
        private readonly GpioPulseCounter owner;
        private readonly long debounceMicros;
        private readonly object edgeLock = new();
        private long count;
        private long rejected;
        private bool anyCounted;
        private long lastCountedMicros;
        private bool anyRelease;
        private long lastReleaseMicros;

        public PinCounter(GpioPulseCounter owner, long debounceMicros)
        {
            this.owner = owner;
            this.debounceMicros = debounceMicros;
            Handler = OnEdge;
        }

        public PinChangeEventHandler Handler { get; }

        public long Count => Interlocked.Read(ref count);

        public long Rejected => Interlocked.Read(ref rejected);

        private void OnEdge(object sender, PinValueChangedEventArgs args)
        {
            lock (edgeLock)
            {
                long now = owner.nowMicroseconds();
                if (args.ChangeType == owner.releaseEdge)
                {
                    anyRelease = true;
                    lastReleaseMicros = now;
                    return;
                }

                if (args.ChangeType != owner.countEdge)
                {
                    return;
                }

                if (debounceMicros > 0
                    && ((anyCounted && now - lastCountedMicros < debounceMicros) || (anyRelease && now - lastReleaseMicros < debounceMicros)))
                {
                    Interlocked.Increment(ref rejected);
                    return;
                }

                anyCounted = true;
                lastCountedMicros = now;
                Interlocked.Increment(ref count);
            }
        }
    }
}
