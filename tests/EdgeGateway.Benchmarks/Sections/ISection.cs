using EdgeGateway.Benchmarks.Infrastructure;

namespace EdgeGateway.Benchmarks.Sections;

/// <summary>One benchmark section: measures, prints a table and its RATIO line(s). Throws when it cannot run at all.</summary>
internal interface ISection
{
    /// <summary>Name for --only.</summary>
    string Name { get; }

    string Title { get; }

    void Run(BenchSettings settings, Report report);
}
