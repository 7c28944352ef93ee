using System;
using System.Collections.Generic;
using System.Globalization;

namespace EdgeGateway.Portability.Tests.Bites;

/// <summary>
/// One planted bad file: what the nano compile must say about it (null when the construct compiles against mscorlib
/// 1.17.11, so only the gate can catch it) and what the gate must say (null when only the compile can, e.g. a member the
/// reference lacks). The bad construct sits on <see cref="BadLine"/> of shared/EdgeGateway.Shared/{FileName}.
/// </summary>
public sealed record BiteCase(
    string Name,
    string UsingLine,
    string Statement,
    string? CompileConstruct,
    string? GateRule,
    string? GateConstruct)
{
    public const int StatementLine = 10;

    public string ClassName => "Bite" + Name;

    public string FileName => ClassName + ".cs";

    public string RelativePath => "shared/EdgeGateway.Shared/" + FileName;

    public int BadLine => Statement.Length == 0 ? 1 : StatementLine;

    /// <summary>The file: line 1 carries the optional bad using, line 10 the bad statement.</summary>
    public string Source => string.Join("\n", new[]
    {
        UsingLine.Length == 0 ? "// (no extra using)" : UsingLine,
        "using System;",
        "",
        "namespace EdgeGateway.Shared.Bites",
        "{",
        "    public static class " + ClassName,
        "    {",
        "        public static object Probe(string s, double x)",
        "        {",
        "            " + Statement,
        "            return s;",
        "        }",
        "    }",
        "}",
        "",
    });

    public override string ToString() => Name;

    /// <summary>The cases issue 9 names, plus int?, decimal and Task.</summary>
    public static readonly IReadOnlyList<BiteCase> All = new[]
    {
        new BiteCase("GenericList", "", "var list = new System.Collections.Generic.List<int>();", "'Generic'", "GATE003", "List<int>"),
        new BiteCase("StringReplace", "", "var replaced = s.Replace(\"a\", \"b\");", "'Replace'", null, null),
        new BiteCase("MathRoundDigits", "", "var rounded = Math.Round(x, 2);", "'Round'", null, null),
        new BiteCase("DateTimeNow", "", "var now = DateTime.Now;", "'Now'", null, null),
        new BiteCase("ActionOfInt", "", "System.Action<int> a = v => { }; a(1);", null, "GATE003", "System.Action<int>"),
        new BiteCase("UsingLinq", "using System.Linq;", "", "'Linq'", "GATE007", "System.Linq"),
        new BiteCase("NullableInt", "", "int? maybe = null;", "Nullable", "GATE011", "int?"),
        new BiteCase("Decimal", "", "decimal price = 1.5m;", "System.Decimal", "GATE014", "decimal"),
        new BiteCase("Task", "", "System.Threading.Tasks.Task task = null;", "'Tasks'", "GATE023", "System.Threading.Tasks"),
    };

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{RelativePath}({BadLine}): {(Statement.Length == 0 ? UsingLine : Statement)}");
}
