using System;
using System.Collections.Generic;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// Engines name inputs in their own vocabulary (ratedPowerKw, noLoadLossKw); a command-line user typed options. This
/// renames the field of an engine's InputException to the option the user gave, keeping value and "allowed" text.
/// </summary>
internal static class EngineFields
{
    public static InputException ToOption(InputException e, IReadOnlyDictionary<string, string> engineFieldToOption)
    {
        return engineFieldToOption.TryGetValue(e.Field, out string? option)
            ? new InputException(option, e.Value, e.Allowed)
            : e;
    }

    public static Dictionary<string, string> Map(params string[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < pairs.Length; i += 2)
        {
            map[pairs[i]] = pairs[i + 1];
        }

        return map;
    }
}
