using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EdgeGateway.Portability.Tests.Gate;
using EdgeGateway.PortableGate.Gate;

namespace EdgeGateway.Portability.Tests.Bites;

/// <summary>
/// Copies the nano build's inputs to a temporary folder that mirrors the repository layout, builds the untouched copy
/// (restore + facades), then plants one bad file at a time in shared/EdgeGateway.Shared/, rebuilding only the nano build
/// (--no-restore, facades already built) and running the gate on the copy after each (its console entry on the
/// untouched copy and on the case only the gate catches, in-process otherwise). All builds happen
/// once here; the tests assert on the recorded outputs. One copy, sequential: the first build dominates (~30 s), each
/// planted file then costs a few seconds.
/// </summary>
public sealed class BitesFixture : IDisposable
{
    public const string NanoBuildProject = "firmware/EdgeGateway.Firmware.NanoBuild/EdgeGateway.Firmware.NanoBuild.csproj";

    private static readonly string[] CopiedDirectories =
    {
        "shared/EdgeGateway.Shared",
        "firmware/EdgeGateway.Firmware.Core",
        "firmware/EdgeGateway.Firmware.Nano",
        "firmware/EdgeGateway.Firmware.NanoBuild",
        "firmware/nano-facades",
    };

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan GateTimeout = TimeSpan.FromMinutes(2);

    public BitesFixture()
    {
        var stopwatch = Stopwatch.StartNew();
        Root = Path.Combine(Path.GetTempPath(), "egw-bites-" + Guid.NewGuid().ToString("N"));
        CopyRepository(GateRepo.Root, Root);

        CleanBuild = Build(restore: true);
        CleanGate = Gate(throughConsole: true);
        if (CleanBuild.ExitCode == 0)
        {
            foreach (var bite in BiteCase.All)
            {
                var path = Path.Combine(Root, bite.RelativePath);
                File.WriteAllText(path, bite.Source);
                try
                {
                    // The console entry (the gate's contract) for the case only the gate can catch; in-process for the
                    // rest, which saves a Roslyn start-up per case and formats the findings identically.
                    Results[bite.Name] = (Build(restore: false), Gate(throughConsole: bite.CompileConstruct is null));
                }
                finally
                {
                    File.Delete(path);
                }
            }
        }

        Elapsed = stopwatch.Elapsed;
    }

    public string Root { get; }

    public ProcessRunner.Result CleanBuild { get; }

    public ProcessRunner.Result CleanGate { get; }

    public Dictionary<string, (ProcessRunner.Result Build, ProcessRunner.Result Gate)> Results { get; } = new(StringComparer.Ordinal);

    public TimeSpan Elapsed { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A late file handle from a finished build; the temp folder is harmless.
        }
    }

    private ProcessRunner.Result Build(bool restore)
    {
        var arguments = new List<string>
        {
            "build", Path.Combine(Root, NanoBuildProject), "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        };
        if (!restore)
        {
            // The facades did not change since the clean build; rebuild only the nano build itself.
            arguments.AddRange(new[] { "--no-restore", "-p:BuildProjectReferences=false" });
        }

        return ProcessRunner.Run("dotnet", arguments.ToArray(), Root, BuildTimeout);
    }

    private ProcessRunner.Result Gate(bool throughConsole)
    {
        if (throughConsole)
        {
            // The gate's console entry: dotnet EdgeGateway.PortableGate.dll <repoRoot>.
            var gateAssembly = typeof(PortableGateRunner).Assembly.Location;
            return ProcessRunner.Run("dotnet", new[] { gateAssembly, Root }, Root, GateTimeout);
        }

        var stopwatch = Stopwatch.StartNew();
        var findings = PortableGateRunner.Run(Root);
        var lines = findings.Select(f => f.Format()).Append(findings.Count == 0
            ? "portable gate: 0 findings"
            : $"portable gate: {findings.Count} finding(s)");
        return new ProcessRunner.Result(findings.Count == 0 ? 0 : 1, string.Join(Environment.NewLine, lines) + Environment.NewLine,
            stopwatch.Elapsed);
    }

    private static void CopyRepository(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var pattern in new[] { "*.props", "*.targets", "global.json", "NuGet.config", "nuget.config" })
        {
            CopyTopLevel(source, target, ".", pattern);
            CopyTopLevel(source, target, "shared", pattern);
            CopyTopLevel(source, target, "firmware", pattern);
        }

        foreach (var directory in CopiedDirectories)
        {
            var from = Path.Combine(source, directory);
            if (Directory.Exists(from))
            {
                CopyTree(from, Path.Combine(target, directory));
            }
        }
    }

    private static void CopyTopLevel(string source, string target, string folder, string pattern)
    {
        var from = Path.Combine(source, folder);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, pattern, SearchOption.TopDirectoryOnly))
        {
            var destination = Path.Combine(target, folder, Path.GetFileName(file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyTree(directory, Path.Combine(to, name));
        }
    }
}
