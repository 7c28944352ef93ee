namespace EdgeGateway.Firmware.Core.Io
{
    /// <summary>
    /// Counts pulses from a meter's pulse output on a GPIO pin (gas meters, water meters, energy meters with S0 output).
    /// On ESP32 this is the hardware pulse counter (GpioPulseCounter); on Linux a System.Device.Gpio edge callback;
    /// in tests a simulated GPIO driver.
    /// </summary>
    public interface IPulseCounter
    {
        /// <summary>Starts counting on <paramref name="pin"/>, ignoring edges closer than <paramref name="debounceMs"/>.</summary>
        void Start(int pin, int debounceMs);

        /// <summary>Total pulses counted on <paramref name="pin"/> since Start (monotonic, never reset by reading).</summary>
        long ReadCount(int pin);

        /// <summary>Stops counting on <paramref name="pin"/>.</summary>
        void Stop(int pin);
    }
}
