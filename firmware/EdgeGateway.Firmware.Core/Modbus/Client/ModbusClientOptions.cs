using EdgeGateway.Firmware.Core.Modbus.Framing;

namespace EdgeGateway.Firmware.Core.Modbus.Client
{
    /// <summary>Which framing a <see cref="ModbusClient"/> speaks on its transport.</summary>
    public enum ModbusFraming
    {
        Rtu = 0,
        Tcp = 1,
    }

    /// <summary>Timing of a <see cref="ModbusClient"/>. Defaults suit a TCP device or a 9600-baud RS-485 line.</summary>
    public sealed class ModbusClientOptions
    {
        /// <summary>How long to wait for the first byte (RTU) or the whole answer (TCP) of a response.</summary>
        public int ResponseTimeoutMs = 1000;

        /// <summary>Extra attempts after a timeout or a bad frame (not after an exception response). 0 = none.</summary>
        public int Retries = 1;

        /// <summary>Wait before the first retry; doubled for each further retry (lets a busy device or a noisy line settle).</summary>
        public int RetryBackoffMs = 20;

        /// <summary>RTU line speed, used to compute the 3.5-character silent interval.</summary>
        public int Baud = 9600;

        /// <summary>RTU bits per character (start + 8 data + parity + stop): 11 for 8E1 or 8N2, 10 for 8N1.</summary>
        public int BitsPerCharacter = 11;

        /// <summary>
        /// Minimum quiet time between the end of one frame and the next request, in ms. -1 = t3.5 from Baud (RTU) or 0
        /// (TCP). Slow RS-485 devices need more (some need 10–50 ms to turn their transceiver around).
        /// </summary>
        public int InterFrameDelayMs = -1;

        /// <summary>
        /// RTU: a gap this long after a byte ends the frame when its length cannot be derived (or it was cut short).
        /// -1 = the larger of t3.5 and 20 ms: a general-purpose OS or a USB adapter delivers bytes in bursts, so the
        /// pure t3.5 would split frames there; on a microcontroller with a real UART set it to t3.5.
        /// </summary>
        public int FrameGapMs = -1;

        /// <summary>The effective inter-frame delay for a framing.</summary>
        public int EffectiveInterFrameDelayMs(ModbusFraming framing)
        {
            if (InterFrameDelayMs >= 0)
            {
                return InterFrameDelayMs;
            }

            return framing == ModbusFraming.Rtu ? RtuFramer.SilentIntervalMilliseconds(Baud, BitsPerCharacter) : 0;
        }

        /// <summary>The effective end-of-frame gap.</summary>
        public int EffectiveFrameGapMs()
        {
            if (FrameGapMs >= 0)
            {
                return FrameGapMs < 1 ? 1 : FrameGapMs;
            }

            int silent = RtuFramer.SilentIntervalMilliseconds(Baud, BitsPerCharacter);
            return silent > 20 ? silent : 20;
        }
    }
}
