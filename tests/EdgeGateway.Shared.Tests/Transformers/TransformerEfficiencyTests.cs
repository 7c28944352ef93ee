using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Transformers;

namespace EdgeGateway.Shared.Tests.Transformers;

public sealed class TransformerEfficiencyTests
{
    [Fact]
    public void Efficiency_at_half_load()
    {
        // By hand: output 0.5 * 400 * 0.9 = 180 kW; losses 0.41 + 0.25 * 4.52 = 1.54 kW; 180 / 181.54 = 99.15170 %.
        Assert.Equal(99.15170, TransformerEfficiency.EfficiencyPercent(400, 0.41, 4.52, 0.5, 0.9), 4);
    }

    [Fact]
    public void Losses_and_optimal_load_factor()
    {
        Assert.Equal(4.93, TransformerEfficiency.LossesKw(0.41, 4.52, 1.0), 9);
        Assert.Equal(0.41, TransformerEfficiency.LossesKw(0.41, 4.52, 0.0), 9);
        Assert.Equal(0.301180, TransformerEfficiency.OptimalLoadFactor(0.41, 4.52), 5); // sqrt(0.090708)
    }

    [Fact]
    public void Efficiency_peaks_at_the_optimal_load_factor()
    {
        double best = TransformerEfficiency.OptimalLoadFactor(0.41, 4.52);
        double at = TransformerEfficiency.EfficiencyPercent(400, 0.41, 4.52, best, 1);
        Assert.True(at > TransformerEfficiency.EfficiencyPercent(400, 0.41, 4.52, best * 0.9, 1));
        Assert.True(at > TransformerEfficiency.EfficiencyPercent(400, 0.41, 4.52, best * 1.1, 1));
    }

    [Fact]
    public void Bad_inputs_name_the_field()
    {
        Assert.Equal("powerFactor", Assert.Throws<InputException>(() => TransformerEfficiency.EfficiencyPercent(400, 0.41, 4.52, 0.5, 0)).Field);
        Assert.Equal("loadFactor", Assert.Throws<InputException>(() => TransformerEfficiency.LossesKw(0.41, 4.52, -0.1)).Field);
        Assert.Equal("ratedKva", Assert.Throws<InputException>(() => TransformerEfficiency.EfficiencyPercent(-1, 0.41, 4.52, 0.5, 0.9)).Field);
        Assert.Equal("loadLossKw", Assert.Throws<InputException>(() => TransformerEfficiency.OptimalLoadFactor(0.41, 0)).Field);
    }
}
