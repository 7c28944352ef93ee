using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeGateway.Portability.Tests.NanoBuild;

/// <summary>Size of one assembly of the device application, as the nano build produced it.</summary>
public sealed record NanoAssemblySize(string Assembly, long FileBytes, long IlBodyBytes, long StaticDataBytes, int MethodCount)
{
    /// <summary>What the budget counts: code plus constant data blobs (metadata is rewritten by the nanoFramework metadata processor).</summary>
    public long BudgetedBytes => IlBodyBytes + StaticDataBytes;
}

/// <summary>The application's size figures against the budget in firmware/EdgeGateway.Firmware.Nano/size-budget.txt.</summary>
public sealed record NanoSizeReport(IReadOnlyList<NanoAssemblySize> Assemblies, long BudgetBytes)
{
    public long TotalBudgetedBytes
    {
        get
        {
            long sum = 0;
            foreach (var a in Assemblies)
            {
                sum += a.BudgetedBytes;
            }

            return sum;
        }
    }

    public long TotalFileBytes
    {
        get
        {
            long sum = 0;
            foreach (var a in Assemblies)
            {
                sum += a.FileBytes;
            }

            return sum;
        }
    }

    public string Describe()
    {
        var lines = new List<string>();
        foreach (var a in Assemblies)
        {
            lines.Add($"{a.Assembly}: IL bodies {a.IlBodyBytes:N0} B + static data {a.StaticDataBytes:N0} B = {a.BudgetedBytes:N0} B ({a.BudgetedBytes / 1024.0:F1} KiB) in {a.MethodCount} methods; file {a.FileBytes:N0} B");
        }

        lines.Add($"application total: {TotalBudgetedBytes:N0} B ({TotalBudgetedBytes / 1024.0:F1} KiB) of budget {BudgetBytes:N0} B ({BudgetBytes / 1024} KiB); files {TotalFileBytes:N0} B");
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>
/// Measures the nano build's output with System.Reflection.Metadata. Entry point for the benchmark too:
/// <c>NanoSize.Measure(repoRoot)</c> (the NanoBuild must have been built in Release; the test builds it when the run is a Debug one).
/// </summary>
public static class NanoSize
{
    /// <summary>The application's own assemblies (the portable shared projects are compiled into this one).</summary>
    public static readonly string[] ApplicationAssemblies = { "EdgeGateway.Firmware.Nano.dll" };

    public static NanoSizeReport Measure(string repoRoot)
    {
        // The budget is about what is deployed: the optimised (Release) build. Debug IL is ~15 % larger and would
        // turn a developer's Debug test run red while CI (Release) is green, so only Release is measured.
        string outDir = Path.Combine(repoRoot, "firmware", "EdgeGateway.Firmware.NanoBuild", "bin", "Release", "netstandard2.0");

        var sizes = new List<NanoAssemblySize>();
        foreach (string name in ApplicationAssemblies)
        {
            string path = Path.Combine(outDir, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} is missing: run `dotnet build firmware/EdgeGateway.Firmware.NanoBuild` first.", path);
            }

            sizes.Add(MeasureAssembly(path));
        }

        return new NanoSizeReport(sizes, ReadBudgetBytes(repoRoot));
    }

    public static long ReadBudgetBytes(string repoRoot)
    {
        string file = Path.Combine(repoRoot, "firmware", "EdgeGateway.Firmware.Nano", "size-budget.txt");
        foreach (string raw in File.ReadAllLines(file))
        {
            string line = raw.Trim();
            if (line.StartsWith("budget_kib=", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan("budget_kib=".Length), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidDataException($"{file} has no budget_kib= line");
    }

    public static NanoAssemblySize MeasureAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        long il = 0;
        int methods = 0;
        foreach (MethodDefinitionHandle h in md.MethodDefinitions)
        {
            int rva = md.GetMethodDefinition(h).RelativeVirtualAddress;
            if (rva == 0)
            {
                continue;
            }

            il += pe.GetMethodBody(rva).Size;
            methods++;
        }

        long data = 0;
        foreach (FieldDefinitionHandle h in md.FieldDefinitions)
        {
            FieldDefinition field = md.GetFieldDefinition(h);
            if (field.GetRelativeVirtualAddress() == 0)
            {
                continue;
            }

            data += FieldDataSize(md, field);
        }

        return new NanoAssemblySize(Path.GetFileName(path), new FileInfo(path).Length, il, data, methods);
    }

    private static long FieldDataSize(MetadataReader md, FieldDefinition field)
    {
        BlobReader sig = md.GetBlobReader(field.Signature);
        sig.ReadSignatureHeader();
        var code = sig.ReadSignatureTypeCode();
        switch (code)
        {
            case SignatureTypeCode.Boolean:
            case SignatureTypeCode.SByte:
            case SignatureTypeCode.Byte:
                return 1;
            case SignatureTypeCode.Char:
            case SignatureTypeCode.Int16:
            case SignatureTypeCode.UInt16:
                return 2;
            case SignatureTypeCode.Int32:
            case SignatureTypeCode.UInt32:
            case SignatureTypeCode.Single:
                return 4;
            case SignatureTypeCode.Int64:
            case SignatureTypeCode.UInt64:
            case SignatureTypeCode.Double:
                return 8;
            default:
                EntityHandle type = sig.ReadTypeHandle();
                if (type.Kind == HandleKind.TypeDefinition)
                {
                    return md.GetTypeDefinition((TypeDefinitionHandle)type).GetLayout().Size;
                }

                throw new InvalidDataException($"static data field {md.GetString(field.Name)} has an unexpected type ({code})");
        }
    }
}
