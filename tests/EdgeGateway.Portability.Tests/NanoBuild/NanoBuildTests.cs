using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace EdgeGateway.Portability.Tests.NanoBuild;

/// <summary>
/// Keeps the three descriptions of the device application in step: the .nfproj (what technicians build), its
/// packages.config (which library versions), the reference facades (what the nano build compiles against) and the
/// nano build itself (what CI compiles).
/// </summary>
public sealed partial class NanoBuildTests
{
    private readonly ITestOutputHelper _output;

    public NanoBuildTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Every_facade_mirrors_the_package_version_pinned_in_packages_config()
    {
        var packages = NanoRepo.PackagesConfig();
        var facades = NanoRepo.Facades();
        Assert.NotEmpty(facades);
        var problems = new List<string>();
        foreach (var f in facades)
        {
            if (!packages.TryGetValue(f.UpstreamPackage, out string? pinned))
            {
                problems.Add($"{f.Project}: mirrors {f.UpstreamPackage} {f.UpstreamVersion}, which packages.config does not list");
            }
            else if (pinned != f.UpstreamVersion)
            {
                problems.Add($"{f.Project}: mirrors {f.UpstreamPackage} {f.UpstreamVersion} but packages.config pins {pinned}");
            }

            // Each source file's header names the same package and version (what a reader sees first).
            foreach (string source in f.Sources)
            {
                string head = string.Join('\n', File.ReadLines(source).Take(3));
                if (!head.Contains(f.UpstreamPackage + " " + f.UpstreamVersion, StringComparison.Ordinal)
                    || !head.Contains("github.com/" + f.UpstreamRepo, StringComparison.Ordinal))
                {
                    problems.Add($"{NanoRepo.Relative(source)}: header must name github.com/{f.UpstreamRepo} and '{f.UpstreamPackage} {f.UpstreamVersion}'");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Built_facades_carry_the_mirrored_package_and_version()
    {
        var problems = new List<string>();
        foreach (var f in NanoRepo.Facades())
        {
            if (!File.Exists(f.OutputDll))
            {
                problems.Add($"{NanoRepo.Relative(f.OutputDll)} missing: build firmware/EdgeGateway.Firmware.NanoBuild (it builds every facade)");
                continue;
            }

            using var stream = File.OpenRead(f.OutputDll);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            string name = md.GetString(md.GetAssemblyDefinition().Name);
            var attributes = AssemblyStringAttributes(md);
            attributes.TryGetValue("AssemblyProductAttribute", out string? product);
            attributes.TryGetValue("AssemblyInformationalVersionAttribute", out string? version);
            if (name != f.AssemblyName || product != f.UpstreamPackage || version != f.UpstreamVersion)
            {
                problems.Add($"{f.Project}: built as {name} / {product} / {version}, expected {f.AssemblyName} / {f.UpstreamPackage} / {f.UpstreamVersion}");
            }

            // A facade is built against nanoFramework's mscorlib only, plus other facades: never netstandard.
            foreach (var h in md.AssemblyReferences)
            {
                string reference = md.GetString(md.GetAssemblyReference(h).Name);
                if (reference is "netstandard" or "System.Runtime" or "System.Private.CoreLib")
                {
                    problems.Add($"{f.Project}: references {reference}; facades must reference only mscorlib and other facades");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_packages_config_entry_is_the_CoreLibrary_or_has_a_facade()
    {
        var packages = NanoRepo.PackagesConfig();
        var mirrored = NanoRepo.Facades().Select(f => f.UpstreamPackage).ToHashSet(StringComparer.Ordinal);
        var unaccounted = packages.Keys.Where(id => id != "nanoFramework.CoreLibrary" && !mirrored.Contains(id)).ToList();
        Assert.True(unaccounted.Count == 0, "packages.config lists packages without a facade: " + string.Join(", ", unaccounted));

        // The CoreLibrary the .nfproj pins is the one the nano build compiles against.
        var central = XDocument.Load(Path.Combine(NanoRepo.Root, "Directory.Packages.props"));
        string? nanoBuildCore = central.Descendants("PackageVersion")
            .Where(e => (string?)e.Attribute("Include") == "nanoFramework.CoreLibrary")
            .Select(e => (string?)e.Attribute("Version")).FirstOrDefault();
        Assert.True(packages.ContainsKey("nanoFramework.CoreLibrary"), "packages.config must pin nanoFramework.CoreLibrary");
        Assert.Equal(nanoBuildCore, packages["nanoFramework.CoreLibrary"]);
    }

    [Fact]
    public void Every_nfproj_reference_points_into_a_pinned_package()
    {
        var packages = NanoRepo.PackagesConfig();
        var facades = NanoRepo.Facades();
        var nfproj = XDocument.Load(NanoRepo.NfprojPath);
        var references = nfproj.Descendants(NanoRepo.Msbuild + "Reference").ToList();
        Assert.NotEmpty(references);
        var problems = new List<string>();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            string include = (string)reference.Attribute("Include")!;
            string hint = reference.Element(NanoRepo.Msbuild + "HintPath")?.Value ?? "";
            Match m = HintPathPattern().Match(hint.Replace('/', '\\'));
            if (!m.Success)
            {
                problems.Add($"Reference {include}: HintPath '{hint}' is not packages\\<id>.<version>\\lib\\<assembly>.dll");
                continue;
            }

            string idAndVersion = m.Groups["idver"].Value;
            string dll = m.Groups["dll"].Value;
            var match = packages.FirstOrDefault(p => idAndVersion == p.Key + "." + p.Value);
            if (match.Key == null)
            {
                problems.Add($"Reference {include}: HintPath package folder '{idAndVersion}' matches no packages.config id+version");
            }

            if (dll != include + ".dll")
            {
                problems.Add($"Reference {include}: HintPath names {dll}");
            }

            referenced.Add(include);
        }

        foreach (var f in facades.Where(f => !referenced.Contains(f.AssemblyName)))
        {
            problems.Add($"the nano build compiles against facade {f.AssemblyName} ({f.UpstreamPackage}) but the .nfproj has no Reference to it");
        }

        if (!referenced.Contains("mscorlib"))
        {
            problems.Add("the .nfproj has no Reference to mscorlib (nanoFramework.CoreLibrary)");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Nano_build_compiles_exactly_the_sources_of_the_nfproj()
    {
        var expected = NfprojSources();
        var actual = NanoBuildSources();
        var missing = expected.Except(actual).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).OrderBy(s => s, StringComparer.Ordinal).ToList();
        _output.WriteLine($".nfproj sources: {expected.Count}, nano build sources: {actual.Count}");
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "in the .nfproj but not compiled by the nano build: " + string.Join(", ", missing) + Environment.NewLine
            + "compiled by the nano build but not in the .nfproj (add a <Compile> item): " + string.Join(", ", extra));
        Assert.Contains("firmware/EdgeGateway.Firmware.Nano/Program.cs", expected);
    }

    /// <summary>The .nfproj's Compile items plus the wildcard of each imported shared project, as repository-relative paths.</summary>
    private static HashSet<string> NfprojSources()
    {
        var nfproj = XDocument.Load(NanoRepo.NfprojPath);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var compile in nfproj.Descendants(NanoRepo.Msbuild + "Compile"))
        {
            string include = ((string)compile.Attribute("Include")!).Replace('\\', Path.DirectorySeparatorChar);
            sources.Add(NanoRepo.Relative(Path.Combine(NanoRepo.NanoAppDir, include)));
        }

        foreach (var import in nfproj.Descendants(NanoRepo.Msbuild + "Import").Where(i => (string?)i.Attribute("Label") == "Shared"))
        {
            string projitems = Path.GetFullPath(Path.Combine(NanoRepo.NanoAppDir, ((string)import.Attribute("Project")!).Replace('\\', Path.DirectorySeparatorChar)));
            var doc = XDocument.Load(projitems);
            string dir = Path.GetDirectoryName(projitems)!;
            foreach (var compile in doc.Descendants(NanoRepo.Msbuild + "Compile"))
            {
                string include = (string)compile.Attribute("Include")!;
                // The shared projects use one wildcard: $(MSBuildThisFileDirectory)**\*.cs minus bin/obj.
                Assert.Equal("$(MSBuildThisFileDirectory)**\\*.cs", include);
                foreach (string file in Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories))
                {
                    string rel = Path.GetRelativePath(dir, file).Replace('\\', '/');
                    if (!rel.StartsWith("bin/", StringComparison.Ordinal) && !rel.StartsWith("obj/", StringComparison.Ordinal))
                    {
                        sources.Add(NanoRepo.Relative(file));
                    }
                }
            }
        }

        return sources;
    }

    /// <summary>Asks MSBuild itself which Compile items the nano build has (wildcards, imports and conditions resolved).</summary>
    private static HashSet<string> NanoBuildSources()
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = NanoRepo.Root,
        };
        foreach (string arg in new[] { "msbuild", NanoRepo.NanoBuildProject, "-getItem:Compile", "-nologo" })
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        string stdout = stdoutTask.GetAwaiter().GetResult();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild -getItem:Compile failed ({process.ExitCode}): {stderr}{stdout}");
        using var json = JsonDocument.Parse(stdout.Substring(stdout.IndexOf('{', StringComparison.Ordinal)));
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in json.RootElement.GetProperty("Items").GetProperty("Compile").EnumerateArray())
        {
            string full = item.GetProperty("FullPath").GetString()!;
            if (!NanoRepo.IsBuildOutput(full))
            {
                sources.Add(NanoRepo.Relative(full));
            }
        }

        return sources;
    }

    private static Dictionary<string, string> AssemblyStringAttributes(MetadataReader md)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var h in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(h);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var ctor = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (ctor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            string typeName = md.GetString(md.GetTypeReference((TypeReferenceHandle)ctor.Parent).Name);
            var blob = md.GetBlobReader(attribute.Value);
            if (blob.Length < 4 || blob.ReadUInt16() != 1)
            {
                continue;
            }

            try
            {
                string? value = blob.ReadSerializedString();
                if (value != null)
                {
                    result[typeName] = value;
                }
            }
            catch (BadImageFormatException)
            {
                // Not a single-string attribute.
            }
        }

        return result;
    }

    [GeneratedRegex(@"(^|\\)packages\\(?<idver>[^\\]+)\\lib\\(?<dll>[^\\]+\.dll)$")]
    private static partial Regex HintPathPattern();
}
