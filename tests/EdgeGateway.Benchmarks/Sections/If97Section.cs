using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using EdgeGateway.Benchmarks.Infrastructure;
using EdgeGateway.Shared.Steam;

namespace EdgeGateway.Benchmarks.Sections;

/// <summary>
/// 7. IAPWS-IF97 specific enthalpy h(p, T): evaluations per second of ours (EdgeGateway.Shared.Steam.If97, portable)
/// vs python3-iapws (IAPWS97(P=…, T=…).h, timed inside one Python process) over the same grid of regions 1 and 2
/// (0.1–16 MPa, 280–1070 K: feedwater to superheated steam). The two implementations' values are compared point by
/// point first, so the speed is of a correct answer.
/// </summary>
internal sealed class If97Section : ISection
{
    public string Name => "if97";

    public string Title => "7. IAPWS-IF97 enthalpy: ours vs python3-iapws, same grid";

    public void Run(BenchSettings settings, Report report)
    {
        Peers.RequirePythonModule("iapws", Peers.IapwsInstall);
        var pressures = new[] { 0.1, 0.2, 0.5, 1.0, 1.6, 2.5, 4.0, 6.0, 10.0, 16.0 };
        var gridP = new List<double>();
        var gridT = new List<double>();
        foreach (double pressure in pressures)
        {
            for (double temperature = 280.0; temperature <= 1070.0; temperature += 10.0)
            {
                int region = If97.RegionOf(pressure, temperature);
                if (region == 1 || region == 2)
                {
                    gridP.Add(pressure);
                    gridT.Add(temperature);
                }
            }
        }

        Directory.CreateDirectory(settings.WorkDirectory);
        string gridFile = Path.Combine(settings.WorkDirectory, "if97-grid.txt");
        string valuesFile = Path.Combine(settings.WorkDirectory, "if97-iapws.txt");
        var text = new StringBuilder();
        for (int i = 0; i < gridP.Count; i++)
        {
            text.Append(gridP[i].ToString("R", CultureInfo.InvariantCulture)).Append(' ').Append(gridT[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(gridFile, text.ToString());
        string script = Path.Combine(AppContext.BaseDirectory, "peers", "iapws_bench.py");
        ProcessResult r = Peers.Run(Peers.Python, new[] { script, gridFile, valuesFile, settings.If97MinSeconds.ToString("F1", CultureInfo.InvariantCulture) }, TimeSpan.FromSeconds(settings.If97MinSeconds + 120));
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3-iapws benchmark failed ({r.ExitCode}): {r.StandardError.Trim()}");
        }

        string line = r.StandardOutput.Trim();
        double pythonRate = Peers.Field(line, "evals_per_s");
        double pythonEvaluations = Peers.Field(line, "evaluations");

        // Cross-check every grid point before timing.
        string[] theirs = File.ReadAllLines(valuesFile);
        double maxDiff = 0;
        for (int i = 0; i < gridP.Count; i++)
        {
            double diff = Math.Abs(If97.EnthalpyKjPerKg(gridP[i], gridT[i]) - double.Parse(theirs[i], CultureInfo.InvariantCulture));
            maxDiff = Math.Max(maxDiff, diff);
        }

        if (maxDiff > 0.01)
        {
            throw new InvalidOperationException($"ours and python3-iapws differ by up to {maxDiff:G4} kJ/kg on the grid: speed of a wrong answer is not reported");
        }

        double[] p = gridP.ToArray();
        double[] t = gridT.ToArray();
        double sink = 0;
        for (int i = 0; i < p.Length * 50; i++)
        {
            sink += If97.EnthalpyKjPerKg(p[i % p.Length], t[i % p.Length]); // warm-up: tiered JIT reaches optimised code
        }

        long evaluations = 0;
        long start = Stopwatch.GetTimestamp();
        double seconds;
        do
        {
            for (int i = 0; i < p.Length; i++)
            {
                sink += If97.EnthalpyKjPerKg(p[i], t[i]);
            }

            evaluations += p.Length;
            seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        while (seconds < settings.If97MinSeconds);

        double oursRate = evaluations / seconds;
        Report.Table(new[] { "implementation", "evaluations", "evals/s", "ns/eval" }, new[]
        {
            new[] { "ours (C#, EdgeGateway.Shared.Steam.If97)", evaluations.ToString("N0", CultureInfo.InvariantCulture), Report.F(oursRate, 0), Report.F(1e9 / oursRate, 0) },
            new[] { "python3-iapws IAPWS97(P, T).h", pythonEvaluations.ToString("N0", CultureInfo.InvariantCulture), Report.F(pythonRate, 0), Report.F(1e9 / pythonRate, 0) },
        });
        Report.Note($"{p.Length} grid points (regions 1 and 2); largest difference ours vs iapws {maxDiff:G3} kJ/kg; checksum {sink:G6}");
        report.Ratio("if97_enthalpy_evals", oursRate / pythonRate, "enthalpy evaluations/s ours ÷ python3-iapws, same grid; higher is better");
    }
}
