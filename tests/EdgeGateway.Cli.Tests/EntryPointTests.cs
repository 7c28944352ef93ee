using System;

namespace EdgeGateway.Cli.Tests;

/// <summary>The egw entry point: usage, exit codes, one-line errors, and the same behaviour as a real process.</summary>
public class EntryPointTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public void Help_lists_every_calc_command_with_units_and_exits_0(string arg)
    {
        EgwResult r = Egw.Run(arg);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(string.Empty, r.Stderr);
        foreach (string expected in new[]
        {
            "calc steam", "calc saturation", "calc boiler", "calc motor", "calc transformer",
            "--pressure-mpa-abs", "--temperature-c", "--input", "--rated-kw", "--poles", "--efficiency-percent",
            "--kind", "--core", "--rated-kva", "--no-load-loss-kw", "--load-loss-kw", "--insulation-class",
            "--load-factor", "--power-factor", "--json", "kJ/kg", "MPa", "°C", "kW", "modbus", "sim",
        })
        {
            Assert.Contains(expected, r.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_arguments_prints_usage_on_stderr_and_exits_2()
    {
        EgwResult r = Egw.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("calc steam", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("modbus")]
    [InlineData("sim")]
    public void Technician_commands_are_wired_in_and_explain_themselves(string command)
    {
        EgwResult r = Egw.Run(command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("egw " + command, r.Stdout + r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gateway_without_a_subcommand_names_the_subcommands()
    {
        string line = Egw.Run("gateway").BadInputLine();
        Assert.Contains("run or validate", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_command_names_it_and_lists_the_commands()
    {
        string line = Egw.Run("frobnicate").BadInputLine();
        Assert.Contains("frobnicate", line, StringComparison.Ordinal);
        Assert.Contains("calc", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_calculation_names_it_and_lists_the_calculations()
    {
        string line = Egw.Run("calc", "pump").BadInputLine();
        Assert.Contains("pump", line, StringComparison.Ordinal);
        Assert.Contains("steam", line, StringComparison.Ordinal);
        Assert.Contains("transformer", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_names_the_option_and_the_command()
    {
        string line = Egw.Run("calc", "steam", "--pressure-mpa-abs", "1", "--temperature-c", "20", "--pressure-bar", "10").BadInputLine();
        Assert.Contains("--pressure-bar", line, StringComparison.Ordinal);
        Assert.Contains("10", line, StringComparison.Ordinal);
        Assert.Contains("calc steam", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_option_names_it()
    {
        string line = Egw.Run("calc", "steam", "--pressure-mpa-abs", "1", "--json").BadInputLine();
        Assert.Contains("--temperature-c", line, StringComparison.Ordinal);
        Assert.Contains("missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_numeric_value_names_option_and_value()
    {
        string line = Egw.Run("calc", "steam", "--pressure-mpa-abs", "1,5", "--temperature-c", "20").BadInputLine();
        Assert.Contains("--pressure-mpa-abs = 1,5", line, StringComparison.Ordinal);
        Assert.Contains("number", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_positional_argument_is_rejected()
    {
        string line = Egw.Run("calc", "steam", "3", "300").BadInputLine();
        Assert.Contains("3", line, StringComparison.Ordinal);
        Assert.Contains("--options", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_given_twice_is_rejected()
    {
        string line = Egw.Run("calc", "steam", "--pressure-mpa-abs", "1", "--pressure-mpa-abs", "2", "--temperature-c", "20").BadInputLine();
        Assert.Contains("--pressure-mpa-abs", line, StringComparison.Ordinal);
        Assert.Contains("twice", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("150", "--pressure-mpa-abs = 150", "100 MPa")]   // above IF97's 100 MPa
    [InlineData("-1", "--pressure-mpa-abs = -1", "0 < p")]       // negative absolute pressure
    [InlineData("0", "--pressure-mpa-abs = 0", "absolute")]
    public void Out_of_range_steam_pressure_names_option_value_and_range(string p, string expectedStart, string expectedRange)
    {
        string line = Egw.Run("calc", "steam", "--pressure-mpa-abs", p, "--temperature-c", "100", "--json").BadInputLine();
        Assert.Contains(expectedStart, line, StringComparison.Ordinal);
        Assert.Contains(expectedRange, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("900", "800")]   // region 5: not implemented
    [InlineData("-5", "0 to 800")] // ice
    public void Out_of_range_steam_temperature_is_quoted_in_celsius(string t, string expectedRange)
    {
        string line = Egw.Run("calc", "steam", "--pressure-mpa-abs", "1", "--temperature-c", t, "--json").BadInputLine();
        Assert.Contains("--temperature-c = " + t, line, StringComparison.Ordinal);
        Assert.Contains(expectedRange, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_3_state_is_refused_not_extrapolated()
    {
        string line = Egw.Run("calc", "steam", "--pressure-mpa-abs", "25", "--temperature-c", "380", "--json").BadInputLine();
        Assert.Contains("--pressure-mpa-abs = 25", line, StringComparison.Ordinal);
        Assert.Contains("region 3", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "calc", "saturation", "--json" }, "missing")]
    [InlineData(new[] { "calc", "saturation", "--pressure-mpa-abs", "1", "--temperature-c", "100", "--json" }, "both given")]
    public void Saturation_needs_exactly_one_of_pressure_or_temperature(string[] args, string expected)
    {
        string line = Egw.Run(args).BadInputLine();
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("--pressure-mpa-abs", line, StringComparison.Ordinal);
        Assert.Contains("--temperature-c", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--pressure-mpa-abs", "30", "22.064")]    // above the critical pressure
    [InlineData("--pressure-mpa-abs", "20", "16.5292")]   // saturated enthalpies would need region 3
    [InlineData("--temperature-c", "400", "373.946")]     // above the critical temperature
    public void Saturation_out_of_range_names_the_option_the_user_gave(string option, string value, string limit)
    {
        string line = Egw.Run("calc", "saturation", option, value, "--json").BadInputLine();
        Assert.StartsWith("error: " + option + " = " + value + ":", line, StringComparison.Ordinal);
        Assert.Contains(limit, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_failure_exits_1_with_one_internal_error_line_and_no_stack_trace()
    {
        // A closed stdout makes the command fail in a way no input check foresees.
        var closedOut = new System.IO.StringWriter();
        closedOut.Dispose();
        using var err = new System.IO.StringWriter { NewLine = "\n" };
        string? saved = Environment.GetEnvironmentVariable("EGW_DEBUG");
        Environment.SetEnvironmentVariable("EGW_DEBUG", null);
        try
        {
            int code = Program.Run(new[] { "calc", "steam", "--pressure-mpa-abs", "1", "--temperature-c", "20", "--json" },
                new EdgeGateway.Cli.Infrastructure.Console2(closedOut, err, System.IO.TextReader.Null));
            Assert.Equal(1, code);
            string[] lines = err.ToString().TrimEnd('\n').Split('\n');
            Assert.Single(lines);
            Assert.StartsWith("internal error: ", lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", err.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("EGW_DEBUG", saved);
        }
    }

    // Real processes: the exit code and stderr a shell script sees.
    [Fact]
    public void Real_process_success_exits_0_with_json_on_stdout()
    {
        EgwResult r = Egw.RunProcess(null, "calc", "steam", "--pressure-mpa-abs", "3", "--temperature-c", "26.85", "--json");
        Assert.Equal(1, r.Json().GetProperty("region").GetInt32());
        Assert.Equal(string.Empty, r.Stderr);
    }

    [Fact]
    public void Real_process_bad_input_exits_2_with_one_line_and_no_stack_trace()
    {
        EgwResult r = Egw.RunProcess(null, "calc", "steam", "--pressure-mpa-abs", "150", "--temperature-c", "20", "--json");
        string line = r.BadInputLine();
        Assert.Contains("--pressure-mpa-abs = 150", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_process_no_arguments_exits_2()
    {
        EgwResult r = Egw.RunProcess(null);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Usage", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_process_help_exits_0()
    {
        EgwResult r = Egw.RunProcess(null, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("calc boiler", r.Stdout, StringComparison.Ordinal);
    }
}
