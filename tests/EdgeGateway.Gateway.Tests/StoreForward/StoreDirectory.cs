using System;
using System.IO;

namespace EdgeGateway.Gateway.Tests.StoreForward;

/// <summary>A fresh temporary directory per test, removed afterwards.</summary>
internal sealed class StoreDirectory : IDisposable
{
    public StoreDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "egw-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
