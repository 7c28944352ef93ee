using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace EdgeGateway.Portability.Tests.Bites;

/// <summary>
/// Proof that both checks bite (issue 9): with one known-bad file planted in a copy of the portable sources, the real nano
/// compile (dotnet build of the NanoBuild against mscorlib 1.17.11 + facades) and/or the gate fail, naming the file, the
/// line and the construct; the untouched copy passes both.
/// </summary>
public sealed class NanoBuildBitesTests : IClassFixture<BitesFixture>
{
    private static readonly Regex CompileError = new(
        @"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): error (?<code>CS\d+): (?<message>.*?)(?: \[[^\]]*\])?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex GateError = new(
        @"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): error (?<rule>GATE\d{3}): (?<rest>.*)$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly BitesFixture _fixture;
    private readonly ITestOutputHelper _output;

    public NanoBuildBitesTests(BitesFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var bite in BiteCase.All)
        {
            data.Add(bite.Name);
        }

        return data;
    }

    [Fact]
    public void Untouched_copy_passes_the_nano_build_and_the_gate()
    {
        _output.WriteLine($"bites fixture: 1 clean + {BiteCase.All.Count} planted builds and gate runs in {_fixture.Elapsed.TotalSeconds:F1} s "
            + $"(clean build {_fixture.CleanBuild.Elapsed.TotalSeconds:F1} s; planted builds "
            + string.Join(", ", _fixture.Results.Select(r => $"{r.Key} {r.Value.Build.Elapsed.TotalSeconds:F1} s")) + ")");
        Assert.True(_fixture.CleanBuild.ExitCode == 0,
            $"the untouched copy in {_fixture.Root} does not nano-build:{Environment.NewLine}{_fixture.CleanBuild.Output}");
        Assert.DoesNotMatch(CompileError, _fixture.CleanBuild.Output);
        Assert.True(_fixture.CleanGate.ExitCode == 0,
            $"the gate rejects the untouched copy (exit {_fixture.CleanGate.ExitCode}):{Environment.NewLine}{_fixture.CleanGate.Output}");
        Assert.Contains("portable gate: 0 findings", _fixture.CleanGate.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Planted_bad_file_fails_naming_file_line_and_construct(string caseName)
    {
        var bite = BiteCase.All.Single(b => b.Name == caseName);
        Assert.True(_fixture.CleanBuild.ExitCode == 0,
            "the untouched copy must build before a planted file can prove anything:" + Environment.NewLine + _fixture.CleanBuild.Output);
        var (build, gate) = _fixture.Results[bite.Name];

        var compileErrors = CompileError.Matches(build.Output).ToList();
        if (bite.CompileConstruct is null)
        {
            // Compiles against mscorlib 1.17.11 (it declares the type) but cannot run: only the gate stands in the way.
            Assert.True(build.ExitCode == 0, $"{bite.Describe()} was expected to COMPILE against the reference:{Environment.NewLine}{build.Output}");
        }
        else
        {
            Assert.True(build.ExitCode != 0, $"{bite.Describe()}: the nano build passed; it must reject it:{Environment.NewLine}{build.Output}");
            Assert.NotEmpty(compileErrors);
            // Every error is attributed to the planted file (the rest of the copy is clean) …
            Assert.All(compileErrors, e => Assert.EndsWith(bite.RelativePath, e.Groups["file"].Value.Replace('\\', '/'), StringComparison.Ordinal));
            // … and one names the line and the construct.
            Assert.True(
                compileErrors.Any(e => e.Groups["line"].Value == bite.BadLine.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                       && e.Groups["message"].Value.Contains(bite.CompileConstruct, StringComparison.Ordinal)),
                $"{bite.Describe()}: no compile error at line {bite.BadLine} naming {bite.CompileConstruct}:{Environment.NewLine}{build.Output}");
        }

        if (bite.GateRule is not null)
        {
            Assert.True(gate.ExitCode == 1, $"{bite.Describe()}: the gate exited {gate.ExitCode}, expected 1:{Environment.NewLine}{gate.Output}");
            var gateErrors = GateError.Matches(gate.Output).ToList();
            Assert.True(
                gateErrors.Any(e => e.Groups["file"].Value == bite.RelativePath
                                    && e.Groups["line"].Value == bite.BadLine.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                    && e.Groups["rule"].Value == bite.GateRule
                                    && e.Groups["rest"].Value.StartsWith(bite.GateConstruct + ":", StringComparison.Ordinal)),
                $"{bite.Describe()}: the gate did not report {bite.GateRule} '{bite.GateConstruct}' at {bite.RelativePath}({bite.BadLine}):{Environment.NewLine}{gate.Output}");
            Assert.All(gateErrors, e => Assert.Equal(bite.RelativePath, e.Groups["file"].Value));
        }
        else
        {
            // Members the reference lacks do not bind, so the gate cannot judge them: the compile above is the check.
            Assert.True(bite.CompileConstruct is not null, "a case must be caught by the compile, the gate, or both");
        }
    }
}
