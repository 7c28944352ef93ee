using System;
using System.IO;
using EdgeGateway.PortableGate.Gate;

// Console entry: dotnet run --project tests/EdgeGateway.PortableGate -- <repoRoot> [--deny-list path] [--rules]
// Exit codes: 0 clean, 1 findings, 2 bad arguments.
string? repoRoot = null;
string? denyListPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rules":
            foreach (var (id, description) in GateRules.All)
            {
                Console.WriteLine($"{id}  {description}");
            }

            return 0;
        case "--deny-list" when i + 1 < args.Length:
            denyListPath = args[++i];
            break;
        default:
            if (args[i].StartsWith('-') || repoRoot is not null)
            {
                Console.Error.WriteLine($"argument = {args[i]}: expected <repoRoot> [--deny-list path] [--rules]");
                return 2;
            }

            repoRoot = args[i];
            break;
    }
}

repoRoot ??= Directory.GetCurrentDirectory();
if (!Directory.Exists(repoRoot))
{
    Console.Error.WriteLine($"repoRoot = {repoRoot}: directory not found; pass the repository root");
    return 2;
}

var findings = PortableGateRunner.Run(repoRoot, denyListPath);
foreach (var finding in findings)
{
    Console.WriteLine(finding.Format());
}

Console.WriteLine(findings.Count == 0
    ? "portable gate: 0 findings"
    : $"portable gate: {findings.Count} finding(s)");
return findings.Count == 0 ? 0 : 1;
