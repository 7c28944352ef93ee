using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Hardware.Profiles;

/// <summary>The outcome of reading a profile: the profile as far as it could be read, and every problem found.</summary>
public sealed class ProfileLoadResult
{
    public ProfileLoadResult(DeviceProfile? profile, List<ProfileIssue> issues)
    {
        Profile = profile;
        Issues = issues;
    }

    /// <summary>Null only when the file could not be read or is not JSON.</summary>
    public DeviceProfile? Profile { get; }

    public List<ProfileIssue> Issues { get; }

    public bool HasErrors => Issues.Exists(i => i.Severity == IssueSeverity.Error);
}

/// <summary>
/// Reads device profiles (hardware/PROFILES.md) and checks them: unknown names, missing units or ranges, bad
/// addresses, overlapping registers, units that do not fit the measurement. Every problem is reported with the file
/// and line and what to do; reading continues past a problem so one run lists them all.
/// </summary>
public static class ProfileLoader
{
    private static readonly string[] DeviceMembers = { "$schema", "device", "points" };
    private static readonly string[] DeviceFields = { "id", "manufacturer", "model", "generic", "document", "defaults", "notes" };
    private static readonly string[] DocumentFields = { "title", "edition", "source", "notes" };
    private static readonly string[] DefaultFields = { "byteOrder", "unitId", "maxRegistersPerRead", "interFrameDelayMs", "baudRate", "parity", "stopBits" };
    private static readonly string[] PointFields =
    {
        "name", "measurement", "registerType", "address", "vendorRegister", "dataType", "byteOrder", "length", "scale", "offset",
        "unit", "range", "description",
    };

    private static readonly string[] RegisterTypes = { "coil", "discrete", "input", "holding" };
    private static readonly string[] DataTypes = { "bit", "int16", "uint16", "int32", "uint32", "float32", "float64", "string" };
    private static readonly string[] ByteOrders = { "ABCD", "CDAB", "BADC", "DCBA" };
    private static readonly string[] Parities = { "none", "even", "odd" };

    /// <summary>Loads a profile and throws <see cref="InputException"/> naming the first error when it has any.</summary>
    public static DeviceProfile LoadOrThrow(string path)
    {
        ProfileLoadResult r = Load(path);
        foreach (ProfileIssue issue in r.Issues)
        {
            if (issue.Severity == IssueSeverity.Error)
            {
                throw new InputException(issue.File + ":" + issue.Line + " " + issue.Field, issue.Value, issue.Message);
            }
        }

        return r.Profile!;
    }

    public static ProfileLoadResult Load(string path)
    {
        var issues = new List<ProfileIssue>();
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            issues.Add(new ProfileIssue(path, 0, IssueSeverity.Error, "file", path, "cannot be read (" + e.Message + "); check the path"));
            return new ProfileLoadResult(null, issues);
        }

        return Load(path, bytes);
    }

    public static ProfileLoadResult Load(string fileName, byte[] utf8)
    {
        var issues = new List<ProfileIssue>();
        JsonTree root;
        try
        {
            root = JsonTree.Parse(utf8);
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            issues.Add(new ProfileIssue(fileName, line, IssueSeverity.Error, "json", "syntax", FirstSentence(e.Message) + "; fix the JSON syntax here"));
            return new ProfileLoadResult(null, issues);
        }

        var ctx = new Ctx(fileName, issues);
        var profile = new DeviceProfile { File = fileName };
        if (root.Kind != JsonValueKind.Object)
        {
            ctx.Error(root, "(top level)", root.Kind.ToString(), "a profile is one JSON object with \"device\" and \"points\"");
            return new ProfileLoadResult(profile, issues);
        }

        ctx.UnknownMembers(root, "", DeviceMembers);
        JsonTree? device = root.Member("device");
        if (device == null || device.Kind != JsonValueKind.Object)
        {
            ctx.Error(device ?? root, "device", device == null ? "missing" : device.Kind.ToString(), "add a \"device\" object with id, manufacturer, model, document and defaults");
        }
        else
        {
            ReadDevice(ctx, device, profile);
        }

        JsonTree? points = root.Member("points");
        if (points == null || points.Kind != JsonValueKind.Array || points.Items.Count == 0)
        {
            ctx.Error(points ?? root, "points", points == null ? "missing" : "empty", "add a \"points\" array with at least one point");
        }
        else
        {
            for (int i = 0; i < points.Items.Count; i++)
            {
                ProfilePoint? p = ReadPoint(ctx, points.Items[i], "points[" + i + "]", profile.Defaults.ByteOrder);
                if (p != null)
                {
                    profile.Points.Add(p);
                }
            }

            CheckAcrossPoints(ctx, profile);
        }

        return new ProfileLoadResult(profile, issues);
    }

    private static void ReadDevice(Ctx ctx, JsonTree device, DeviceProfile profile)
    {
        ctx.UnknownMembers(device, "device.", DeviceFields);
        profile.Id = ctx.RequiredString(device, "device.", "id", "a short id such as \"eastron-sdm630\"") ?? string.Empty;
        profile.Manufacturer = ctx.RequiredString(device, "device.", "manufacturer", "the maker's name, or \"generic\"") ?? string.Empty;
        profile.Model = ctx.RequiredString(device, "device.", "model", "the model designation") ?? string.Empty;
        JsonTree? generic = device.Member("generic");
        profile.Generic = generic != null && generic.Kind == JsonValueKind.True;

        JsonTree? doc = device.Member("document");
        if (doc == null || doc.Kind != JsonValueKind.Object)
        {
            ctx.Error(doc ?? device, "device.document", doc == null ? "missing" : doc.Kind.ToString(),
                "name the published document the map was taken from: {\"title\", \"edition\", \"source\"}");
        }
        else
        {
            ctx.UnknownMembers(doc, "device.document.", DocumentFields);
            profile.Document.Title = ctx.RequiredString(doc, "device.document.", "title", "the document's title") ?? string.Empty;
            profile.Document.Edition = ctx.RequiredString(doc, "device.document.", "edition", "its revision or date") ?? string.Empty;
            profile.Document.Source = ctx.RequiredString(doc, "device.document.", "source", "a URL or where it is published") ?? string.Empty;
        }

        JsonTree? defaults = device.Member("defaults");
        if (defaults == null || defaults.Kind != JsonValueKind.Object)
        {
            ctx.Error(defaults ?? device, "device.defaults", defaults == null ? "missing" : defaults.Kind.ToString(),
                "add {\"byteOrder\", \"unitId\", \"maxRegistersPerRead\", \"interFrameDelayMs\", \"baudRate\", \"parity\"}");
            return;
        }

        ctx.UnknownMembers(defaults, "device.defaults.", DefaultFields);
        ProfileDefaults d = profile.Defaults;
        string? order = ctx.Choice(defaults, "device.defaults.", "byteOrder", ByteOrders, true);
        if (order != null)
        {
            d.ByteOrder = ParseOrder(order);
        }

        d.UnitId = ctx.Int(defaults, "device.defaults.", "unitId", 1, 247, d.UnitId, true);
        d.MaxRegistersPerRead = ctx.Int(defaults, "device.defaults.", "maxRegistersPerRead", 1, 125, d.MaxRegistersPerRead, true);
        d.InterFrameDelayMs = ctx.Int(defaults, "device.defaults.", "interFrameDelayMs", 0, 10000, d.InterFrameDelayMs, false);
        d.BaudRate = ctx.Int(defaults, "device.defaults.", "baudRate", 300, 921600, d.BaudRate, true);
        d.Parity = ctx.Choice(defaults, "device.defaults.", "parity", Parities, true) ?? d.Parity;
        d.StopBits = ctx.Int(defaults, "device.defaults.", "stopBits", 1, 2, d.StopBits, false);
    }

    private static ProfilePoint? ReadPoint(Ctx ctx, JsonTree node, string path, ByteOrder defaultOrder)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            ctx.Error(node, path, node.Kind.ToString(), "each point is an object {name, measurement, registerType, address, dataType, unit, range}");
            return null;
        }

        string p = path + ".";
        ctx.UnknownMembers(node, p, PointFields);
        var rp = new RegisterPoint();
        var point = new ProfilePoint(rp, node.Line);
        rp.Name = ctx.RequiredString(node, p, "name", "a unique name such as \"voltageL1\"") ?? string.Empty;
        point.Description = Ctx.OptionalString(node, "description");

        string? measurement = ctx.RequiredString(node, p, "measurement", "one of: " + Measurements.NamesForMessage());
        Measurement? m = null;
        if (measurement != null)
        {
            m = Measurements.Find(measurement);
            if (m == null)
            {
                ctx.Error(node.Member("measurement")!, p + "measurement", measurement,
                    "unknown measurement; use one of: " + Measurements.NamesForMessage() + " (a new quantity is added in Profiles/Measurements.cs)");
            }

            rp.Measurement = measurement;
        }

        string? type = ctx.Choice(node, p, "registerType", RegisterTypes, true);
        rp.Kind = type switch
        {
            "coil" => RegisterKind.Coil,
            "discrete" => RegisterKind.DiscreteInput,
            "input" => RegisterKind.InputRegister,
            _ => RegisterKind.HoldingRegister,
        };

        string? dataType = ctx.Choice(node, p, "dataType", DataTypes, true);
        rp.DataType = dataType switch
        {
            "bit" => RegisterDataType.Bit,
            "int16" => RegisterDataType.Int16,
            "uint16" => RegisterDataType.UInt16,
            "int32" => RegisterDataType.Int32,
            "uint32" => RegisterDataType.UInt32,
            "float32" => RegisterDataType.Float32,
            "float64" => RegisterDataType.Float64,
            "string" => RegisterDataType.String,
            _ => RegisterDataType.UInt16,
        };

        bool bitTable = type == "coil" || type == "discrete";
        if (type != null && dataType != null && bitTable != (dataType == "bit"))
        {
            ctx.Error(node.Member("dataType")!, p + "dataType", dataType,
                bitTable ? "a " + type + " holds one bit: use \"bit\"" : "\"bit\" only fits coil or discrete; for a flag inside a register use uint16");
        }

        string? order = ctx.Choice(node, p, "byteOrder", ByteOrders, false);
        rp.Order = order != null ? ParseOrder(order) : defaultOrder;

        JsonTree? length = node.Member("length");
        if (dataType == "string")
        {
            rp.StringLengthRegisters = length == null
                ? ctx.MissingInt(node, p + "length", "a string needs \"length\": its size in registers (2 characters each)")
                : ctx.Int(node, p, "length", 1, 125, 1, true);
        }
        else if (length != null)
        {
            ctx.Warning(length, p + "length", length.Text, "only strings have a length; remove it");
        }

        rp.Address = ReadAddress(ctx, node, p);
        point.VendorRegister = CheckVendorRegister(ctx, node, p, type, rp.Address);
        if (rp.Address >= 0 && rp.RegisterCount > 0 && rp.Address + rp.RegisterCount - 1 > 65535)
        {
            ctx.Error(node.Member("address")!, p + "address", rp.Address.ToString(CultureInfo.InvariantCulture),
                "the value's last register (" + (rp.Address + rp.RegisterCount - 1) + ") is beyond 65535; check the address");
        }

        rp.Scale = ctx.Double(node, p, "scale", 1.0);
        if (rp.Scale == 0)
        {
            ctx.Error(node.Member("scale")!, p + "scale", "0", "a zero scale makes every value 0; use 1 for no scaling");
        }

        rp.Offset = ctx.Double(node, p, "offset", 0.0);

        string? unit = ctx.RequiredString(node, p, "unit", m != null ? "\"" + m.Unit + "\" for " + m.Name : "the engineering unit after scaling");
        rp.Unit = unit ?? string.Empty;
        if (unit != null && m != null && !string.Equals(unit, m.Unit, StringComparison.Ordinal))
        {
            ctx.Error(node.Member("unit")!, p + "unit", unit,
                "measurement " + m.Name + " is in \"" + m.Unit + "\"; write \"" + m.Unit + "\" and set \"scale\" so that raw × scale + offset is in " + m.Unit);
        }

        JsonTree? range = node.Member("range");
        if (range == null)
        {
            if (dataType == "bit")
            {
                rp.MinPlausible = 0;
                rp.MaxPlausible = 1;
            }
            else if (dataType != "string")
            {
                ctx.Error(node, p + "range", "missing", "add \"range\": [min, max], the plausible engineering values (used to reject failed sensors and by 'egw modbus probe')");
            }
        }
        else if (range.Kind != JsonValueKind.Array || range.Items.Count != 2 || range.Items[0].Kind != JsonValueKind.Number || range.Items[1].Kind != JsonValueKind.Number)
        {
            ctx.Error(range, p + "range", range.Kind.ToString(), "write the range as two numbers: [min, max]");
        }
        else
        {
            rp.MinPlausible = ParseNumber(range.Items[0].Text);
            rp.MaxPlausible = ParseNumber(range.Items[1].Text);
            if (!(rp.MinPlausible < rp.MaxPlausible))
            {
                ctx.Error(range, p + "range", "[" + range.Items[0].Text + ", " + range.Items[1].Text + "]", "min must be below max");
            }
        }

        return point;
    }

    private static int ReadAddress(Ctx ctx, JsonTree node, string p)
    {
        JsonTree? a = node.Member("address");
        if (a == null)
        {
            ctx.Error(node, p + "address", "missing", "add the 0-based protocol address (vendor register 30001 or 40001 is address 0), as a number or \"0x0000\"");
            return -1;
        }

        long value = 0;
        bool ok;
        if (a.Kind == JsonValueKind.String && a.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = long.TryParse(a.Text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else
        {
            ok = a.Kind == JsonValueKind.Number && long.TryParse(a.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        }

        if (!ok)
        {
            ctx.Error(a, p + "address", a.Text, "must be a whole number or a hex string like \"0x0034\"");
            return -1;
        }

        if (value < 0 || value > 65535)
        {
            ctx.Error(a, p + "address", a.Text,
                "must be 0..65535 (the 0-based protocol address); a vendor number such as 30001 or 400001 goes in \"vendorRegister\", its address is the number minus 30001/40001 (or 300001/400001)");
            return -1;
        }

        return (int)value;
    }

    /// <summary>
    /// Vendor documents number registers from 1 with the table in the first digit (30001 = input register at address 0,
    /// 40001 = holding register at address 0, 6-digit forms 300001/400001 likewise). When a point gives the vendor's
    /// number, it must agree with its address and register type: the off-by-one is the classic commissioning mistake.
    /// </summary>
    private static string? CheckVendorRegister(Ctx ctx, JsonTree node, string p, string? type, int address)
    {
        JsonTree? v = node.Member("vendorRegister");
        if (v == null)
        {
            return null;
        }

        string text = v.Text;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) || n < 1)
        {
            ctx.Error(v, p + "vendorRegister", text, "must be the register number as the vendor prints it, e.g. \"30001\"");
            return text;
        }

        long baseNumber = text.Length >= 6 ? 100000 : 10000;
        int table = (int)(n / baseNumber);
        long expected = n - (table * baseNumber) - 1;
        string? expectedType = table switch { 0 => "coil", 1 => "discrete", 3 => "input", 4 => "holding", _ => null };
        if (expectedType == null)
        {
            ctx.Error(v, p + "vendorRegister", text, "the first digit must be 0 (coil), 1 (discrete), 3 (input) or 4 (holding)");
        }
        else if (type != null && expectedType != type)
        {
            ctx.Error(v, p + "vendorRegister", text, "numbers " + table + "xxxx are " + expectedType + " registers, but registerType is \"" + type + "\"");
        }
        else if (address >= 0 && expected != address)
        {
            ctx.Error(v, p + "vendorRegister", text,
                "vendor register " + text + " is protocol address " + expected + ", but address is " + address + "; set address to " + expected);
        }

        return text;
    }

    private static void CheckAcrossPoints(Ctx ctx, DeviceProfile profile)
    {
        var names = new Dictionary<string, ProfilePoint>(StringComparer.Ordinal);
        foreach (ProfilePoint pp in profile.Points)
        {
            if (pp.Point.Name.Length > 0 && !names.TryAdd(pp.Point.Name, pp))
            {
                ctx.Issues.Add(new ProfileIssue(ctx.File, pp.Line, IssueSeverity.Error, "name", pp.Point.Name,
                    "already used by the point on line " + names[pp.Point.Name].Line + "; names must be unique"));
            }
        }

        for (int i = 0; i < profile.Points.Count; i++)
        {
            RegisterPoint a = profile.Points[i].Point;
            if (a.Address < 0 || a.RegisterCount <= 0)
            {
                continue;
            }

            for (int j = 0; j < i; j++)
            {
                RegisterPoint b = profile.Points[j].Point;
                if (b.Kind != a.Kind || b.Address < 0 || b.RegisterCount <= 0)
                {
                    continue;
                }

                if (a.Address < b.Address + b.RegisterCount && b.Address < a.Address + a.RegisterCount)
                {
                    ctx.Issues.Add(new ProfileIssue(ctx.File, profile.Points[i].Line, IssueSeverity.Error, a.Name + ".address",
                        a.Address + ".." + (a.Address + a.RegisterCount - 1),
                        "overlaps " + b.Name + " (" + b.Address + ".." + (b.Address + b.RegisterCount - 1) + ", line " + profile.Points[j].Line +
                        ") in the same table; check both addresses and data types (a float32 takes 2 registers, a float64 4)"));
                }
            }
        }
    }

    internal static ByteOrder ParseOrder(string order) => order switch
    {
        "CDAB" => ByteOrder.CDAB,
        "BADC" => ByteOrder.BADC,
        "DCBA" => ByteOrder.DCBA,
        _ => ByteOrder.ABCD,
    };

    private static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut) : message;
    }

    /// <summary>Issue collection with the file name, and typed readers that report instead of throwing.</summary>
    private sealed class Ctx
    {
        public Ctx(string file, List<ProfileIssue> issues)
        {
            File = file;
            Issues = issues;
        }

        public string File { get; }

        public List<ProfileIssue> Issues { get; }

        public void Error(JsonTree at, string field, string value, string message) =>
            Issues.Add(new ProfileIssue(File, at.Line, IssueSeverity.Error, field, value, message));

        public void Warning(JsonTree at, string field, string value, string message) =>
            Issues.Add(new ProfileIssue(File, at.Line, IssueSeverity.Warning, field, value, message));

        public void UnknownMembers(JsonTree obj, string prefix, string[] allowed)
        {
            foreach (var m in obj.Members)
            {
                if (Array.IndexOf(allowed, m.Name) < 0)
                {
                    Issues.Add(new ProfileIssue(File, m.Line, IssueSeverity.Warning, prefix + m.Name, m.Value.Text.Length > 0 ? m.Value.Text : m.Value.Kind.ToString(),
                        "unknown field (a typo?); allowed here: " + string.Join(", ", allowed)));
                }
            }
        }

        public static string? OptionalString(JsonTree obj, string name)
        {
            JsonTree? v = obj.Member(name);
            return v != null && v.Kind == JsonValueKind.String ? v.Text : null;
        }

        public string? RequiredString(JsonTree obj, string prefix, string name, string what)
        {
            JsonTree? v = obj.Member(name);
            if (v == null || v.Kind != JsonValueKind.String || v.Text.Trim().Length == 0)
            {
                Error(v ?? obj, prefix + name, v == null ? "missing" : (v.Text.Length == 0 ? "empty" : v.Text), "required: " + what);
                return null;
            }

            return v.Text;
        }

        public string? Choice(JsonTree obj, string prefix, string name, string[] allowed, bool required)
        {
            JsonTree? v = obj.Member(name);
            if (v == null)
            {
                if (required)
                {
                    Error(obj, prefix + name, "missing", "required: one of " + string.Join(", ", allowed));
                }

                return null;
            }

            if (v.Kind != JsonValueKind.String || Array.IndexOf(allowed, v.Text) < 0)
            {
                Error(v, prefix + name, v.Text, "unknown; use one of " + string.Join(", ", allowed) + " (exact spelling)");
                return null;
            }

            return v.Text;
        }

        public int Int(JsonTree obj, string prefix, string name, int min, int max, int fallback, bool required)
        {
            JsonTree? v = obj.Member(name);
            if (v == null)
            {
                if (required)
                {
                    Error(obj, prefix + name, "missing", "required: a whole number from " + min + " to " + max);
                }

                return fallback;
            }

            if (v.Kind != JsonValueKind.Number || !int.TryParse(v.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            {
                Error(v, prefix + name, v.Text, "must be a whole number from " + min + " to " + max);
                return fallback;
            }

            return n;
        }

        public int MissingInt(JsonTree obj, string field, string message)
        {
            Error(obj, field, "missing", message);
            return 0;
        }

        public double Double(JsonTree obj, string prefix, string name, double fallback)
        {
            JsonTree? v = obj.Member(name);
            if (v == null)
            {
                return fallback;
            }

            if (v.Kind != JsonValueKind.Number)
            {
                Error(v, prefix + name, v.Text, "must be a number (no quotes)");
                return fallback;
            }

            return ParseNumber(v.Text);
        }
    }
}
