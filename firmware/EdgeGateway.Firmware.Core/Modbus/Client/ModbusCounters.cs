namespace EdgeGateway.Firmware.Core.Modbus.Client
{
    /// <summary>
    /// Bus health counters of one client (one bus). Every request and every way an answer can go wrong is counted,
    /// so a technician sees a noisy line (CRC errors), a missing slave (timeouts) or an address clash (wrong unit).
    /// Plain fields: the client is used from one thread.
    /// </summary>
    public sealed class ModbusCounters
    {
        /// <summary>Frames sent (each retry counts).</summary>
        public long Requests;
        /// <summary>Well-formed answers (data or exception).</summary>
        public long Responses;
        public long Timeouts;
        public long CrcErrors;
        /// <summary>Exception responses (codes 1–11).</summary>
        public long Exceptions;
        public long WrongUnit;
        /// <summary>TCP answers whose transaction id was not the current one (stale answers are discarded and counted here).</summary>
        public long WrongTransaction;
        public long WrongFunction;
        public long ShortFrames;
        /// <summary>Byte counts, MBAP length/protocol or write echoes that do not match the request.</summary>
        public long BadLengths;
        public long TransportErrors;
        /// <summary>Attempts after the first one of a request.</summary>
        public long Retries;

        public void Reset()
        {
            Requests = 0;
            Responses = 0;
            Timeouts = 0;
            CrcErrors = 0;
            Exceptions = 0;
            WrongUnit = 0;
            WrongTransaction = 0;
            WrongFunction = 0;
            ShortFrames = 0;
            BadLengths = 0;
            TransportErrors = 0;
            Retries = 0;
        }

        /// <summary>One line for logs and the CLI.</summary>
        public override string ToString()
        {
            return "requests=" + Requests.ToString() + " responses=" + Responses.ToString() + " timeouts=" + Timeouts.ToString()
                + " crcErrors=" + CrcErrors.ToString() + " exceptions=" + Exceptions.ToString() + " wrongUnit=" + WrongUnit.ToString()
                + " wrongTransaction=" + WrongTransaction.ToString() + " wrongFunction=" + WrongFunction.ToString()
                + " shortFrames=" + ShortFrames.ToString() + " badLengths=" + BadLengths.ToString()
                + " transportErrors=" + TransportErrors.ToString() + " retries=" + Retries.ToString();
        }
    }
}
