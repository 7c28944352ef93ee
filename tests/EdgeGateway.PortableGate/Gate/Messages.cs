namespace EdgeGateway.PortableGate.Gate;

/// <summary>What each finding tells the developer: why the construct fails on the device and what to write instead.</summary>
internal static class Messages
{
    public static string For(string ruleId) => ruleId switch
    {
        GateRules.GenericDefinitionType =>
            "generic type definitions cannot run on nanoFramework's stable runtime (no generics): declare a non-generic type",
        GateRules.GenericDefinitionMethod =>
            "generic method definitions cannot run on the stable runtime: write one method per parameter type or take object",
        GateRules.GenericTypeUse =>
            "constructed generic types cannot run on the stable runtime, even those mscorlib 1.17.11 declares (Action<T>, Func<>, EventHandler<T>): declare a non-generic delegate, use arrays, ArrayList or Hashtable",
        GateRules.GenericMethodUse =>
            "generic methods cannot run on the stable runtime: call or write a non-generic overload",
        GateRules.AsyncAwait =>
            "async/await needs System.Threading.Tasks, which nanoFramework lacks: use a Thread, Timer or a polling loop",
        GateRules.LinqQuery =>
            "LINQ is not available on nanoFramework (and allocates): write a loop",
        GateRules.LinqUse =>
            "System.Linq is not available on nanoFramework: write a loop",
        GateRules.Yield =>
            "iterators compile to generic state machines the stable runtime cannot run: fill an array or ArrayList",
        GateRules.Record =>
            "records need generic equality support the stable runtime lacks: declare a class or struct",
        GateRules.Tuple =>
            "tuples are ValueTuple<...> (generic): declare a small struct or use out parameters",
        GateRules.NullableValueType =>
            "nullable value types are Nullable<T> (generic): use a separate 'has value' flag or a sentinel such as double.NaN",
        GateRules.SpanMemory =>
            "Span<T>/Memory<T> are generic: pass byte[] with offset and count (nanoFramework has SpanByte for bytes)",
        GateRules.RangeIndex =>
            "ranges and from-end indices need System.Range/System.Index: use explicit offsets and lengths",
        GateRules.DecimalType =>
            "decimal is not supported on nanoFramework: use double (or scaled integers for money-like values)",
        GateRules.Dynamic =>
            "dynamic needs the DLR, which nanoFramework lacks: use a concrete type",
        GateRules.AnonymousType =>
            "anonymous types are generic classes under the hood: declare a named class or struct",
        GateRules.StackAlloc =>
            "stackalloc is not supported on nanoFramework: reuse a preallocated byte[] buffer",
        GateRules.CatchWhen =>
            "exception filters are not supported on nanoFramework: catch, test, and rethrow with 'throw;'",
        GateRules.MultiDimensionalArray =>
            "multi-dimensional arrays are not supported on nanoFramework: use a jagged array or a flat array with computed index",
        GateRules.Unsafe =>
            "unsafe code (pointers, fixed) is not supported on nanoFramework: use arrays and BitConverter",
        GateRules.DefaultInterfaceMember =>
            "default interface members are not supported on the stable runtime: move the body to a class or static helper",
        GateRules.Tasks =>
            "System.Threading.Tasks does not exist on nanoFramework: use Thread, Timer, AutoResetEvent",
        _ => GateRules.Describe(ruleId),
    };
}
