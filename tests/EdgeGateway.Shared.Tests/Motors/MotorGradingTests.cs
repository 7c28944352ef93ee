using System;
using System.Globalization;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Motors;
using EdgeGateway.Shared.Standards;
using EdgeGateway.Shared.Standards.Generated;
using EdgeGateway.Shared.Tests.Standards;

namespace EdgeGateway.Shared.Tests.Motors;

// Expected values typed from the GB 18613-2020 / IEC 60034-30-1 tables in the standards reference.
public sealed class MotorGradingTests
{
    [Theory]
    [InlineData(94.6, 1, "IE5")]
    [InlineData(93.3, 2, "IE4")]
    [InlineData(94.5, 2, "IE4")]
    [InlineData(91.4, 3, "IE3")]
    [InlineData(93.2, 3, "IE3")]
    [InlineData(91.3, 0, "below IE3")]
    public void Eleven_kW_4_pole_grades_on_table_values(double efficiency, int grade, string ie)
    {
        MotorGradeResult r = MotorGrading.Grade(11, 4, efficiency);
        VerdictAssert.Complete(r.Verdict);
        Assert.True(r.Covered);
        Assert.Equal(grade, r.Grade);
        Assert.Equal(grade, r.Verdict.Grade);
        Assert.Equal(ie, r.IeClass);
        Assert.Equal(91.4, r.MinimumPercent, 9);
        Assert.Equal(93.3, r.Grade2LimitPercent, 9);
        Assert.Equal(94.6, r.Grade1LimitPercent, 9);
        Assert.Equal(grade > 0, r.MeetsMinimum);
        Assert.Equal(grade == 0, r.Obsolete);
        Assert.Contains("table value at 11 kW", r.Grade3Rule, StringComparison.Ordinal);
        Assert.Equal("gb18613-2020", r.Verdict.StandardId);
        Assert.Contains("nameplate", r.Verdict.Basis, StringComparison.Ordinal);
        if (grade == 0)
        {
            Assert.Contains("obsolete, must be replaced", r.Verdict.GradeLabel, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Five_kW_4_pole_IE3_uses_the_formula_not_the_next_row()
    {
        MotorGradeResult r = MotorGrading.Grade(5, 4, 89.4);
        Assert.Equal(89.3, r.Grade3LimitPercent, 9); // the reference: formula 89.3, next row 89.6
        Assert.Contains("formula", r.Grade3Rule, StringComparison.Ordinal);
        Assert.Contains("formula", r.Verdict.Rule, StringComparison.Ordinal);
        Assert.Equal(3, r.Grade);
        Assert.True(r.Covered);
    }

    [Fact]
    public void Between_0_55_and_0_75_kW_there_is_no_IE3_rule()
    {
        MotorGradeResult r = MotorGrading.Grade(0.6, 4, 82);
        VerdictAssert.Complete(r.Verdict);
        Assert.False(r.Covered);
        Assert.False(r.Verdict.Pass);
        Assert.True(double.IsNaN(r.Grade3LimitPercent));
        Assert.Contains("no rule", r.Grade3Rule, StringComparison.Ordinal);
        Assert.Contains("no rule", r.Verdict.Basis, StringComparison.Ordinal);
        // IE5 has a TS 60034-30-2 formula up to 0.64 kW, so its limit exists there.
        Assert.False(double.IsNaN(r.Grade1LimitPercent));
    }

    [Fact]
    public void IE4_6_pole_between_200_and_250_kW_has_no_rule_so_the_grade_is_open()
    {
        MotorGradeResult mid = MotorGrading.Grade(220, 6, 96.0);
        VerdictAssert.Complete(mid.Verdict);
        Assert.Equal(95.8, mid.Grade3LimitPercent, 9); // same on the 200 and 250 kW rows
        Assert.True(double.IsNaN(mid.Grade2LimitPercent));
        Assert.Equal(97.0, mid.Grade1LimitPercent, 9);
        Assert.False(mid.Covered);
        Assert.True(mid.MeetsMinimum);
        Assert.True(mid.Verdict.Pass);
        Assert.Equal(0, mid.Grade);

        MotorGradeResult low = MotorGrading.Grade(220, 6, 95.0);
        Assert.True(low.Covered);
        Assert.Equal(0, low.Grade);

        MotorGradeResult top = MotorGrading.Grade(220, 6, 97.1);
        Assert.True(top.Covered);
        Assert.Equal(1, top.Grade);
    }

    [Fact]
    public void Above_200_kW_equal_neighbours_give_the_value_and_280_to_1000_is_one_row()
    {
        MotorGradeResult r = MotorGrading.Grade(220, 4, 96.8);
        Assert.Equal(96.0, r.Grade3LimitPercent, 9);
        Assert.Equal(96.7, r.Grade2LimitPercent, 9);
        Assert.Equal(97.4, r.Grade1LimitPercent, 9);
        Assert.Equal(2, r.Grade);

        MotorGradeResult big = MotorGrading.Grade(315, 6, 96.6);
        Assert.Equal(95.8, big.Grade3LimitPercent, 9);
        Assert.Equal(96.6, big.Grade2LimitPercent, 9);
        Assert.Equal(97.0, big.Grade1LimitPercent, 9);
        Assert.Equal(2, big.Grade);
        Assert.Contains("280-1000 kW row", big.Grade2Rule, StringComparison.Ordinal);

        Assert.Equal(96.5, MotorGrading.Grade(250, 6, 96.5).Grade2LimitPercent, 9);
        Assert.Equal(94.6, MotorGrading.Grade(1000, 8, 95).Grade3LimitPercent, 9);
    }

    [Fact]
    public void Smallest_rating_uses_its_table_row()
    {
        MotorGradeResult r = MotorGrading.Grade(0.12, 2, 60.8);
        Assert.Equal(3, r.Grade);
        Assert.Equal(60.8, r.MinimumPercent, 9);
        Assert.Equal(66.5, r.Grade2LimitPercent, 9);
        Assert.Equal(71.4, r.Grade1LimitPercent, 9);
    }

    [Theory]
    [InlineData(0.1, 4)]
    [InlineData(1001, 4)]
    [InlineData(11, 10)]
    public void Outside_scope_is_not_covered(double kw, int poles)
    {
        MotorGradeResult r = MotorGrading.Grade(kw, poles, 90);
        VerdictAssert.Complete(r.Verdict);
        Assert.False(r.Covered);
        Assert.False(r.Verdict.Covered);
        Assert.Contains("scope", r.Verdict.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4, 90, "ratedPowerKw")]
    [InlineData(double.NaN, 4, 90, "ratedPowerKw")]
    [InlineData(11, 3, 90, "poles")]
    [InlineData(11, 0, 90, "poles")]
    [InlineData(11, 4, 100.5, "efficiencyPercent")]
    [InlineData(11, 4, 0, "efficiencyPercent")]
    public void Bad_inputs_name_the_field(double kw, int poles, double eff, string field)
    {
        var ex = Assert.Throws<InputException>(() => MotorGrading.Grade(kw, poles, eff));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Field_efficiency_is_an_indicator_and_not_called_obsolete()
    {
        MotorGradeResult r = MotorGrading.Grade(11, 4, 90, EfficiencySource.Measured);
        Assert.Equal(0, r.Grade);
        Assert.False(r.Obsolete);
        Assert.Contains("indicator", r.Verdict.Basis, StringComparison.Ordinal);
        Assert.Contains("Measured field efficiency", r.Verdict.Basis, StringComparison.Ordinal);
    }

    // Reference: the IE3/IE4 tables 0.12-200 kW equal the official formula rounded to 0.1 (232 of 232 cells), and IE5
    // 0.12-200 kW equals IEC TS 60034-30-2's formula. A typo in either data file breaks this.
    [Fact]
    public void Formula_reproduces_every_table_cell_up_to_200_kW()
    {
        int checkedCells = 0;
        var mismatches = new System.Text.StringBuilder();
        for (int row = 0; row < Gb18613MotorClasses.RowCount; row++)
        {
            double kw = Gb18613MotorClasses.KwFrom[row];
            if (kw > 200)
            {
                continue;
            }

            foreach (string cls in new[] { "IE3", "IE4", "IE5" })
            {
                foreach (int poles in new[] { 2, 4, 6, 8 })
                {
                    int f = FindFormula(cls, poles, kw);
                    Assert.True(f >= 0, $"{cls} {poles}p: no formula covers {kw} kW");
                    double x = Math.Log10(kw);
                    double eta = Gb18613Interpolation.A[f] * x * x * x + Gb18613Interpolation.B[f] * x * x + Gb18613Interpolation.C[f] * x + Gb18613Interpolation.D[f];
                    double rounded = Math.Round(eta * 10, MidpointRounding.AwayFromZero) / 10;
                    double table = Cell(cls, poles, row);
                    if (Math.Abs(rounded - table) > 1e-9)
                    {
                        mismatches.Append(CultureInfo.InvariantCulture, $"{cls} {poles}p {kw} kW: table {table}, formula {rounded}; ");
                    }

                    checkedCells++;
                }
            }
        }

        Assert.Equal(29 * 12, checkedCells);
        Assert.True(mismatches.Length == 0, mismatches.ToString());
    }

    private static int FindFormula(string cls, int poles, double kw)
    {
        for (int i = 0; i < Gb18613Interpolation.RowCount; i++)
        {
            if (Gb18613Interpolation.Class[i] == cls && Gb18613Interpolation.Poles[i] == poles
                && kw >= Gb18613Interpolation.KwFrom[i] - 1e-12 && kw <= Gb18613Interpolation.KwTo[i] + 1e-12)
            {
                return i;
            }
        }

        return -1;
    }

    private static double Cell(string cls, int poles, int row) => (cls, poles) switch
    {
        ("IE3", 2) => Gb18613MotorClasses.Ie3_2p[row],
        ("IE3", 4) => Gb18613MotorClasses.Ie3_4p[row],
        ("IE3", 6) => Gb18613MotorClasses.Ie3_6p[row],
        ("IE3", 8) => Gb18613MotorClasses.Ie3_8p[row],
        ("IE4", 2) => Gb18613MotorClasses.Ie4_2p[row],
        ("IE4", 4) => Gb18613MotorClasses.Ie4_4p[row],
        ("IE4", 6) => Gb18613MotorClasses.Ie4_6p[row],
        ("IE4", 8) => Gb18613MotorClasses.Ie4_8p[row],
        ("IE5", 2) => Gb18613MotorClasses.Ie5_2p[row],
        ("IE5", 4) => Gb18613MotorClasses.Ie5_4p[row],
        ("IE5", 6) => Gb18613MotorClasses.Ie5_6p[row],
        _ => Gb18613MotorClasses.Ie5_8p[row],
    };
}
