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
        "usage: egw config validate FILE [--profiles-dir DIR]\n" +
        "           every error one per line (path (line L, column C) = value: what is allowed), or OK and the hash; exit 0 valid, 2 invalid\n" +
        "       egw config resolve FILE [--profiles-dir DIR] [--out FILE]\n" +
        "           the configuration with every profileRef replaced by its inline profile (what an ESP32 runs), to --out or stdout;\n" +
        "           its hash equals FILE's hash\n" +
        "       DIR = the hardware/devices folder; default: the nearest hardware/devices above the current directory or egw,\n" +
        "             else the profiles shipped next to egw";

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "help"))
        {
            console.Out.WriteLine(Usage);
            return Program.ExitOk;
        }

        if (args.Length == 0)
        {
            console.Error.WriteLine(Usage);
            return Program.ExitBadInput;
        }

        string verb = args[0];
        var cl = new CommandLine(args, 1);
        return verb switch
        {
            "validate" => Validate(cl, console),
            "resolve" => Resolve(cl, console),
            _ => throw new InputException("egw config", verb, "must be validate or resolve; see 'egw config --help'"),
        };
    }

    private static int Validate(CommandLine cl, Console2 console)
    {
        string file = SingleFile(cl, "config validate");
        string? devicesRoot = DevicesRoot(cl.OptionalString("profiles-dir"));
        cl.RejectUnknown("config validate");
        ConfigValidationResult r = Load(file, devicesRoot);
        if (!r.IsValid)
        {
            PrintErrors(file, r, console);
            return Program.ExitBadInput;
        }

        console.Out.WriteLine("OK hash " + r.HashHex);
        PrintWarnings(r, console.Out);
        return Program.ExitOk;
    }

    private static int Resolve(CommandLine cl, Console2 console)
    {
        string file = SingleFile(cl, "config resolve");
        string? devicesRoot = DevicesRoot(cl.OptionalString("profiles-dir"));
        string? outPath = cl.OptionalString("out");
        cl.RejectUnknown("config resolve");
        ConfigValidationResult r = Load(file, devicesRoot);
        if (!r.IsValid)
        {
            PrintErrors(file, r, console);
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

        // With the JSON on stdout, everything else goes to stderr so `egw config resolve f > esp32.json` stays valid JSON.
        PrintWarnings(r, outPath == null ? console.Error : console.Out);
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

    private static ConfigValidationResult Load(string file, string? devicesRoot)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("FILE", file, "cannot be read (" + Program.OneLine(e.Message) + "); give the path of a gateway.json");
        }

        return ConfigLoader.Load(bytes, devicesRoot == null ? null : new DirectoryProfileResolver(devicesRoot), null);
    }

    /// <summary>
    /// The hardware/devices folder: the option when given (it must exist); else the nearest hardware/devices above the
    /// current directory, then above egw itself, then the profiles copied next to egw; null when there is none (then a
    /// profileRef is reported as an error naming the option).
    /// </summary>
    private static string? DevicesRoot(string? option)
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

    private static void PrintErrors(string file, ConfigValidationResult r, Console2 console)
    {
        foreach (ConfigError e in r.Errors)
        {
            console.Out.WriteLine(Program.OneLine(e.ToString()));
        }

        PrintWarnings(r, console.Out);
        console.Error.WriteLine(file + ": " + r.ErrorCount + " error(s)" + (r.Parsed ? ", hash " + r.HashHex : string.Empty) + "; the gateway would refuse this configuration");
    }

    private static void PrintWarnings(ConfigValidationResult r, TextWriter to)
    {
        foreach (string w in r.Warnings)
        {
            to.WriteLine("warning: " + Program.OneLine(w));
        }
    }
}
