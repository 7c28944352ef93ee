using System;
using System.Collections.Generic;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Commands;

/// <summary><c>egw calc &lt;what&gt;</c>: the engineering calculations behind the gateway's verdicts.</summary>
public static class CalcCommands
{
    private static readonly Dictionary<string, Program.CommandEntry> Calculations = new(StringComparer.Ordinal)
    {
        ["steam"] = SteamCalc.Run,
        ["saturation"] = SaturationCalc.Run,
        ["boiler"] = BoilerCalc.Run,
        ["motor"] = MotorCalc.Run,
        ["transformer"] = TransformerCalc.Run,
    };

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length == 0)
        {
            throw new InputException("calc", "missing", "name a calculation: " + Names() + "; see 'egw help'");
        }

        if (Array.IndexOf(args, "--help") >= 0 || Array.IndexOf(args, "-h") >= 0)
        {
            return Usage.Help(args, console);
        }

        if (!Calculations.TryGetValue(args[0], out Program.CommandEntry? entry))
        {
            throw new InputException("calc", args[0], "must be one of " + Names() + "; see 'egw help'");
        }

        return entry(args[1..], console);
    }

    private static string Names() => string.Join(", ", Calculations.Keys);

    /// <summary>
    /// Reads a calculation's options; rejects stray words (the option parser collects them as positionals) so
    /// "egw calc steam 3 300" fails clearly instead of asking for options that seem to be there.
    /// </summary>
    internal static CommandLine Options(string[] args, string command, params string[] allowed)
    {
        var line = new CommandLine(args, 0, command, allowed);
        if (line.Positionals.Count > 0)
        {
            throw new InputException("argument", line.Positionals[0], "'" + command + "' takes only --options; see 'egw help'");
        }

        return line;
    }
}
