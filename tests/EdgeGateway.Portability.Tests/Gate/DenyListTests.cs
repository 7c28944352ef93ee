using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeGateway.PortableGate.Gate;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EdgeGateway.Portability.Tests.Gate;

/// <summary>
/// The deny list holds only members that EXIST in the nano references (issue 9: what the reference lacks, the compile
/// decides). Each pattern must match at least one public member of mscorlib 1.17.11 or a facade, and carry a reason.
/// </summary>
public sealed class DenyListTests
{
    [Fact]
    public void Every_entry_matches_a_member_of_the_nano_references_and_has_a_reason()
    {
        var denyList = DenyList.Load(DenyList.DefaultPath);
        Assert.NotEmpty(denyList.Entries);
        var ids = PublicDocumentationIds(GateRepo.RequireReferences().All);
        Assert.Contains("M:System.String.Split(System.Char[])", ids); // the walk sees mscorlib at all

        var unmatched = denyList.Entries.Where(e => !ids.Any(e.Matches)).Select(e => $"line {e.Line}: {e.Pattern}").ToList();
        Assert.True(unmatched.Count == 0,
            "deny-list entries that match nothing in the nano references (the compile already rejects them, or a typo): "
            + string.Join("; ", unmatched));
        Assert.All(denyList.Entries, e => Assert.True(e.Reason.Length >= 20, $"line {e.Line}: reason too short: '{e.Reason}'"));
    }

    [Fact]
    public void Members_the_reference_lacks_are_not_on_the_list()
    {
        // string.Replace, DateTime.Now and Array.Sort are absent from mscorlib 1.17.11: the nano compile rejects them, so
        // listing them would only duplicate (and could mask a future facade that adds them legitimately).
        var denyList = DenyList.Load(DenyList.DefaultPath);
        var ids = PublicDocumentationIds(GateRepo.RequireReferences().All);
        foreach (var absent in new[] { "M:System.String.Replace(System.String,System.String)", "P:System.DateTime.Now", "M:System.Array.Sort(System.Array)" })
        {
            Assert.DoesNotContain(absent, ids);
            Assert.DoesNotContain(denyList.Entries, e => e.Matches(absent));
        }
    }

    [Fact]
    public void Malformed_line_is_rejected_with_its_line_number()
    {
        var path = Path.Combine(Path.GetTempPath(), "egw-deny-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            File.WriteAllLines(path, new[] { "# comment", "M:System.Threading.Thread.Abort | fine reason, long enough", "P:System.DateTime.Today" });
            var error = Assert.Throws<FormatException>(() => DenyList.Load(path));
            Assert.Contains("(3)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static HashSet<string> PublicDocumentationIds(IEnumerable<string> referencePaths)
    {
        var references = referencePaths.Select(p => MetadataReference.CreateFromFile(p)).ToList();
        var compilation = CSharpCompilation.Create("deny-list-check", references: references);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
            {
                Collect(assembly.GlobalNamespace, ids);
            }
        }

        return ids;
    }

    private static void Collect(INamespaceSymbol ns, HashSet<string> ids)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            CollectType(type, ids);
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            Collect(child, ids);
        }
    }

    private static void CollectType(INamedTypeSymbol type, HashSet<string> ids)
    {
        if (type.DeclaredAccessibility != Accessibility.Public)
        {
            return;
        }

        AddId(type, ids);
        foreach (var member in type.GetMembers())
        {
            if (member is INamedTypeSymbol nested)
            {
                CollectType(nested, ids);
            }
            else if (member.DeclaredAccessibility == Accessibility.Public)
            {
                AddId(member, ids);
            }
        }
    }

    private static void AddId(ISymbol symbol, HashSet<string> ids)
    {
        var id = symbol.GetDocumentationCommentId();
        if (id is not null)
        {
            ids.Add(id);
        }
    }
}
