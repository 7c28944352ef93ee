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
    private readonly string command;

    /// <summary>
    /// Parses the options of <paramref name="command"/> (as the user types it after egw, e.g. "calc steam") and
    /// rejects any option not in <paramref name="allowed"/> (names without the leading --) at once: a misspelled
    /// option is reported as unknown, with the nearest real name, before any "required option missing" check could
    /// blame the option the user meant to type.
    /// </summary>
    public CommandLine(IReadOnlyList<string> args, int start, string command, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(allowed);
        this.command = command;
        Parse(args, start);
        foreach (KeyValuePair<string, string?> option in options)
        {
            if (Array.IndexOf(allowed, option.Key) < 0)
            {
                throw new InputException("--" + option.Key, option.Value ?? "(flag)", "is not an option of '" + command + "'; " + Suggest(option.Key, allowed));
            }
        }
    }

    private void Parse(IReadOnlyList<string> args, int start)
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

    /// <summary>
    /// Fails on an option of the command that the options given make pointless (e.g. --type with --profile), so
    /// nothing the user typed is silently ignored. Unknown names were already refused by the constructor.
    /// </summary>
    public void RejectUnused()
    {
        foreach (string name in options.Keys)
        {
            if (!used.Contains(name))
            {
                throw new InputException("--" + name, options[name] ?? "(flag)", "does not apply to '" + command + "' with the other options given; leave it out (see 'egw " + command + " --help')");
            }
        }
    }

    /// <summary>"did you mean --x?" for the nearest allowed name (edit distance), else the list of options.</summary>
    internal static string Suggest(string name, string[] allowed)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string a in allowed)
        {
            int d = EditDistance(name, a);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = a;
            }
        }

        // A third of the name (at least 2 edits) still reads as a typo; beyond that the suggestion would be a guess.
        if (best != null && bestDistance <= Math.Max(2, name.Length / 3))
        {
            return "did you mean --" + best + "?";
        }

        // A shortened or lengthened name (--output for --out, --pressure for --pressure-mpa-abs).
        foreach (string a in allowed)
        {
            if (Math.Min(a.Length, name.Length) >= 3 && (a.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(a, StringComparison.Ordinal)))
            {
                return "did you mean --" + a + "?";
            }
        }

        return allowed.Length == 0 ? "it takes no options" : "its options are --" + string.Join(", --", allowed);
    }

    /// <summary>Levenshtein distance (insert, delete, substitute: 1 each).</summary>
    internal static int EditDistance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
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
