using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Firmware.Core.Storage;

namespace EdgeGateway.Gateway.Tests.Configuration;

/// <summary>A small valid configuration and helpers to break it one rule at a time.</summary>
internal static class ConfigTestSupport
{
    public const string Minimal = """
        {
          "schemaVersion": 1,
          "gateway": { "siteId": "site-1", "deviceId": "gw-1" },
          "buses": [
            { "id": "tcp1", "kind": "tcp", "host": "127.0.0.1", "port": 15020 },
            { "id": "rs485", "kind": "rtu", "port": "/dev/ttyUSB0", "baud": 9600, "parity": "even" }
          ],
          "devices": [
            { "id": "flow", "bus": "tcp1", "unit": 2, "pollIntervalMs": 1000,
              "profile": { "byteOrder": "CDAB", "points": [
                { "name": "steamFlow", "measurement": "steamFlowTph", "registerType": "input", "address": 0, "dataType": "float32", "unit": "t/h", "range": [0, 40] },
                { "name": "steamPressureAbs", "measurement": "steamPressureMpaAbs", "registerType": "input", "address": 2, "dataType": "float32", "unit": "MPa", "range": [0.1, 2.6] },
                { "name": "feedwaterTemperature", "measurement": "feedwaterTemperatureC", "registerType": "input", "address": 6, "dataType": "float32", "unit": "°C", "range": [5, 200] }
              ] } },
            { "id": "flue", "bus": "rs485", "unit": 3,
              "profile": { "points": [
                { "name": "o2Dry", "measurement": "flueGasO2PercentDry", "registerType": "input", "address": 0, "dataType": "uint16", "scale": 0.01, "unit": "%", "range": [0, 21] },
                { "name": "flueGasTemperature", "measurement": "flueGasTemperatureC", "registerType": "input", "address": "0x0002", "dataType": "int16", "scale": 0.1, "unit": "°C", "range": [-20, 600] }
              ] } }
          ],
          "pulseInputs": [
            { "id": "gasMeter", "pin": 27, "unitsPerPulse": 0.01, "measurement": "fuelFlowNm3PerH", "totalMeasurement": "fuelTotalNm3" }
          ],
          "equipment": [
            { "id": "boiler1", "name": "1号锅炉", "kind": "boiler",
              "nameplate": { "fuel": "natural-gas", "type": "steam", "combustion": "chamber", "ratedCapacityTph": 4, "fuelLowerHeatingValueKjPerNm3": 35588 },
              "method": "auto",
              "inputs": {
                "steamFlowTph": "flow.steamFlow",
                "steamPressureMpaAbs": "flow.steamPressureAbs",
                "feedwaterTemperatureC": "flow.feedwaterTemperature",
                "fuelFlowNm3PerH": "pulse:gasMeter",
                "fuelTotalNm3": "pulse:gasMeter",
                "flueGasTemperatureC": "flue.flueGasTemperature",
                "flueGasO2PercentDry": "flue.o2Dry"
              } }
          ],
          "uplink": { "host": "127.0.0.1", "port": 1883, "tls": false }
        }
        """;

    public static JsonObject MinimalDocument() => (JsonObject)JsonReader.Parse(Minimal);

    public static byte[] Bytes(JsonNode node, bool indented = false)
    {
        var w = new JsonWriter(1024, indented);
        w.Node(node);
        return w.ToArray();
    }

    /// <summary>The minimal configuration after an edit, as bytes (indented, so errors have distinct lines).</summary>
    public static byte[] Edited(Action<JsonObject> edit)
    {
        JsonObject root = MinimalDocument();
        edit(root);
        return Bytes(root, indented: true);
    }

    public static ConfigValidationResult LoadEdited(Action<JsonObject> edit) => ConfigLoader.Load(Edited(edit));

    /// <summary>Navigates by member names (string) and array indexes (int).</summary>
    public static JsonObject At(JsonObject root, params object[] path)
    {
        JsonNode node = root;
        foreach (object step in path)
        {
            node = step is int i ? ((JsonArray)node).ItemAt(i) : ((JsonObject)node).Get((string)step);
        }

        return (JsonObject)node;
    }

    public static JsonString Str(string s) => new(s);

    public static JsonNumber Num(double d) => new(d);

    public static JsonArray Arr(params JsonNode[] items)
    {
        var a = new JsonArray();
        foreach (JsonNode n in items)
        {
            a.Add(n);
        }

        return a;
    }

    /// <summary>Finds the error at <paramref name="path"/> or fails listing what was found.</summary>
    public static ConfigError ErrorAt(ConfigValidationResult r, string path)
    {
        foreach (ConfigError e in r.Errors)
        {
            if (e.Path == path)
            {
                return e;
            }
        }

        Assert.Fail("no error at " + path + "; errors: " + (r.ErrorCount == 0 ? "(none)" : r.Summary()));
        return null!;
    }

    /// <summary>The repository root (the directory holding EdgeGateway.sln), found from the test's base directory.</summary>
    public static string RepoRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "EdgeGateway.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("EdgeGateway.sln not found above " + AppContext.BaseDirectory);
    }

    public static string DevicesRoot() => Path.Combine(RepoRoot(), "hardware", "devices");

    public static string Sample(string name) => Path.Combine(RepoRoot(), "firmware", "samples", name);
}

/// <summary>An in-memory IConfigStore that counts writes.</summary>
internal sealed class MemoryConfigStore : IConfigStore
{
    private readonly Dictionary<string, byte[]> blobs = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public byte[]? Read(string name) => blobs.TryGetValue(name, out byte[]? b) ? (byte[])b.Clone() : null;

    public bool Exists(string name) => blobs.ContainsKey(name);

    public void WriteAtomic(string name, byte[] data)
    {
        Writes++;
        blobs[name] = (byte[])data.Clone();
    }

    public string? Text(string name) => blobs.TryGetValue(name, out byte[]? b) ? Encoding.UTF8.GetString(b) : null;
}
