using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using EdgeGateway.Cli;
using EdgeGateway.Cli.Infrastructure;

namespace EdgeGateway.Cli.Tests;

/// <summary>What one egw run printed and returned.</summary>
public sealed class EgwResult
{
    public EgwResult(int exitCode, string stdout, string stderr)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
    }

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    /// <summary>The JSON on stdout; fails the test with what was printed when it is not JSON.</summary>
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, "egw exited " + ExitCode + "; stderr: " + Stderr);
        try
        {
            using JsonDocument d = JsonDocument.Parse(Stdout);
            return d.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException("stdout is not JSON (" + e.Message + "): " + Stdout);
        }
    }

    /// <summary>Asserts the bad-input contract: exit 2, nothing on stdout, exactly one line on stderr; returns that line.</summary>
    public string BadInputLine()
    {
        Assert.True(ExitCode == 2, "expected exit code 2, got " + ExitCode + "; stdout: " + Stdout + "; stderr: " + Stderr);
        Assert.Equal(string.Empty, Stdout);
        string[] lines = Stderr.TrimEnd('\n', '\r').Split('\n');
        Assert.True(lines.Length == 1, "expected one line on stderr, got " + lines.Length + ": " + Stderr);
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Stderr, StringComparison.Ordinal);
        return lines[0];
    }
}

/// <summary>Runs egw in-process (fast; most tests) or as a real process (exit codes, no stack traces).</summary>
public static class Egw
{
    public static EgwResult Run(params string[] args) => RunWithStdin(string.Empty, args);

    public static EgwResult RunWithStdin(string stdin, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(stdin);
        int code = Program.Run(args, new Console2(stdout, stderr, input));
        return new EgwResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs the built egw.dll (copied next to the test assembly by the project reference) with the dotnet host that
    /// runs the tests. Environment variables can be set, e.g. to check EGW_DEBUG is off.
    /// </summary>
    public static EgwResult RunProcess(string? stdin, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "egw.dll");
        Assert.True(File.Exists(dll), "egw.dll not found next to the tests at " + dll + "; the test project must reference firmware/EdgeGateway.Cli");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("EGW_DEBUG");
        using Process p = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var errTask = p.StandardError.ReadToEndAsync();
        var outTask = p.StandardOutput.ReadToEndAsync();
        p.StandardInput.Write(stdin ?? string.Empty);
        p.StandardInput.Close();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("egw did not finish within 60 s: " + string.Join(' ', args));
        }

        return new EgwResult(p.ExitCode, outTask.GetAwaiter().GetResult().Replace("\r\n", "\n"), errTask.GetAwaiter().GetResult().Replace("\r\n", "\n"));
    }

    /// <summary>The dotnet host: the one running the tests if it is dotnet, else DOTNET_HOST_PATH, else "dotnet" on PATH.</summary>
    private static string DotnetHost()
    {
        string? self = Environment.ProcessPath;
        if (self != null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
    }

    /// <summary>A sample case file shipped with egw (copied to the output by the test project).</summary>
    public static string Sample(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "samples", name);
        Assert.True(File.Exists(path), "sample not found: " + path);
        return path;
    }

    /// <summary>Writes a case file into a fresh temporary directory and returns its path.</summary>
    public static string TempCase(string json)
    {
        string dir = Path.Combine(Path.GetTempPath(), "egw-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "case.json");
        File.WriteAllText(path, json);
        return path;
    }

    public static double Num(this JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out JsonElement v), "missing JSON field '" + name + "' in " + e);
        Assert.True(v.ValueKind == JsonValueKind.Number, "'" + name + "' is not a number in " + e);
        return v.GetDouble();
    }

    public static string Str(this JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out JsonElement v), "missing JSON field '" + name + "' in " + e);
        Assert.True(v.ValueKind == JsonValueKind.String, "'" + name + "' is not a string in " + e);
        return v.GetString()!;
    }

    public static bool Bool(this JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out JsonElement v), "missing JSON field '" + name + "' in " + e);
        Assert.True(v.ValueKind is JsonValueKind.True or JsonValueKind.False, "'" + name + "' is not a boolean in " + e);
        return v.GetBoolean();
    }
}
