using System;
using System.IO;
using System.Linq;
using EdgeGateway.PortableGate.Gate;

namespace EdgeGateway.Portability.Tests.Gate;

/// <summary>
/// The gate's .nfproj contract (issue 2), on synthetic device projects so each failure mode is shown to bite; the real
/// .nfproj is checked by <see cref="RealSourcesGateTests"/> (the gate run includes this check).
/// </summary>
public sealed class NfprojCheckTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "egw-nfproj-" + Guid.NewGuid().ToString("N"));

    private const string GoodPackages = """
        <?xml version="1.0" encoding="utf-8"?>
        <packages>
          <package id="nanoFramework.CoreLibrary" version="1.17.11" targetFramework="netnano1.0" />
          <package id="nanoFramework.System.Text" version="1.3.42" targetFramework="netnano1.0" />
        </packages>
        """;

    public NfprojCheckTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "firmware", "EdgeGateway.Firmware.Nano"));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Consistent_project_passes()
    {
        Write(Project(includeCoreImport: true, textHintVersion: "1.3.42"), GoodPackages);
        Assert.Empty(NfprojCheck.Check(_root));
    }

    [Fact]
    public void HintPath_with_a_different_version_than_packages_config_is_reported_with_its_line()
    {
        Write(Project(includeCoreImport: true, textHintVersion: "1.2.0"), GoodPackages);
        var finding = Assert.Single(NfprojCheck.Check(_root));
        Assert.Equal(GateRules.HintPathMismatch, finding.RuleId);
        Assert.Equal(NfprojCheck.NfprojPath, finding.Path);
        Assert.Equal(LineOf(Project(true, "1.2.0"), "nanoFramework.System.Text.1.2.0"), finding.Line);
        Assert.Contains("1.2.0", finding.Message, StringComparison.Ordinal);
        Assert.Contains("1.3.42", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HintPath_to_a_package_missing_from_packages_config_is_reported()
    {
        var project = Project(includeCoreImport: true, textHintVersion: "1.3.42")
            .Replace("nanoFramework.System.Text.1.3.42", "nanoFramework.System.Net.1.11.1", StringComparison.Ordinal);
        Write(project, GoodPackages);
        var finding = Assert.Single(NfprojCheck.Check(_root));
        Assert.Equal(GateRules.HintPathMismatch, finding.RuleId);
        Assert.Contains("nanoFramework.System.Net.1.11.1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_projitems_import_is_reported()
    {
        Write(Project(includeCoreImport: false, textHintVersion: "1.3.42"), GoodPackages);
        var finding = Assert.Single(NfprojCheck.Check(_root));
        Assert.Equal(GateRules.NfprojImport, finding.RuleId);
        Assert.Contains("EdgeGateway.Firmware.Core.projitems", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_nfproj_is_reported()
    {
        var findings = NfprojCheck.Check(_root);
        Assert.Contains(findings, f => f.RuleId == GateRules.NfprojMissing && f.Path == NfprojCheck.NfprojPath);
    }

    private void Write(string project, string packages)
    {
        File.WriteAllText(Path.Combine(_root, NfprojCheck.NfprojPath), project);
        File.WriteAllText(Path.Combine(_root, NfprojCheck.PackagesConfigPath), packages);
    }

    private static int LineOf(string text, string needle)
    {
        var lines = text.Split('\n');
        return Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal)) + 1;
    }

    private static string Project(bool includeCoreImport, string textHintVersion)
    {
        var coreImport = includeCoreImport
            ? """  <Import Project="..\EdgeGateway.Firmware.Core\EdgeGateway.Firmware.Core.projitems" Label="Shared" />"""
            : string.Empty;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup>
                <Reference Include="mscorlib">
                  <HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath>
                </Reference>
                <Reference Include="System.Text">
                  <HintPath>..\packages\nanoFramework.System.Text.{textHintVersion}\lib\nanoFramework.System.Text.dll</HintPath>
                </Reference>
              </ItemGroup>
              <Import Project="..\..\shared\EdgeGateway.Shared\EdgeGateway.Shared.projitems" Label="Shared" />
            {coreImport}
            </Project>
            """;
    }
}
