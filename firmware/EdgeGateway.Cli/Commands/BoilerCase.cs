using System;
using System.IO;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Shared.Boilers.Efficiency;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Standards;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// A boiler case file (schema in CALC.md), read and checked field by field. Checks that only the file's structure
/// can answer (missing sections, wrong types, unknown fields, which capacity a boiler type needs) are made here with
/// JSON paths; physical ranges of measurements are left to the engines, which name fields "measurements.&lt;name&gt;".
/// </summary>
public sealed class BoilerCase
{
    public static readonly string[] Methods = { "direct", "indirect" };
    public static readonly string[] Types = { "steam", "hot-water" };
    public static readonly string[] Combustions = { "chamber", "grate", "fluidized-bed" };
    public static readonly string[] CoalClasses = { "bituminous-I", "bituminous-II", "bituminous-III", "lean", "anthracite-II", "anthracite-III", "lignite", "pulverized" };
    public static readonly string[] Bases = { "measured", "rated" };
    public static readonly string[] Confidences = { "V", "3P", "M" };

    private static readonly string[] TopFields = { "description", "boiler", "method", "efficiencyBasis", "measurements", "fuelComposition" };
    private static readonly string[] BoilerFields =
    {
        "name", "fuel", "type", "combustion", "ratedCapacityTph", "ratedHeatOutputMw", "condensing", "coalClass",
        "designFuelLowerHeatingValueKjPerKg", "ratedEfficiencyPercent",
    };

    private BoilerCase()
    {
    }

    public string? Description { get; private set; }

    public string? Name { get; private set; }

    public FuelKind Fuel { get; private set; }

    public string FuelName => FuelKinds.Name(Fuel);

    /// <summary>"steam" or "hot-water".</summary>
    public string Type { get; private set; } = "steam";

    /// <summary>"chamber", "grate", "fluidized-bed", or null (not given / not applicable).</summary>
    public string? Combustion { get; private set; }

    public double RatedCapacityTph { get; private set; } = double.NaN;

    public double RatedHeatOutputMw { get; private set; } = double.NaN;

    public bool Condensing { get; private set; }

    public string? CoalClass { get; private set; }

    public double DesignFuelLowerHeatingValueKjPerKg { get; private set; } = double.NaN;

    public double RatedEfficiencyPercent { get; private set; } = double.NaN;

    /// <summary>"direct", "indirect", or null when only the rated efficiency is graded.</summary>
    public string? Method { get; private set; }

    public EfficiencySource Basis { get; private set; } = EfficiencySource.Measured;

    public string BasisName => Basis == EfficiencySource.Rated ? "rated" : "measured";

    public BoilerMeasurements Measurements { get; } = new();

    /// <summary>The site's gas analysis, or null for the engine's typical composition.</summary>
    public GasComposition? FuelComposition { get; private set; }

    /// <summary>Reads a case from a file path, or from <paramref name="stdin"/> when the path is "-".</summary>
    public static BoilerCase Load(string path, TextReader stdin)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stdin);
        string text;
        string source;
        if (path == "-")
        {
            text = stdin.ReadToEnd();
            source = "- (stdin)";
        }
        else
        {
            source = path;
            if (Directory.Exists(path))
            {
                throw new InputException("--input", path, "is a directory; give a .json file (a boiler case, see CALC.md), or - to read it from stdin");
            }

            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new InputException("--input", path, "file not found; give the path of a boiler case JSON file (see CALC.md), or - to read it from stdin");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException("--input", path, "cannot be read (" + e.Message + "); give a readable JSON file, or - for stdin");
            }
        }

        if (text.Trim().Length == 0)
        {
            throw new InputException("--input", source, "is empty; it must hold one boiler case JSON object (see CALC.md)");
        }

        return Parse(JsonFields.Parse(text, source));
    }

    public static BoilerCase Parse(JsonFields root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.AllowOnly(TopFields);
        var c = new BoilerCase { Description = root.OptionalString("description") };

        JsonFields boiler = root.RequiredObject("boiler", "the nameplate: fuel, type, capacity (" + string.Join(", ", BoilerFields) + ")");
        boiler.AllowOnly(BoilerFields);
        c.Name = boiler.OptionalString("name");
        string[] fuels = FuelNames();
        c.Fuel = FuelKinds.Parse(boiler.Choice("fuel", fuels), boiler.PathOf("fuel"));
        c.RatedCapacityTph = boiler.OptionalNumber("ratedCapacityTph", NumberRange.Positive("t/h, rated evaporation")) ?? double.NaN;
        c.RatedHeatOutputMw = boiler.OptionalNumber("ratedHeatOutputMw", NumberRange.Positive("MW, rated heat output")) ?? double.NaN;
        c.Type = boiler.OptionalChoice("type", Types)
            ?? (double.IsNaN(c.RatedCapacityTph) && !double.IsNaN(c.RatedHeatOutputMw) ? "hot-water" : "steam");
        if (c.Type == "steam" && double.IsNaN(c.RatedCapacityTph))
        {
            throw boiler.Missing("ratedCapacityTph", "a steam boiler's rated evaporation, t/h, > 0");
        }

        if (c.Type == "hot-water" && double.IsNaN(c.RatedHeatOutputMw) && double.IsNaN(c.RatedCapacityTph))
        {
            throw boiler.Missing("ratedHeatOutputMw", "a hot-water boiler's rated heat output, MW, > 0 (or ratedCapacityTph)");
        }

        c.Condensing = boiler.OptionalBool("condensing") ?? false;
        c.Combustion = boiler.OptionalChoice("combustion", Combustions);
        if (c.Combustion == null && c.Fuel == FuelKind.Coal)
        {
            throw boiler.Missing("combustion", "coal boilers are graded by combustion type: one of " + JsonFields.Quoted(Combustions));
        }

        string? coal = boiler.OptionalString("coalClass");
        if (coal != null)
        {
            c.CoalClass = Array.Find(CoalClasses, k => string.Equals(k, coal, StringComparison.OrdinalIgnoreCase))
                ?? throw boiler.Invalid("coalClass", "must be one of " + JsonFields.Quoted(CoalClasses));
        }

        c.DesignFuelLowerHeatingValueKjPerKg = boiler.OptionalNumber("designFuelLowerHeatingValueKjPerKg",
            NumberRange.Positive("kJ/kg, as-received net heating value of the design fuel")) ?? double.NaN;
        c.RatedEfficiencyPercent = boiler.OptionalNumber("ratedEfficiencyPercent",
            NumberRange.Between("%, rated thermal efficiency from the energy-efficiency test report", 0, 120, minExclusive: true)) ?? double.NaN;

        string basis = root.OptionalChoice("efficiencyBasis", Bases) ?? "measured";
        c.Basis = basis == "rated" ? EfficiencySource.Rated : EfficiencySource.Measured;
        if (c.Basis == EfficiencySource.Rated && double.IsNaN(c.RatedEfficiencyPercent))
        {
            throw boiler.Missing("ratedEfficiencyPercent", "efficiencyBasis \"rated\" grades the test report's rated efficiency, % (0..120]");
        }

        // With the rated basis the calculation is optional: an inspector may grade the nameplate alone.
        c.Method = c.Basis == EfficiencySource.Rated ? root.OptionalChoice("method", Methods) : root.Choice("method", Methods);
        JsonFields? measurements = root.OptionalObject("measurements");
        if (c.Method != null)
        {
            if (measurements == null)
            {
                throw root.Missing("measurements", "an object {...} with the " + c.Method + " method's measurements (see CALC.md)");
            }

            FieldMapper.ReadDoubles(measurements, c.Measurements);
        }
        else if (measurements != null)
        {
            throw root.Invalid("measurements", "given without \"method\": add \"method\": \"direct\" or \"indirect\", or leave measurements out");
        }

        JsonFields? composition = root.OptionalObject("fuelComposition");
        if (composition != null)
        {
            if (!FuelKinds.IsGaseous(c.Fuel))
            {
                throw root.Invalid("fuelComposition", "applies to gaseous fuels (natural-gas, lpg, coke-oven-gas) only; boiler.fuel is \"" + c.FuelName + "\" (coal, biomass and oil use the ultimate analysis in measurements)");
            }

            var gas = new GasComposition();
            FieldMapper.ReadDoubles(composition, gas, "source", "confidence");
            gas.Source = composition.OptionalString("source") ?? "gas analysis given in the case file";
            gas.Confidence = composition.OptionalChoice("confidence", Confidences) ?? "M";
            c.FuelComposition = gas;
        }

        return c;
    }

    /// <summary>The GB 24500-2020 lookup input: the engine's fuel and combustion vocabulary.</summary>
    public BoilerSpec Spec()
    {
        var spec = new BoilerSpec
        {
            Fuel = Fuel switch
            {
                FuelKind.NaturalGas => BoilerFuel.NaturalGas,
                FuelKind.Oil => BoilerFuel.Oil,
                FuelKind.Coal => BoilerFuel.Coal,
                FuelKind.Biomass => BoilerFuel.Biomass,
                FuelKind.Electric => BoilerFuel.Electric,
                _ => BoilerFuel.Other, // LPG, coke-oven gas: GB 24500 has no row (the verdict says "not covered").
            },
            Combustion = Combustion switch
            {
                "chamber" => BoilerCombustion.Chamber,
                "grate" => BoilerCombustion.Grate,
                "fluidized-bed" => BoilerCombustion.FluidizedBed,
                _ => FuelKinds.IsGaseous(Fuel) || Fuel == FuelKind.Oil ? BoilerCombustion.Chamber : BoilerCombustion.NotApplicable,
            },
            RatedEvaporationTph = RatedCapacityTph,
            RatedHeatOutputMw = RatedHeatOutputMw,
            Condensing = Condensing,
            NetHeatingValueKjPerKg = DesignFuelLowerHeatingValueKjPerKg,
            CoalClass = CoalClass switch
            {
                "bituminous-I" => Shared.Boilers.Grading.CoalClass.BituminousI,
                "bituminous-II" => Shared.Boilers.Grading.CoalClass.BituminousII,
                "bituminous-III" => Shared.Boilers.Grading.CoalClass.BituminousIII,
                "lean" => Shared.Boilers.Grading.CoalClass.Lean,
                "anthracite-II" => Shared.Boilers.Grading.CoalClass.AnthraciteII,
                "anthracite-III" => Shared.Boilers.Grading.CoalClass.AnthraciteIII,
                "lignite" => Shared.Boilers.Grading.CoalClass.Lignite,
                "pulverized" => Shared.Boilers.Grading.CoalClass.Pulverized,
                _ => Shared.Boilers.Grading.CoalClass.None,
            },
        };
        return spec;
    }

    /// <summary>Rated capacity in t/h for q5: steam boilers by evaporation, hot-water boilers by MW ÷ 0.7.</summary>
    public double RatedCapacityTphForLosses()
    {
        if (!double.IsNaN(RatedCapacityTph))
        {
            return RatedCapacityTph;
        }

        return IndirectMethod.RatedCapacityTphFromMw(RatedHeatOutputMw);
    }

    public static string[] FuelNames()
    {
        FuelKind[] all = FuelKinds.All();
        string[] names = new string[all.Length];
        for (int i = 0; i < all.Length; i++)
        {
            names[i] = FuelKinds.Name(all[i]);
        }

        return names;
    }
}
