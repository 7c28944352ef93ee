using System;
using System.Globalization;

namespace EdgeGateway.PortableGate.Gate;

/// <summary>
/// One thing the gate rejects. <see cref="Path"/> is relative to the repository root (forward slashes) so the line can be
/// clicked in an IDE or CI log; <see cref="Construct"/> names what was used ("System.Action&lt;int&gt;", "yield return").
/// </summary>
public sealed record GateFinding(string RuleId, string Construct, string Path, int Line, int Column, string Message)
{
    /// <summary>MSBuild-style line: <c>path(line,col): error GATE0xx: construct: message</c>.</summary>
    public string Format()
    {
        return string.Create(CultureInfo.InvariantCulture, $"{Path}({Line},{Column}): error {RuleId}: {Construct}: {Message}");
    }

    public override string ToString() => Format();
}

/// <summary>The gate's rule identifiers and what each forbids; the ids are stable (known-bad samples and docs name them).</summary>
public static class GateRules
{
    public const string GenericDefinitionType = "GATE001";
    public const string GenericDefinitionMethod = "GATE002";
    public const string GenericTypeUse = "GATE003";
    public const string GenericMethodUse = "GATE004";
    public const string AsyncAwait = "GATE005";
    public const string LinqQuery = "GATE006";
    public const string LinqUse = "GATE007";
    public const string Yield = "GATE008";
    public const string Record = "GATE009";
    public const string Tuple = "GATE010";
    public const string NullableValueType = "GATE011";
    public const string SpanMemory = "GATE012";
    public const string RangeIndex = "GATE013";
    public const string DecimalType = "GATE014";
    public const string Dynamic = "GATE015";
    public const string AnonymousType = "GATE016";
    public const string StackAlloc = "GATE017";
    public const string CatchWhen = "GATE018";
    public const string MultiDimensionalArray = "GATE019";
    public const string Unsafe = "GATE020";
    public const string DefaultInterfaceMember = "GATE021";
    public const string DeniedMember = "GATE022";
    public const string Tasks = "GATE023";

    public const string ReferencesMissing = "GATE030";
    public const string NoSources = "GATE031";
    public const string DenyListInvalid = "GATE032";

    public const string NfprojMissing = "GATE040";
    public const string NfprojImport = "GATE041";
    public const string HintPathMismatch = "GATE042";

    /// <summary>Rule id → one-line description (printed by <c>--rules</c> and used in the report).</summary>
    public static readonly (string Id, string Description)[] All =
    {
        (GenericDefinitionType, "generic type or delegate definition (the stable runtime has no generics)"),
        (GenericDefinitionMethod, "generic method or local function definition"),
        (GenericTypeUse, "use of a constructed generic type, incl. Action<T>, Func<>, EventHandler<T> that mscorlib 1.17.11 declares but the runtime cannot execute"),
        (GenericMethodUse, "call of a generic method (explicit or inferred type arguments)"),
        (AsyncAwait, "async/await (no System.Threading.Tasks on nanoFramework)"),
        (LinqQuery, "LINQ query syntax"),
        (LinqUse, "System.Linq namespace or its extension methods"),
        (Yield, "iterator (yield return / yield break)"),
        (Record, "record declaration"),
        (Tuple, "tuple type, tuple literal or deconstruction"),
        (NullableValueType, "nullable value type (int?, Nullable<T>)"),
        (SpanMemory, "Span<T>, ReadOnlySpan<T>, Memory<T>, ReadOnlyMemory<T> (use byte[] + offset/count or SpanByte)"),
        (RangeIndex, "range (a..b) or index-from-end (^i)"),
        (DecimalType, "decimal type or literal"),
        (Dynamic, "dynamic"),
        (AnonymousType, "anonymous type (new { … })"),
        (StackAlloc, "stackalloc"),
        (CatchWhen, "exception filter (catch … when)"),
        (MultiDimensionalArray, "multi-dimensional array (rank > 1; use jagged or flat arrays)"),
        (Unsafe, "unsafe code: unsafe, fixed, pointers, address-of"),
        (DefaultInterfaceMember, "interface member with a body (default interface member)"),
        (DeniedMember, "member that mscorlib/facades declare but portable code must not use (data/denied-members.txt)"),
        (Tasks, "System.Threading.Tasks namespace"),
        (ReferencesMissing, "gate error: nano references (mscorlib, facades) not found"),
        (NoSources, "gate error: no portable sources found"),
        (DenyListInvalid, "gate error: the deny list is missing or malformed"),
        (NfprojMissing, "the .nfproj or its packages.config is missing or unreadable"),
        (NfprojImport, "the .nfproj does not import a portable .projitems"),
        (HintPathMismatch, "a .nfproj HintPath does not match packages.config (id + version)"),
    };

    public static string Describe(string ruleId)
    {
        foreach (var (id, description) in All)
        {
            if (string.Equals(id, ruleId, StringComparison.Ordinal))
            {
                return description;
            }
        }

        return ruleId;
    }
}
