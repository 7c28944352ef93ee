// Reference facade (compile-only). Mirrors github.com/nanoframework/System.Device.Wifi, tag v1.5.147, upstream files System.Device.Wifi/{NetworkHelper/WifiNetworkHelper,WifiReconnectionKind}.cs;
// NuGet package nanoFramework.System.Device.Wifi 1.5.147 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
using System;
using System.Device.Wifi;
using System.Threading;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static ManualResetEvent NetworkReady => throw null;
        public static NetworkHelperStatus Status => throw null;
        public static Exception HelperException => throw null;
        public static void Disconnect() => throw null;
        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default) => throw null;
        public static void Reset() => throw null;
    }
}
