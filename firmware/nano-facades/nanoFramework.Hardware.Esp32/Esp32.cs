// Reference facade (compile-only). Mirrors github.com/nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.40, upstream files nanoFramework.Hardware.Esp32/{Configuration,DeviceTypePins}.cs and Gpio/{GpioPulseCounter,GpioPulseCount,GpioPulsePolarity}.cs. Upstream's file and class name GpioPulseCounter contain a U+200B (a C# formatting character, dropped from the identifier), so the metadata name is plain GpioPulseCounter;
// NuGet package nanoFramework.Hardware.Esp32 1.6.40 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
namespace nanoFramework.Hardware.Esp32
{
    internal enum ValueTypes
    {
        Index = 0,
        DeviceIndex = 0x00000100,
        DeviceType = 0x00010000,
    }

    public enum DeviceTypes
    {
        GPIO = 0 * ValueTypes.DeviceType,
        SPI = 1 * ValueTypes.DeviceType,
        I2C = 2 * ValueTypes.DeviceType,
        SERIAL = 3 * ValueTypes.DeviceType,
        PWM = 4 * ValueTypes.DeviceType,
        ADC = 5 * ValueTypes.DeviceType,
        I2S = 6 * ValueTypes.DeviceType,
        SDMMC = 8 * ValueTypes.DeviceType
    }

    // Subset: the UART pin functions (RS-485 needs TX, RX and RTS as the driver-enable line).
    public enum DeviceFunction
    {
        COM1_TX = DeviceTypes.SERIAL + (1 * ValueTypes.DeviceIndex) + 0,
        COM1_RX = DeviceTypes.SERIAL + (1 * ValueTypes.DeviceIndex) + 1,
        COM1_RTS = DeviceTypes.SERIAL + (1 * ValueTypes.DeviceIndex) + 2,
        COM1_CTS = DeviceTypes.SERIAL + (1 * ValueTypes.DeviceIndex) + 3,
        COM2_TX = DeviceTypes.SERIAL + (2 * ValueTypes.DeviceIndex) + 0,
        COM2_RX = DeviceTypes.SERIAL + (2 * ValueTypes.DeviceIndex) + 1,
        COM2_RTS = DeviceTypes.SERIAL + (2 * ValueTypes.DeviceIndex) + 2,
        COM2_CTS = DeviceTypes.SERIAL + (2 * ValueTypes.DeviceIndex) + 3,
        COM3_TX = DeviceTypes.SERIAL + (3 * ValueTypes.DeviceIndex) + 0,
        COM3_RX = DeviceTypes.SERIAL + (3 * ValueTypes.DeviceIndex) + 1,
        COM3_RTS = DeviceTypes.SERIAL + (3 * ValueTypes.DeviceIndex) + 2,
        COM3_CTS = DeviceTypes.SERIAL + (3 * ValueTypes.DeviceIndex) + 3,
    }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) => throw null;
        public static int GetFunctionPin(DeviceFunction function) => throw null;
    }
}

namespace System.Device.Gpio
{
    public enum GpioPulsePolarity
    {
        Both,
        Falling,
        Rising
    }

    public struct GpioPulseCount
    {
        public long Count;
        public TimeSpan RelativeTime;
    }

    public sealed class GpioPulseCounter : IDisposable
    {
        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1) => throw null;
        public bool IsStarted => throw null;
        public GpioPulsePolarity Polarity { get => throw null; set => throw null; }
        public ushort FilterPulses { get => throw null; set => throw null; }
        public GpioPulseCount Read() => throw null;
        public GpioPulseCount Reset() => throw null;
        public void Start() => throw null;
        public void Stop() => throw null;
        public void Dispose() => throw null;
    }
}
