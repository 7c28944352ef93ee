using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace EdgeGateway.PortableGate.Gate;

/// <summary>
/// Checks the device project (issue 2): the .nfproj imports both portable .projitems, and every assembly HintPath points
/// into the packages folder of exactly the id and version packages.config pins (a drifted HintPath builds against a
/// different library than the one restored, or fails only on the technician's machine).
/// </summary>
public static class NfprojCheck
{
    public const string NfprojPath = "firmware/EdgeGateway.Firmware.Nano/EdgeGateway.Firmware.Nano.nfproj";
    public const string PackagesConfigPath = "firmware/EdgeGateway.Firmware.Nano/packages.config";

    public static readonly string[] RequiredProjitems =
    {
        "shared/EdgeGateway.Shared/EdgeGateway.Shared.projitems",
        "firmware/EdgeGateway.Firmware.Core/EdgeGateway.Firmware.Core.projitems",
    };

    public static List<GateFinding> Check(string repoRoot)
    {
        var findings = new List<GateFinding>();
        var nfproj = Path.Combine(repoRoot, NfprojPath);
        var packagesConfig = Path.Combine(repoRoot, PackagesConfigPath);
        var project = LoadXml(nfproj, NfprojPath, findings);
        var packages = LoadXml(packagesConfig, PackagesConfigPath, findings);
        if (project is null)
        {
            return findings;
        }

        CheckImports(repoRoot, project, findings);
        if (packages is not null)
        {
            CheckHintPaths(project, packages, findings);
        }

        return findings;
    }

    private static XDocument? LoadXml(string fullPath, string relativePath, List<GateFinding> findings)
    {
        if (!File.Exists(fullPath))
        {
            findings.Add(new GateFinding(GateRules.NfprojMissing, Path.GetFileName(relativePath), relativePath, 1, 1,
                "file not found: the device project must exist beside the nano build (see issue 2)"));
            return null;
        }

        try
        {
            return XDocument.Load(fullPath, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            findings.Add(new GateFinding(GateRules.NfprojMissing, Path.GetFileName(relativePath), relativePath,
                Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition), "not well-formed XML: " + e.Message));
            return null;
        }
    }

    private static void CheckImports(string repoRoot, XDocument project, List<GateFinding> findings)
    {
        var projectDir = Path.GetDirectoryName(Path.Combine(repoRoot, NfprojPath))!;
        var imported = project.Descendants()
            .Where(e => e.Name.LocalName == "Import")
            .Select(e => (string?)e.Attribute("Project"))
            .Where(p => p is not null && p.EndsWith(".projitems", StringComparison.OrdinalIgnoreCase))
            .Select(p => Normalize(Path.GetFullPath(Path.Combine(projectDir,
                p!.Replace("$(MSBuildThisFileDirectory)", string.Empty, StringComparison.Ordinal)
                  .Replace("$(MSBuildProjectDirectory)", string.Empty, StringComparison.Ordinal)
                  .Replace('\\', '/')))))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var required in RequiredProjitems)
        {
            var full = Normalize(Path.GetFullPath(Path.Combine(repoRoot, required)));
            if (!imported.Contains(full))
            {
                findings.Add(new GateFinding(GateRules.NfprojImport, Path.GetFileName(required), NfprojPath, 1, 1,
                    $"the device project does not import {required}: add <Import Project=\"…{Path.GetFileName(required)}\" Label=\"Shared\" />"));
            }
        }
    }

    private static void CheckHintPaths(XDocument project, XDocument packages, List<GateFinding> findings)
    {
        var pinned = packages.Descendants()
            .Where(e => e.Name.LocalName == "package")
            .Select(e => (Id: ((string?)e.Attribute("id") ?? string.Empty).Trim(), Version: ((string?)e.Attribute("version") ?? string.Empty).Trim()))
            .Where(p => p.Id.Length > 0)
            .ToList();
        foreach (var hint in project.Descendants().Where(e => e.Name.LocalName == "HintPath"))
        {
            var line = ((IXmlLineInfo)hint).LineNumber;
            var column = ((IXmlLineInfo)hint).LinePosition;
            var value = hint.Value.Trim().Replace('\\', '/');
            var segments = value.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var packagesIndex = Array.FindIndex(segments, s => string.Equals(s, "packages", StringComparison.OrdinalIgnoreCase));
            if (packagesIndex < 0 || packagesIndex + 1 >= segments.Length)
            {
                findings.Add(new GateFinding(GateRules.HintPathMismatch, value, NfprojPath, line, column,
                    "HintPath does not point into the packages folder (packages/<id>.<version>/…): reference a package pinned in packages.config"));
                continue;
            }

            var folder = segments[packagesIndex + 1];
            var exact = pinned.Any(p => string.Equals(folder, p.Id + "." + p.Version, StringComparison.OrdinalIgnoreCase));
            if (exact)
            {
                continue;
            }

            // Longest id that prefixes the folder name decides which package the HintPath meant.
            var meant = pinned
                .Where(p => folder.StartsWith(p.Id + ".", StringComparison.OrdinalIgnoreCase)
                            && folder.Length > p.Id.Length + 1 && char.IsDigit(folder[p.Id.Length + 1]))
                .OrderByDescending(p => p.Id.Length)
                .FirstOrDefault();
            var message = meant.Id is null
                ? $"HintPath package folder '{folder}' matches no package in {PackagesConfigPath}: add the package there or fix the HintPath"
                : $"HintPath uses {meant.Id} version {folder[(meant.Id.Length + 1)..]} but {PackagesConfigPath} pins {meant.Version}: make them agree";
            findings.Add(new GateFinding(GateRules.HintPathMismatch, value, NfprojPath, line, column, message));
        }
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
