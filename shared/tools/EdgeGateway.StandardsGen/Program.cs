using System;
using System.IO;

namespace EdgeGateway.StandardsGen;

/// <summary>
/// Command line: <c>dotnet run --project shared/tools/EdgeGateway.StandardsGen [-- --data DIR] [--out DIR]</c>.
/// Without options it finds the repository root (the folder holding EdgeGateway.sln) above the current directory.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string? dataDir = null;
        string? outDir = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    dataDir = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    outDir = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"argument = {args[i]}: allowed are --data DIR and --out DIR");
                    return 2;
            }
        }

        try
        {
            if (dataDir is null || outDir is null)
            {
                string root = RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
                dataDir ??= RepositoryLayout.DataDirectory(root);
                outDir ??= RepositoryLayout.GeneratedDirectory(root);
            }

            var files = StandardsGenerator.GenerateAll(dataDir);
            StandardsGenerator.WriteAll(files, outDir);
            Console.WriteLine($"wrote {files.Count} table file(s) from {dataDir} to {outDir}");
            return 0;
        }
        catch (StandardsDataException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
