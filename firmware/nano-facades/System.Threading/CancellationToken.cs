// Reference facade (compile-only). Mirrors github.com/nanoframework/System.Threading, tag v1.1.52, upstream files nanoFramework.System.Threading/Threading/{CancellationToken,CancellationTokenSource}.cs (Task and the async builders are deliberately not mirrored: the stable-track firmware must not use them);
// NuGet package nanoFramework.System.Threading 1.1.52 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
namespace System.Threading
{
    public struct CancellationToken
    {
        public static CancellationToken None => throw null;
        public bool IsCancellationRequested => throw null;
        public bool CanBeCanceled => throw null;
        public WaitHandle WaitHandle => throw null;
        public CancellationToken(bool canceled) => throw null;
        public bool Equals(CancellationToken other) => throw null;
        public override bool Equals(object other) => throw null;
        public override int GetHashCode() => throw null;
        public void ThrowIfCancellationRequested() => throw null;
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() => throw null;
        public CancellationTokenSource(int millisecondsDelay) => throw null;
        public CancellationTokenSource(TimeSpan delay) => throw null;
        public bool IsCancellationRequested => throw null;
        public CancellationToken Token => throw null;
        public void Cancel() => throw null;
        public void CancelAfter(int millisecondsDelay) => throw null;
        public void Dispose() => throw null;
    }
}
