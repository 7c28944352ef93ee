using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace EdgeGateway.PortableGate.Gate;

/// <summary>One deny-list line: a documentation-comment id pattern (<c>*</c> matches any run of characters) and why.</summary>
public sealed record DenyEntry(string Pattern, string Reason, int Line)
{
    private Regex? _regex;

    public bool Matches(string documentationId)
    {
        _regex ??= new Regex("^" + Regex.Escape(Pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant);
        return _regex.IsMatch(documentationId);
    }
}

/// <summary>
/// Members that exist in the nano references (so the real compile accepts them) but must not be used by portable code.
/// Members the reference lacks (string.Replace, DateTime.Now, Array.Sort …) are NOT listed: the nano compile rejects them.
/// File format: <c>pattern | reason</c>, one per line; <c>#</c> starts a comment line.
/// </summary>
public sealed class DenyList
{
    public const string FileName = "denied-members.txt";

    public DenyList(IReadOnlyList<DenyEntry> entries, string sourcePath)
    {
        Entries = entries;
        SourcePath = sourcePath;
    }

    public IReadOnlyList<DenyEntry> Entries { get; }

    public string SourcePath { get; }

    /// <summary>The copy beside the gate assembly (the project copies data/denied-members.txt to its output).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", FileName);

    /// <summary>Parses the file; malformed lines throw <see cref="FormatException"/> naming the line.</summary>
    public static DenyList Load(string path)
    {
        var entries = new List<DenyEntry>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0 || bar == line.Length - 1)
            {
                throw new FormatException($"{path}({i + 1}): expected 'pattern | reason', got '{line}'");
            }

            var pattern = line[..bar].Trim();
            var reason = line[(bar + 1)..].Trim();
            if (pattern.Length < 3 || pattern[1] != ':' || "TMPFE".IndexOf(pattern[0], StringComparison.Ordinal) < 0)
            {
                throw new FormatException(
                    $"{path}({i + 1}): pattern '{pattern}' must be a documentation id (T:, M:, P:, F:, E: prefix)");
            }

            if (reason.Length == 0)
            {
                throw new FormatException($"{path}({i + 1}): '{pattern}' has no reason; every entry must say why");
            }

            entries.Add(new DenyEntry(pattern, reason, i + 1));
        }

        return new DenyList(entries, path);
    }

    /// <summary>
    /// The entry that forbids <paramref name="symbol"/>: matched on the member's own id and on the ids of its containing
    /// types (a <c>T:</c> entry forbids the type and all its members).
    /// </summary>
    public DenyEntry? Match(ISymbol symbol)
    {
        if (Entries.Count == 0)
        {
            return null;
        }

        var definition = symbol.OriginalDefinition;
        if (definition is IMethodSymbol { ReducedFrom: { } reduced })
        {
            definition = reduced.OriginalDefinition;
        }

        for (ISymbol? current = definition; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            var id = current.GetDocumentationCommentId();
            if (id is null)
            {
                continue;
            }

            foreach (var entry in Entries)
            {
                if (entry.Matches(id))
                {
                    return entry;
                }
            }
        }

        return null;
    }
}
