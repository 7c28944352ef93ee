using System;
using System.IO;
using System.Linq;
using EdgeGateway.PortableGate.Gate;

namespace EdgeGateway.Portability.Tests.Gate;

/// <summary>
/// The gate binds against what the nano build uses, and says so when that is not there: an unbuilt facade is a gate error
/// telling the developer which command to run, never a silently weaker check.
/// </summary>
public sealed class NanoReferencesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "egw-refs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Repository_references_are_mscorlib_1_17_11_and_the_facades_the_nano_build_references()
    {
        var references = GateRepo.RequireReferences();
        Assert.NotNull(references.MscorlibPath);
        Assert.EndsWith(Path.Combine("1.17.11", "lib", "mscorlib.dll"), references.MscorlibPath!, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(references.FacadePaths);
        Assert.All(references.FacadePaths, p => Assert.Contains(Path.Combine("firmware", "nano-facades"), p, StringComparison.Ordinal));
        Assert.DoesNotContain(references.FacadePaths, p => Path.GetFileName(p).Equals("mscorlib.dll", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Unbuilt_facade_is_a_gate_error_naming_the_build_command()
    {
        var nanoBuildDir = Path.Combine(_root, "firmware", "EdgeGateway.Firmware.NanoBuild");
        var facadeDir = Path.Combine(_root, "firmware", "nano-facades", "System.Math");
        Directory.CreateDirectory(nanoBuildDir);
        Directory.CreateDirectory(facadeDir);
        File.WriteAllText(Path.Combine(nanoBuildDir, "EdgeGateway.Firmware.NanoBuild.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><ProjectReference Include="..\nano-facades\System.Math\System.Math.csproj" Private="false" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(facadeDir, "System.Math.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>System.Math</AssemblyName></PropertyGroup></Project>
            """);
        Directory.CreateDirectory(Path.Combine(_root, "shared", "EdgeGateway.Shared"));
        File.WriteAllText(Path.Combine(_root, "shared", "EdgeGateway.Shared", "Ok.cs"), "namespace Ok { public static class A { } }\n");

        var findings = PortableGateRunner.Run(_root);

        var missing = findings.Where(f => f.RuleId == GateRules.ReferencesMissing).ToList();
        Assert.Contains(missing, f => f.Message.Contains("facades not built", StringComparison.Ordinal)
                                      && f.Message.Contains("System.Math.dll", StringComparison.Ordinal)
                                      && f.Message.Contains("dotnet build firmware/EdgeGateway.Firmware.NanoBuild", StringComparison.Ordinal));
    }
}
