using System;
using System.Collections.Generic;
using EdgeGateway.Cli.Commands;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli;

/// <summary>
/// The <c>egw</c> entry point: picks the command, runs it, and turns every failure into one line on stderr and an exit
/// code (0 success, 2 bad input, 1 environment failure or internal error). Tests call <see cref="Run"/> in-process with their own writers.
/// </summary>
public static class Program
{
    public const int ExitOk = 0;
    public const int ExitInternalError = 1;

    /// <summary>The device, line or machine failed (not the input): the same code as an internal error.</summary>
    public const int ExitEnvironmentFailure = 1;
    public const int ExitBadInput = 2;

    /// <summary>A top-level command: gets the arguments after its own name.</summary>
    public delegate int CommandEntry(string[] args, Console2 console);

    /// <summary>
    /// Top-level commands. Other areas plug in here: when hardware/ adds Commands/ModbusCommands.cs and
    /// Commands/SimCommands.cs, add <c>["modbus"] = ModbusCommands.Run</c> and <c>["sim"] = SimCommands.Run</c>.
    /// Names listed in <see cref="PlannedCommands"/> but missing here answer "not available in this build".
    /// </summary>
    private static readonly Dictionary<string, CommandEntry> Commands = new(StringComparer.Ordinal)
    {
        ["calc"] = CalcCommands.Run,
        ["config"] = ConfigCommands.Run,
        ["demo"] = DemoCommands.Run,
        ["gateway"] = GatewayCommands.Run,
        ["help"] = (args, console) => Usage.Help(args, console),
        ["modbus"] = ModbusCommands.Run,
        ["sim"] = SimCommands.Run,
    };

    /// <summary>Commands that belong to egw but may be left out of a build (their code lives in other areas).</summary>
    private static readonly string[] PlannedCommands = Array.Empty<string>();

    public static int Main(string[] args)
    {
        return Run(args, new Console2(Console.Out, Console.Error));
    }

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            if (args.Length == 0)
            {
                console.Error.Write(Usage.Text);
                return ExitBadInput;
            }

            string name = args[0];
            if (name == "--help" || name == "-h")
            {
                return Usage.Help(Array.Empty<string>(), console);
            }

            string[] rest = args[1..];
            if (Commands.TryGetValue(name, out CommandEntry? entry))
            {
                return entry(rest, console);
            }

            if (Array.IndexOf(PlannedCommands, name) >= 0)
            {
                throw new InputException("command", name, "is not available in this build; run 'egw help' for the commands it has");
            }

            throw new InputException("command", name, "must be one of " + string.Join(", ", AvailableCommands()) + "; see 'egw help'");
        }
        catch (InputException e)
        {
            console.Error.WriteLine(ErrorLine(e.Message));
            return ExitBadInput;
        }
        catch (EnvironmentFailureException e)
        {
            console.Error.WriteLine(ErrorLine(e.Message));
            return ExitEnvironmentFailure;
        }
#pragma warning disable CA1031 // The entry point is the one place that must catch everything: no stack trace reaches a user.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.WriteLine("internal error: " + OneLine(e.GetType().Name + ": " + e.Message) + " (set EGW_DEBUG=1 for details)");
            if (Environment.GetEnvironmentVariable("EGW_DEBUG") == "1")
            {
                console.Error.WriteLine(e.ToString());
            }

            return ExitInternalError;
        }
    }

    /// <summary>The commands this build can run, in a stable order (for messages and help).</summary>
    public static IReadOnlyList<string> AvailableCommands()
    {
        var names = new List<string>(Commands.Keys);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>The one format of every error egw prints: "error: field = value: what to do", on one line.</summary>
    internal static string ErrorLine(string message) => "error: " + OneLine(message);

    /// <summary>One line, always: messages from engines or the JSON reader may carry line breaks.</summary>
    internal static string OneLine(string message)
    {
        return message.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
    }
}
