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
        var report = NanoSize.Measure(NanoRepo.Root);
        _output.WriteLine(report.Describe());
        Assert.All(report.Assemblies, a => Assert.True(a.IlBodyBytes > 0 && a.MethodCount > 0, $"{a.Assembly} has no IL: measured the wrong file?"));
        Assert.True(report.TotalBudgetedBytes <= report.BudgetBytes,
            $"the device application is {report.TotalBudgetedBytes:N0} B of IL and static data, over the {report.BudgetBytes:N0} B budget "
            + "(firmware/EdgeGateway.Firmware.Nano/size-budget.txt): " + report.Describe());
    }
}
