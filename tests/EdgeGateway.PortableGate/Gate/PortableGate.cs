using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EdgeGateway.PortableGate.Gate;

/// <summary>A source file handed to the gate: its path relative to the repository root and its text.</summary>
public sealed record GateSource(string Path, string Text);

/// <summary>
/// The portable-code gate. The nano build (the real C# compiler bound to nanoFramework's mscorlib 1.17.11 and the
/// reference facades) decides what does not COMPILE; this gate binds the same sources against the same references and
/// reports what compiles there but cannot RUN on the stable runtime, plus the syntax-level constructs regardless of
/// binding, the deny list, and the .nfproj/packages.config contract.
/// </summary>
public static class PortableGateRunner
{
    /// <summary>What the .nfproj compiles: the two portable shared projects and the nanoFramework adapters.</summary>
    public static readonly string[] SourceRoots =
    {
        "shared/EdgeGateway.Shared",
        "firmware/EdgeGateway.Firmware.Core",
        "firmware/EdgeGateway.Firmware.Nano",
    };

    /// <summary>The symbols the nano build defines (the nanoFramework project system defines NANOFRAMEWORK_1_0).</summary>
    public static readonly string[] PreprocessorSymbols = { "NANOFRAMEWORK_1_0", "DEBUG", "TRACE" };

    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.CSharp9, DocumentationMode.Parse, SourceCodeKind.Regular, PreprocessorSymbols);

    private static readonly ConcurrentDictionary<(string Path, DateTime Stamp), MetadataReference> ReferenceCache = new();

    /// <summary>Runs the whole gate over a repository (or a copy that mirrors its layout).</summary>
    public static List<GateFinding> Run(string repoRoot, string? denyListPath = null)
    {
        repoRoot = Path.GetFullPath(repoRoot);
        var findings = new List<GateFinding>();

        var references = NanoReferences.Locate(repoRoot);
        foreach (var problem in references.Problems)
        {
            findings.Add(new GateFinding(GateRules.ReferencesMissing, "nano references", NanoReferences.NanoBuildProject, 1, 1, problem));
        }

        var denyList = LoadDenyList(denyListPath ?? DenyList.DefaultPath, findings);
        var sources = CollectSources(repoRoot);
        if (sources.Count == 0)
        {
            findings.Add(new GateFinding(GateRules.NoSources, "portable sources", SourceRoots[0], 1, 1,
                "no .cs files under " + string.Join(", ", SourceRoots) + ": is this the repository root?"));
        }
        else
        {
            findings.AddRange(AnalyzeSources(sources, references.All, denyList));
        }

        findings.AddRange(NfprojCheck.Check(repoRoot));
        return Sort(findings);
    }

    /// <summary>Binds <paramref name="sources"/> together (as one assembly, like the nano build) and applies the rules.</summary>
    public static List<GateFinding> AnalyzeSources(IReadOnlyList<GateSource> sources, IEnumerable<string> referencePaths, DenyList denyList)
    {
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "EdgeGateway.PortableGate.Check",
            trees,
            referencePaths.Select(LoadReference),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true, // unsafe code must bind so the gate can name it; the rule rejects it anyway
                nullableContextOptions: NullableContextOptions.Disable));
        var findings = new List<GateFinding>();
        foreach (var tree in trees)
        {
            SourceAnalyzer.Analyze(compilation.GetSemanticModel(tree), denyList, tree.FilePath, findings);
        }

        return Sort(findings);
    }

    /// <summary>Every .cs file below the source roots that exist, skipping bin/ and obj/.</summary>
    public static List<GateSource> CollectSources(string repoRoot)
    {
        var sources = new List<GateSource>();
        foreach (var root in SourceRoots)
        {
            var directory = Path.Combine(repoRoot, root);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(repoRoot, file).Replace('\\', '/');
                var segments = relative.Split('/');
                if (segments.Any(s => s is "bin" or "obj"))
                {
                    continue;
                }

                sources.Add(new GateSource(relative, File.ReadAllText(file)));
            }
        }

        return sources;
    }

    private static DenyList LoadDenyList(string path, List<GateFinding> findings)
    {
        try
        {
            return DenyList.Load(path);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            findings.Add(new GateFinding(GateRules.DenyListInvalid, DenyList.FileName, "tests/EdgeGateway.PortableGate/data/" + DenyList.FileName,
                1, 1, e.Message));
            return new DenyList(Array.Empty<DenyEntry>(), path);
        }
    }

    private static MetadataReference LoadReference(string path)
    {
        var key = (Path.GetFullPath(path), File.GetLastWriteTimeUtc(path));
        return ReferenceCache.GetOrAdd(key, k => MetadataReference.CreateFromFile(k.Path));
    }

    private static List<GateFinding> Sort(List<GateFinding> findings)
    {
        return findings
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
