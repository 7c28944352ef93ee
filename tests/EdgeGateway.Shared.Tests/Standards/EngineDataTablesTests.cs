using System;
using System.IO;
using System.Text;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;
using EdgeGateway.StandardsGen;

namespace EdgeGateway.Shared.Tests.Standards;

/// <summary>
/// The engines' textbook data (Siegert coefficients, flue-gas enthalpies, typical fuel compositions, heating-value
/// ranges) live in shared/data/standards with provenance, and the engines read the generated tables. Expected numbers
/// are the literals of the standards notes (Siegert: 1. BImSchV Anlage 2 Nr. 3.4.1) and of the textbook table as
/// typed before the move, not values read back from the generated code.
/// </summary>
public sealed class EngineDataTablesTests
{
    [Fact]
    public void Every_engine_table_carries_complete_provenance()
    {
        TableProvenance[] all =
        [
            Bimschv1Siegert.Provenance, FlueGasEnthalpy.Provenance, TypicalGasComposition.Provenance,
            TypicalUltimateAnalysis.Provenance, TypicalHeatingValueRange.Provenance,
        ];
        foreach (TableProvenance p in all)
        {
            foreach (string s in new[] { p.Id, p.Standard, p.Edition, p.Clause, p.Source, p.Confidence, p.Effective, p.Note })
            {
                Assert.False(string.IsNullOrWhiteSpace(s), $"{p.Standard}: a provenance field is empty");
            }
        }

        Assert.Equal("V", Bimschv1Siegert.Provenance.Confidence);
        Assert.Equal("M", FlueGasEnthalpy.Provenance.Confidence);
        Assert.Equal("M", TypicalGasComposition.Provenance.Confidence);
        Assert.Equal("M", TypicalUltimateAnalysis.Provenance.Confidence);
        Assert.Equal("M", TypicalHeatingValueRange.Provenance.Confidence);
        // The edition's verification status is stated, not implied.
        Assert.Contains("BGBl. I S. 38", Bimschv1Siegert.Provenance.Edition, StringComparison.Ordinal);
        Assert.Contains("was not checked against the Bundesgesetzblatt", Bimschv1Siegert.Provenance.Note, StringComparison.Ordinal);
        Assert.Contains("not identified", FlueGasEnthalpy.Provenance.Edition, StringComparison.Ordinal);
        Assert.Contains("TYPICAL VALUES", TypicalHeatingValueRange.Provenance.Note, StringComparison.Ordinal);
        // The engines expose the same provenance objects.
        Assert.Same(Bimschv1Siegert.Provenance, SiegertTable.Provenance);
        Assert.Same(FlueGasEnthalpy.Provenance, GasEnthalpyTable.Provenance);
        Assert.Same(TypicalGasComposition.Provenance, GasComposition.TypicalProvenance);
        Assert.Same(TypicalUltimateAnalysis.Provenance, UltimateAnalysis.TypicalProvenance);
    }

    [Theory]
    [InlineData(FuelKind.Oil, 0.68, 0.007, "Heizöl EL")]
    [InlineData(FuelKind.NaturalGas, 0.66, 0.009, "Erdgas (öffentliche Versorgung)")]
    [InlineData(FuelKind.CokeOvenGas, 0.60, 0.011, "Kokereigas")]
    [InlineData(FuelKind.Lpg, 0.63, 0.008, "Flüssiggas (LPG)")]
    public void Siegert_rows_come_from_the_data_with_the_regulations_values(FuelKind fuel, double a, double b, string description)
    {
        SiegertCoefficients row = SiegertTable.Find(fuel);
        Assert.NotNull(row);
        Assert.Equal(a, row.A); // bit-exact: the same decimal literal as before the move
        Assert.Equal(b, row.B);
        Assert.Equal(description, row.FuelDescription);
        Assert.Equal(Bimschv1Siegert.Provenance.Edition, row.Edition);
        Assert.Equal("Anlage 2 Nr. 3.4.1", row.Clause);
        Assert.Equal("V", row.Confidence);
        Assert.Equal(4, SiegertTable.All().Length);
        Assert.Null(SiegertTable.Find(FuelKind.Coal));
    }

    [Fact]
    public void Enthalpy_table_interpolates_the_textbook_rows()
    {
        const string field = "measurements.flueGasTemperatureC";
        // Rows typed from the textbook table before the move: CO₂ 100 °C 170, 200 °C 357; ash 1000 °C 984; humid air 100 °C 132.
        Assert.Equal((170.0 + 357.0) / 2.0, GasEnthalpyTable.Ro2KjPerNm3(150.0, field), 12);
        Assert.Equal(984.0, GasEnthalpyTable.AshKjPerKg(1000.0, field));
        Assert.Equal(132.0 * -10.0 / 100.0, GasEnthalpyTable.HumidAirKjPerNm3(-10.0, field), 12);
        Assert.Equal(1392.0, GasEnthalpyTable.NitrogenKjPerNm3(1000.0, field));
        Assert.Equal(151.0 + 0.25 * (304.0 - 151.0), GasEnthalpyTable.WaterVapourKjPerNm3(125.0, field), 12);
        Assert.Equal(850.0, GasEnthalpyTable.OxygenKjPerNm3(600.0, field));
        Assert.Equal(11, FlueGasEnthalpy.RowCount);
    }

    [Fact]
    public void Typical_compositions_come_from_the_data_and_add_up()
    {
        GasComposition ng = GasComposition.TypicalNaturalGas();
        Assert.Equal(96.0, ng.MethanePercent);
        Assert.Equal(1.8, ng.EthanePercent);
        Assert.Equal(0.6, ng.CarbonDioxidePercent);
        Assert.Equal(100.0, ng.TotalPercent(), 9);
        Assert.Equal("typical pipeline natural gas (textbook-style assumption, not from a standard)", ng.Source);
        Assert.Equal("M", ng.Confidence);
        GasComposition cog = GasComposition.TypicalCokeOvenGas();
        Assert.Equal(57.0, cog.HydrogenPercent);
        Assert.Equal(0.5, cog.OxygenPercent);
        Assert.Equal(100.0, cog.TotalPercent(), 9);
        // Refilling a used object resets every component (no leftover from the previous fuel).
        GasComposition reused = GasComposition.TypicalLpg(GasComposition.TypicalCokeOvenGas());
        Assert.Equal(0.0, reused.HydrogenPercent);
        Assert.Equal(50.0, reused.PropanePercent);
        UltimateAnalysis oil = UltimateAnalysis.TypicalLightOil();
        Assert.Equal(86.0, oil.CarbonPercent);
        Assert.Equal(13.3, oil.HydrogenPercent);
        Assert.Equal(100.0, oil.TotalPercent(), 9);
    }

    private const string Header =
        "# class: Bad\n# id: x\n# standard: S\n# edition: 1\n# clause: c\n# source: s\n# confidence: M\n# effective: n/a\n";

    private static StandardsDataException GenerateFails(string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "egw-standardsdata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "bad.tsv"), text, new UTF8Encoding(false));
            return Assert.Throws<StandardsDataException>(() => StandardsGenerator.GenerateAll(dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_composition_that_does_not_add_up_is_reported_with_its_line()
    {
        var ex = GenerateFails(Header + "# check: total 100 1 a b\nname:string\ta:double\tb:double\nok\t60\t40\nbad\t60\t45\n");
        Assert.StartsWith("bad.tsv:12: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("add up to 105", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_off_the_step_is_reported_with_its_line()
    {
        var ex = GenerateFails(Header + "# check: step t 0 100\nt:double\tv:double\n0\t1\n100\t2\n250\t3\n");
        Assert.StartsWith("bad.tsv:13: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected 200", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flat_layout_emits_one_row_major_array_and_refuses_intervals()
    {
        var table = DataTable.Parse("f.tsv", Header.Replace("class: Bad", "class: Flat", StringComparison.Ordinal)
            + "# layout: flat\nname:string\ta:double\tb:double?\nx\t1.5\t-\ny\t2\t3\n");
        string code = StandardsGenerator.Emit(table);
        Assert.Contains("public const int Stride = 2;", code, StringComparison.Ordinal);
        Assert.Contains("public const int BColumn = 1;", code, StringComparison.Ordinal);
        Assert.Contains("1.5, double.NaN,", code, StringComparison.Ordinal);
        Assert.Contains("2.0, 3.0,", code, StringComparison.Ordinal);
        Assert.Contains("public static readonly string[] Name = new string[]", code, StringComparison.Ordinal);
        Assert.DoesNotContain("public static readonly double[] A ", code, StringComparison.Ordinal);

        var ex = GenerateFails(Header + "# layout: flat\nname:string\tq:interval\nx\t[1,2]\n");
        Assert.Contains("layout flat", ex.Message, StringComparison.Ordinal);
    }
}
