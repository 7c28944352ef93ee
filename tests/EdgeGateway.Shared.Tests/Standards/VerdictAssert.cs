using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Shared.Tests.Standards;

/// <summary>Checks every verdict carries its provenance and explanation, whatever the path.</summary>
internal static class VerdictAssert
{
    public static void Complete(Verdict v)
    {
        Assert.NotNull(v);
        foreach (string? s in new[] { v.StandardId, v.Standard, v.Edition, v.Clause, v.Source, v.Confidence, v.Basis, v.Rule, v.GradeLabel, v.Note, v.ValueUnit })
        {
            Assert.False(string.IsNullOrWhiteSpace(s), "a verdict field is empty: " + v.Basis);
        }

        Assert.NotNull(v.Provenance);
        Assert.Contains(v.Confidence, new[] { "V", "3P", "M" });
        Assert.InRange(v.Grade, 0, 3);
        if (!v.Covered)
        {
            Assert.Equal(0, v.Grade);
        }
    }
}
