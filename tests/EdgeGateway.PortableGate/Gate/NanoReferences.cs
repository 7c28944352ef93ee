using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace EdgeGateway.PortableGate.Gate;

/// <summary>
/// The assemblies the nano build compiles against: nanoFramework's mscorlib 1.17.11 (the path NuGet restored for the nano
/// build, read from its project.assets.json) and the reference facades the nano build references (read from its
/// ProjectReference items, each facade's AssemblyName, and the dll its build produced).
/// </summary>
public sealed class NanoReferences
{
    public const string NanoBuildProject = "firmware/EdgeGateway.Firmware.NanoBuild/EdgeGateway.Firmware.NanoBuild.csproj";
    public const string CoreLibraryId = "nanoFramework.CoreLibrary";
    public const string CoreLibraryVersion = "1.17.11";
    public const string BuildHint = "run dotnet build firmware/EdgeGateway.Firmware.NanoBuild";

    public NanoReferences(string? mscorlibPath, IReadOnlyList<string> facadePaths, IReadOnlyList<string> problems)
    {
        MscorlibPath = mscorlibPath;
        FacadePaths = facadePaths;
        Problems = problems;
    }

    public string? MscorlibPath { get; }

    public IReadOnlyList<string> FacadePaths { get; }

    /// <summary>Why the set is incomplete (each becomes a GATE030 finding); empty when complete.</summary>
    public IReadOnlyList<string> Problems { get; }

    public IEnumerable<string> All => MscorlibPath is null ? FacadePaths : FacadePaths.Prepend(MscorlibPath);

    public static NanoReferences Locate(string repoRoot)
    {
        var problems = new List<string>();
        var projectPath = Path.Combine(repoRoot, NanoBuildProject);
        if (!File.Exists(projectPath))
        {
            problems.Add($"nano build project not found at {NanoBuildProject}: the gate binds against what it references");
            return new NanoReferences(FindMscorlib(repoRoot, problems), Array.Empty<string>(), problems);
        }

        var mscorlib = FindMscorlib(repoRoot, problems);
        var facades = FindFacades(repoRoot, projectPath, problems);
        return new NanoReferences(mscorlib, facades, problems);
    }

    private static string? FindMscorlib(string repoRoot, List<string> problems)
    {
        // Prefer the package folder the nano build's own restore used.
        var assets = Path.Combine(repoRoot, "firmware", "EdgeGateway.Firmware.NanoBuild", "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(assets));
                var root = document.RootElement;
                var libraryKey = CoreLibraryId + "/" + CoreLibraryVersion;
                if (root.TryGetProperty("libraries", out var libraries)
                    && TryGetPropertyIgnoreCase(libraries, libraryKey, out var library)
                    && library.TryGetProperty("path", out var relative)
                    && root.TryGetProperty("packageFolders", out var folders))
                {
                    foreach (var folder in folders.EnumerateObject())
                    {
                        var candidate = Path.Combine(folder.Name, relative.GetString() ?? string.Empty, "lib", "mscorlib.dll");
                        if (File.Exists(candidate))
                        {
                            return Path.GetFullPath(candidate);
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Fall through to the default NuGet folder; a broken assets file is the build's problem.
            }
        }

        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(nugetRoot))
        {
            nugetRoot = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var fallback = Path.Combine(nugetRoot, CoreLibraryId.ToLowerInvariant(), CoreLibraryVersion, "lib", "mscorlib.dll");
        if (File.Exists(fallback))
        {
            return fallback;
        }

        problems.Add($"{CoreLibraryId} {CoreLibraryVersion} mscorlib.dll not found (looked in the nano build's project.assets.json and {fallback}): {BuildHint}");
        return null;
    }

    private static bool TryGetPropertyIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static List<string> FindFacades(string repoRoot, string nanoBuildProject, List<string> problems)
    {
        var found = new List<string>();
        var projectDir = Path.GetDirectoryName(nanoBuildProject)!;
        var references = XDocument.Load(nanoBuildProject).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => Path.GetFullPath(Path.Combine(projectDir, p!.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
        if (references.Count == 0)
        {
            problems.Add($"facades not built: {NanoBuildProject} references no facade projects (firmware/nano-facades/*): {BuildHint}");
            return found;
        }

        foreach (var facadeProject in references)
        {
            var name = Path.GetFileNameWithoutExtension(facadeProject);
            if (!File.Exists(facadeProject))
            {
                problems.Add($"facades not built: {facadeProject} (referenced by the nano build) does not exist: {BuildHint}");
                continue;
            }

            var assemblyName = XDocument.Load(facadeProject).Descendants()
                .Where(e => e.Name.LocalName == "AssemblyName")
                .Select(e => e.Value.Trim())
                .FirstOrDefault(v => v.Length > 0) ?? name;
            var bin = Path.Combine(Path.GetDirectoryName(facadeProject)!, "bin");
            var dll = Directory.Exists(bin)
                ? Directory.EnumerateFiles(bin, assemblyName + ".dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault()
                : null;
            if (dll is null)
            {
                problems.Add($"facades not built: no {assemblyName}.dll under {Path.GetRelativePath(repoRoot, bin).Replace('\\', '/')}: {BuildHint}");
                continue;
            }

            found.Add(dll);
        }

        return found;
    }
}
