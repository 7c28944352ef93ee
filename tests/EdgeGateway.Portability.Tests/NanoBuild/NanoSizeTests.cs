using System;
using System.IO;
using Xunit.Abstractions;

namespace EdgeGateway.Portability.Tests.NanoBuild;

public sealed class NanoSizeTests
{
    private readonly ITestOutputHelper _output;

    public NanoSizeTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Application_assemblies_fit_the_size_budget()
    {
        if (!AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal))
        {
            BuildReleaseNanoBuild(); // a Debug test run: the project reference built Debug, the budget is on Release
        }

        var report = NanoSize.Measure(NanoRepo.Root);
        _output.WriteLine(report.Describe());
        Assert.All(report.Assemblies, a => Assert.True(a.IlBodyBytes > 0 && a.MethodCount > 0, $"{a.Assembly} has no IL: measured the wrong file?"));
        Assert.True(report.TotalBudgetedBytes <= report.BudgetBytes,
            $"the device application is {report.TotalBudgetedBytes:N0} B of IL and static data, over the {report.BudgetBytes:N0} B budget "
            + "(firmware/EdgeGateway.Firmware.Nano/size-budget.txt): " + report.Describe());
    }

    private static void BuildReleaseNanoBuild()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "build", Path.Combine(NanoRepo.Root, "firmware", "EdgeGateway.Firmware.NanoBuild"), "-c", "Release", "-nologo", "-v:q" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "building the Release nano build failed: " + output);
    }
}
