using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using EdgeGateway.Benchmarks.Infrastructure;
using EdgeGateway.Benchmarks.Sections;

namespace EdgeGateway.Benchmarks;

/// <summary>
/// The benchmark harness. Every figure is measured against a real peer on this machine in this run and printed with
/// a ratio; nothing is asserted about speed (a slow machine is not a failure). Exit code: 0 when every selected section
/// ran, 1 when one could not run (a peer is missing — the message says what to install — or the harness failed), 2 for
/// bad arguments.
/// </summary>
internal static class Program
{
    private static readonly ISection[] AllSections =
    {
        new ModbusClientSection(),
        new ModbusServerSection(),
        new AllocationSection(),
        new StoreSection(),
        new WireSizeSection(),
        new NanoSizeSection(),
        new If97Section(),
    };

    private static int Main(string[] args)
    {
        bool quick = false;
        var only = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--list":
                    foreach (ISection s in AllSections)
                    {
                        Console.WriteLine($"{s.Name,-14} {s.Title}");
                    }

                    return 0;
                case "-h":
                case "--help":
                    PrintUsage(Console.Out);
                    return 0;
                default:
                    Console.Error.WriteLine($"argument = {args[i]}: expected --quick, --only NAME[,NAME…] or --list");
                    PrintUsage(Console.Error);
                    return 2;
            }
        }

        foreach (string name in only)
        {
            if (!AllSections.Any(s => s.Name == name))
            {
                Console.Error.WriteLine($"--only = {name}: not a section; one of {string.Join(", ", AllSections.Select(s => s.Name))}");
                return 2;
            }
        }

        BenchSettings settings;
        try
        {
            settings = BenchSettings.Create(quick);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        Console.WriteLine($"EdgeGateway benchmarks ({settings.Mode} mode) on {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        Console.WriteLine("Figures are from this machine and this run; ratios compare with real peers measured alongside. No speed is asserted.");
        var report = new Report();
        var outcomes = new List<(string, string)>();
        int failed = 0;
        var total = Stopwatch.StartNew();
        try
        {
            foreach (ISection section in AllSections)
            {
                if (only.Count > 0 && !only.Contains(section.Name))
                {
                    continue;
                }

                Report.Heading(section.Title);
                report.CurrentSection = section.Name;
                var watch = Stopwatch.StartNew();
                try
                {
                    section.Run(settings, report);
                    outcomes.Add((section.Name, $"ran in {watch.Elapsed.TotalSeconds:F1} s"));
                }
                catch (PeerMissingException e)
                {
                    failed++;
                    Console.WriteLine($"SECTION {section.Name} COULD NOT RUN: {e.Message}");
                    outcomes.Add((section.Name, "NOT RUN: " + e.Message));
                }
#pragma warning disable CA1031 // One section's failure must not hide the others' figures; it still fails the run.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failed++;
                    Console.WriteLine($"SECTION {section.Name} FAILED: {e.GetType().Name}: {e.Message}");
                    Console.WriteLine(e.StackTrace);
                    outcomes.Add((section.Name, "FAILED: " + e.Message));
                }
            }
        }
        finally
        {
            TryDelete(settings.WorkDirectory);
        }

        report.PrintSummary(outcomes);
        Console.WriteLine();
        Console.WriteLine($"benchmarks: {outcomes.Count - failed} of {outcomes.Count} sections ran in {total.Elapsed.TotalSeconds:F0} s" + (failed > 0 ? $"; {failed} could not run (see above)" : string.Empty));
        return failed == 0 ? 0 : 1;
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("usage: dotnet run --project tests/EdgeGateway.Benchmarks -c Release -- [--quick] [--only NAME[,NAME…]] [--list]");
        writer.WriteLine("  --quick  short windows (the test command's mode, well under 2 minutes); default is the full mode");
        writer.WriteLine("  sections: " + string.Join(", ", AllSections.Select(s => s.Name)));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException e)
        {
            Console.WriteLine($"note: could not delete {directory}: {e.Message}");
        }
    }
}
