using System;
using System.IO;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;

namespace EdgeGateway.Cli.Tests;

/// <summary>CALC.md documents every field the case reader accepts, so the doc cannot fall behind the engines.</summary>
public class SchemaDocTests
{
    private static string Doc()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "CALC.md");
        Assert.True(File.Exists(path), "CALC.md not copied next to the tests: " + path);
        return File.ReadAllText(path);
    }

    [Fact]
    public void Every_measurement_field_is_documented()
    {
        string doc = Doc();
        foreach (string name in FieldMapper.DoubleFieldNames<BoilerMeasurements>())
        {
            Assert.Contains("`" + name + "`", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_gas_composition_field_is_documented()
    {
        string doc = Doc();
        foreach (string name in FieldMapper.DoubleFieldNames<GasComposition>())
        {
            Assert.Contains("`" + name + "`", doc, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ratedCapacityTph")]
    [InlineData("ratedHeatOutputMw")]
    [InlineData("coalClass")]
    [InlineData("condensing")]
    [InlineData("designFuelLowerHeatingValueKjPerKg")]
    [InlineData("ratedEfficiencyPercent")]
    [InlineData("efficiencyBasis")]
    [InlineData("fuelComposition")]
    [InlineData("enthalpyKjPerKg")]
    [InlineData("liquidEnthalpyKjPerKg")]
    [InlineData("meetsMinimum")]
    [InlineData("highLoss")]
    [InlineData("optimalLoadFactor")]
    public void Case_and_output_fields_are_documented(string name)
    {
        Assert.Contains("`" + name + "`", Doc(), StringComparison.Ordinal);
    }
}
