using System;
using System.IO;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Firmware.Linux.Configuration;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// `egw config validate|resolve FILE`: checks a gateway.json the way the gateway will (every error, one per line, with
/// line and column) and writes the all-inline configuration an ESP32 needs (it has no hardware/devices folder).
/// Exit codes: 0 valid / written, 2 invalid configuration or bad options, 1 internal error.
/// </summary>
public static class ConfigCommands
{
    private const string Usage =
        "usage: egw config validate FILE [--profiles-dir DIR]      (alias: egw gateway validate --config FILE)\n" +
        "           OK and the hash on stdout (exit 0), or on stderr every error one per line\n" +
        "           (error: path (line L, column C) = value: what is allowed) and their count (exit 2)\n" +
        "       egw config resolve FILE [--profiles-dir DIR] [--out FILE]\n" +
        "           the configuration with every profileRef replaced by its inline profile (what an ESP32 runs), to --out or stdout;\n" +
        "           its hash equals FILE's hash\n" +
        "       DIR = the hardware/devices folder; default: the nearest hardware/devices above the current directory or egw,\n" +
        "             else the profiles shipped next to egw";

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length > 0 && (args[0] == "help" || Array.IndexOf(args, "--help") >= 0 || Array.IndexOf(args, "-h") >= 0))
        {
            console.Out.WriteLine(Usage);
            return Program.ExitOk;
        }

        if (args.Length == 0)
        {
            throw new InputException("egw config", "missing", "name what to do: validate FILE or resolve FILE; see 'egw config --help'");
        }

        string verb = args[0];
        return verb switch
        {
            "validate" => Validate(new CommandLine(args, 1, "config validate", "profiles-dir"), console),
            "resolve" => Resolve(new CommandLine(args, 1, "config resolve", "profiles-dir", "out"), console),
            _ => throw new InputException("egw config", verb, "must be validate or resolve; see 'egw config --help'"),
        };
    }

    private static int Validate(CommandLine cl, Console2 console)
    {
        string file = SingleFile(cl, "config validate");
        string? profilesDir = cl.OptionalString("profiles-dir");
        cl.RejectUnused();
        return ValidateFile("FILE", file, profilesDir, console);
    }

    /// <summary>
    /// The one configuration check of egw (`egw config validate FILE` and its alias `egw gateway validate --config
    /// FILE`): stdout "OK hash xxxxxxxx" and what the file holds (exit 0), or on stderr every error, one per line
    /// ("error: path (line L, column C) = value: what to do"), and a count (exit 2). Warnings go to stderr.
    /// <paramref name="fileField"/> is how the user named the file (FILE or --config), for a file that cannot be read.
    /// </summary>
    internal static int ValidateFile(string fileField, string file, string? profilesDirOption, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(console);
        string? devicesRoot = DevicesRoot(profilesDirOption);
        ConfigValidationResult r = Load(fileField, file, devicesRoot);
        if (!PrintErrors(file, r, console))
        {
            return Program.ExitBadInput;
        }

        console.Out.WriteLine("OK hash " + r.HashHex);
        GatewayConfig? c = r.Config;
        if (c != null)
        {
            console.Out.WriteLine(file + ": " + c.Buses.Length + " buses, " + c.Devices.Length + " devices, "
                + c.PulseInputs.Length + " pulse inputs, " + c.Equipment.Length + " equipment");
        }

        PrintWarnings(r, console.Error);
        return Program.ExitOk;
    }

    private static int Resolve(CommandLine cl, Console2 console)
    {
        string file = SingleFile(cl, "config resolve");
        string? devicesRoot = DevicesRoot(cl.OptionalString("profiles-dir"));
        string? outPath = cl.OptionalString("out");
        cl.RejectUnused();
        if (outPath != null && Directory.Exists(outPath))
        {
            throw new InputException("--out", outPath, "is a directory; give a file path such as esp32-gateway.json");
        }

        ConfigValidationResult r = Load("FILE", file, devicesRoot);
        if (!PrintErrors(file, r, console))
        {
            return Program.ExitBadInput;
        }

        byte[] resolved;
        if (devicesRoot != null)
        {
            resolved = GatewayConfigFile.Resolve(file, devicesRoot);
        }
        else
        {
            // No devices folder, yet valid: there was no profileRef, so the document is already all-inline; write it the same way.
            var w = new JsonWriter(16 * 1024, true);
            w.Node(r.Document);
            resolved = w.ToArray();
        }

        // The promise of this command is that the device runs what was checked here: prove it before writing anything.
        ConfigValidationResult check = ConfigLoader.Load(resolved, null, null);
        if (!check.IsValid || check.Hash != r.Hash)
        {
            throw new InvalidOperationException("the resolved configuration does not reproduce the source (hash " + r.HashHex + " → " +
                (check.IsValid ? check.HashHex : "invalid: " + Program.OneLine(check.Summary())) + "); please report this with the file");
        }

        if (outPath == null)
        {
            console.Out.Write(System.Text.Encoding.UTF8.GetString(resolved));
            console.Out.WriteLine();
            console.Error.WriteLine("resolved " + file + ": hash " + check.HashHex + " (same as the source)");
        }
        else
        {
            try
            {
                File.WriteAllBytes(outPath, resolved);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException("--out", outPath, "cannot be written (" + Program.OneLine(e.Message) + "); give a writable file path");
            }

            console.Out.WriteLine("wrote " + outPath + ": hash " + check.HashHex + " (same as " + file + ")");
        }

        // Warnings on stderr (as validate prints them), so `egw config resolve f > esp32.json` stays valid JSON.
        PrintWarnings(r, console.Error);
        return Program.ExitOk;
    }

    private static string SingleFile(CommandLine cl, string command)
    {
        if (cl.Positionals.Count != 1)
        {
            throw new InputException("FILE", cl.Positionals.Count == 0 ? "missing" : string.Join(" ", cl.Positionals),
                "'egw " + command + "' takes exactly one gateway.json");
        }

        return cl.Positionals[0];
    }

    private static ConfigValidationResult Load(string fileField, string file, string? devicesRoot)
    {
        byte[] bytes = InputFiles.ReadAllBytes(fileField, file, "a gateway.json");
        return ConfigLoader.Load(bytes, devicesRoot == null ? null : new DirectoryProfileResolver(devicesRoot), null);
    }

    /// <summary>
    /// The hardware/devices folder: the option when given (it must exist); else the nearest hardware/devices above the
    /// current directory, then above egw itself, then the profiles copied next to egw; null when there is none (then a
    /// profileRef is reported as an error naming the option).
    /// </summary>
    internal static string? DevicesRoot(string? option)
    {
        if (option != null)
        {
            if (!Directory.Exists(option))
            {
                throw new InputException("--profiles-dir", option, "no such folder; give the hardware/devices folder of an EdgeGateway checkout");
            }

            // A wrong folder would otherwise surface as one error per profileRef listing every folder in it.
            if (!Array.Exists(Directory.GetDirectories(option), d => File.Exists(Path.Combine(d, "profile.json"))))
            {
                throw new InputException("--profiles-dir", option, "holds no <device>/profile.json; give the hardware/devices folder of an EdgeGateway checkout");
            }

            return option;
        }

        string? nearCwd = WalkUp(Directory.GetCurrentDirectory());
        return nearCwd ?? GatewayConfigFile.FindDevicesRoot(null, AppContext.BaseDirectory);
    }

    private static string? WalkUp(string start)
    {
        for (string? dir = Path.GetFullPath(start); dir != null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, "hardware", "devices");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Prints every error of an invalid configuration on stderr, one line each in egw's error format, then the count.
    /// Returns true (and prints nothing) when the configuration is valid. Used by validate, resolve and gateway run.
    /// </summary>
    internal static bool PrintErrors(string file, ConfigValidationResult r, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(console);
        if (r.IsValid)
        {
            return true;
        }

        foreach (ConfigError e in r.Errors)
        {
            console.Error.WriteLine(Program.ErrorLine(e.ToString()));
        }

        PrintWarnings(r, console.Error);
        console.Error.WriteLine(file + ": " + r.ErrorCount + " error(s)" + (r.Parsed ? ", hash " + r.HashHex : string.Empty) + "; the gateway would refuse this configuration");
        return false;
    }

    private static void PrintWarnings(ConfigValidationResult r, TextWriter to)
    {
        foreach (string w in r.Warnings)
        {
            to.WriteLine("warning: " + Program.OneLine(w));
        }
    }
}
