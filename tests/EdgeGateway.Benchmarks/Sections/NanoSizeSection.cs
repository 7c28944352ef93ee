using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using EdgeGateway.Benchmarks.Infrastructure;
using EdgeGateway.Portability.Tests.NanoBuild;

namespace EdgeGateway.Benchmarks.Sections;

/// <summary>
/// 6. Size of the device application as the nano build compiles it against nanoFramework's mscorlib: IL method-body
/// bytes plus static data per assembly (NanoSize, the same measurement NanoSizeTests holds to the budget) against the
/// budget in firmware/EdgeGateway.Firmware.Nano/size-budget.txt, on the Release output (what a device is flashed with).
/// </summary>
internal sealed class NanoSizeSection : ISection
{
    public string Name => "nano-size";

    public string Title => "6. Nano build size: IL bytes of the device application vs its budget";

    public void Run(BenchSettings settings, Report report)
    {
        string outDir = NewestOutput(settings.RepoRoot);
        var sizes = new List<NanoAssemblySize>();
        foreach (string name in NanoSize.ApplicationAssemblies)
        {
            sizes.Add(NanoSize.MeasureAssembly(Path.Combine(outDir, name)));
        }

        var sizeReport = new NanoSizeReport(sizes, NanoSize.ReadBudgetBytes(settings.RepoRoot));
        var rows = new List<string[]>();
        foreach (NanoAssemblySize a in sizes)
        {
            rows.Add(new[] { a.Assembly, N(a.IlBodyBytes), N(a.StaticDataBytes), N(a.BudgetedBytes), N(a.MethodCount), N(a.FileBytes) });
        }

        rows.Add(new[] { "application total", string.Empty, string.Empty, N(sizeReport.TotalBudgetedBytes), string.Empty, N(sizeReport.TotalFileBytes) });
        rows.Add(new[] { "budget (size-budget.txt)", string.Empty, string.Empty, N(sizeReport.BudgetBytes), string.Empty, string.Empty });
        Report.Note("measured: " + Path.GetRelativePath(settings.RepoRoot, outDir));
        Report.Table(new[] { "assembly", "IL bytes", "static data", "budgeted B", "methods", "file B" }, rows);
        report.Ratio("nano_size_of_budget", (double)sizeReport.TotalBudgetedBytes / sizeReport.BudgetBytes,
            $"application IL + static data ÷ budget of {sizeReport.BudgetBytes / 1024} KiB; lower is better, ≤ 1.00 is within budget");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The Release output (what is flashed: optimised IL is ~15 % smaller than Debug's), built with this project; the
    /// Debug output only when no Release build exists, with a note, since it overstates the size.
    /// </summary>
    private static string NewestOutput(string repoRoot)
    {
        foreach (string configuration in new[] { "Release", "Debug" })
        {
            string dir = Path.Combine(repoRoot, "firmware", "EdgeGateway.Firmware.NanoBuild", "bin", configuration, "netstandard2.0");
            if (File.Exists(Path.Combine(dir, NanoSize.ApplicationAssemblies[0])))
            {
                if (configuration == "Debug")
                {
                    Report.Note("no Release nano build found: measuring Debug IL, which is larger than what a device gets");
                }

                return dir;
            }
        }

        throw new FileNotFoundException("the nano build's EdgeGateway.Firmware.Nano.dll is missing under firmware/EdgeGateway.Firmware.NanoBuild/bin: build it with `dotnet build firmware/EdgeGateway.Firmware.NanoBuild -c Release` (building this project in Release builds it too)");
    }
}
