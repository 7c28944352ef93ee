// Reference facade (compile-only). Mirrors github.com/nanoframework/nanoFramework.Runtime.Native, tag v1.7.11, upstream files nanoFramework.Runtime.Native/{RTC,Power,RebootOption,GC,SystemInfo,System/Environment}.cs;
// NuGet package nanoFramework.Runtime.Native 1.7.11 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
namespace nanoFramework.Runtime.Native
{
    public static class Rtc
    {
        public static bool SetSystemTime(System.DateTime time) => throw null;
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    public delegate void RebootEventHandler();

    public class Power
    {
        public static event RebootEventHandler OnRebootEvent;
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) => throw null;
        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) => throw null;
    }

    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;
        public static void EnableGCMessages(bool enable) => throw null;
    }

    public static class SystemInfo
    {
        public static System.Version Version => throw null;
        public static string OEMString => throw null;
        public static string TargetName => throw null;
        public static string Platform => throw null;
    }
}

namespace System
{
    public static partial class Environment
    {
        public static long TickCount64 => throw null;
    }
}
