using System;
using System.Collections.Generic;
using System.Reflection;

namespace EdgeGateway.Cli.Infrastructure;

/// <summary>
/// Maps a JSON object onto an engine's plain data class whose public double fields follow the engine's convention
/// "JSON name = field name in camelCase" (BoilerMeasurements.SteamFlowTph ↔ "steamFlowTph"). Reading the field list
/// from the class keeps the CLI in step when an engine adds a measurement; NaN stays the engine's "not given".
/// </summary>
public static class FieldMapper
{
    /// <summary>The camelCase JSON names of <typeparamref name="T"/>'s public double fields, in declaration order.</summary>
    public static string[] DoubleFieldNames<T>()
    {
        var names = new List<string>();
        foreach (FieldInfo f in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (f.FieldType == typeof(double))
            {
                names.Add(CamelCase(f.Name));
            }
        }

        return names.ToArray();
    }

    /// <summary>
    /// Copies every number in <paramref name="json"/> to the matching field of <paramref name="target"/>; unknown
    /// fields and wrong types are InputExceptions naming the JSON path. Ranges are left to the engine, which knows
    /// which fields its method needs and names them the same way.
    /// </summary>
    public static void ReadDoubles<T>(JsonFields json, T target, params string[] alsoAllowed)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(target);
        var known = new List<string>(DoubleFieldNames<T>());
        known.AddRange(alsoAllowed);
        json.AllowOnly(known.ToArray());
        foreach (FieldInfo f in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (f.FieldType != typeof(double))
            {
                continue;
            }

            double? v = json.OptionalNumber(CamelCase(f.Name), NumberRange.Any(UnitOf(f.Name)));
            if (v.HasValue)
            {
                f.SetValue(target, v.Value);
            }
        }
    }

    public static string CamelCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    /// <summary>The unit a field name carries, for "wrong type" messages (names end in their unit by convention).</summary>
    public static string UnitOf(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        string[][] suffixes =
        {
            new[] { "Nm3PerH", "Nm³/h" }, new[] { "KgPerH", "kg/h" }, new[] { "Tph", "t/h" },
            new[] { "KjPerNm3", "kJ/Nm³" }, new[] { "KjPerKg", "kJ/kg" }, new[] { "MpaAbs", "MPa absolute" },
            new[] { "PercentDry", "vol % dry" }, new[] { "Percent", "%" }, new[] { "Ppm", "ppm by volume" },
            new[] { "C", "°C" }, new[] { "Kw", "kW" }, new[] { "Mw", "MW" },
        };
        foreach (string[] s in suffixes)
        {
            if (fieldName.EndsWith(s[0], StringComparison.Ordinal))
            {
                return s[1];
            }
        }

        return "number";
    }
}
