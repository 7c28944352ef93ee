using System;

namespace EdgeGateway.StandardsGen;

/// <summary>A defect in a standards data file, reported as "file:line: what is wrong and what to do".</summary>
public sealed class StandardsDataException : Exception
{
    public StandardsDataException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
    }

    public StandardsDataException()
    {
        File = string.Empty;
    }

    public StandardsDataException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public StandardsDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    public string File { get; }

    public int Line { get; }
}
