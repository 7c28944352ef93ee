using System.IO;

namespace EdgeGateway.StandardsGen;

/// <summary>Where the data and the generated tables live, relative to the repository root.</summary>
public static class RepositoryLayout
{
    public const string SolutionFileName = "EdgeGateway.sln";

    /// <summary>Walks up from <paramref name="startDirectory"/> to the folder containing EdgeGateway.sln.</summary>
    public static string FindRoot(string startDirectory)
    {
        var dir = new DirectoryInfo(startDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException(
            $"start directory = {startDirectory}: no {SolutionFileName} above it; run from inside the repository or pass --data and --out");
    }

    public static string DataDirectory(string root) => Path.Combine(root, "shared", "data", "standards");

    public static string GeneratedDirectory(string root) =>
        Path.Combine(root, "shared", "EdgeGateway.Shared", "Standards", "Generated");
}
