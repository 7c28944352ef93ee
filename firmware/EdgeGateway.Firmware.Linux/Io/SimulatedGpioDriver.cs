using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;

namespace EdgeGateway.Firmware.Linux.Io;

/// <summary>
/// A GPIO driver without hardware, for tests and for the simulators/demo that fake a meter's pulse output. It is a
/// real <see cref="GpioDriver"/>, so everything above it runs through System.Device.Gpio's own GpioController.
/// <para>External signals are injected with <see cref="Drive"/>, <see cref="Pulse"/> and <see cref="Bounce"/>: each
/// level change raises the registered callbacks (synchronously, on the caller's thread) with Falling or Rising, as a
/// hardware driver would on its event thread. These methods run in <em>virtual time</em>
/// (<see cref="NowMicroseconds"/>), which they advance instead of sleeping; give the same clock to the code under
/// test (e.g. GpioPulseCounter's time source) so debounce is exact and tests never wait. For a demo in real time,
/// <see cref="StartPulseTrain"/> runs a background thread that pulses at a given rate (it advances the virtual
/// time by the real time elapsed, so either clock works with it).</para>
/// Input pins idle High when opened (InputPullUp, or Input with the meter's external pull-up) and Low with
/// InputPullDown, unless the simulated device already drove the line. Thread-safe.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly PinState[] pins;
    private readonly object trainsLock = new();
    private readonly List<PulseTrain> trains = new();
    private long nowMicroseconds;

    /// <param name="pinCount">pins 0 to pinCount - 1 exist (a Raspberry Pi header has 28 usable, a gpiochip 32-64)</param>
    public SimulatedGpioDriver(int pinCount = 64)
    {
        if (pinCount < 1 || pinCount > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(pinCount), pinCount, "1 to 4096 pins");
        }

        pins = new PinState[pinCount];
        for (int i = 0; i < pinCount; i++)
        {
            pins[i] = new PinState();
        }
    }

    /// <summary>Virtual time in µs since construction, advanced by the injection methods and <see cref="AdvanceMicroseconds"/>.</summary>
    public long NowMicroseconds => Interlocked.Read(ref nowMicroseconds);

    /// <summary>Number of pins (the same as GpioController.PinCount).</summary>
    public int PinCountValue => pins.Length;

    protected override int PinCount => pins.Length;

    /// <summary>Moves virtual time forward (e.g. to space pulses further apart than Pulse's interval).</summary>
    public void AdvanceMicroseconds(long microseconds)
    {
        if (microseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(microseconds), microseconds, "time only moves forward");
        }

        Interlocked.Add(ref nowMicroseconds, microseconds);
    }

    /// <summary>Whether the pin is open (tests check that Stop/Dispose closed it).</summary>
    public bool IsOpen(int pin)
    {
        PinState s = State(pin);
        lock (s)
        {
            return s.Open;
        }
    }

    /// <summary>Callbacks registered on the pin (tests check that Stop unregistered them).</summary>
    public int CallbackCount(int pin)
    {
        PinState s = State(pin);
        lock (s)
        {
            return s.Callbacks.Count;
        }
    }

    /// <summary>The line's current level.</summary>
    public PinValue Level(int pin)
    {
        PinState s = State(pin);
        lock (s)
        {
            return s.Level;
        }
    }

    /// <summary>Sets the line to <paramref name="level"/> as the external device would; a change raises Falling or
    /// Rising on the callbacks registered for it. No time passes.</summary>
    public void Drive(int pin, PinValue level)
    {
        PinState s = State(pin);
        (PinEventTypes Types, PinChangeEventHandler Handler)[] targets;
        PinEventTypes edge;
        lock (s)
        {
            if (s.Level == level)
            {
                return;
            }

            s.Level = level;
            s.Driven = true;
            edge = level == PinValue.Low ? PinEventTypes.Falling : PinEventTypes.Rising;
            if (edge == PinEventTypes.Falling)
            {
                s.FallingEdges++;
            }
            else
            {
                s.RisingEdges++;
            }

            Monitor.PulseAll(s);
            targets = s.Callbacks.ToArray();
        }

        // Outside the lock: a callback may call back into the driver (read the pin, unregister itself).
        var args = new PinValueChangedEventArgs(edge, pin);
        foreach ((PinEventTypes types, PinChangeEventHandler handler) in targets)
        {
            if ((types & edge) != 0)
            {
                handler(this, args);
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> clean pulses of an open-collector/S0 output: each pulls the line Low (a Falling edge),
    /// holds it for half of <paramref name="intervalMs"/>, releases it High (Rising) and waits the other half (in
    /// virtual time). If the line is Low at the start it is first released.
    /// </summary>
    public void Pulse(int pin, int count, int intervalMs)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "0 or more pulses");
        }

        if (intervalMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMs), intervalMs, "0 or more ms");
        }

        long halfMicros = intervalMs * 500L;
        if (Level(pin) == PinValue.Low)
        {
            Drive(pin, PinValue.High);
            AdvanceMicroseconds(halfMicros);
        }

        for (int i = 0; i < count; i++)
        {
            Drive(pin, PinValue.Low);
            AdvanceMicroseconds(halfMicros);
            Drive(pin, PinValue.High);
            AdvanceMicroseconds(intervalMs * 1000L - halfMicros);
        }
    }

    /// <summary>
    /// Contact bounce: toggles the line <paramref name="edges"/> times from its current level,
    /// <paramref name="spacingMicros"/> apart (virtual time). From High, an odd count ends Low (a bouncing close),
    /// an even count ends High (a glitch).
    /// </summary>
    public void Bounce(int pin, int edges, int spacingMicros)
    {
        if (edges < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(edges), edges, "0 or more edges");
        }

        if (spacingMicros < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spacingMicros), spacingMicros, "0 or more µs");
        }

        for (int i = 0; i < edges; i++)
        {
            if (i > 0)
            {
                AdvanceMicroseconds(spacingMicros);
            }

            Drive(pin, Level(pin) == PinValue.High ? PinValue.Low : PinValue.High);
        }
    }

    /// <summary>
    /// Starts a background thread that pulses <paramref name="pin"/> at <paramref name="pulsesPerHour"/> in real time
    /// (e.g. a gas meter at 10 Nm³/h with 0.01 Nm³/pulse: 1000 pulses/h), each pulse Low for
    /// <paramref name="lowMs"/> (shortened to half the period if longer). Dispose the result (or the driver) to stop it.
    /// Pulses are scheduled on absolute deadlines, so the long-run rate does not drift with thread wake-up delays.
    /// </summary>
    public PulseTrain StartPulseTrain(int pin, double pulsesPerHour, int lowMs = 50)
    {
        State(pin);
        if (double.IsNaN(pulsesPerHour) || pulsesPerHour <= 0 || pulsesPerHour > 3.6e7)
        {
            throw new ArgumentOutOfRangeException(nameof(pulsesPerHour), pulsesPerHour, "more than 0, up to 36,000,000 pulses per hour (10 kHz)");
        }

        if (lowMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lowMs), lowMs, "0 or more ms");
        }

        var train = new PulseTrain(this, pin, 3.6e9 / pulsesPerHour, lowMs * 1000.0);
        lock (trainsLock)
        {
            trains.Add(train);
        }

        train.Begin();
        return train;
    }

    protected override void OpenPin(int pinNumber)
    {
        PinState s = State(pinNumber);
        lock (s)
        {
            if (s.Open)
            {
                throw new InvalidOperationException("simulated GPIO " + pinNumber + " is already open");
            }

            s.Open = true;
            s.Mode = PinMode.Input;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        PinState s = State(pinNumber);
        lock (s)
        {
            s.Open = false;
            s.Callbacks.Clear();
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        PinState s = RequireOpen(pinNumber);
        lock (s)
        {
            s.Mode = mode;
            // The idle level of an undriven input follows its bias (the meter's open collector is off between
            // pulses); a line the simulated device already drives keeps its level, as a real one would.
            if (s.Driven)
            {
                return;
            }

            if (mode == PinMode.InputPullDown)
            {
                s.Level = PinValue.Low;
            }
            else if (mode == PinMode.InputPullUp || mode == PinMode.Input)
            {
                s.Level = PinValue.High;
            }
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        PinState s = RequireOpen(pinNumber);
        lock (s)
        {
            return s.Mode;
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;

    protected override PinValue Read(int pinNumber)
    {
        PinState s = RequireOpen(pinNumber);
        lock (s)
        {
            return s.Level;
        }
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        PinState s = RequireOpen(pinNumber);
        lock (s)
        {
            if (s.Mode != PinMode.Output)
            {
                throw new InvalidOperationException("simulated GPIO " + pinNumber + " is an input (" + s.Mode + "): set it to Output to write, or use Drive() to simulate an external signal");
            }

            s.Level = value;
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        PinState s = RequireOpen(pinNumber);
        lock (s)
        {
            long falling = s.FallingEdges;
            long rising = s.RisingEdges;
            while (true)
            {
                if ((eventTypes & PinEventTypes.Falling) != 0 && s.FallingEdges != falling)
                {
                    return new WaitForEventResult { EventTypes = PinEventTypes.Falling, TimedOut = false };
                }

                if ((eventTypes & PinEventTypes.Rising) != 0 && s.RisingEdges != rising)
                {
                    return new WaitForEventResult { EventTypes = PinEventTypes.Rising, TimedOut = false };
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
                }

                // Wake up now and then to notice cancellation (the token has no hook into this monitor).
                Monitor.Wait(s, 20);
            }
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        PinState s = RequireOpen(pinNumber);
        lock (s)
        {
            s.Callbacks.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        PinState s = State(pinNumber);
        lock (s)
        {
            s.Callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            PulseTrain[] running;
            lock (trainsLock)
            {
                running = trains.ToArray();
                trains.Clear();
            }

            foreach (PulseTrain train in running)
            {
                train.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private PinState State(int pin)
    {
        if (pin < 0 || pin >= pins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, "simulated GPIO numbers are 0 to " + (pins.Length - 1));
        }

        return pins[pin];
    }

    private PinState RequireOpen(int pin)
    {
        PinState s = State(pin);
        lock (s)
        {
            if (!s.Open)
            {
                throw new InvalidOperationException("simulated GPIO " + pin + " is not open");
            }
        }

        return s;
    }

    private void Forget(PulseTrain train)
    {
        lock (trainsLock)
        {
            trains.Remove(train);
        }
    }

    private sealed class PinState
    {
        public bool Open;
        public PinMode Mode = PinMode.Input;
        public PinValue Level = PinValue.High;
        public bool Driven;
        public long FallingEdges;
        public long RisingEdges;
        public readonly List<(PinEventTypes Types, PinChangeEventHandler Handler)> Callbacks = new();
    }

    /// <summary>A running pulse generator (see <see cref="StartPulseTrain"/>); Dispose stops it and waits for its thread.</summary>
    public sealed class PulseTrain : IDisposable
    {
        private readonly SimulatedGpioDriver driver;
        private readonly int pin;
        private readonly double periodMicros;
        private readonly double lowMicros;
        private readonly ManualResetEventSlim stop = new(false);
        private readonly Thread thread;
        private long pulses;
        private int disposed;

        internal PulseTrain(SimulatedGpioDriver driver, int pin, double periodMicros, double lowMicros)
        {
            this.driver = driver;
            this.pin = pin;
            this.periodMicros = periodMicros;
            this.lowMicros = Math.Min(lowMicros, periodMicros / 2);
            thread = new Thread(Run) { IsBackground = true, Name = "sim-pulse-gpio" + pin };
        }

        /// <summary>Pulses generated so far (Falling edges driven).</summary>
        public long Pulses => Interlocked.Read(ref pulses);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            stop.Set();
            if (Thread.CurrentThread != thread)
            {
                thread.Join();
            }

            driver.Forget(this);
            stop.Dispose();
        }

        internal void Begin() => thread.Start();

        private void Run()
        {
            long start = Stopwatch.GetTimestamp();
            long lastEdgeMicros = 0;
            for (long k = 0; ; k++)
            {
                double fallAt = k * periodMicros;
                if (!WaitUntil(start, fallAt, ref lastEdgeMicros))
                {
                    return;
                }

                driver.Drive(pin, PinValue.Low);
                Interlocked.Increment(ref pulses);
                if (!WaitUntil(start, fallAt + lowMicros, ref lastEdgeMicros))
                {
                    driver.Drive(pin, PinValue.High);
                    return;
                }

                driver.Drive(pin, PinValue.High);
            }
        }

        // Sleeps until the deadline (µs after start); false when stopped. Advances the driver's virtual time by the
        // real time that passed, so a consumer on the virtual clock sees the same spacing.
        private bool WaitUntil(long start, double deadlineMicros, ref long lastEdgeMicros)
        {
            while (true)
            {
                double nowMicros = Stopwatch.GetElapsedTime(start).Ticks / 10.0;
                double remainingMicros = deadlineMicros - nowMicros;
                if (remainingMicros <= 0)
                {
                    long wholeMicros = (long)nowMicros;
                    driver.AdvanceMicroseconds(Math.Max(0, wholeMicros - lastEdgeMicros));
                    lastEdgeMicros = Math.Max(lastEdgeMicros, wholeMicros);
                    return !stop.IsSet;
                }

                if (stop.Wait(TimeSpan.FromMicroseconds(Math.Min(remainingMicros, 1e6))))
                {
                    return false;
                }
            }
        }
    }
}
