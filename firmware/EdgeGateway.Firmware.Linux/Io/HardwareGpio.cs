using System;
using System.Device.Gpio;
using System.IO;

namespace EdgeGateway.Firmware.Linux.Io;

/// <summary>
/// The board's real GPIO, used only when the configuration asks for hardware pulse inputs. System.Device.Gpio picks
/// the driver (LibGpiodDriver when libgpiod is installed, else SysFsDriver); this wrapper checks first that the
/// machine has a GPIO chip at all, because <c>new GpioController()</c> otherwise fails with an obscure error on a PC
/// or in a container.
/// </summary>
public static class HardwareGpio
{
    /// <summary>Whether this machine exposes a GPIO chip (/dev/gpiochip* for libgpiod, /sys/class/gpio for sysfs).</summary>
    public static bool IsAvailable =>
        OperatingSystem.IsLinux()
        && ((Directory.Exists("/dev") && Directory.GetFiles("/dev", "gpiochip*").Length > 0) || Directory.Exists("/sys/class/gpio"));

    /// <summary>A controller on the board's GPIO driver; throws <see cref="PlatformNotSupportedException"/> saying
    /// what to do when there is none. Pass it to <c>new GpioPulseCounter(controller, disposeController: true)</c>.</summary>
    public static GpioController CreateController()
    {
        if (!IsAvailable)
        {
            throw new PlatformNotSupportedException(
                "no GPIO chip on this machine (no /dev/gpiochip*, no /sys/class/gpio): run on the gateway board (Raspberry Pi, industrial Linux box), "
                + "pass the GPIO device into the container (--device /dev/gpiochip0), or use the simulated GPIO driver for pulse inputs");
        }

        return new GpioController();
    }
}
