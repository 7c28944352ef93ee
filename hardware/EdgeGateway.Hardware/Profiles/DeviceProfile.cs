using System.Collections.Generic;
using EdgeGateway.Firmware.Core.Modbus.Registers;

namespace EdgeGateway.Hardware.Profiles;

/// <summary>The published document a register map was taken from (for an inspector: what the numbers rest on).</summary>
public sealed class ProfileDocument
{
    public string Title { get; set; } = string.Empty;

    /// <summary>Edition, revision or date of the document.</summary>
    public string Edition { get; set; } = string.Empty;

    /// <summary>URL or where the document is published.</summary>
    public string Source { get; set; } = string.Empty;
}

/// <summary>Serial line and polling defaults for a device, as shipped from the factory.</summary>
public sealed class ProfileDefaults
{
    public ByteOrder ByteOrder { get; set; } = ByteOrder.ABCD;

    public int UnitId { get; set; } = 1;

    /// <summary>Largest read the device accepts (some meters refuse the spec's 125).</summary>
    public int MaxRegistersPerRead { get; set; } = 125;

    /// <summary>Pause between frames that slow RS-485 devices need.</summary>
    public int InterFrameDelayMs { get; set; }

    public int BaudRate { get; set; } = 9600;

    /// <summary>"none", "even" or "odd".</summary>
    public string Parity { get; set; } = "none";

    public int StopBits { get; set; } = 1;
}

/// <summary>A point of a profile: the portable <see cref="RegisterPoint"/> plus where it was declared.</summary>
public sealed class ProfilePoint
{
    public ProfilePoint(RegisterPoint point, int line)
    {
        Point = point;
        Line = line;
    }

    public RegisterPoint Point { get; }

    /// <summary>1-based line of the point's opening brace in the profile file.</summary>
    public int Line { get; }

    /// <summary>The register number as the vendor's document prints it (for example "30053"), when given.</summary>
    public string? VendorRegister { get; set; }

    public string? Description { get; set; }
}

/// <summary>A device's register map: identity, source document, defaults and points. See hardware/PROFILES.md.</summary>
public sealed class DeviceProfile
{
    public string File { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string Manufacturer { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    /// <summary>True for a documented generic profile (no public vendor map was found for this class of device).</summary>
    public bool Generic { get; set; }

    public ProfileDocument Document { get; } = new();

    public ProfileDefaults Defaults { get; } = new();

    public List<ProfilePoint> Points { get; } = new();

    /// <summary>The points as the portable core's <see cref="RegisterPoint"/>s, in file order.</summary>
    public RegisterPoint[] RegisterPoints()
    {
        var result = new RegisterPoint[Points.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Points[i].Point;
        }

        return result;
    }

    /// <summary>The first point feeding <paramref name="measurement"/>, or null.</summary>
    public RegisterPoint? FindByMeasurement(string measurement)
    {
        foreach (ProfilePoint p in Points)
        {
            if (p.Point.Measurement == measurement)
            {
                return p.Point;
            }
        }

        return null;
    }

    public RegisterPoint? FindByName(string name)
    {
        foreach (ProfilePoint p in Points)
        {
            if (p.Point.Name == name)
            {
                return p.Point;
            }
        }

        return null;
    }
}

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>One problem in a profile file: where, which field, the offending value and what to do.</summary>
public sealed record ProfileIssue(string File, int Line, IssueSeverity Severity, string Field, string Value, string Message)
{
    public override string ToString() =>
        File + ":" + Line + ": " + (Severity == IssueSeverity.Error ? "error" : "warning") + ": " + Field + " = " + Value + ": " + Message;
}
