using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EdgeGateway.PortableGate.Gate;

/// <summary>
/// Walks one bound syntax tree and reports every construct the stable nanoFramework runtime cannot execute. Syntax rules
/// fire whether or not the code binds (the nano compile reports binding errors itself); symbol rules use the semantic
/// model, so implicit uses (a lambda converted to Action&lt;int&gt;, an inferred generic method) are caught too.
/// </summary>
internal sealed class SourceAnalyzer
{
    private static readonly SymbolDisplayFormat Display = SymbolDisplayFormat.CSharpErrorMessageFormat;

    private static readonly HashSet<string> SpanLikeNames = new(StringComparer.Ordinal)
    {
        "Span", "ReadOnlySpan", "Memory", "ReadOnlyMemory",
    };

    private readonly SemanticModel _model;
    private readonly DenyList _denyList;
    private readonly string _path;
    private readonly List<GateFinding> _sink;
    private readonly HashSet<(string Rule, int Line)> _seen = new();

    private SourceAnalyzer(SemanticModel model, DenyList denyList, string path, List<GateFinding> sink)
    {
        _model = model;
        _denyList = denyList;
        _path = path;
        _sink = sink;
    }

    public static void Analyze(SemanticModel model, DenyList denyList, string path, List<GateFinding> sink)
    {
        var analyzer = new SourceAnalyzer(model, denyList, path, sink);
        foreach (var node in model.SyntaxTree.GetRoot().DescendantNodesAndSelf())
        {
            analyzer.Visit(node);
        }
    }

    private void Visit(SyntaxNode node)
    {
        switch (node)
        {
            case TypeParameterListSyntax typeParameters:
                VisitTypeParameters(typeParameters);
                break;
            case SimpleNameSyntax name:
                VisitName(name);
                break;
            case QualifiedNameSyntax qualified:
                VisitNamespaceText(qualified, qualified.ToString());
                break;
            case MemberAccessExpressionSyntax memberAccess:
                VisitNamespaceText(memberAccess, memberAccess.ToString());
                if (memberAccess.IsKind(SyntaxKind.PointerMemberAccessExpression))
                {
                    Report(GateRules.Unsafe, "pointer member access '->'", node);
                }

                break;
            case NullableTypeSyntax nullable:
                VisitNullable(nullable);
                break;
            case ArrayRankSpecifierSyntax rank when rank.Rank > 1:
                Report(GateRules.MultiDimensionalArray, (rank.Parent ?? rank).ToString(), rank);
                break;
            case AwaitExpressionSyntax:
                Report(GateRules.AsyncAwait, "await", node);
                break;
            case ForEachStatementSyntax forEach when !forEach.AwaitKeyword.IsKind(SyntaxKind.None):
                Report(GateRules.AsyncAwait, "await foreach", node);
                break;
            case UsingStatementSyntax usingStatement when !usingStatement.AwaitKeyword.IsKind(SyntaxKind.None):
                Report(GateRules.AsyncAwait, "await using", node);
                break;
            case LocalDeclarationStatementSyntax local when !local.AwaitKeyword.IsKind(SyntaxKind.None):
                Report(GateRules.AsyncAwait, "await using", node);
                break;
            case AnonymousFunctionExpressionSyntax lambda when !lambda.AsyncKeyword.IsKind(SyntaxKind.None):
                Report(GateRules.AsyncAwait, "async", lambda.AsyncKeyword.GetLocation());
                break;
            case QueryExpressionSyntax:
                Report(GateRules.LinqQuery, "query expression (from … select)", node);
                break;
            case YieldStatementSyntax yield:
                Report(GateRules.Yield, yield.IsKind(SyntaxKind.YieldBreakStatement) ? "yield break" : "yield return", node);
                break;
            case RecordDeclarationSyntax record:
                Report(GateRules.Record, "record " + record.Identifier.ValueText, record.Identifier.GetLocation());
                break;
            case TupleTypeSyntax or TupleExpressionSyntax or ParenthesizedVariableDesignationSyntax:
                Report(GateRules.Tuple, "tuple " + Shorten(node.ToString()), node);
                break;
            case RangeExpressionSyntax:
                Report(GateRules.RangeIndex, "range '..'", node);
                break;
            case PrefixUnaryExpressionSyntax prefix:
                VisitPrefix(prefix);
                break;
            case PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.DecimalKeyword):
                Report(GateRules.DecimalType, "decimal", node);
                break;
            case LiteralExpressionSyntax literal when literal.Token.Value is decimal:
                Report(GateRules.DecimalType, "decimal", node);
                break;
            case AnonymousObjectCreationExpressionSyntax:
                Report(GateRules.AnonymousType, "anonymous type new { … }", node);
                break;
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                Report(GateRules.StackAlloc, "stackalloc", node);
                break;
            case CatchFilterClauseSyntax:
                Report(GateRules.CatchWhen, "catch … when", node);
                break;
            case UnsafeStatementSyntax:
                Report(GateRules.Unsafe, "unsafe", node);
                break;
            case FixedStatementSyntax:
                Report(GateRules.Unsafe, "fixed", node);
                break;
            case PointerTypeSyntax:
                Report(GateRules.Unsafe, "pointer type " + node, node);
                break;
            case FunctionPointerTypeSyntax:
                Report(GateRules.Unsafe, "function pointer " + Shorten(node.ToString()), node);
                break;
        }

        if (node is MemberDeclarationSyntax member)
        {
            VisitMemberDeclaration(member);
        }
        else if (node is LocalFunctionStatementSyntax localFunction)
        {
            VisitModifiers(localFunction.Modifiers);
        }

        if (node is AccessorDeclarationSyntax accessor
            && accessor.Parent?.Parent is BasePropertyDeclarationSyntax { Parent: InterfaceDeclarationSyntax }
            && (accessor.Body is not null || accessor.ExpressionBody is not null))
        {
            Report(GateRules.DefaultInterfaceMember, "default interface member " + accessor.Keyword.ValueText + " accessor",
                accessor.Keyword.GetLocation());
        }

        if (node is ExpressionSyntax expression)
        {
            VisitExpressionType(expression);
        }
    }

    private void VisitTypeParameters(TypeParameterListSyntax typeParameters)
    {
        switch (typeParameters.Parent)
        {
            case MethodDeclarationSyntax method:
                Report(GateRules.GenericDefinitionMethod, method.Identifier.ValueText + typeParameters, typeParameters);
                break;
            case LocalFunctionStatementSyntax localFunction:
                Report(GateRules.GenericDefinitionMethod, localFunction.Identifier.ValueText + typeParameters, typeParameters);
                break;
            case TypeDeclarationSyntax type:
                Report(GateRules.GenericDefinitionType, type.Keyword.ValueText + " " + type.Identifier.ValueText + typeParameters,
                    typeParameters);
                break;
            case DelegateDeclarationSyntax type:
                Report(GateRules.GenericDefinitionType, "delegate " + type.Identifier.ValueText + typeParameters, typeParameters);
                break;
            default:
                Report(GateRules.GenericDefinitionType, "generic definition " + typeParameters, typeParameters);
                break;
        }
    }

    private void VisitMemberDeclaration(MemberDeclarationSyntax member)
    {
        VisitModifiers(member.Modifiers);
        if (member is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.FixedKeyword))
        {
            Report(GateRules.Unsafe, "fixed-size buffer", field);
        }

        if (member.Parent is InterfaceDeclarationSyntax)
        {
            var hasBody = member switch
            {
                BaseMethodDeclarationSyntax method => method.Body is not null || method.ExpressionBody is not null,
                PropertyDeclarationSyntax property => property.ExpressionBody is not null,
                IndexerDeclarationSyntax indexer => indexer.ExpressionBody is not null,
                _ => false,
            };
            if (hasBody)
            {
                Report(GateRules.DefaultInterfaceMember, "default interface member " + MemberName(member), member);
            }
        }
    }

    private static string MemberName(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText + "()",
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.ValueText,
        _ => member.Kind().ToString(),
    };

    private void VisitModifiers(SyntaxTokenList modifiers)
    {
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.AsyncKeyword))
            {
                Report(GateRules.AsyncAwait, "async", modifier.GetLocation());
            }
            else if (modifier.IsKind(SyntaxKind.UnsafeKeyword))
            {
                Report(GateRules.Unsafe, "unsafe", modifier.GetLocation());
            }
        }
    }

    private void VisitPrefix(PrefixUnaryExpressionSyntax prefix)
    {
        if (prefix.IsKind(SyntaxKind.IndexExpression))
        {
            Report(GateRules.RangeIndex, "index from end '^'", prefix);
        }
        else if (prefix.IsKind(SyntaxKind.AddressOfExpression))
        {
            Report(GateRules.Unsafe, "address-of '&'", prefix);
        }
        else if (prefix.IsKind(SyntaxKind.PointerIndirectionExpression))
        {
            Report(GateRules.Unsafe, "pointer indirection '*'", prefix);
        }
    }

    private void VisitNamespaceText(SyntaxNode node, string text)
    {
        var trimmed = text.StartsWith("global::", StringComparison.Ordinal) ? text["global::".Length..] : text;
        if (string.Equals(trimmed, "System.Linq", StringComparison.Ordinal))
        {
            Report(GateRules.LinqUse, "System.Linq", node);
        }
        else if (string.Equals(trimmed, "System.Threading.Tasks", StringComparison.Ordinal))
        {
            Report(GateRules.Tasks, "System.Threading.Tasks", node);
        }
    }

    private void VisitNullable(NullableTypeSyntax nullable)
    {
        var type = _model.GetTypeInfo(nullable).Type;
        var element = _model.GetTypeInfo(nullable.ElementType).Type;
        var isValueType =
            (type is not null && type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            || (element is not null && element.TypeKind != TypeKind.Error && element.IsValueType)
            || (nullable.ElementType is PredefinedTypeSyntax predefined
                && !predefined.Keyword.IsKind(SyntaxKind.StringKeyword)
                && !predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword));
        if (isValueType)
        {
            Report(GateRules.NullableValueType, nullable.ToString(), nullable);
        }
    }

    private void VisitName(SimpleNameSyntax name)
    {
        var info = _model.GetSymbolInfo(name);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (symbol is null || (symbol is ITypeSymbol { TypeKind: TypeKind.Error }))
        {
            VisitUnboundName(name);
            return;
        }

        var denied = _denyList.Match(symbol);
        if (denied is not null)
        {
            Report(GateRules.DeniedMember, symbol.ToDisplayString(Display), name,
                denied.Reason + " (deny list: " + denied.Pattern + ")");
        }

        switch (symbol)
        {
            case ITypeSymbol type:
                CheckType(type, name);
                break;
            case IMethodSymbol method:
                CheckMethod(method, name);
                break;
            case INamespaceSymbol ns:
                VisitNamespaceText(name, ns.ToDisplayString());
                break;
            case IPropertySymbol or IFieldSymbol or IEventSymbol:
                if (symbol.ContainingType is { } containing)
                {
                    CheckContainingType(containing, name);
                }

                break;
        }
    }

    /// <summary>Names the reference does not declare: only their spelling is left to judge (the compile will fail too).</summary>
    private void VisitUnboundName(SimpleNameSyntax name)
    {
        if (name is GenericNameSyntax generic)
        {
            var identifier = generic.Identifier.ValueText;
            if (SpanLikeNames.Contains(identifier))
            {
                Report(GateRules.SpanMemory, generic.ToString(), generic);
            }
            else if (identifier is "Nullable")
            {
                Report(GateRules.NullableValueType, generic.ToString(), generic);
            }
            else if (identifier is "ValueTuple" or "Tuple")
            {
                Report(GateRules.Tuple, generic.ToString(), generic);
            }
            else
            {
                Report(GateRules.GenericTypeUse, generic.ToString(), generic);
            }
        }
        else if (name.Identifier.ValueText is "dynamic" && SyntaxFacts.IsInTypeOnlyContext(name))
        {
            Report(GateRules.Dynamic, "dynamic", name);
        }
    }

    private void CheckMethod(IMethodSymbol method, SyntaxNode at)
    {
        var definition = method.ReducedFrom ?? method;
        if (method.IsGenericMethod || definition.IsGenericMethod)
        {
            Report(GateRules.GenericMethodUse, method.ToDisplayString(Display), at);
        }

        if (IsInNamespace(definition, "System.Linq"))
        {
            Report(GateRules.LinqUse, method.ToDisplayString(Display), at);
        }

        if (method.ContainingType is { } containing)
        {
            CheckContainingType(containing, at);
        }
    }

    private void CheckContainingType(INamedTypeSymbol containing, SyntaxNode at)
    {
        for (INamedTypeSymbol? type = containing; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType || type.IsTupleType || SpanLikeNames.Contains(type.Name))
            {
                CheckType(type, at);
                return;
            }
        }
    }

    private void VisitExpressionType(ExpressionSyntax expression)
    {
        var info = _model.GetTypeInfo(expression);
        if (info.Type is { } type)
        {
            CheckType(type, expression);
        }

        if (info.ConvertedType is { } converted && !SymbolEqualityComparer.Default.Equals(converted, info.Type))
        {
            CheckType(converted, expression);
        }
    }

    private void CheckType(ITypeSymbol type, SyntaxNode at)
    {
        switch (type)
        {
            case { TypeKind: TypeKind.Error }:
                return;
            case IArrayTypeSymbol array:
                if (array.Rank > 1)
                {
                    Report(GateRules.MultiDimensionalArray,
                        array.ElementType.ToDisplayString(Display) + "[" + new string(',', array.Rank - 1) + "]", at);
                }

                CheckType(array.ElementType, at);
                return;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                Report(GateRules.Unsafe, "pointer type " + type.ToDisplayString(Display), at);
                return;
            case { TypeKind: TypeKind.Dynamic }:
                Report(GateRules.Dynamic, "dynamic", at);
                return;
            case { SpecialType: SpecialType.System_Decimal }:
                Report(GateRules.DecimalType, "decimal", at);
                return;
            case INamedTypeSymbol named:
                CheckNamedType(named, at);
                return;
        }
    }

    private void CheckNamedType(INamedTypeSymbol named, SyntaxNode at)
    {
        var denied = _denyList.Match(named);
        if (denied is not null)
        {
            Report(GateRules.DeniedMember, named.ToDisplayString(Display), at,
                denied.Reason + " (deny list: " + denied.Pattern + ")");
        }

        if (named.IsAnonymousType)
        {
            Report(GateRules.AnonymousType, "anonymous type", at);
        }
        else if (named.IsTupleType)
        {
            Report(GateRules.Tuple, "tuple " + named.ToDisplayString(Display), at);
        }
        else if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            Report(GateRules.NullableValueType, named.ToDisplayString(Display), at);
        }
        else if (SpanLikeNames.Contains(named.Name) && IsInNamespace(named, "System"))
        {
            Report(GateRules.SpanMemory, named.ToDisplayString(Display), at);
        }
        else if (named.IsGenericType || HasGenericContainer(named))
        {
            Report(GateRules.GenericTypeUse, named.ToDisplayString(Display), at);
        }
    }

    private static bool HasGenericContainer(INamedTypeSymbol named)
    {
        for (var outer = named.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInNamespace(ISymbol symbol, string ns)
    {
        var containing = symbol.ContainingNamespace;
        return containing is not null && string.Equals(containing.ToDisplayString(), ns, StringComparison.Ordinal);
    }

    private static string Shorten(string text)
    {
        var singleLine = string.Join(' ', text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return singleLine.Length <= 60 ? singleLine : singleLine[..57] + "...";
    }

    private void Report(string ruleId, string construct, SyntaxNode node, string? message = null)
    {
        Report(ruleId, construct, node.GetLocation(), message);
    }

    private void Report(string ruleId, string construct, Location location, string? message = null)
    {
        var span = location.GetLineSpan();
        var line = span.StartLinePosition.Line + 1;
        if (!_seen.Add((ruleId, line)))
        {
            return;
        }

        _sink.Add(new GateFinding(ruleId, construct, _path, line, span.StartLinePosition.Character + 1,
            message ?? Messages.For(ruleId)));
    }
}
