// Reference facade (compile-only). Mirrors github.com/nanoframework/System.Device.Gpio, tag v1.1.62, upstream files System.Device.Gpio/{GpioController,GpioPin,PinMode,PinValue,PinEventTypes,PinValueChangedEventArgs}.cs;
// NuGet package nanoFramework.System.Device.Gpio 1.1.62 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2
    }

    public readonly struct PinValue
    {
        public static PinValue High => throw null;
        public static PinValue Low => throw null;
        public static implicit operator PinValue(int value) => throw null;
        public static implicit operator PinValue(bool value) => throw null;
        public static explicit operator byte(PinValue value) => throw null;
        public static explicit operator int(PinValue value) => throw null;
        public static explicit operator bool(PinValue value) => throw null;
        public bool Equals(PinValue other) => throw null;
        public override bool Equals(object obj) => throw null;
        public static bool operator ==(PinValue a, PinValue b) => throw null;
        public static bool operator !=(PinValue a, PinValue b) => throw null;
        public override int GetHashCode() => throw null;
        public override string ToString() => throw null;
    }

    public class PinValueChangedEventArgs : BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) => throw null;
        public PinEventTypes ChangeType => throw null;
        public int PinNumber => throw null;
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioController : IDisposable
    {
        public GpioController() => throw null;
        public GpioPin OpenPin(int pinNumber) => throw null;
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;
        public void ClosePin(int pinNumber) => throw null;
        public void Dispose() => throw null;
        public bool IsPinOpen(int pinNumber) => throw null;
        public PinValue Read(int pinNumber) => throw null;
        public void Write(int pinNumber, PinValue value) => throw null;
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin(int pinNumber) => throw null;
        public TimeSpan DebounceTimeout { get => throw null; set => throw null; }
        public int PinNumber => throw null;
        public PinMode GetPinMode() => throw null;
        public void SetPinMode(PinMode value) => throw null;
        public PinValue Read() => throw null;
        public void Write(PinValue value) => throw null;
        public event PinValueChangedEventHandler ValueChanged { add => throw null; remove => throw null; }
        public void Toggle() => throw null;
        public void Dispose() => throw null;
    }
}
