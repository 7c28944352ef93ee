using System;
using System.IO;
using System.Linq;
using System.Text;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;
using EdgeGateway.StandardsGen;

namespace EdgeGateway.Shared.Tests.Standards;

public sealed class StandardsGeneratedFilesTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgeGateway.sln")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, $"no EdgeGateway.sln above the test assembly directory {AppContext.BaseDirectory}");
        return dir!.FullName;
    }

    [Fact]
    public void Committed_generated_tables_are_byte_identical_to_a_fresh_generation()
    {
        string root = RepoRoot();
        string committedDir = RepositoryLayout.GeneratedDirectory(root);
        string tempDir = Path.Combine(Path.GetTempPath(), "egw-standardsgen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = StandardsGenerator.GenerateAll(RepositoryLayout.DataDirectory(root));
            StandardsGenerator.WriteAll(files, tempDir);
            string hint = $"the committed tables differ from shared/data/standards: run `{StandardsGenerator.RegenerateCommand}` from the repository root and commit the result";

            var fresh = Directory.GetFiles(tempDir, "*.g.cs").Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var committed = Directory.GetFiles(committedDir, "*.g.cs").Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.True(fresh.SequenceEqual(committed), $"{hint} (files generated: {string.Join(", ", fresh)}; committed: {string.Join(", ", committed)})");
            Assert.True(fresh.Length >= 10, "expected at least the 10 standards tables");
            foreach (string name in fresh)
            {
                byte[] a = File.ReadAllBytes(Path.Combine(tempDir, name));
                byte[] b = File.ReadAllBytes(Path.Combine(committedDir, name));
                Assert.True(a.AsSpan().SequenceEqual(b), $"{name}: {hint}");
            }
        }
        finally
        {
            if (Directory.Exists(tempDir))
            {
                Directory.Delete(tempDir, recursive: true);
            }
        }
    }

    [Fact]
    public void Every_table_provenance_is_complete_and_uses_a_known_confidence_mark()
    {
        TableProvenance[] all =
        [
            Gb24500Grate.Provenance, Gb24500Fluidized.Provenance, Gb24500Biomass.Provenance, Gb24500Chamber.Provenance,
            Gb24500Electric.Provenance, Plan2017ShanxiBoiler.Provenance, Gb18613MotorClasses.Provenance,
            Gb18613Interpolation.Provenance, Gb20052Oil.Provenance, Gb20052Dry.Provenance,
        ];
        foreach (var p in all)
        {
            foreach (string s in new[] { p.Id, p.Standard, p.Edition, p.Clause, p.Source, p.Confidence, p.Effective, p.Note })
            {
                Assert.False(string.IsNullOrWhiteSpace(s), $"{p.Standard}: a provenance field is empty");
            }

            Assert.Contains(p.Confidence, new[] { "V", "3P", "M" });
        }

        // Caveats from the reference survive into the data.
        Assert.Contains("2000 and 2500 kVA", Gb20052Oil.Provenance.Note, StringComparison.Ordinal);
        Assert.Contains("NEWLY PRODUCED", Plan2017ShanxiBoiler.Provenance.Note, StringComparison.Ordinal);
        Assert.Contains("bituminous I has no row", Gb24500Grate.Provenance.Note, StringComparison.Ordinal);
        Assert.Equal("2021-06-01", Gb24500Grate.Provenance.Effective);
        Assert.Equal("2025-02-01", Gb20052Oil.Provenance.Effective);
        Assert.Equal("plan-2020", Plan2017ShanxiBoiler.Provenance.Id);
    }

    private static string WriteTemp(string text, out string dir)
    {
        dir = Path.Combine(Path.GetTempPath(), "egw-standardsdata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "bad.tsv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private const string GoodHeader =
        "# class: Bad\n# id: x\n# standard: S\n# edition: 1\n# clause: c\n# source: s\n# confidence: 3P\n# effective: 2021-06-01\n# check: descending g1 g2 g3\n# unique: key\n";

    [Theory]
    [InlineData("key:string\tg1:double\tg2:double\tg3:double\na\t85\t82\n", 12, "cells")]
    [InlineData("key:string\tg1:double\tg2:double\tg3:double\na\t85\t8x2\t80\n", 12, "not a number")]
    [InlineData("key:string\tg1:double\tg2:double\tg3:double\na\t85\t82\t80\nb\t80\t82\t85\n", 13, "breaks")]
    [InlineData("key:string\tg1:double\tg2:double\tg3:double\na\t85\t82\t80\na\t86\t83\t81\n", 13, "duplicate")]
    [InlineData("key:string\tg1:double\tg2:double\tg3:double\na\t-\t82\t80\n", 12, "not a number")]
    [InlineData("key:string\tq:interval\tg1:double\tg2:double\tg3:double\na\t[5,\t85\t82\t80\n", 12, "interval")]
    public void A_bad_row_is_reported_with_file_and_line(string body, int line, string problem)
    {
        string path = WriteTemp(GoodHeader + body, out string dir);
        try
        {
            var ex = Assert.Throws<StandardsDataException>(() => StandardsGenerator.GenerateAll(dir));
            Assert.StartsWith($"bad.tsv:{line}: ", ex.Message, StringComparison.Ordinal);
            Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
            Assert.Equal(line, ex.Line);
        }
        finally
        {
            Directory.Delete(dir, true);
            _ = path;
        }
    }

    [Fact]
    public void A_missing_provenance_header_is_reported()
    {
        string text = GoodHeader.Replace("# confidence: 3P\n", string.Empty, StringComparison.Ordinal) + "key:string\tg1:double\tg2:double\tg3:double\na\t85\t82\t80\n";
        WriteTemp(text, out string dir);
        try
        {
            var ex = Assert.Throws<StandardsDataException>(() => StandardsGenerator.GenerateAll(dir));
            Assert.Contains("confidence", ex.Message, StringComparison.Ordinal);
            Assert.StartsWith("bad.tsv:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Generated_code_holds_arrays_and_no_runtime_parsing()
    {
        string root = RepoRoot();
        string text = File.ReadAllText(Path.Combine(RepositoryLayout.GeneratedDirectory(root), "Gb24500Grate.g.cs"));
        Assert.Contains("public static readonly double[] G3 = new double[]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("File.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("List<", text, StringComparison.Ordinal);
        Assert.Contains(StandardsGenerator.RegenerateCommand, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(79.94, 79.9)]
    [InlineData(79.95, 80.0)]
    [InlineData(89.302, 89.3)]
    [InlineData(0.05, 0.1)]
    public void RoundToTenth_rounds_half_up(double value, double expected)
    {
        Assert.Equal(expected, StandardsMath.RoundToTenth(value), 9);
    }
}
