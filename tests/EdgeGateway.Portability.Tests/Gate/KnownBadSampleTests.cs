using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EdgeGateway.PortableGate.Gate;

namespace EdgeGateway.Portability.Tests.Gate;

/// <summary>
/// The gate proves itself (issue 2): every known-bad sample is rejected with a finding that names the construct, the file
/// and the line its header promises. Samples are .cs.txt so no project compiles them.
/// </summary>
public sealed class KnownBadSampleTests
{
    private static readonly Regex ExpectLine = new(@"^// expect: (?<rule>GATE\d{3}) line (?<line>\d+) construct ""(?<construct>.+)""\s*$",
        RegexOptions.CultureInvariant);

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(GateRepo.KnownBadDirectory, "*.cs.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Gate_rejects_sample_naming_construct_file_and_line(string sampleFile)
    {
        var references = GateRepo.RequireReferences();
        var relativePath = GateRepo.KnownBadFolder + "/" + sampleFile;
        var text = File.ReadAllText(Path.Combine(GateRepo.KnownBadDirectory, sampleFile));
        var expectations = ParseExpectations(text);
        Assert.True(expectations.Count > 0, sampleFile + " has no '// expect: GATE0xx line N construct \"…\"' header line");

        var findings = PortableGateRunner.AnalyzeSources(
            new[] { new GateSource(relativePath, text) }, references.All, DenyList.Load(DenyList.DefaultPath));

        var all = string.Join(Environment.NewLine, findings.Select(f => f.Format()));
        foreach (var (rule, line, construct) in expectations)
        {
            var match = findings.FirstOrDefault(f => f.RuleId == rule && f.Line == line
                && f.Construct.Contains(construct, StringComparison.Ordinal));
            Assert.True(match is not null,
                $"{sampleFile}: expected {rule} at line {line} naming '{construct}'; the gate reported:{Environment.NewLine}{all}");
            var formatted = match!.Format();
            Assert.StartsWith(relativePath + "(" + line + ",", formatted, StringComparison.Ordinal);
            Assert.Contains("error " + rule + ": ", formatted, StringComparison.Ordinal);
            Assert.Contains(construct, formatted, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_source_rule_has_a_known_bad_sample()
    {
        var covered = Directory.EnumerateFiles(GateRepo.KnownBadDirectory, "*.cs.txt")
            .SelectMany(f => ParseExpectations(File.ReadAllText(f)))
            .Select(e => e.Rule)
            .ToHashSet(StringComparer.Ordinal);
        var sourceRules = GateRules.All
            .Select(r => r.Id)
            .Where(id => string.CompareOrdinal(id, GateRules.Tasks) <= 0) // GATE001..GATE023 are source rules
            .ToList();
        var missing = sourceRules.Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "rules without a known-bad sample: " + string.Join(", ", missing));
    }

    [Fact]
    public void Clean_portable_code_in_the_same_style_passes()
    {
        // A control: ordinary portable code (non-generic delegate, ArrayList, lock, switch expression, interpolation,
        // double formatting, jagged array, string? annotations absent) must not trip any rule.
        const string text = """
            using System;
            using System.Collections;

            namespace Control
            {
                public delegate void ValueHandler(object sender, double value);

                public interface IMeter { double ReadKw(); }

                public struct Sample { public double ValueKw; public bool HasValue; }

                public sealed class Meter : IMeter
                {
                    private readonly object _sync = new object();
                    private readonly ArrayList _history = new ArrayList();
                    private readonly double[][] _blocks = new double[2][];

                    public event ValueHandler Changed;

                    public double ReadKw()
                    {
                        lock (_sync)
                        {
                            var last = _history.Count == 0 ? 0.0 : (double)_history[_history.Count - 1];
                            Changed?.Invoke(this, last);
                            return last;
                        }
                    }

                    public string Describe(int code) => code switch
                    {
                        1 => $"ok {ReadKw().ToString("F2")} kW at {DateTime.UtcNow.Ticks}",
                        _ => "unknown " + Math.Abs(code),
                    };

                    public int Blocks() { foreach (var block in _blocks) { if (block == null) { return 0; } } return _blocks.Length; }
                }
            }
            """;
        var findings = PortableGateRunner.AnalyzeSources(
            new[] { new GateSource("control/Meter.cs", text) }, GateRepo.RequireReferences().All, DenyList.Load(DenyList.DefaultPath));
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Select(f => f.Format())));
    }

    internal static List<(string Rule, int Line, string Construct)> ParseExpectations(string text)
    {
        var result = new List<(string, int, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var match = ExpectLine.Match(raw.TrimEnd('\r'));
            if (match.Success)
            {
                result.Add((match.Groups["rule"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["construct"].Value));
            }
        }

        return result;
    }
}
