using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeGateway.Cli.Infrastructure;

/// <summary>
/// Builds one JSON document with <see cref="Utf8JsonWriter"/> and prints it. Property names are written explicitly in
/// camelCase (they are a contract with scripts and the fleet service); numbers are written by the writer, which is
/// culture-invariant and round-trips doubles exactly.
/// </summary>
public sealed class JsonOutput : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Verdict texts may carry "≥" or Chinese; the output goes to terminals and files, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly MemoryStream buffer = new();

    public JsonOutput()
    {
        Writer = new Utf8JsonWriter(buffer, Options);
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>A number, or JSON null when the engine had none (NaN/infinity are not JSON).</summary>
    public void Number(string name, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            Writer.WriteNull(name);
        }
        else
        {
            Writer.WriteNumber(name, value);
        }
    }

    public void Number(string name, double? value)
    {
        if (value.HasValue)
        {
            Number(name, value.Value);
        }
        else
        {
            Writer.WriteNull(name);
        }
    }

    /// <summary>A string, or JSON null.</summary>
    public void Text(string name, string? value)
    {
        if (value == null)
        {
            Writer.WriteNull(name);
        }
        else
        {
            Writer.WriteString(name, value);
        }
    }

    public void PrintTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Writer.Flush();
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    public void Dispose()
    {
        Writer.Dispose();
        buffer.Dispose();
    }
}
