using System;

namespace EdgeGateway.Firmware.Core.Transport
{
    /// <summary>The port or connection itself failed (not a device answer): unplugged adapter, refused or reset connection.</summary>
    public class TransportException : Exception
    {
        public TransportException(string message) : base(message)
        {
        }

        public TransportException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}
