using System;
using System.IO;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Linux.Configuration;

/// <summary>
/// Loading a gateway.json on Linux: profileRefs resolved from a hardware/devices tree, then the portable loader.
/// Also writes the resolved (all-inline) configuration an ESP32 needs.
/// </summary>
public static class GatewayConfigFile
{
    /// <summary>Reads and validates a configuration file; every problem is in the result.</summary>
    public static ConfigValidationResult Load(string path, string? devicesRoot)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("--config", path, "cannot be read (" + e.Message + "); give the path of a gateway.json");
        }

        return ConfigLoader.Load(bytes, devicesRoot == null ? null : new DirectoryProfileResolver(devicesRoot), null);
    }

    /// <summary>Loads and throws one <see cref="InputException"/> listing every error (the message starts with the file).</summary>
    public static GatewayConfig LoadOrThrow(string path, string? devicesRoot)
    {
        ConfigValidationResult r = Load(path, devicesRoot);
        if (!r.IsValid)
        {
            try
            {
                r.ThrowIfInvalid();
            }
            catch (InputException e)
            {
                throw new InputException(path + ": " + e.Field, e.Value, e.Allowed);
            }
        }

        return r.Config!;
    }

    /// <summary>The configuration with every profileRef replaced by its inline profile, indented: what to deploy to an ESP32.</summary>
    public static byte[] Resolve(string path, string devicesRoot)
    {
        ConfigValidationResult r = Load(path, devicesRoot);
        r.ThrowIfInvalid();
        var w = new JsonWriter(16 * 1024, true);
        w.Node(r.Document);
        return w.ToArray();
    }

    /// <summary>
    /// The hardware/devices folder: <paramref name="explicitRoot"/> when given; else the nearest "hardware/devices"
    /// above <paramref name="startDirectory"/>; else "devices" next to the executable (EdgeGateway.Hardware copies
    /// the profiles there); else null.
    /// </summary>
    public static string? FindDevicesRoot(string? explicitRoot, string startDirectory)
    {
        if (!string.IsNullOrEmpty(explicitRoot))
        {
            return explicitRoot;
        }

        for (string? dir = Path.GetFullPath(startDirectory); dir != null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, "hardware", "devices");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        string next = Path.Combine(AppContext.BaseDirectory, "devices");
        return System.IO.Directory.Exists(next) ? next : null;
    }
}
