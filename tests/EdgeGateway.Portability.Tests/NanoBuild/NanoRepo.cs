using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace EdgeGateway.Portability.Tests.NanoBuild;

/// <summary>Repository paths and the parsed project files the NanoBuild tests compare.</summary>
internal static class NanoRepo
{
    public static string Root { get; } = FindRoot();

    public static string NanoAppDir => Path.Combine(Root, "firmware", "EdgeGateway.Firmware.Nano");
    public static string NfprojPath => Path.Combine(NanoAppDir, "EdgeGateway.Firmware.Nano.nfproj");
    public static string PackagesConfigPath => Path.Combine(NanoAppDir, "packages.config");
    public static string NanoBuildProject => Path.Combine(Root, "firmware", "EdgeGateway.Firmware.NanoBuild", "EdgeGateway.Firmware.NanoBuild.csproj");
    public static string FacadesDir => Path.Combine(Root, "firmware", "nano-facades");

    /// <summary>The configuration this test assembly was built in; the NanoBuild and facades are built with it.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string NanoBuildOutput() => NanoBuildOutput(Configuration);

    public static string NanoBuildOutput(string configuration)
    {
        // The test project builds the NanoBuild first (ProjectReference, ReferenceOutputAssembly=false).
        string dir = Path.Combine(Root, "firmware", "EdgeGateway.Firmware.NanoBuild", "bin", configuration, "netstandard2.0");
        string dll = Path.Combine(dir, "EdgeGateway.Firmware.Nano.dll");
        return dll;
    }

    /// <summary>packages.config: id -> version.</summary>
    public static Dictionary<string, string> PackagesConfig()
    {
        var doc = XDocument.Load(PackagesConfigPath);
        return doc.Root!.Elements("package").ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!, StringComparer.Ordinal);
    }

    public static IReadOnlyList<Facade> Facades()
    {
        var list = new List<Facade>();
        foreach (string csproj in Directory.GetFiles(FacadesDir, "*.csproj", SearchOption.AllDirectories).Where(p => !IsBuildOutput(p)))
        {
            var doc = XDocument.Load(csproj);
            string Prop(string name) => doc.Descendants(name).Select(e => e.Value).FirstOrDefault()
                ?? throw new InvalidOperationException($"{Relative(csproj)} has no <{name}>: every facade sets AssemblyName, UpstreamRepo, UpstreamPackage, UpstreamVersion");
            string dir = Path.GetDirectoryName(csproj)!;
            list.Add(new Facade(Relative(csproj), Prop("AssemblyName"), Prop("UpstreamRepo"), Prop("UpstreamPackage"), Prop("UpstreamVersion"),
                Path.Combine(dir, "bin", Configuration, "netstandard2.0", Prop("AssemblyName") + ".dll"),
                Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories).Where(p => !IsBuildOutput(p)).ToArray()));
        }

        return list;
    }

    public static XNamespace Msbuild => "http://schemas.microsoft.com/developer/msbuild/2003";

    public static string Relative(string path) => Path.GetRelativePath(Root, Path.GetFullPath(path)).Replace('\\', '/');

    public static bool IsBuildOutput(string path)
    {
        string rel = path.Replace('\\', '/');
        return rel.Contains("/bin/", StringComparison.Ordinal) || rel.Contains("/obj/", StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir != null)
        {
            if (File.Exists(Path.Combine(dir, "EdgeGateway.sln")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new InvalidOperationException("EdgeGateway.sln not found above " + AppContext.BaseDirectory + ": run the tests from the repository's build output.");
    }
}

internal sealed record Facade(string Project, string AssemblyName, string UpstreamRepo, string UpstreamPackage, string UpstreamVersion, string OutputDll, string[] Sources);
