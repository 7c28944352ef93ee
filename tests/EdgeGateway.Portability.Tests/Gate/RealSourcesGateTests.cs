using System;
using System.Linq;
using EdgeGateway.PortableGate.Gate;

namespace EdgeGateway.Portability.Tests.Gate;

/// <summary>The gate accepts the real portable sources: shared/, the firmware core and the nano adapters, bound like the nano build.</summary>
public sealed class RealSourcesGateTests
{
    [Fact]
    public void Gate_reports_zero_findings_on_the_repository()
    {
        var sources = PortableGateRunner.CollectSources(GateRepo.Root);
        Assert.Contains(sources, s => s.Path.StartsWith("shared/EdgeGateway.Shared/", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Path.StartsWith("firmware/EdgeGateway.Firmware.Core/", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.Path.Contains("/obj/", StringComparison.Ordinal) || s.Path.Contains("/bin/", StringComparison.Ordinal));

        var findings = PortableGateRunner.Run(GateRepo.Root);

        Assert.True(findings.Count == 0,
            $"the portable gate rejects {findings.Count} construct(s):{Environment.NewLine}"
            + string.Join(Environment.NewLine, findings.Select(f => f.Format())));
    }
}
