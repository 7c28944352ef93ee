using System;

namespace EdgeGateway.Cli.Tests;

/// <summary>
/// egw calc boiler names the input a user got wrong instead of reporting an absurd efficiency: the shipped sample
/// (samples/gas-steam-direct.json, 3.6 t/h on a 4 t/h natural-gas boiler, Q_net 35 588 kJ/Nm³) with one field spoiled.
/// </summary>
public class BoilerPlausibilityTests
{
    private static string SampleWith(string from, string to)
    {
        string json = System.IO.File.ReadAllText(Egw.Sample("gas-steam-direct.json"));
        Assert.Contains(from, json, StringComparison.Ordinal); // the sample still has the field this test spoils
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Heating_value_given_in_MJ_names_the_field_and_says_multiply_by_1000()
    {
        // 35.588 MJ/Nm³ typed into a kJ field: before the check this printed "efficiencyPercent (computed by the direct
        // method …) = 93387.8", naming no input.
        string json = SampleWith("\"fuelLowerHeatingValueKjPerNm3\": 35588", "\"fuelLowerHeatingValueKjPerNm3\": 35.588");
        string line = Egw.Run("calc", "boiler", "--input", Egw.TempCase(json)).BadInputLine();
        Assert.StartsWith("error: measurements.fuelLowerHeatingValueKjPerNm3 = 35.588: ", line, StringComparison.Ordinal);
        Assert.Contains("looks like MJ/Nm³: multiply by 1000 (35588 kJ/Nm³)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("efficiencyPercent", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Heating_value_given_in_MJ_exits_2_as_a_real_process()
    {
        string json = SampleWith("\"fuelLowerHeatingValueKjPerNm3\": 35588", "\"fuelLowerHeatingValueKjPerNm3\": 35.588");
        EgwResult r = Egw.RunProcess(null, "calc", "boiler", "--input", Egw.TempCase(json), "--json");
        string line = r.BadInputLine();
        Assert.Contains("measurements.fuelLowerHeatingValueKjPerNm3 = 35.588", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Utility_size_rated_capacity_names_the_nameplate_field()
    {
        string json = SampleWith("\"ratedCapacityTph\": 4", "\"ratedCapacityTph\": 4000");
        string line = Egw.Run("calc", "boiler", "--input", Egw.TempCase(json)).BadInputLine();
        Assert.StartsWith("error: boiler.ratedCapacityTph = 4000 t/h: above 1000 t/h", line, StringComparison.Ordinal);
    }
}
