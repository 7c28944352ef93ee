using System;
using System.Text.Json;

namespace EdgeGateway.Cli.Tests;

/// <summary>
/// egw calc motor against GB 18613-2020 / IEC 60034-30-1 values (11 kW 4-pole: IE3 91.4, IE4 93.3, IE5 94.6; the
/// 50 Hz interpolation formula gives 89.3 for 5 kW 4-pole IE3).
/// </summary>
public class MotorCommandTests
{
    private static JsonElement Motor(string kw, string poles, string efficiency, params string[] extra)
    {
        var args = new System.Collections.Generic.List<string> { "calc", "motor", "--rated-kw", kw, "--poles", poles, "--efficiency-percent", efficiency, "--json" };
        args.AddRange(extra);
        return Egw.Run(args.ToArray()).Json();
    }

    [Fact]
    public void Issue_example_11kW_4pole_92_percent_is_grade_3_IE3()
    {
        JsonElement j = Motor("11", "4", "92.0");
        Assert.Equal(3, (int)j.Num("grade"));
        Assert.Equal("IE3", j.Str("ieClass"));
        Assert.Equal(91.4, j.Num("minimumPercent"), 6);
        Assert.True(j.Bool("meetsMinimum"));
        Assert.False(j.Bool("obsolete"));
        JsonElement limits = j.GetProperty("limits");
        Assert.Equal(94.6, limits.Num("grade1Percent"), 6);
        Assert.Equal(93.3, limits.Num("grade2Percent"), 6);
        Assert.Equal(91.4, limits.Num("grade3Percent"), 6);
        Assert.Equal("GB 18613-2020", j.Str("standard"));
        Assert.Equal("3P", j.Str("confidence"));
        Assert.False(string.IsNullOrWhiteSpace(j.Str("source")));
        Assert.False(string.IsNullOrWhiteSpace(j.Str("rule")));
        Assert.Equal(0.6, j.Num("margin"), 6);
    }

    [Theory]
    [InlineData("94.7", 1, "IE5")]
    [InlineData("93.5", 2, "IE4")]
    [InlineData("91.4", 3, "IE3")] // exactly at the limit meets it
    public void Grades_1_2_3(string efficiency, int grade, string ie)
    {
        JsonElement j = Motor("11", "4", efficiency);
        Assert.Equal(grade, (int)j.Num("grade"));
        Assert.Equal(ie, j.Str("ieClass"));
        Assert.True(j.Bool("meetsMinimum"));
    }

    [Fact]
    public void Below_grade_3_is_obsolete_and_must_be_replaced()
    {
        JsonElement j = Motor("11", "4", "90.0");
        Assert.Equal(0, (int)j.Num("grade"));
        Assert.False(j.Bool("meetsMinimum"));
        Assert.True(j.Bool("obsolete"));
        Assert.Contains("obsolete, must be replaced", j.Str("verdict"), StringComparison.Ordinal);
        Assert.Equal(-1.4, j.Num("margin"), 6);
    }

    [Fact]
    public void Measured_efficiency_is_an_indicator_and_never_calls_a_motor_obsolete()
    {
        JsonElement j = Motor("11", "4", "90.0", "--efficiency-basis", "measured");
        Assert.False(j.Bool("meetsMinimum"));
        Assert.False(j.Bool("obsolete"));
        Assert.Contains("indicator", j.Str("verdict"), StringComparison.Ordinal);
    }

    [Fact]
    public void Rating_between_table_rows_uses_the_stated_formula()
    {
        JsonElement j = Motor("5", "4", "89.5");
        Assert.Equal(89.3, j.Num("minimumPercent"), 1);
        Assert.Contains("formula", j.Str("rule"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, (int)j.Num("grade"));
    }

    [Fact]
    public void Rating_without_a_rule_is_not_covered()
    {
        // 0.55-0.75 kW: no IE3 rule was found (standards notes), so no verdict is guessed.
        JsonElement j = Motor("0.65", "4", "85");
        Assert.False(j.Bool("covered"));
    }

    [Fact]
    public void Ten_pole_motor_is_outside_the_scope()
    {
        JsonElement j = Motor("11", "10", "92");
        Assert.False(j.Bool("covered"));
        Assert.Equal(0, (int)j.Num("grade"));
    }

    [Fact]
    public void Text_output_shows_verdict_and_limits()
    {
        EgwResult r = Egw.Run("calc", "motor", "--rated-kw", "11", "--poles", "4", "--efficiency-percent", "90");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("obsolete, must be replaced", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("91.4", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--poles", "3", "--poles = 3")]
    [InlineData("--rated-kw", "-1", "--rated-kw = -1")]
    [InlineData("--efficiency-percent", "120", "--efficiency-percent = 120")]
    [InlineData("--poles", "four", "--poles = four")]
    public void Bad_input_names_the_option_and_value(string option, string value, string expected)
    {
        var args = new System.Collections.Generic.Dictionary<string, string>
        {
            ["--rated-kw"] = "11", ["--poles"] = "4", ["--efficiency-percent"] = "92",
        };
        args[option] = value;
        string line = Egw.Run("calc", "motor", "--rated-kw", args["--rated-kw"], "--poles", args["--poles"],
            "--efficiency-percent", args["--efficiency-percent"], "--json").BadInputLine();
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_efficiency_is_named()
    {
        string line = Egw.Run("calc", "motor", "--rated-kw", "11", "--poles", "4", "--json").BadInputLine();
        Assert.Contains("--efficiency-percent = missing", line, StringComparison.Ordinal);
    }
}
