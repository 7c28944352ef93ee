using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Infrastructure;

/// <summary>
/// The options of one egw command: <c>--name value</c> pairs and bare <c>--flag</c>s. Parsing is hand-written so that
/// every mistake becomes one line naming the option, the value and what is allowed (an <see cref="InputException"/>),
/// which the entry point prints and turns into exit code 2.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);
    private readonly List<string> positionals = new();

    public CommandLine(IReadOnlyList<string> args, int start)
    {
        for (int i = start; i < args.Count; i++)
        {
            string a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                string name = a.Substring(2);
                string? value = null;
                int eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name.Substring(eq + 1);
                    name = name.Substring(0, eq);
                }
                else if (i + 1 < args.Count && !IsOptionName(args[i + 1]))
                {
                    value = args[++i];
                }

                if (options.ContainsKey(name))
                {
                    throw new InputException("--" + name, value ?? "(flag)", "given twice; give each option once");
                }

                options[name] = value;
            }
            else
            {
                positionals.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Positionals => positionals;

    public bool Has(string name) => options.ContainsKey(name);

    public bool Flag(string name)
    {
        if (!options.TryGetValue(name, out string? v))
        {
            return false;
        }

        used.Add(name);
        if (v != null)
        {
            throw new InputException("--" + name, v, "is a flag and takes no value");
        }

        return true;
    }

    public string? OptionalString(string name)
    {
        if (!options.TryGetValue(name, out string? v))
        {
            return null;
        }

        used.Add(name);
        if (v == null)
        {
            throw new InputException("--" + name, "missing", "needs a value after it");
        }

        return v;
    }

    public string RequiredString(string name, string allowed)
    {
        return OptionalString(name) ?? throw new InputException("--" + name, "missing", "required: " + allowed);
    }

    public string Choice(string name, string[] allowed, string? defaultValue)
    {
        string? v = OptionalString(name) ?? defaultValue;
        if (v == null)
        {
            throw new InputException("--" + name, "missing", "required: one of " + string.Join(", ", allowed));
        }

        if (Array.IndexOf(allowed, v) < 0)
        {
            throw new InputException("--" + name, v, "must be one of " + string.Join(", ", allowed));
        }

        return v;
    }

    public double RequiredDouble(string name, string allowed)
    {
        string v = RequiredString(name, allowed);
        return ParseDouble(name, v, allowed);
    }

    public double OptionalDouble(string name, double defaultValue, string allowed)
    {
        string? v = OptionalString(name);
        return v == null ? defaultValue : ParseDouble(name, v, allowed);
    }

    public int OptionalInt(string name, int defaultValue, int min, int max)
    {
        string? v = OptionalString(name);
        if (v == null)
        {
            return defaultValue;
        }

        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
        {
            throw new InputException("--" + name, v, "must be a whole number from " + min + " to " + max);
        }

        return n;
    }

    public int RequiredInt(string name, int min, int max)
    {
        if (!Has(name))
        {
            throw new InputException("--" + name, "missing", "required: a whole number from " + min + " to " + max);
        }

        return OptionalInt(name, 0, min, max);
    }

    /// <summary>Fails on any option the command did not read, so a typo never goes unnoticed.</summary>
    public void RejectUnknown(string command)
    {
        foreach (string name in options.Keys)
        {
            if (!used.Contains(name))
            {
                throw new InputException("--" + name, options[name] ?? "(flag)", "is not an option of '" + command + "'; see 'egw help'");
            }
        }
    }

    private static double ParseDouble(string name, string v, string allowed)
    {
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new InputException("--" + name, v, "must be a number (" + allowed + ")");
        }

        return d;
    }

    private static bool IsOptionName(string s) => s.StartsWith("--", StringComparison.Ordinal) && s.Length > 2 && !char.IsDigit(s[2]);
}

/// <summary>Where a command writes: injected so tests can run commands in-process and read what they print.</summary>
public sealed class Console2
{
    public Console2(TextWriter output, TextWriter error)
        : this(output, error, Console.In)
    {
    }

    public Console2(TextWriter output, TextWriter error, TextReader input)
    {
        Out = output;
        Error = error;
        In = input;
    }

    /// <summary>Standard input (for <c>--input -</c>).</summary>
    public TextReader In { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }
}
