using System;
using System.IO;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Infrastructure;

/// <summary>
/// Checks a path the user gave for a file before it is opened: .NET reports a directory as "Access to the path is
/// denied", which sends technicians hunting for a permission problem that does not exist.
/// </summary>
public static class InputFiles
{
    /// <summary>
    /// Throws an <see cref="InputException"/> naming <paramref name="field"/> (the option or argument as typed) when
    /// <paramref name="path"/> is a directory or does not exist. <paramref name="what"/> says what the file is, e.g.
    /// "a gateway.json".
    /// </summary>
    public static void RequireFile(string field, string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputException(field, path, "is a directory; give a .json file (" + what + ")");
        }

        if (!File.Exists(path))
        {
            throw new InputException(field, path, "no such file; give the path of " + what);
        }
    }

    /// <summary>Reads a file checked with <see cref="RequireFile"/>; a read failure (permissions) names the field too.</summary>
    public static byte[] ReadAllBytes(string field, string path, string what)
    {
        RequireFile(field, path, what);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(field, path, "cannot be read (" + Program.OneLine(e.Message) + "); check its permissions, or give " + what);
        }
    }
}

/// <summary>
/// The machine or the line failed, not the input (a serial device that is not there, a port nobody answers on):
/// printed like bad input — "error: field = value: what to do", one line — but exit code 1.
/// </summary>
public sealed class EnvironmentFailureException : Exception
{
    public EnvironmentFailureException(string field, string value, string whatToDo)
        : base(field + " = " + value + ": " + whatToDo)
    {
    }

    public EnvironmentFailureException()
    {
    }

    public EnvironmentFailureException(string message)
        : base(message)
    {
    }

    public EnvironmentFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
