using System;
using System.IO;
using EdgeGateway.PortableGate.Gate;

namespace EdgeGateway.Portability.Tests.Gate;

/// <summary>Locations the gate tests need: the repository root (found by walking up to EdgeGateway.sln) and the gate's data.</summary>
internal static class GateRepo
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public const string KnownBadFolder = "tests/EdgeGateway.PortableGate/data/known-bad";

    public static string KnownBadDirectory => Path.Combine(Root, KnownBadFolder);

    /// <summary>The nano references as the gate finds them; fails the calling test when the nano build has not run.</summary>
    public static NanoReferences RequireReferences()
    {
        var references = NanoReferences.Locate(Root);
        Assert.True(references.Problems.Count == 0,
            "the gate needs the nano build's references (mscorlib 1.17.11 + facades); " + string.Join("; ", references.Problems));
        return references;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgeGateway.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("EdgeGateway.sln not found above " + AppContext.BaseDirectory + ": run the tests from the repository");
    }
}
