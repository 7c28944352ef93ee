using System;
using System.IO;
using EdgeGateway.Hardware.Profiles;

namespace EdgeGateway.Hardware.Simulation;

/// <summary>
/// Finds the shipped device profiles (hardware/devices/&lt;id&gt;/profile.json). They are copied next to the
/// assembly at build time (devices/…), so simulators and tests load the very files a technician would use.
/// </summary>
public static class ProfileCatalog
{
    public const string Sdm630 = "eastron-sdm630";
    public const string Sdm120 = "eastron-sdm120";
    public const string SteamFlowComputer = "generic-steam-flow-computer";
    public const string FlueGasAnalyser = "generic-flue-gas-analyser";
    public const string BoilerController = "generic-boiler-controller";

    public static readonly string[] Shipped = { Sdm630, Sdm120, SteamFlowComputer, FlueGasAnalyser, BoilerController };

    /// <summary>The folder holding one sub-folder per device.</summary>
    public static string DevicesDirectory
    {
        get
        {
            string next = Path.Combine(AppContext.BaseDirectory, "devices");
            if (Directory.Exists(next))
            {
                return next;
            }

            throw new DirectoryNotFoundException("device profiles not found at " + next + "; rebuild EdgeGateway.Hardware (it copies hardware/devices there)");
        }
    }

    public static string PathOf(string id) => Path.Combine(DevicesDirectory, id, "profile.json");

    public static DeviceProfile Load(string id) => ProfileLoader.LoadOrThrow(PathOf(id));
}
