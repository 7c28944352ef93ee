using System;
using System.IO;

namespace EdgeGateway.Benchmarks.Infrastructure;

/// <summary>How long each section measures: --quick for the test command (whole run well under two minutes on two
/// cores), the default "full" mode for figures worth quoting (longer windows, more records, repeated rounds).</summary>
internal sealed class BenchSettings
{
    private BenchSettings(bool quick, string repoRoot)
    {
        Quick = quick;
        RepoRoot = repoRoot;
        ModbusSeconds = quick ? 2.0 : 5.0;
        ModbusRounds = quick ? 3 : 5;
        AllocationCycles = quick ? 2000 : 20000;
        StoreRecords = quick ? 8192 : 65536;
        If97MinSeconds = quick ? 1.0 : 5.0;
        WorkDirectory = Path.Combine(Path.GetTempPath(), "egw-bench-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public bool Quick { get; }

    public string Mode => Quick ? "quick" : "full";

    public string RepoRoot { get; }

    /// <summary>Measuring window per client or server, per round.</summary>
    public double ModbusSeconds { get; }

    /// <summary>Rounds alternating ours / peer (the median of the rounds is reported), so a burst of noise on the
    /// machine does not land on one side only.</summary>
    public int ModbusRounds { get; }

    public int AllocationCycles { get; }

    public int StoreRecords { get; }

    public double If97MinSeconds { get; }

    /// <summary>Scratch directory of this run (compiled C peer, store files); deleted at the end.</summary>
    public string WorkDirectory { get; }

    public static BenchSettings Create(bool quick) => new(quick, FindRepoRoot());

    private static string FindRepoRoot()
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

        throw new InvalidOperationException("EdgeGateway.sln not found above " + AppContext.BaseDirectory + ": run the harness from the repository's build output (dotnet run --project tests/EdgeGateway.Benchmarks -c Release).");
    }
}
