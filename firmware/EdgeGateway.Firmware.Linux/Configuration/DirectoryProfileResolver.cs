using System;
using System.IO;
using System.Text;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Linux.Configuration;

/// <summary>
/// Resolves a device's "profileRef" to an inline profile from a hardware/devices tree
/// (&lt;root&gt;/&lt;profileRef&gt;/profile.json, format hardware/PROFILES.md). The inline profile keeps the points the
/// gateway can report — those whose measurement is in the wire vocabulary and that are numbers — and carries the
/// profile's byteOrder and maxRegistersPerRead. Points left out (status words, settings, text, quantities the wire
/// contract v1 lacks) are listed in a warning. Validation of the points themselves is the portable loader's.
/// </summary>
public sealed class DirectoryProfileResolver : IProfileResolver
{
    private readonly string devicesRoot;

    public DirectoryProfileResolver(string devicesRoot)
    {
        this.devicesRoot = devicesRoot;
    }

    public string DevicesRoot => devicesRoot;

    public JsonObject? Resolve(string profileRef, string path, JsonNode at, ConfigValidationResult result)
    {
        string file = Path.Combine(devicesRoot, profileRef, "profile.json");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.AddError(path, at, "\"" + profileRef + "\"", "no readable profile at " + file + " (" + e.Message + "); available: " + Available());
            return null;
        }

        JsonNode root;
        try
        {
            root = JsonReader.Parse(bytes, 0, bytes.Length, null);
        }
        catch (JsonParseException e)
        {
            result.AddError(path, at, "\"" + profileRef + "\"", "profile file " + file + " is not valid JSON: " + e.Message);
            return null;
        }

        JsonObject? device = (root as JsonObject)?.Get("device") as JsonObject;
        JsonArray? points = (root as JsonObject)?.Get("points") as JsonArray;
        if (device == null || points == null)
        {
            result.AddError(path, at, "\"" + profileRef + "\"", "profile file " + file + " needs a \"device\" object and a \"points\" array (hardware/PROFILES.md)");
            return null;
        }

        var inline = new JsonObject();
        CopyString(device, "id", inline);
        CopyString(device, "manufacturer", inline);
        CopyString(device, "model", inline);
        if (device.Get("defaults") is JsonObject defaults)
        {
            if (defaults.Get("byteOrder") is JsonNode order)
            {
                inline.Set("byteOrder", order);
            }

            if (defaults.Get("maxRegistersPerRead") is JsonNode max)
            {
                inline.Set("maxRegistersPerRead", max);
            }
        }

        var kept = new JsonArray();
        var skipped = new StringBuilder();
        for (int i = 0; i < points.Count; i++)
        {
            if (points.ItemAt(i) is not JsonObject point)
            {
                kept.Add(points.ItemAt(i)); // the loader reports it
                continue;
            }

            string? measurement = (point.Get("measurement") as JsonString)?.Value;
            string? dataType = (point.Get("dataType") as JsonString)?.Value;
            if (measurement != null && (Measurements.CodeOf(measurement) < 0 || dataType == "string"))
            {
                if (skipped.Length > 0)
                {
                    skipped.Append(", ");
                }

                skipped.Append((point.Get("name") as JsonString)?.Value ?? "#" + i).Append(" (").Append(measurement).Append(')');
                continue;
            }

            kept.Add(point);
        }

        inline.Set("points", kept);
        if (skipped.Length > 0)
        {
            result.AddWarning(path + " = " + profileRef + ": not polled, not in the wire vocabulary or not numeric: " + skipped);
        }

        return inline;
    }

    private static void CopyString(JsonObject from, string key, JsonObject to)
    {
        if (from.Get(key) is JsonString s)
        {
            to.Set(key, s);
        }
    }

    private string Available()
    {
        try
        {
            string[] dirs = System.IO.Directory.GetDirectories(devicesRoot);
            var names = new string[dirs.Length];
            for (int i = 0; i < dirs.Length; i++)
            {
                names[i] = Path.GetFileName(dirs[i]);
            }

            Array.Sort(names, StringComparer.Ordinal);
            return names.Length == 0 ? "(none in " + devicesRoot + ")" : string.Join(", ", names);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(cannot list " + devicesRoot + ": " + e.Message + ")";
        }
    }
}
