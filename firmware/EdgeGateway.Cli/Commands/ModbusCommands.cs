using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Ports;
using EdgeGateway.Cli.Infrastructure;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Firmware.Linux.Platform;
using EdgeGateway.Firmware.Linux.Transport;
using EdgeGateway.Hardware.Profiles;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Cli.Commands;

/// <summary>
/// Technician tools on a Modbus line: `egw modbus read|write|scan|probe|profile validate`. Exit codes: 0 done,
/// 1 the device or profile failed (timeouts, exceptions, validation errors), 2 bad input.
/// </summary>
public static class ModbusCommands
{
    private const string Usage =
        "usage: egw modbus read  (--tcp HOST:PORT | --rtu DEVICE [--baud B] [--parity none|even|odd]) --unit N\n" +
        "                        (--profile FILE | --type holding|input|coil|discrete --address A [--count C] [--data-type T] [--byte-order ABCD|CDAB|BADC|DCBA] [--scale S])\n" +
        "       egw modbus write (--tcp … | --rtu …) --unit N --type holding|coil --address A --value V[,V…] [--data-type T] [--byte-order O]\n" +
        "       egw modbus scan  (--tcp … | --rtu …) [--from 1] [--to 247] [--timeout-ms 200]\n" +
        "       egw modbus probe (--tcp … | --rtu …) --profile FILE [--unit N]\n" +
        "       egw modbus profile validate FILE…";

    private static readonly string[] Types = { "holding", "input", "coil", "discrete" };
    private static readonly string[] DataTypes = { "int16", "uint16", "int32", "uint32", "float32", "float64", "string" };
    private static readonly string[] WritableTypes = { "holding", "coil" };
    private static readonly string[] Orders = { "ABCD", "CDAB", "BADC", "DCBA" };

    /// <summary>The options of each verb (names without --), checked before anything else.</summary>
    private static readonly string[] LineOptions = { "tcp", "rtu", "baud", "parity", "timeout-ms" };
    private static readonly string[] ReadOptions = With(LineOptions, "unit", "profile", "type", "address", "count", "data-type", "byte-order", "scale");
    private static readonly string[] WriteOptions = With(LineOptions, "unit", "type", "address", "value", "data-type", "byte-order");
    private static readonly string[] ScanOptions = With(LineOptions, "from", "to");
    private static readonly string[] ProbeOptions = With(LineOptions, "unit", "profile");

    public static int Run(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        int start = args.Length > 0 && args[0] == "modbus" ? 1 : 0;
        if (args.Length > start && (args[start] == "help" || Array.IndexOf(args, "--help") >= 0 || Array.IndexOf(args, "-h") >= 0))
        {
            console.Out.WriteLine(Usage);
            return 0;
        }

        if (args.Length <= start)
        {
            throw new InputException("egw modbus", "missing", "name what to do: read, write, scan, probe or profile validate; see 'egw modbus --help'");
        }

        string verb = args[start];
        try
        {
            switch (verb)
            {
                case "read": return Read(new CommandLine(args, start + 1, "modbus read", ReadOptions), console);
                case "write": return Write(new CommandLine(args, start + 1, "modbus write", WriteOptions), console);
                case "scan": return Scan(new CommandLine(args, start + 1, "modbus scan", ScanOptions), console);
                case "probe": return Probe(new CommandLine(args, start + 1, "modbus probe", ProbeOptions), console);
                case "profile":
                    if (args.Length > start + 1 && args[start + 1] == "validate")
                    {
                        return Validate(new CommandLine(args, start + 2, "modbus profile validate"), console);
                    }

                    throw new InputException("egw modbus profile", args.Length > start + 1 ? args[start + 1] : "missing", "use 'egw modbus profile validate FILE…'");
                default:
                    throw new InputException("egw modbus", verb, "must be one of read, write, scan, probe, profile validate; see 'egw modbus --help'");
            }
        }
        catch (Exception e) when (e is ModbusException or ModbusTimeoutException or ModbusFrameException or TransportException)
        {
            // The line or the device failed, not the input: egw's error format, naming the line option, exit 1.
            throw LineFailure(args, start + 1, e.Message);
        }
    }

    private static string[] With(string[] common, params string[] more)
    {
        var all = new List<string>(common);
        all.AddRange(more);
        return all.ToArray();
    }

    /// <summary>
    /// "--tcp = 127.0.0.1:502: cannot connect (…)": the transport's message names the endpoint itself ("tcp host:port: …",
    /// "serial port /dev/x: …"); that prefix is dropped as the field and value already say it.
    /// </summary>
    private static EnvironmentFailureException LineFailure(string[] args, int start, string message)
    {
        string field = "--tcp/--rtu";
        string value = "?";
        for (int i = start; i + 1 < args.Length; i++)
        {
            if (args[i] == "--tcp" || args[i] == "--rtu")
            {
                field = args[i];
                value = args[i + 1];
                break;
            }
        }

        foreach (string prefix in new[] { "tcp " + value + ": ", "serial port " + value + ": " })
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                message = message.Substring(prefix.Length);
            }
        }

        return new EnvironmentFailureException(field, value, message);
    }

    /// <summary>
    /// A device profile for --profile: the file checked first (a directory or a missing file named as such), then the
    /// first error with its file and line ("FILE:LINE field"; no ":0" when the problem has no line).
    /// </summary>
    private static DeviceProfile LoadProfile(string path)
    {
        InputFiles.RequireFile("--profile", path, "a device profile.json such as hardware/devices/eastron-sdm630/profile.json");
        ProfileLoadResult r = ProfileLoader.Load(path);
        foreach (ProfileIssue issue in r.Issues)
        {
            if (issue.Severity == IssueSeverity.Error)
            {
                string field = issue.Field == "file" ? "--profile" : Where(issue) + " " + issue.Field;
                throw new InputException(field, issue.Value, issue.Message + (issue.Field == "file" ? string.Empty : "; check it with 'egw modbus profile validate " + path + "'"));
            }
        }

        return r.Profile!;
    }

    /// <summary>"FILE:LINE", or just "FILE" for a problem of the whole file (line 0).</summary>
    private static string Where(ProfileIssue issue) => issue.Line > 0 ? issue.File + ":" + issue.Line.ToString(CultureInfo.InvariantCulture) : issue.File;

    private static int Validate(CommandLine cl, Console2 console)
    {
        cl.RejectUnused();
        if (cl.Positionals.Count == 0)
        {
            throw new InputException("FILE", "missing", "give one or more profile.json files");
        }

        int errors = 0;
        foreach (string file in cl.Positionals)
        {
            InputFiles.RequireFile("FILE", file, "a device profile.json");
            ProfileLoadResult r = ProfileLoader.Load(file);
            foreach (ProfileIssue issue in r.Issues)
            {
                bool error = issue.Severity == IssueSeverity.Error;
                console.Error.WriteLine((error ? "error: " : "warning: ") + Program.OneLine(Where(issue) + " " + issue.Field + " = " + issue.Value + ": " + issue.Message));
                if (error)
                {
                    errors++;
                }
            }

            if (!r.HasErrors && r.Profile != null)
            {
                console.Out.WriteLine(file + ": ok (" + r.Profile.Points.Count + " points" + (r.Issues.Count > 0 ? ", " + r.Issues.Count + " warnings" : "") + ")");
            }
        }

        return errors > 0 ? 1 : 0;
    }

    private static int Read(CommandLine cl, Console2 console)
    {
        string? profilePath = cl.OptionalString("profile");
        DeviceProfile? profile = profilePath != null ? LoadProfile(profilePath) : null;
        using Connection c = Connection.Open(cl, profile);
        if (profile != null)
        {
            cl.RejectUnused();
            c.Connect();
            int implausible = 0;
            foreach (ProfilePoint pp in profile.Points)
            {
                RegisterPoint p = pp.Point;
                string text;
                string flag = "";
                if (p.Kind == RegisterKind.Coil || p.Kind == RegisterKind.DiscreteInput)
                {
                    bool[] bits = new bool[1];
                    c.ReadBits(p.Kind, p.Address, 1, bits);
                    text = bits[0] ? "1" : "0";
                }
                else
                {
                    ushort[] regs = c.ReadRegisters(p.Kind, p.Address, p.RegisterCount);
                    if (p.DataType == RegisterDataType.String)
                    {
                        text = "\"" + RegisterDecoder.DecodeString(regs, 0, p.StringLengthRegisters, p.Order) + "\"";
                    }
                    else
                    {
                        double v = RegisterDecoder.Decode(p, regs, 0);
                        text = Fmt(v);
                        if (!ProfileProbe.Plausible(p, v))
                        {
                            flag = "  OUT OF RANGE [" + Fmt(p.MinPlausible) + ", " + Fmt(p.MaxPlausible) + "]";
                            implausible++;
                        }
                    }
                }

                console.Out.WriteLine(p.Name.PadRight(24) + " " + text.PadLeft(14) + " " + p.Unit + flag);
            }

            if (implausible > 0)
            {
                console.Error.WriteLine(implausible + " value(s) outside their plausible range: try 'egw modbus probe --profile " + profilePath + "' to find the byte order or scale");
            }

            return 0;
        }

        string type = cl.Choice("type", Types, null);
        int address = cl.RequiredInt("address", 0, 65535);
        string? dataType = cl.OptionalString("data-type");
        if (dataType != null && Array.IndexOf(DataTypes, dataType) < 0)
        {
            throw new InputException("--data-type", dataType, "must be one of " + string.Join(", ", DataTypes));
        }

        ByteOrder order = ProfileLoaderOrders.Parse(cl.Choice("byte-order", Orders, "ABCD"));
        double scale = cl.OptionalDouble("scale", 1.0, "a multiplier such as 0.1");
        RegisterKind kind = KindOf(type);
        if (kind == RegisterKind.Coil || kind == RegisterKind.DiscreteInput)
        {
            int count = cl.OptionalInt("count", 1, 1, 2000);
            cl.RejectUnused();
            c.Connect();
            bool[] bits = new bool[count];
            c.ReadBits(kind, address, count, bits);
            for (int i = 0; i < count; i++)
            {
                console.Out.WriteLine(type + " " + (address + i) + ": " + (bits[i] ? 1 : 0));
            }

            return 0;
        }

        var point = new RegisterPoint { Name = "value", DataType = ParseDataType(dataType ?? "uint16"), Order = order, Scale = scale, Unit = "" };
        int values = cl.OptionalInt("count", 1, 1, 125);
        int length = dataType == "string" ? values : point.RegisterCount;
        point.StringLengthRegisters = length;
        int total = dataType == "string" ? length : values * length;
        if (total > 125)
        {
            throw new InputException("--count", values.ToString(CultureInfo.InvariantCulture), "at most 125 registers per read (" + length + " per value)");
        }

        cl.RejectUnused();
        c.Connect();
        ushort[] raw = c.ReadRegisters(kind, address, total);
        if (dataType == "string")
        {
            console.Out.WriteLine(type + " " + address + " (" + total + " registers): \"" + RegisterDecoder.DecodeString(raw, 0, total, order) + "\"");
            return 0;
        }

        for (int i = 0; i < values; i++)
        {
            var hex = new List<string>();
            for (int k = 0; k < length; k++)
            {
                hex.Add("0x" + raw[(i * length) + k].ToString("X4", CultureInfo.InvariantCulture));
            }

            console.Out.WriteLine(type + " " + (address + (i * length)) + ": " + Fmt(RegisterDecoder.Decode(point, raw, i * length)) + "  [" + string.Join(" ", hex) + "]");
        }

        return 0;
    }

    private static int Write(CommandLine cl, Console2 console)
    {
        using Connection c = Connection.Open(cl, null);
        string type = cl.Choice("type", WritableTypes, null);
        int address = cl.RequiredInt("address", 0, 65535);
        string valueText = cl.RequiredString("value", "one value or several separated by commas");
        string[] parts = valueText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (type == "coil")
        {
            cl.RejectUnused();
            bool[] bits = new bool[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                bits[i] = parts[i] switch
                {
                    "1" or "on" or "true" => true,
                    "0" or "off" or "false" => false,
                    _ => throw new InputException("--value", parts[i], "a coil is 1/0, on/off or true/false"),
                };
            }

            c.Connect();
            if (bits.Length == 1)
            {
                c.Client.WriteSingleCoil(c.Unit, address, bits[0]);
            }
            else
            {
                c.Client.WriteMultipleCoils(c.Unit, address, bits, 0, bits.Length);
            }

            console.Out.WriteLine("wrote " + bits.Length + " coil(s) at " + address + " (function " + (bits.Length == 1 ? "05" : "15") + ")");
            return 0;
        }

        string dataType = cl.OptionalString("data-type") ?? "uint16";
        if (Array.IndexOf(DataTypes, dataType) < 0)
        {
            throw new InputException("--data-type", dataType, "must be one of " + string.Join(", ", DataTypes));
        }

        ByteOrder order = ProfileLoaderOrders.Parse(cl.Choice("byte-order", Orders, "ABCD"));
        cl.RejectUnused();
        var regs = new List<ushort>();
        var buffer = new ushort[4];
        if (dataType == "string")
        {
            int n = (valueText.Length + 1) / 2;
            ushort[] s = new ushort[n];
            RegisterDecoder.EncodeString(valueText, order, s, 0, n);
            regs.AddRange(s);
        }
        else
        {
            RegisterDataType t = ParseDataType(dataType);
            foreach (string part in parts)
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    throw new InputException("--value", part, "must be a number");
                }

                int n = RegisterDecoder.EncodeRaw(t, order, v, buffer, 0);
                for (int k = 0; k < n; k++)
                {
                    regs.Add(buffer[k]);
                }
            }
        }

        // Values are checked (type, range) before the line is opened: a typo never reaches the device half-written.
        c.Connect();
        if (regs.Count == 1)
        {
            c.Client.WriteSingleRegister(c.Unit, address, regs[0]);
        }
        else
        {
            c.Client.WriteMultipleRegisters(c.Unit, address, regs.ToArray(), 0, regs.Count);
        }

        console.Out.WriteLine("wrote " + regs.Count + " register(s) at " + address + " (function " + (regs.Count == 1 ? "06" : "16") + ")");
        return 0;
    }

    private static int Scan(CommandLine cl, Console2 console)
    {
        int from = cl.OptionalInt("from", 1, 1, 247);
        int to = cl.OptionalInt("to", 247, from, 247);
        int timeoutMs = cl.OptionalInt("timeout-ms", 200, 10, 10000);
        using Connection c = Connection.Open(cl, null, timeoutMs, requireUnit: false);
        cl.RejectUnused();
        c.Connect();
        var found = new List<string>();
        ushort[] regs = new ushort[1];
        for (int unit = from; unit <= to; unit++)
        {
            console.Error.Write("\rscanning unit " + unit + " of " + from + ".." + to + ", found " + found.Count + "   ");
            FrameStatus status = c.Client.TryReadRegisters((byte)unit, RegisterKind.HoldingRegister, 0, 1, regs, 0, 0);
            // Any well-formed answer, even an exception ("no register 0 here"), proves a slave at that id — except a
            // TCP gateway's 0A/0B, which says that nothing answered behind it.
            bool gatewayNoTarget = status == FrameStatus.ModbusException &&
                (c.Client.LastExceptionCode == ModbusExceptionCode.GatewayPathUnavailable || c.Client.LastExceptionCode == ModbusExceptionCode.GatewayTargetFailedToRespond);
            if ((status == FrameStatus.Ok || status == FrameStatus.ModbusException) && !gatewayNoTarget)
            {
                found.Add(unit + (status == FrameStatus.ModbusException ? " (answered with exception " + (int)c.Client.LastExceptionCode + " to holding register 0)" : ""));
            }
            else if (status == FrameStatus.CrcError || status == FrameStatus.BadLength || status == FrameStatus.WrongUnit)
            {
                found.Add(unit + " (garbled answer: " + status + "; check baud rate, parity and termination)");
            }
        }

        console.Error.WriteLine();
        foreach (string f in found)
        {
            console.Out.WriteLine("unit " + f);
        }

        console.Out.WriteLine(found.Count + " responder(s) between " + from + " and " + to);
        return 0;
    }

    private static int Probe(CommandLine cl, Console2 console)
    {
        string path = cl.RequiredString("profile", "the profile.json to check against the device");
        DeviceProfile profile = LoadProfile(path);
        using Connection c = Connection.Open(cl, profile);
        cl.RejectUnused();
        c.Connect();
        var points = new List<RegisterPoint>();
        var raws = new List<ushort[]>();
        foreach (ProfilePoint pp in profile.Points)
        {
            RegisterPoint p = pp.Point;
            if (p.Kind == RegisterKind.Coil || p.Kind == RegisterKind.DiscreteInput || p.DataType == RegisterDataType.String || p.DataType == RegisterDataType.Bit)
            {
                continue;
            }

            points.Add(p);
            raws.Add(c.ReadRegisters(p.Kind, p.Address, p.RegisterCount));
        }

        ProbeResult r = ProfileProbe.Probe(points, raws, profile.Defaults.ByteOrder);
        Print(r, console);
        return 0;
    }

    /// <summary>Prints a probe result (shared with tests through the command's output).</summary>
    public static void Print(ProbeResult r, Console2 console)
    {
        foreach (ProbePoint p in r.Details)
        {
            string change = p.PlausibleAsConfigured && p.ProposedFactor == 1.0 && p.ProposedValue.Equals(p.ValueAsConfigured)
                ? "ok"
                : (p.PlausibleAsProposed ? "→ " + Fmt(p.ProposedValue) + " with " + p.ProposedOrder + (p.ProposedFactor != 1.0 ? " ×" + Fmt(p.ProposedFactor) : "") : "no order or scale makes it plausible");
            console.Out.WriteLine(p.Name.PadRight(24) + " " + Fmt(p.ValueAsConfigured).PadLeft(14) + "  " + change);
        }

        console.Out.WriteLine(r.PlausibleAsConfigured + "/" + r.Points + " values plausible as configured (byteOrder " + r.ConfiguredOrder + ")");
        if (!r.HasProposal)
        {
            console.Out.WriteLine("no change proposed");
            return;
        }

        console.Out.WriteLine("PROPOSAL: byteOrder " + r.ProposedOrder + (r.ProposedOrder != r.ConfiguredOrder ? " (instead of " + r.ConfiguredOrder + ")" : " (unchanged)") +
            " makes " + r.PlausibleAsProposed + "/" + r.Points + " values plausible");
        foreach (ProbePoint p in r.Details)
        {
            if (p.ProposedFactor != 1.0)
            {
                console.Out.WriteLine("PROPOSAL: " + p.Name + ": multiply scale by " + Fmt(p.ProposedFactor));
            }
        }
    }

    private static RegisterKind KindOf(string type) => type switch
    {
        "coil" => RegisterKind.Coil,
        "discrete" => RegisterKind.DiscreteInput,
        "input" => RegisterKind.InputRegister,
        _ => RegisterKind.HoldingRegister,
    };

    private static RegisterDataType ParseDataType(string t) => t switch
    {
        "int16" => RegisterDataType.Int16,
        "int32" => RegisterDataType.Int32,
        "uint32" => RegisterDataType.UInt32,
        "float32" => RegisterDataType.Float32,
        "float64" => RegisterDataType.Float64,
        "string" => RegisterDataType.String,
        _ => RegisterDataType.UInt16,
    };

    private static string Fmt(double v) => v.ToString("G7", CultureInfo.InvariantCulture);

    private static class ProfileLoaderOrders
    {
        public static ByteOrder Parse(string s) => s switch
        {
            "CDAB" => ByteOrder.CDAB,
            "BADC" => ByteOrder.BADC,
            "DCBA" => ByteOrder.DCBA,
            _ => ByteOrder.ABCD,
        };
    }

    /// <summary>A client on the transport the options name (TCP or RTU), with the unit to talk to.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly IByteTransport transport;

        private Connection(ModbusClient client, IByteTransport transport, byte unit)
        {
            Client = client;
            this.transport = transport;
            Unit = unit;
        }

        public ModbusClient Client { get; }

        public byte Unit { get; }

        public static Connection Open(CommandLine cl, DeviceProfile? profile, int timeoutMs = 1000, bool requireUnit = true)
        {
            string? tcp = cl.OptionalString("tcp");
            string? rtu = cl.OptionalString("rtu");
            if ((tcp == null) == (rtu == null))
            {
                throw new InputException("--tcp/--rtu", tcp == null ? "missing" : "both", "give exactly one: --tcp HOST:PORT or --rtu DEVICE (e.g. /dev/ttyUSB0)");
            }

            // RTU: 1-247 (0 is broadcast: no slave answers, so a read would "succeed" with zeros; 248-255 are reserved).
            // TCP: 0-255, since Modbus TCP devices and gateways commonly answer at unit 0 or 255.
            int unit = requireUnit ? cl.OptionalInt("unit", profile?.Defaults.UnitId ?? -1, tcp != null ? 0 : 1, tcp != null ? 255 : 247) : 1;
            if (unit < 0)
            {
                throw new InputException("--unit", "missing", "required: the slave's unit id, 1 to 247 (0 to 255 on Modbus TCP)");
            }

            timeoutMs = cl.OptionalInt("timeout-ms", timeoutMs, 10, 60000);
            var options = new ModbusClientOptions { ResponseTimeoutMs = timeoutMs, Retries = requireUnit ? 1 : 0 };
            if (profile != null && profile.Defaults.InterFrameDelayMs > 0)
            {
                options.InterFrameDelayMs = profile.Defaults.InterFrameDelayMs;
            }

            if (tcp != null)
            {
                TcpClientTransport t = ParseTcp(tcp);
                return new Connection(new ModbusClient(t, ModbusFraming.Tcp, SystemClock.Instance, options), t, (byte)unit);
            }

            int baud = cl.OptionalInt("baud", profile?.Defaults.BaudRate ?? 9600, 300, 921600);
            string parityText = cl.OptionalString("parity") ?? profile?.Defaults.Parity ?? "even";
            Parity parity;
            try
            {
                parity = SerialPortTransport.ParseParity(parityText);
            }
            catch (InputException e)
            {
                throw new InputException(cl.Has("parity") ? "--parity" : "--profile defaults.parity", parityText, e.Allowed);
            }

            options.Baud = baud;
            var s = new SerialPortTransport(rtu!, baud, parity);
            return new Connection(new ModbusClient(s, ModbusFraming.Rtu, SystemClock.Instance, options), s, (byte)unit);
        }

        /// <summary>
        /// HOST:PORT as the technician typed it; every problem names --tcp (the transport's own checks would say "port"
        /// or "host", which the user never typed).
        /// </summary>
        private static TcpClientTransport ParseTcp(string tcp)
        {
            int colon = tcp.LastIndexOf(':');
            if (colon > 0 && int.TryParse(tcp.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) && (port < 1 || port > 65535))
            {
                throw new InputException("--tcp", tcp, "the port must be from 1 to 65535 (Modbus TCP default is 502)");
            }

            try
            {
                return TcpClientTransport.Parse(tcp);
            }
            catch (InputException e)
            {
                throw new InputException("--tcp", tcp, e.Field == "--tcp" ? e.Allowed : "HOST:PORT, e.g. 127.0.0.1:502 (" + e.Field + ": " + e.Allowed + ")");
            }
        }

        public ushort[] ReadRegisters(RegisterKind kind, int address, int count)
        {
            ushort[] regs = new ushort[count];
            if (kind == RegisterKind.InputRegister)
            {
                Client.ReadInputRegisters(Unit, address, count, regs, 0);
            }
            else
            {
                Client.ReadHoldingRegisters(Unit, address, count, regs, 0);
            }

            return regs;
        }

        public void ReadBits(RegisterKind kind, int address, int count, bool[] bits)
        {
            if (kind == RegisterKind.Coil)
            {
                Client.ReadCoils(Unit, address, count, bits, 0);
            }
            else
            {
                Client.ReadDiscreteInputs(Unit, address, count, bits, 0);
            }
        }

        /// <summary>
        /// Opens the line now: the client would report a failed open only as "the port or connection failed", without
        /// the host or device and the reason a technician needs (refused, no route, permission denied).
        /// </summary>
        public void Connect()
        {
            if (!transport.IsOpen)
            {
                // .NET reports a missing device node as "Access to the port is denied": say what is wrong instead.
                if (transport is SerialPortTransport serial && !File.Exists(serial.PortName))
                {
                    throw new EnvironmentFailureException("--rtu", serial.PortName,
                        "no such serial device; list /dev/ttyUSB* /dev/ttyS*, or check the adapter is plugged in");
                }

                transport.Open();
            }
        }

        public void Dispose() => ((IDisposable)transport).Dispose();
    }
}
