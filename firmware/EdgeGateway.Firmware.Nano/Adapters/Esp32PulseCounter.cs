using System.Collections;
using System.Device.Gpio;
using EdgeGateway.Firmware.Core.Io;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>
    /// Meter pulse inputs on the ESP32 hardware pulse counter (PCNT, GpioPulseCounter): pulses are counted in
    /// hardware, so none is lost while the managed code is busy or collecting garbage.
    /// Debounce: the PCNT glitch filter counts 80 MHz clock periods and accepts at most 1023 (about 12.8 µs), so it
    /// rejects contact noise spikes but not millisecond bounce. Any debounceMs &gt; 0 selects the maximum filter; meters
    /// with bouncing reed contacts need an RC filter on the input (see FLASHING.md).
    /// </summary>
    public sealed class Esp32PulseCounter : IPulseCounter
    {
        private const ushort MaxFilterClockPeriods = 1023;

        // pin number (boxed int) -> GpioPulseCounter; touched only on Start/Stop, not on every read.
        private readonly Hashtable _counters = new Hashtable();

        public void Start(int pin, int debounceMs)
        {
            if (pin < 0 || pin > 39)
            {
                throw new InputException("pulse.pin", pin.ToString(), "an ESP32 GPIO number 0 to 39 (inputs with pull-ups: avoid 34-39, which have none)");
            }

            if (debounceMs < 0)
            {
                throw new InputException("pulse.debounceMs", debounceMs.ToString(), "0 or more milliseconds");
            }

            if (_counters.Contains(pin))
            {
                throw new InputException("pulse.pin", pin.ToString(), "a pin not already counting: stop it first");
            }

            var counter = new GpioPulseCounter(pin);
            // S0 outputs and open-collector meter outputs pull the line low for each pulse.
            counter.Polarity = GpioPulsePolarity.Falling;
            counter.FilterPulses = debounceMs > 0 ? MaxFilterClockPeriods : (ushort)0;
            counter.Start();
            _counters[pin] = counter;
        }

        public long ReadCount(int pin)
        {
            return Require(pin).Read().Count;
        }

        public void Stop(int pin)
        {
            GpioPulseCounter counter = Require(pin);
            counter.Stop();
            counter.Dispose();
            _counters.Remove(pin);
        }

        private GpioPulseCounter Require(int pin)
        {
            var counter = (GpioPulseCounter)_counters[pin];
            if (counter == null)
            {
                throw new InputException("pulse.pin", pin.ToString(), "a pin started with Start(pin, debounceMs)");
            }

            return counter;
        }
    }
}
