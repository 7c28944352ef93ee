using System.Collections;
using System.Text;
using EdgeGateway.Firmware.Core.Json;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Transformers;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Configuration
{
    /// <summary>
    /// Reads and validates a gateway configuration (schema: firmware/CONFIG.md) on any platform. Collects every error —
    /// unknown keys (typos), missing keys, wrong types, ranges, references between sections, duplicate ids, overlapping
    /// registers, measurement names and units against the wire vocabulary — each with its JSON path, line, column,
    /// value and what is allowed. The configuration is returned only when there is no error.
    /// </summary>
    public static class ConfigLoader
    {
        public static readonly string[] RootKeys = ConfigFields.Words("schemaVersion gateway buses devices pulseInputs equipment reporting store uplink statusPage notes");
        public static readonly string[] GatewayKeys = ConfigFields.Words("siteId deviceId name firmwareChannel timeZone");
        public static readonly string[] BusCommonKeys = ConfigFields.Words("id kind timeoutMs retries notes");
        public static readonly string[] RtuOnlyKeys = ConfigFields.Words("port baud parity dataBits stopBits interFrameDelayMs txPin rxPin rtsPin");
        public static readonly string[] TcpOnlyKeys = ConfigFields.Words("host port");
        public static readonly string[] DeviceKeys = ConfigFields.Words("id name bus unit pollIntervalMs maxRegistersPerRead maxGapRegisters profile profileRef ranges notes");
        public static readonly string[] ProfileKeys = ConfigFields.Words("id manufacturer model byteOrder maxRegistersPerRead points notes");
        public static readonly string[] PointKeys = ConfigFields.Words("name measurement registerType address vendorRegister dataType byteOrder length bitIndex scale offset unit range description");

        public static readonly string[] PulseKeys = ConfigFields.Words("id pin unitsPerPulse measurement totalMeasurement debounceMs notes");
        public static readonly string[] EquipmentCommonKeys = ConfigFields.Words("id name kind nameplate inputs notes");
        public static readonly string[] BoilerOnlyKeys = ConfigFields.Words("method fuelAnalysis");
        public static readonly string[] TransformerOnlyKeys = ConfigFields.Words("primaryInputs");
        public static readonly string[] BoilerNameplateKeys = ConfigFields.Words("model fuel type combustion ratedCapacityTph ratedHeatOutputMw condensing coalClass ratedEfficiencyPercent designFuelLowerHeatingValueKjPerKg fuelLowerHeatingValueKjPerNm3 fuelLowerHeatingValueKjPerKg");

        public static readonly string[] MotorNameplateKeys = ConfigFields.Words("model ratedPowerKw poles ratedEfficiencyPercent ratedSpeedRpm ratedVoltageV ratedCurrentA ratedPowerFactor");
        public static readonly string[] TransformerNameplateKeys = ConfigFields.Words("model kind core ratedKva noLoadLossKw loadLossKw insulationClass ratedVoltageKv");
        public static readonly string[] FuelAnalysisKeys = ConfigFields.Words("carbonAsReceivedPercent hydrogenAsReceivedPercent oxygenAsReceivedPercent nitrogenAsReceivedPercent sulfurAsReceivedPercent moistureAsReceivedPercent ashAsReceivedPercent slagFractionPercent flyAshFractionPercent riddlingsFractionPercent carbonInSlagPercent carbonInFlyAshPercent carbonInRiddlingsPercent slagTemperatureC source confidence");

        public static readonly string[] ReportingKeys = ConfigFields.Words("fullReportIntervalS healthIntervalS deadbands");
        public static readonly string[] StoreKeys = ConfigFields.Words("path maxTotalBytes maxSegmentBytes maxRecordBytes cursorPersistEveryAcks");
        public static readonly string[] UplinkKeys = ConfigFields.Words("host port tls caCertificate username password clientId keepAliveS replayMaxPerSecond backoffInitialMs backoffMaxMs publishTimeoutMs");

        public static readonly string[] StatusPageKeys = ConfigFields.Words("enabled port language");

        public static readonly string[] BusKinds = ConfigFields.Words("rtu tcp");
        public static readonly string[] Parities = ConfigFields.Words("none even odd");
        public static readonly int[] StandardBauds = { 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 };
        public static readonly string[] RegisterTypes = ConfigFields.Words("coil discrete input holding");
        public static readonly string[] DataTypes = ConfigFields.Words("bit int16 uint16 int32 uint32 float32 float64 string");
        public static readonly string[] ByteOrders = ConfigFields.Words("ABCD CDAB BADC DCBA");
        public static readonly string[] EquipmentKinds = ConfigFields.Words("boiler motor transformer");
        public static readonly string[] Methods = ConfigFields.Words("auto direct indirect");
        public static readonly string[] FuelNames = ConfigFields.Words("natural-gas oil lpg coke-oven-gas coal biomass electric");
        public static readonly string[] BoilerTypes = ConfigFields.Words("steam hot-water");
        public static readonly string[] Combustions = ConfigFields.Words("chamber grate fluidized-bed");
        public static readonly string[] CoalClasses = ConfigFields.Words("bituminous-I bituminous-II bituminous-III lean anthracite-II anthracite-III lignite pulverized");
        public static readonly string[] TransformerKinds = ConfigFields.Words("oil-immersed dry");
        public static readonly string[] TransformerCores = ConfigFields.Words("silicon-steel amorphous");
        public static readonly string[] InsulationClasses = ConfigFields.Words("B F H");
        public static readonly string[] Confidences = ConfigFields.Words("V 3P M");
        public static readonly string[] Channels = ConfigFields.Words("stable beta dev");
        public static readonly string[] Languages = ConfigFields.Words("zh en");

        /// <summary>Loads with no profile resolver (profileRef is an error) and default limits: the device's path.</summary>
        public static ConfigValidationResult Load(byte[] json)
        {
            return Load(json, null, null);
        }

        public static ConfigValidationResult LoadText(string json, IProfileResolver resolver)
        {
            return Load(JsonWriter.Utf8(json), resolver, null);
        }

        /// <summary>Parses and validates. Never throws for bad input: every problem is in the result.</summary>
        public static ConfigValidationResult Load(byte[] json, IProfileResolver resolver, JsonLimits limits)
        {
            var result = new ConfigValidationResult();
            if (json == null || json.Length == 0)
            {
                result.AddError("", 0, 0, "empty", "a JSON configuration object (see CONFIG.md)");
                return result;
            }

            JsonNode root;
            try
            {
                root = JsonReader.Parse(json, 0, json.Length, limits);
            }
            catch (JsonParseException e)
            {
                result.AddError(e.Path, e.Line, e.Column, e.Found, "not valid JSON: expected " + e.Expected);
                return result;
            }

            if (root.Kind != JsonKind.Object)
            {
                result.AddError("", root, root.Describe(), "a configuration is one JSON object { \"schemaVersion\": 1, \"gateway\": …, … }");
                return result;
            }

            result.Parsed = true;
            result.Document = (JsonObject)root;
            var loader = new Loader(result, resolver);
            GatewayConfig config = loader.Run((JsonObject)root);

            // Hash after profileRefs were resolved: it identifies what runs, not how it was written.
            result.Hash = JsonCanonical.Hash(root);
            if (result.ErrorCount == 0)
            {
                config.Hash = result.Hash;
                config.HashHex = JsonCanonical.HashHex(result.Hash);
                result.Config = config;
            }

            return result;
        }

        /// <summary>Loads and throws one <see cref="InputException"/> listing every error when invalid.</summary>
        public static GatewayConfig LoadOrThrow(byte[] json, IProfileResolver resolver)
        {
            return Load(json, resolver, null).ThrowIfInvalid();
        }

        /// <summary>
        /// True when a point's unit is the vocabulary's unit. Spelling variants are accepted: "Nm3" = "Nm³", "-" = "1"
        /// (dimensionless), and a plain unit where the vocabulary adds a qualifier the measurement name already states
        /// ("MPa" for steamPressureMpaAbs's "MPa(abs)", "%" for flueGasO2PercentDry's "%(dry)"). A different qualifier
        /// ("MPa(g)") or unit ("kPa") is refused: convert with scale/offset instead.
        /// </summary>
        public static bool UnitsMatch(string pointUnit, string vocabularyUnit)
        {
            if (pointUnit == null || vocabularyUnit == null)
            {
                return false;
            }

            string p = NormalizeUnit(pointUnit);
            string v = NormalizeUnit(vocabularyUnit);
            if (p == v)
            {
                return true;
            }

            int q = v.IndexOf('(');
            return q > 0 && v[v.Length - 1] == ')' && p.IndexOf('(') < 0 && p == v.Substring(0, q);
        }

        private static string NormalizeUnit(string u)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < u.Length; i++)
            {
                char c = u[i];
                if (c == ' ')
                {
                    continue;
                }

                sb.Append(c == '³' ? '3' : (c == '²' ? '2' : c));
            }

            string s = sb.ToString();
            return s.Length == 0 || s == "-" ? "1" : s;
        }

        /// <summary>The vocabulary names, comma separated (for messages).</summary>
        public static string VocabularyList()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < Measurements.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(Measurements.NameAt(i));
            }

            return sb.ToString();
        }

        internal static string[] VocabularyNames()
        {
            string[] names = new string[Measurements.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = Measurements.NameAt(i);
            }

            return names;
        }

        /// <summary>The state of one load. Sections are read in document order; references are checked against what was read.</summary>
        private sealed class Loader : ConfigFields
        {
            private readonly ConfigValidationResult r;
            private readonly IProfileResolver resolver;
            private readonly ArrayList buses = new ArrayList();
            private readonly ArrayList busNodes = new ArrayList();
            private readonly ArrayList devices = new ArrayList();
            private readonly ArrayList pulses = new ArrayList();
            private readonly ArrayList equipment = new ArrayList();
            private readonly string[] vocabulary = VocabularyNames();

            // Every point name a device declared, valid or not (DeviceConfig → ArrayList): an input naming a point
            // that has its own error is not reported again.
            private readonly Hashtable declaredPoints = new Hashtable();

            public Loader(ConfigValidationResult result, IProfileResolver resolver)
                : base(result)
            {
                r = result;
                this.resolver = resolver;
            }

            public GatewayConfig Run(JsonObject root)
            {
                var c = new GatewayConfig();
                CheckKeys(root, "", RootKeys, null, null);
                Notes(root, "");
                c.SchemaVersion = ReadSchemaVersion(root);
                c.Gateway = ReadGateway(root);
                ReadBuses(root);
                ReadDevices(root);
                ReadPulseInputs(root);
                ReadEquipment(root);
                c.Reporting = ReadReporting(root);
                c.Store = ReadStore(root);
                c.Uplink = ReadUplink(root, c.Gateway);
                c.StatusPage = ReadStatusPage(root);

                c.Buses = new BusConfig[buses.Count];
                buses.CopyTo(c.Buses);

                c.Devices = new DeviceConfig[devices.Count];
                devices.CopyTo(c.Devices);

                c.PulseInputs = new PulseInputConfig[pulses.Count];
                pulses.CopyTo(c.PulseInputs);

                c.Equipment = new EquipmentConfig[equipment.Count];
                equipment.CopyTo(c.Equipment);

                WarnUnusedBuses(c);
                return c;
            }

            private void Notes(JsonObject obj, string path)
            {
                JsonNode n = obj.Get("notes");
                if (n != null && n.Kind != JsonKind.String)
                {
                    WrongAt(path, "notes", n, "notes are one string (free text for technicians; ignored by the gateway)");
                }
            }

            private int ReadSchemaVersion(JsonObject root)
            {
                JsonNode v = root.Get("schemaVersion");
                if (v == null)
                {
                    Error("schemaVersion", root, "missing", "required: \"schemaVersion\": 1 (the configuration format this firmware reads)");
                    return 0;
                }

                if (v.Kind != JsonKind.Number || ((JsonNumber)v).Value != GatewayConfig.CurrentSchemaVersion)
                {
                    Wrong("schemaVersion", v, "this firmware reads schemaVersion 1; a newer configuration needs a firmware update");
                    return 0;
                }

                return GatewayConfig.CurrentSchemaVersion;
            }

            private GatewayIdentity ReadGateway(JsonObject root)
            {
                var id = new GatewayIdentity();
                JsonObject g = Object(root, "", "gateway", true);
                if (g == null)
                {
                    return id;
                }

                CheckKeys(g, "gateway", GatewayKeys, null, null);
                id.SiteId = TopicId(g, "siteId", "the site (plant) id, part of the MQTT topic egw/v1/{siteId}/{deviceId}");
                id.DeviceId = TopicId(g, "deviceId", "this gateway's id, unique within the site, part of the MQTT topic");
                id.Name = String(g, "gateway", "name", false, null, 64, "a display name for the status page");
                id.FirmwareChannel = Choice(g, "gateway", "firmwareChannel", Channels, false, "stable") ?? "stable";
                string tz = String(g, "gateway", "timeZone", false, null, 16, "a fixed UTC offset such as \"+08:00\"");
                if (tz != null)
                {
                    int minutes = ParseUtcOffset(tz);
                    if (minutes == int.MinValue)
                    {
                        ErrorAt(g, "gateway", "timeZone", Q(tz), "a fixed UTC offset ±HH:MM from -12:00 to +14:00, e.g. \"+08:00\" for China (the device has no time-zone database)");
                    }
                    else
                    {
                        id.TimeZone = tz;
                        id.UtcOffsetMinutes = minutes;
                    }
                }

                return id;
            }

            private string TopicId(JsonObject g, string key, string what)
            {
                string s = String(g, "gateway", key, true, null, 1000, what);
                if (s != null && !ConfigFields.IsId(s, true))
                {
                    ErrorAt(g, "gateway", key, Q(s), "must be 1–32 characters of A-Z, a-z, 0-9, '.', '_' and '-' (" + what + ")");
                    return null;
                }

                return s;
            }

            private static int ParseUtcOffset(string tz)
            {
                if (tz.Length != 6 || (tz[0] != '+' && tz[0] != '-') || tz[3] != ':')
                {
                    return int.MinValue;
                }

                int h1 = tz[1] - '0';
                int h2 = tz[2] - '0';
                int m1 = tz[4] - '0';
                int m2 = tz[5] - '0';
                if (h1 < 0 || h1 > 9 || h2 < 0 || h2 > 9 || m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9)
                {
                    return int.MinValue;
                }

                int minutes = (((h1 * 10) + h2) * 60) + (m1 * 10) + m2;
                if (tz[0] == '-')
                {
                    minutes = -minutes;
                }

                return minutes < -12 * 60 || minutes > 14 * 60 ? int.MinValue : minutes;
            }

            // ---------------------------------------------------------------- buses

            private void ReadBuses(JsonObject root)
            {
                JsonArray array = Array(root, "", "buses", false);
                if (array == null)
                {
                    return;
                }

                for (int i = 0; i < array.Count; i++)
                {
                    string p = ConfigFields.Index("buses", i);
                    JsonObject o = ObjectItem(array, i, p, "each bus is an object {\"id\", \"kind\": \"rtu\"|\"tcp\", …}");
                    if (o == null)
                    {
                        continue;
                    }

                    BusConfig bus = ReadBus(o, p);
                    if (bus == null)
                    {
                        continue;
                    }

                    for (int j = 0; j < buses.Count; j++)
                    {
                        BusConfig other = (BusConfig)buses[j];
                        if (other.Id == bus.Id)
                        {
                            ErrorAt(o, p, "id", Q(bus.Id), "duplicate id: another bus already uses it; give each bus its own id");
                        }
                        else if (other.Kind == BusKind.Rtu && bus.Kind == BusKind.Rtu && other.SerialPort != null && other.SerialPort == bus.SerialPort)
                        {
                            ErrorAt(o, p, "port", Q(bus.SerialPort),
                                "bus \"" + other.Id + "\" already uses this serial port; put all devices of one RS-485 line on one bus");
                        }
                        else if (other.Kind == BusKind.Tcp && bus.Kind == BusKind.Tcp && other.Host == bus.Host && other.TcpPort == bus.TcpPort && bus.Host != null)
                        {
                            ErrorAt(o, p, "host", "\"" + bus.Host + ":" + bus.TcpPort.ToString() + "\"",
                                "bus \"" + other.Id + "\" already connects there; put devices behind one TCP endpoint (a gateway with several unit ids) on one bus");
                        }
                    }

                    buses.Add(bus);
                    busNodes.Add(o);
                }
            }

            private BusConfig ReadBus(JsonObject o, string p)
            {
                var bus = new BusConfig();
                bus.Id = Id(o, p, "id", true, "the bus name devices refer to, e.g. \"rs485-1\"");
                string kind = Choice(o, p, "kind", BusKinds, true, null);
                Notes(o, p);
                bus.TimeoutMs = Int(o, p, "timeoutMs", 10, 60000, false, 1000, "how long to wait for an answer");
                bus.Retries = Int(o, p, "retries", 0, 10, false, 1, "extra attempts after a timeout or a bad frame");
                if (kind == "rtu")
                {
                    bus.Kind = BusKind.Rtu;
                    CheckKeys(o, p, Concat(BusCommonKeys, RtuOnlyKeys), TcpOnlyKeys, "applies to tcp buses only (this bus is \"rtu\")");
                    bus.SerialPort = String(o, p, "port", true, null, 64, "the serial device, e.g. \"/dev/ttyUSB0\" (Linux) or \"COM2\" (ESP32)");
                    bus.Baud = Int(o, p, "baud", 300, 921600, false, 9600, "bits per second");
                    if (o.Has("baud") && !IsStandardBaud(bus.Baud))
                    {
                        ErrorHere(o, p, "baud", "must be a standard rate: 1200, 2400, 4800, 9600, 19200, 38400, 57600 or 115200 (as set on the devices)");
                    }

                    string parity = Choice(o, p, "parity", Parities, false, "even");
                    int parityIndex = ConfigFields.IndexOf(Parities, parity); // list order = BusParity
                    bus.Parity = parityIndex < 0 ? BusParity.Even : (BusParity)parityIndex;
                    bus.DataBits = Int(o, p, "dataBits", 8, 8, false, 8, "Modbus RTU always uses 8 data bits");
                    bus.StopBits = Int(o, p, "stopBits", 1, 2, false, 1, "1 or 2");
                    bus.InterFrameDelayMs = Int(o, p, "interFrameDelayMs", 0, 1000, false, -1, "extra quiet time between frames for slow devices; leave out for the Modbus t3.5");
                    bus.TxPin = Int(o, p, "txPin", 0, 48, false, -1, "ESP32 GPIO for UART TX");
                    bus.RxPin = Int(o, p, "rxPin", 0, 48, false, -1, "ESP32 GPIO for UART RX");
                    bus.RtsPin = Int(o, p, "rtsPin", 0, 48, false, -1, "ESP32 GPIO driving the RS-485 transceiver's DE/RE");
                }
                else if (kind == "tcp")
                {
                    bus.Kind = BusKind.Tcp;
                    CheckKeys(o, p, Concat(BusCommonKeys, TcpOnlyKeys), RtuOnlyKeys, "applies to rtu buses only (this bus is \"tcp\")");
                    bus.Host = String(o, p, "host", true, null, 253, "the device's or Modbus gateway's IP address or host name");
                    bus.TcpPort = Int(o, p, "port", 1, 65535, false, 502, "TCP port, 502 by default");
                }
                else
                {
                    CheckKeys(o, p, Concat(Concat(BusCommonKeys, RtuOnlyKeys), TcpOnlyKeys), null, null);
                    return null;
                }

                return bus.Id == null ? null : bus;
            }

            private static bool IsStandardBaud(int baud)
            {
                for (int i = 0; i < StandardBauds.Length; i++)
                {
                    if (StandardBauds[i] == baud)
                    {
                        return true;
                    }
                }

                return false;
            }

            // ---------------------------------------------------------------- devices

            private void ReadDevices(JsonObject root)
            {
                JsonArray array = Array(root, "", "devices", false);
                if (array == null)
                {
                    return;
                }

                for (int i = 0; i < array.Count; i++)
                {
                    string p = ConfigFields.Index("devices", i);
                    JsonObject o = ObjectItem(array, i, p, "each device is an object {\"id\", \"bus\", \"unit\", \"profile\" or \"profileRef\", …}");
                    if (o == null)
                    {
                        continue;
                    }

                    DeviceConfig d = ReadDevice(o, p);
                    if (d == null)
                    {
                        continue;
                    }

                    for (int j = 0; j < devices.Count; j++)
                    {
                        DeviceConfig other = (DeviceConfig)devices[j];
                        if (other.Id == d.Id)
                        {
                            ErrorAt(o, p, "id", Q(d.Id), "duplicate id: another device already uses it; give each device its own id");
                        }
                        else if (other.Bus != null && other.Bus == d.Bus && other.Unit == d.Unit)
                        {
                            ErrorAt(o, p, "unit", d.Unit.ToString(),
                                "device \"" + other.Id + "\" already has this unit id on bus \"" + d.BusId + "\"; each slave on a bus needs its own address (set it on the device)");
                        }
                    }

                    devices.Add(d);
                }
            }

            private DeviceConfig ReadDevice(JsonObject o, string p)
            {
                var d = new DeviceConfig();
                CheckKeys(o, p, DeviceKeys, null, null);
                Notes(o, p);
                d.Id = Id(o, p, "id", true, "the device name inputs refer to as \"deviceId.pointName\"");
                d.Name = String(o, p, "name", false, null, 64, "a display name");
                d.BusId = Id(o, p, "bus", true, "the id of a bus in \"buses\"");
                if (d.BusId != null)
                {
                    for (int i = 0; i < buses.Count; i++)
                    {
                        if (((BusConfig)buses[i]).Id == d.BusId)
                        {
                            d.Bus = (BusConfig)buses[i];
                            d.BusIndex = i;
                        }
                    }

                    if (d.Bus == null)
                    {
                        ErrorAt(o, p, "bus", Q(d.BusId), "no bus has this id; defined buses: " + (buses.Count == 0 ? "(none: add one to \"buses\")" : BusIds()));
                    }
                }

                bool tcp = d.Bus != null && d.Bus.Kind == BusKind.Tcp;
                d.Unit = tcp
                    ? Int(o, p, "unit", 0, 255, true, 1, "the Modbus unit id behind the TCP endpoint")
                    : Int(o, p, "unit", 1, 247, true, 1, "the slave address set on the device; 0 is broadcast, 248-255 are reserved");
                d.PollIntervalMs = Int(o, p, "pollIntervalMs", 100, 86400000, false, 1000, "how often to read the device, ms; at least 100");
                int deviceMax = Int(o, p, "maxRegistersPerRead", 1, 125, false, -1, "largest read the device accepts; 125 is the protocol limit");
                d.MaxGapRegisters = Int(o, p, "maxGapRegisters", 0, 125, false, 8, "unused registers one read may span; 0 for devices that refuse reads across holes");

                JsonNode refNode = o.Get("profileRef");
                JsonNode inline = o.Get("profile");
                JsonObject profile = null;
                string profilePath = p + ".profile";
                if (refNode != null && inline != null)
                {
                    WrongAt(p, "profileRef", refNode, "give either an inline \"profile\" or a \"profileRef\", not both");
                }
                else if (refNode == null && inline == null)
                {
                    Missing(o, p, "profile", "required: an inline \"profile\" {\"points\": […]} or a \"profileRef\" naming a folder under hardware/devices (Linux only)");
                }
                else if (refNode != null)
                {
                    profile = ResolveRef(o, p, refNode, d);
                    profilePath = p + ".profileRef(" + d.ProfileRef + ")";
                }
                else if (inline.Kind != JsonKind.Object)
                {
                    Wrong(profilePath, inline, "must be an object {\"points\": […]} (see CONFIG.md)");
                }
                else
                {
                    profile = (JsonObject)inline;
                }

                d.Points = new RegisterPoint[0];
                int profileMax = -1;
                if (profile != null)
                {
                    d.Points = ReadProfile(profile, profilePath, d, out profileMax);
                }

                ApplyRangeOverrides(o, p, d);
                d.MaxRegistersPerRead = deviceMax > 0 ? deviceMax : (profileMax > 0 ? profileMax : 125);
                if (deviceMax > 0 && profileMax > 0 && deviceMax > profileMax)
                {
                    r.AddWarning(p + ".maxRegistersPerRead = " + deviceMax.ToString() + ": above the profile's " + profileMax.ToString() + "; the device may refuse such reads");
                }

                if (d.Points.Length > 0)
                {
                    try
                    {
                        RequestPlanner.Plan(d.Points, d.MaxGapRegisters, d.MaxRegistersPerRead, 0);
                    }
                    catch (InputException e)
                    {
                        Error(profilePath, profile, e.Value, e.Field + ": " + e.Allowed);
                    }
                }

                return d.Id == null ? null : d;
            }

            /// <summary>
            /// "ranges": {"pointName": [min, max]} replaces a profile point's plausible range for this installation
            /// (a meter behind 600/5 A current transformers reads primary amperes the profile could not know).
            /// </summary>
            private void ApplyRangeOverrides(JsonObject o, string p, DeviceConfig d)
            {
                JsonObject ranges = Object(o, p, "ranges", false);
                if (ranges == null)
                {
                    return;
                }

                for (int i = 0; i < ranges.Count; i++)
                {
                    string name = ranges.KeyAt(i);
                    string rp = p + ".ranges." + name;
                    JsonNode v = ranges.ValueAt(i);
                    int index = d.IndexOfPoint(name);
                    if (index < 0)
                    {
                        Error(rp, v, Q(name), "the device has no (valid) point of this name; its points: " + PointNames(d));
                        continue;
                    }

                    JsonArray a = v.Kind == JsonKind.Array ? (JsonArray)v : null;
                    if (a == null || a.Count != 2 || a.ItemAt(0).Kind != JsonKind.Number || a.ItemAt(1).Kind != JsonKind.Number
                        || !(((JsonNumber)a.ItemAt(0)).Value < ((JsonNumber)a.ItemAt(1)).Value))
                    {
                        Wrong(rp, v, "two numbers [min, max] with min below max, in " + d.Points[index].Unit);
                        continue;
                    }

                    d.Points[index].MinPlausible = ((JsonNumber)a.ItemAt(0)).Value;
                    d.Points[index].MaxPlausible = ((JsonNumber)a.ItemAt(1)).Value;
                }
            }

            private JsonObject ResolveRef(JsonObject o, string p, JsonNode refNode, DeviceConfig d)
            {
                if (refNode.Kind != JsonKind.String)
                {
                    WrongAt(p, "profileRef", refNode, "must be a string: a folder name under hardware/devices, e.g. \"eastron-sdm630\"");
                    return null;
                }

                string name = ((JsonString)refNode).Value;
                d.ProfileRef = name;
                if (!ConfigFields.IsId(name, true) || HasDoubleDot(name))
                {
                    WrongAt(p, "profileRef", refNode, "a folder name under hardware/devices (letters, digits, '-', '_', '.'), e.g. \"eastron-sdm630\"");
                    return null;
                }

                if (resolver == null)
                {
                    WrongAt(p, "profileRef", refNode,
                        "profile references cannot be resolved on this gateway (no hardware/devices folder, e.g. an ESP32): inline the profile (egw config resolve) and deploy that configuration");
                    return null;
                }

                JsonObject resolved = resolver.Resolve(name, p + ".profileRef", refNode, r);
                if (resolved != null)
                {
                    // Replace the reference by what it resolved to, so the hash and the resolved document describe what runs.
                    o.Remove("profileRef");
                    o.Set("profile", resolved);
                }

                return resolved;
            }

            private RegisterPoint[] ReadProfile(JsonObject prof, string path, DeviceConfig d, out int profileMax)
            {
                CheckKeys(prof, path, ProfileKeys, null, null);
                Notes(prof, path);
                d.ProfileId = String(prof, path, "id", false, null, 64, "the profile's id, e.g. \"eastron-sdm630\"");
                String(prof, path, "manufacturer", false, null, 64, "the maker");
                String(prof, path, "model", false, null, 64, "the model");
                string order = Choice(prof, path, "byteOrder", ByteOrders, false, "ABCD") ?? "ABCD";
                ByteOrder defaultOrder = ParseOrder(order);
                profileMax = Int(prof, path, "maxRegistersPerRead", 1, 125, false, -1, "largest read the device accepts");
                JsonArray points = Array(prof, path, "points", true);
                if (points == null)
                {
                    return new RegisterPoint[0];
                }

                if (points.Count == 0)
                {
                    Error(path + ".points", points, "[]", "at least one point: a device with nothing to read is not worth polling");
                    return new RegisterPoint[0];
                }

                var good = new ArrayList();
                var goodPaths = new ArrayList();
                var goodNodes = new ArrayList();
                var names = new ArrayList();
                for (int j = 0; j < points.Count; j++)
                {
                    string pp = ConfigFields.Index(path + ".points", j);
                    JsonObject o = ObjectItem(points, j, pp, "each point is an object {name, measurement, registerType, address, dataType, unit, range}");
                    if (o == null)
                    {
                        continue;
                    }

                    int before = r.ErrorCount;
                    RegisterPoint rp = ReadPoint(o, pp, defaultOrder);
                    if (rp.Name != null)
                    {
                        int dup = names.IndexOf(rp.Name);
                        if (dup >= 0)
                        {
                            ErrorAt(o, pp, "name", Q(rp.Name), "duplicate point name in this device; inputs refer to points by name, so each must be unique");
                        }

                        names.Add(rp.Name);
                    }

                    if (r.ErrorCount == before)
                    {
                        good.Add(rp);
                        goodPaths.Add(pp);
                        goodNodes.Add(o);
                    }
                }

                declaredPoints[d] = names;
                RegisterPoint[] result = new RegisterPoint[good.Count];
                good.CopyTo(result);

                CheckOverlaps(result, goodPaths, goodNodes);
                return result;
            }

            private RegisterPoint ReadPoint(JsonObject o, string p, ByteOrder defaultOrder)
            {
                var rp = new RegisterPoint();
                CheckKeys(o, p, PointKeys, null, null);
                rp.Name = Id(o, p, "name", true, "a point name unique in this device, e.g. \"voltageL1\"");
                string m = String(o, p, "measurement", true, null, 64, "a measurement of the wire vocabulary (shared/WIRE.md), e.g. \"steamFlowTph\"");
                int code = -1;
                if (m != null)
                {
                    code = Measurements.CodeOf(m);
                    if (code < 0)
                    {
                        string near = ConfigFields.Nearest(vocabulary, m);
                        ErrorAt(o, p, "measurement", Q(m),
                            "not in the measurement vocabulary (wire v1)" + (near != null ? "; did you mean \"" + near + "\"?" : "") + " Allowed: " + VocabularyList()
                            + ". Leave out points the gateway cannot report (status words, settings).");
                    }

                    rp.Measurement = m;
                }

                string type = Choice(o, p, "registerType", RegisterTypes, true, null);
                int kindIndex = ConfigFields.IndexOf(RegisterTypes, type); // list order = RegisterKind from Coil (1) on
                rp.Kind = kindIndex < 0 ? RegisterKind.HoldingRegister : (RegisterKind)(kindIndex + 1);
                string dataType = Choice(o, p, "dataType", DataTypes, true, null);
                rp.DataType = ParseDataType(dataType);
                bool bitTable = type == "coil" || type == "discrete";
                if (dataType == "string")
                {
                    ErrorAt(o, p, "dataType", "\"string\"", "a text register cannot feed a measurement (measurements are numbers); leave this point out of the gateway's profile");
                }
                else if (type != null && dataType != null && bitTable && dataType != "bit")
                {
                    ErrorAt(o, p, "dataType", Q(dataType), "a " + type + " holds one bit: use \"bit\"");
                }

                if (o.Has("length"))
                {
                    ErrorHere(o, p, "length", "only text (string) points have a length, and the gateway does not poll them; remove it");
                }

                string order = Choice(o, p, "byteOrder", ByteOrders, false, null);
                rp.Order = order != null ? ParseOrder(order) : defaultOrder;
                if (o.Has("bitIndex"))
                {
                    if (dataType == "bit" && !bitTable)
                    {
                        rp.BitIndex = Int(o, p, "bitIndex", 0, 15, false, -1, "which bit of the register, 0 = least significant");
                    }
                    else
                    {
                        ErrorHere(o, p, "bitIndex", "only for dataType \"bit\" on an input or holding register (a flag inside a register); remove it");
                    }
                }

                rp.Address = ReadAddress(o, p);
                if (rp.Address >= 0 && rp.DataType != RegisterDataType.String && rp.Address + rp.RegisterCount - 1 > 65535)
                {
                    ErrorAt(o, p, "address", rp.Address.ToString(), "the value's last register (" + (rp.Address + rp.RegisterCount - 1).ToString() + ") is beyond 65535; check the address and data type");
                }

                rp.Scale = Number(o, p, "scale", -1e12, 1e12, false, false, 1.0, "engineering value = raw × scale + offset");
                if (rp.Scale == 0)
                {
                    ErrorAt(o, p, "scale", "0", "a zero scale makes every value 0; use 1 for no scaling");
                    rp.Scale = 1;
                }

                rp.Offset = Number(o, p, "offset", -1e12, 1e12, false, false, 0.0, "engineering value = raw × scale + offset");
                string expectedUnit = code >= 0 ? Measurements.UnitOf(code) : null;
                rp.Unit = String(o, p, "unit", true, null, 16, expectedUnit != null ? "\"" + expectedUnit + "\", the unit of " + m : "the engineering unit after scaling");
                if (rp.Unit != null && expectedUnit != null && !UnitsMatch(rp.Unit, expectedUnit))
                {
                    ErrorAt(o, p, "unit", Q(rp.Unit),
                        "measurement " + m + " is in \"" + expectedUnit + "\"; write that unit and set scale/offset so that raw × scale + offset is in " + expectedUnit);
                }

                ReadRange(o, p, rp, dataType == "bit");
                String(o, p, "vendorRegister", false, null, 16, "the register number as the vendor's document prints it");
                String(o, p, "description", false, null, 200, "free text");
                return rp;
            }

            private int ReadAddress(JsonObject o, string p)
            {
                JsonNode a = o.Get("address");
                const string Allowed = "a 0-based protocol address 0..65535, as a number or \"0x0000\" (vendor register 30001 or 40001 is address 0)";
                if (a == null)
                {
                    Missing(o, p, "address", "required: " + Allowed);
                    return -1;
                }

                if (a.Kind == JsonKind.Number && ((JsonNumber)a).IsWhole && ((JsonNumber)a).Value >= 0 && ((JsonNumber)a).Value <= 65535)
                {
                    return (int)((JsonNumber)a).Value;
                }

                if (a.Kind == JsonKind.String)
                {
                    string s = ((JsonString)a).Value;
                    if (s.Length > 2 && s.Length <= 6 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
                    {
                        int v = 0;
                        bool ok = true;
                        for (int i = 2; i < s.Length; i++)
                        {
                            char c = s[i];
                            int d = c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : (c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1));
                            if (d < 0)
                            {
                                ok = false;
                                break;
                            }

                            v = (v * 16) + d;
                        }

                        if (ok)
                        {
                            return v;
                        }
                    }
                }

                WrongAt(p, "address", a, Allowed);
                return -1;
            }

            private void ReadRange(JsonObject o, string p, RegisterPoint rp, bool bit)
            {
                JsonNode range = o.Get("range");
                if (range == null)
                {
                    if (bit)
                    {
                        rp.MinPlausible = 0;
                        rp.MaxPlausible = 1;
                    }
                    else
                    {
                        Missing(o, p, "range", "required: [min, max], the plausible engineering values (the gateway flags readings outside as \"out of range\")");
                    }

                    return;
                }

                JsonArray a = range.Kind == JsonKind.Array ? (JsonArray)range : null;
                if (a == null || a.Count != 2 || a.ItemAt(0).Kind != JsonKind.Number || a.ItemAt(1).Kind != JsonKind.Number)
                {
                    WrongAt(p, "range", range, "two numbers [min, max], e.g. [0, 40]");
                    return;
                }

                double min = ((JsonNumber)a.ItemAt(0)).Value;
                double max = ((JsonNumber)a.ItemAt(1)).Value;
                if (!(min < max))
                {
                    Error(p + ".range", range, "[" + a.ItemAt(0).Describe() + ", " + a.ItemAt(1).Describe() + "]", "min must be below max");
                    return;
                }

                rp.MinPlausible = min;
                rp.MaxPlausible = max;
            }

            private void CheckOverlaps(RegisterPoint[] points, ArrayList paths, ArrayList nodes)
            {
                for (int i = 0; i < points.Length; i++)
                {
                    RegisterPoint a = points[i];
                    for (int j = 0; j < i; j++)
                    {
                        RegisterPoint b = points[j];
                        if (a.Kind != b.Kind)
                        {
                            continue;
                        }

                        // Flags in different bits of one status register share the register legitimately.
                        if (a.DataType == RegisterDataType.Bit && b.DataType == RegisterDataType.Bit && a.BitIndex >= 0 && b.BitIndex >= 0 && a.BitIndex != b.BitIndex)
                        {
                            continue;
                        }

                        if (a.Address < b.Address + b.RegisterCount && b.Address < a.Address + a.RegisterCount)
                        {
                            ErrorAt((JsonObject)nodes[i], (string)paths[i], "address", Span(a),
                                "overlaps point \"" + b.Name + "\" (" + Span(b) + ", line " + ((JsonNode)nodes[j]).Line.ToString()
                                + ") in the same table; check both addresses and data types (a float32 takes 2 registers, a float64 4)");
                        }
                    }
                }
            }

            private static string Span(RegisterPoint p)
            {
                return p.RegisterCount <= 1 ? p.Address.ToString() : p.Address.ToString() + ".." + (p.Address + p.RegisterCount - 1).ToString();
            }

            // ---------------------------------------------------------------- pulse inputs

            private void ReadPulseInputs(JsonObject root)
            {
                JsonArray array = Array(root, "", "pulseInputs", false);
                if (array == null)
                {
                    return;
                }

                for (int i = 0; i < array.Count; i++)
                {
                    string p = ConfigFields.Index("pulseInputs", i);
                    JsonObject o = ObjectItem(array, i, p, "each pulse input is an object {\"id\", \"pin\", \"unitsPerPulse\", \"measurement\", …}");
                    if (o == null)
                    {
                        continue;
                    }

                    PulseInputConfig pulse = ReadPulse(o, p);
                    if (pulse == null)
                    {
                        continue;
                    }

                    for (int j = 0; j < pulses.Count; j++)
                    {
                        PulseInputConfig other = (PulseInputConfig)pulses[j];
                        if (other.Id == pulse.Id)
                        {
                            ErrorAt(o, p, "id", Q(pulse.Id), "duplicate id: another pulse input already uses it");
                        }
                        else if (other.Pin == pulse.Pin && pulse.Pin >= 0)
                        {
                            ErrorAt(o, p, "pin", pulse.Pin.ToString(), "pulse input \"" + other.Id + "\" already counts on this pin; one meter per pin");
                        }
                    }

                    for (int j = 0; j < buses.Count; j++)
                    {
                        BusConfig b = (BusConfig)buses[j];
                        if (pulse.Pin >= 0 && (b.TxPin == pulse.Pin || b.RxPin == pulse.Pin || b.RtsPin == pulse.Pin))
                        {
                            ErrorAt(o, p, "pin", pulse.Pin.ToString(), "bus \"" + b.Id + "\" already uses this pin for its UART; pick a free GPIO");
                        }
                    }

                    pulses.Add(pulse);
                }
            }

            private PulseInputConfig ReadPulse(JsonObject o, string p)
            {
                var pulse = new PulseInputConfig();
                CheckKeys(o, p, PulseKeys, null, null);
                Notes(o, p);
                pulse.Id = Id(o, p, "id", true, "the name inputs refer to as \"pulse:id\"");
                pulse.Pin = Int(o, p, "pin", 0, 1023, true, -1, "the GPIO number the meter's pulse output is wired to");
                pulse.UnitsPerPulse = Number(o, p, "unitsPerPulse", 0, 1e9, true, true, double.NaN, "engineering units of the total per pulse, from the meter's nameplate (e.g. 0.01 Nm³)");
                pulse.DebounceMs = Int(o, p, "debounceMs", 0, 10000, false, 10, "ignore edges closer than this (reed contacts bounce)");
                pulse.Measurement = String(o, p, "measurement", true, null, 64, "the rate the pulses give, e.g. \"fuelFlowNm3PerH\"");
                pulse.MeasurementCode = -1;
                if (pulse.Measurement != null)
                {
                    pulse.MeasurementCode = Measurements.CodeOf(pulse.Measurement);
                    if (pulse.MeasurementCode < 0 || !IsRate(pulse.MeasurementCode))
                    {
                        ErrorAt(o, p, "measurement", Q(pulse.Measurement), "a pulse input gives a rate: one of " + RateList());
                        pulse.MeasurementCode = -1;
                    }
                }

                pulse.TotalMeasurement = String(o, p, "totalMeasurement", false, null, 64, "the running total, e.g. \"fuelTotalNm3\"");
                if (pulse.TotalMeasurement != null)
                {
                    pulse.TotalMeasurementCode = Measurements.CodeOf(pulse.TotalMeasurement);
                    if (pulse.TotalMeasurementCode < 0)
                    {
                        ErrorAt(o, p, "totalMeasurement", Q(pulse.TotalMeasurement),
                            "not in the measurement vocabulary" + DidYouMean(vocabulary, pulse.TotalMeasurement) + "; totals: fuelTotalNm3, steamTotalT, activeEnergyKwh, reactiveEnergyKvarh");
                    }
                    else if (pulse.MeasurementCode >= 0 && !IsTotalOf(Measurements.UnitOf(pulse.MeasurementCode), Measurements.UnitOf(pulse.TotalMeasurementCode)))
                    {
                        ErrorAt(o, p, "totalMeasurement", Q(pulse.TotalMeasurement),
                            "is in " + Measurements.UnitOf(pulse.TotalMeasurementCode) + ", not the total of " + pulse.Measurement + " (" + Measurements.UnitOf(pulse.MeasurementCode)
                            + "); pairs: fuelFlowNm3PerH/fuelTotalNm3, steamFlowTph/steamTotalT, activePowerKw/activeEnergyKwh");
                    }
                }

                return pulse.Id == null ? null : pulse;
            }

            /// <summary>The code of a key that must be a measurement name, or -1 after reporting it.</summary>
            private int MeasurementKey(string path, JsonNode at, string key, string keysAre)
            {
                int code = Measurements.CodeOf(key);
                if (code < 0)
                {
                    Error(path, at, Q(key), "not a measurement name" + DidYouMean(vocabulary, key) + keysAre + VocabularyList());
                }

                return code;
            }

            private static bool IsRate(int code)
            {
                string unit = Measurements.UnitOf(code);
                return code < 60 && (EndsWith(unit, "/h") || unit == "kW" || unit == "kvar");
            }

            private static bool IsTotalOf(string rateUnit, string totalUnit)
            {
                return rateUnit == totalUnit + "/h" || totalUnit == rateUnit + "h";
            }

            private static string RateList()
            {
                var sb = new StringBuilder();
                for (int i = 0; i < Measurements.Count; i++)
                {
                    if (IsRate(Measurements.CodeAt(i)))
                    {
                        if (sb.Length > 0)
                        {
                            sb.Append(", ");
                        }

                        sb.Append(Measurements.NameAt(i));
                    }
                }

                return sb.ToString();
            }

            // ---------------------------------------------------------------- equipment

            private void ReadEquipment(JsonObject root)
            {
                JsonArray array = Array(root, "", "equipment", false);
                if (array == null)
                {
                    return;
                }

                for (int i = 0; i < array.Count; i++)
                {
                    string p = ConfigFields.Index("equipment", i);
                    JsonObject o = ObjectItem(array, i, p, "each equipment is an object {\"id\", \"kind\", \"nameplate\", \"inputs\"}");
                    if (o == null)
                    {
                        continue;
                    }

                    EquipmentConfig e = ReadOneEquipment(o, p);
                    if (e == null)
                    {
                        continue;
                    }

                    for (int j = 0; j < equipment.Count; j++)
                    {
                        if (((EquipmentConfig)equipment[j]).Id == e.Id)
                        {
                            ErrorAt(o, p, "id", Q(e.Id), "duplicate id: another equipment already uses it (it names the equipment in telemetry)");
                        }
                    }

                    equipment.Add(e);
                }
            }

            private EquipmentConfig ReadOneEquipment(JsonObject o, string p)
            {
                var e = new EquipmentConfig();
                string kind = Choice(o, p, "kind", EquipmentKinds, true, null);
                Notes(o, p);
                e.Id = Id(o, p, "id", true, "the equipment's name in telemetry, e.g. \"boiler1\"");
                e.Name = String(o, p, "name", false, null, 64, "a display name, e.g. \"1号锅炉\"");
                e.PrimaryInputs = new EquipmentInput[0];
                e.Inputs = new EquipmentInput[0];
                if (kind == "boiler")
                {
                    e.Kind = EquipmentKind.Boiler;
                    CheckKeys(o, p, Concat(EquipmentCommonKeys, BoilerOnlyKeys), TransformerOnlyKeys, "applies to transformers only");
                }
                else if (kind == "motor")
                {
                    e.Kind = EquipmentKind.Motor;
                    CheckKeys(o, p, EquipmentCommonKeys, Concat(BoilerOnlyKeys, TransformerOnlyKeys), "applies to " + (o.Has("primaryInputs") ? "transformers" : "boilers") + " only");
                }
                else if (kind == "transformer")
                {
                    e.Kind = EquipmentKind.Transformer;
                    CheckKeys(o, p, Concat(EquipmentCommonKeys, TransformerOnlyKeys), BoilerOnlyKeys, "applies to boilers only");
                }
                else
                {
                    CheckKeys(o, p, Concat(Concat(EquipmentCommonKeys, BoilerOnlyKeys), TransformerOnlyKeys), null, null);
                    return null;
                }

                JsonObject plate = Object(o, p, "nameplate", true);
                if (plate != null)
                {
                    string pp = p + ".nameplate";
                    if (e.Kind == EquipmentKind.Boiler)
                    {
                        e.Boiler = ReadBoilerPlate(plate, pp);
                    }
                    else if (e.Kind == EquipmentKind.Motor)
                    {
                        e.Motor = ReadMotorPlate(plate, pp);
                    }
                    else
                    {
                        e.Transformer = ReadTransformerPlate(plate, pp);
                    }
                }

                if (e.Kind == EquipmentKind.Boiler)
                {
                    string method = Choice(o, p, "method", Methods, false, "auto");
                    int methodIndex = ConfigFields.IndexOf(Methods, method); // list order = EfficiencyMethod
                    e.Method = methodIndex < 0 ? EfficiencyMethod.Auto : (EfficiencyMethod)methodIndex;
                    JsonObject analysis = Object(o, p, "fuelAnalysis", false);
                    if (analysis != null)
                    {
                        e.FuelAnalysis = ReadFuelAnalysis(analysis, p + ".fuelAnalysis");
                    }
                }

                int before = r.ErrorCount;
                JsonObject inputs = Object(o, p, "inputs", true);
                if (inputs != null)
                {
                    e.Inputs = ReadInputs(inputs, p + ".inputs", e.Kind);
                }

                if (e.Kind == EquipmentKind.Transformer)
                {
                    JsonObject primary = Object(o, p, "primaryInputs", false);
                    if (primary != null)
                    {
                        e.PrimaryInputs = ReadInputs(primary, p + ".primaryInputs", e.Kind);
                    }
                }

                if (inputs != null && r.ErrorCount == before)
                {
                    CheckRequirements(e, p, inputs);
                }

                return e.Id == null ? null : e;
            }

            private BoilerNameplate ReadBoilerPlate(JsonObject o, string p)
            {
                var b = new BoilerNameplate();
                CheckKeys(o, p, BoilerNameplateKeys, null, null);
                b.Model = String(o, p, "model", false, null, 64, "the model designation, e.g. \"WNS4-1.0-Q\"");
                b.FuelName = Choice(o, p, "fuel", FuelNames, true, null);
                if (b.FuelName != null)
                {
                    b.Fuel = FuelKinds.Parse(b.FuelName, p + ".fuel");
                }

                b.RatedCapacityTph = Positive(o, p, "ratedCapacityTph", 1000, false, "rated evaporation of a steam boiler, t/h");
                b.RatedHeatOutputMw = Positive(o, p, "ratedHeatOutputMw", 1000, false, "rated heat output of a hot-water boiler, MW");
                string defaultType = double.IsNaN(b.RatedCapacityTph) && !double.IsNaN(b.RatedHeatOutputMw) ? "hot-water" : "steam";
                b.Type = Choice(o, p, "type", BoilerTypes, false, defaultType) ?? defaultType;
                if (b.Type == "steam" && double.IsNaN(b.RatedCapacityTph) && !o.Has("ratedCapacityTph"))
                {
                    Missing(o, p, "ratedCapacityTph", "required for a steam boiler: rated evaporation, t/h, > 0 (from the nameplate)");
                }

                if (b.Type == "hot-water" && double.IsNaN(b.RatedHeatOutputMw) && double.IsNaN(b.RatedCapacityTph) && !o.Has("ratedHeatOutputMw") && !o.Has("ratedCapacityTph"))
                {
                    Missing(o, p, "ratedHeatOutputMw", "required for a hot-water boiler: rated heat output, MW, > 0 (from the nameplate)");
                }

                b.Condensing = Bool(o, p, "condensing", false);
                b.CombustionName = Choice(o, p, "combustion", Combustions, false, null);
                b.Combustion = (BoilerCombustion)(ConfigFields.IndexOf(Combustions, b.CombustionName) + 1); // list order = BoilerCombustion from Chamber (1) on
                if (b.FuelName == "coal" && b.CombustionName == null && !o.Has("combustion"))
                {
                    Missing(o, p, "combustion", "required for coal boilers (GB 24500 grades them by combustion): one of " + ConfigFields.List(Combustions));
                }

                b.CoalClassName = Choice(o, p, "coalClass", CoalClasses, false, null);
                b.CoalClass = ParseCoalClass(b.CoalClassName);
                if (b.CoalClassName != null && b.FuelName != null && b.FuelName != "coal")
                {
                    ErrorAt(o, p, "coalClass", Q(b.CoalClassName), "applies to coal boilers only (fuel is \"" + b.FuelName + "\"); remove it");
                }

                if (b.FuelName == "coal" && (b.Combustion == BoilerCombustion.Grate || b.Combustion == BoilerCombustion.FluidizedBed) && !o.Has("coalClass"))
                {
                    Missing(o, p, "coalClass", "required for grate and fluidized-bed coal boilers: one of " + ConfigFields.List(CoalClasses));
                }

                b.RatedEfficiencyPercent = Positive(o, p, "ratedEfficiencyPercent", 120, false, "rated thermal efficiency from the test report, %");
                b.DesignFuelLowerHeatingValueKjPerKg = Positive(o, p, "designFuelLowerHeatingValueKjPerKg", 60000, false, "as-received net heating value of the design fuel, kJ/kg");
                bool gaseous = b.FuelName != null && FuelKinds.IsGaseous(b.Fuel);
                b.FuelLowerHeatingValueKjPerNm3 = Positive(o, p, "fuelLowerHeatingValueKjPerNm3", 150000, false, "net heating value of the gas as fired, kJ/Nm³");
                b.FuelLowerHeatingValueKjPerKg = Positive(o, p, "fuelLowerHeatingValueKjPerKg", 60000, false, "net heating value of the fuel as fired, kJ/kg");
                if (b.FuelName != null && o.Has("fuelLowerHeatingValueKjPerNm3") && !gaseous)
                {
                    ErrorHere(o, p, "fuelLowerHeatingValueKjPerNm3",
                        "fuel \"" + b.FuelName + "\" is metered in kg: give fuelLowerHeatingValueKjPerKg instead");
                }

                if (b.FuelName != null && o.Has("fuelLowerHeatingValueKjPerKg") && (gaseous || b.Fuel == FuelKind.Electric))
                {
                    ErrorHere(o, p, "fuelLowerHeatingValueKjPerKg",
                        gaseous ? "fuel \"" + b.FuelName + "\" is metered in Nm³: give fuelLowerHeatingValueKjPerNm3 instead" : "an electric boiler burns no fuel; remove it");
                }

                return b;
            }

            private MotorNameplate ReadMotorPlate(JsonObject o, string p)
            {
                var m = new MotorNameplate();
                CheckKeys(o, p, MotorNameplateKeys, null, null);
                String(o, p, "model", false, null, 64, "the model designation");
                m.RatedPowerKw = Positive(o, p, "ratedPowerKw", 100000, true, "rated output power, kW");
                if (!double.IsNaN(m.RatedPowerKw) && (m.RatedPowerKw < 0.12 || m.RatedPowerKw > 1000))
                {
                    r.AddWarning(p + ".ratedPowerKw = " + ConfigFields.Format(m.RatedPowerKw) + ": outside GB 18613-2020 (0.12–1000 kW); the motor is monitored but not graded");
                }

                m.Poles = Int(o, p, "poles", 2, 64, true, 0, "number of poles, even: 2, 4, 6 or 8 for GB 18613 grading");
                if (m.Poles % 2 != 0)
                {
                    ErrorAt(o, p, "poles", m.Poles.ToString(), "poles come in pairs: an even number (2, 4, 6, 8 …); a 1500 rpm motor at 50 Hz has 4");
                }

                m.RatedEfficiencyPercent = Positive(o, p, "ratedEfficiencyPercent", 100, false, "nameplate efficiency, %");
                m.RatedSpeedRpm = Positive(o, p, "ratedSpeedRpm", 100000, false, "rated speed, rpm");
                m.RatedVoltageV = Positive(o, p, "ratedVoltageV", 100000, false, "rated line voltage, V");
                m.RatedCurrentA = Positive(o, p, "ratedCurrentA", 100000, false, "rated current, A");
                m.RatedPowerFactor = Positive(o, p, "ratedPowerFactor", 1, false, "rated power factor");
                return m;
            }

            private TransformerNameplate ReadTransformerPlate(JsonObject o, string p)
            {
                var t = new TransformerNameplate();
                CheckKeys(o, p, TransformerNameplateKeys, null, null);
                String(o, p, "model", false, null, 64, "the model designation, e.g. \"SCB13-630/10\"");
                t.KindName = Choice(o, p, "kind", TransformerKinds, true, null);
                t.Kind = t.KindName == "dry" ? TransformerKind.Dry : TransformerKind.OilImmersed;
                t.CoreName = Choice(o, p, "core", TransformerCores, false, "silicon-steel") ?? "silicon-steel";
                t.Core = t.CoreName == "amorphous" ? TransformerCore.Amorphous : TransformerCore.SiliconSteel;
                t.RatedKva = Positive(o, p, "ratedKva", 1000000, true, "rated power, kVA");
                t.NoLoadLossKw = Positive(o, p, "noLoadLossKw", 1000, true, "no-load loss P0 from the test report, kW");
                t.LoadLossKw = Positive(o, p, "loadLossKw", 10000, true, "load loss Pk at rated current from the test report, kW");
                t.RatedVoltageKv = Number(o, p, "ratedVoltageKv", 0, 1000, true, false, 10, "high-voltage rating, kV");
                string insulation = Choice(o, p, "insulationClass", InsulationClasses, false, null);
                if (insulation != null)
                {
                    if (t.KindName == "oil-immersed")
                    {
                        ErrorAt(o, p, "insulationClass", Q(insulation), "applies to dry-type transformers only; remove it");
                    }

                    t.InsulationClassName = insulation;
                    t.InsulationClass = insulation == "B" ? DryInsulationClass.B : (insulation == "H" ? DryInsulationClass.H : DryInsulationClass.F);
                }

                if (!double.IsNaN(t.NoLoadLossKw) && !double.IsNaN(t.LoadLossKw) && t.NoLoadLossKw >= t.LoadLossKw)
                {
                    ErrorAt(o, p, "noLoadLossKw", ConfigFields.Format(t.NoLoadLossKw),
                        "a no-load loss at or above the load loss (" + ConfigFields.Format(t.LoadLossKw) + " kW) is not a real transformer; are the two swapped?");
                }

                return t;
            }

            private BoilerFuelAnalysis ReadFuelAnalysis(JsonObject o, string p)
            {
                var a = new BoilerFuelAnalysis();
                CheckKeys(o, p, FuelAnalysisKeys, null, null);
                a.CarbonAsReceivedPercent = Percent(o, p, "carbonAsReceivedPercent");
                a.HydrogenAsReceivedPercent = Percent(o, p, "hydrogenAsReceivedPercent");
                a.OxygenAsReceivedPercent = Percent(o, p, "oxygenAsReceivedPercent");
                a.NitrogenAsReceivedPercent = Percent(o, p, "nitrogenAsReceivedPercent");
                a.SulfurAsReceivedPercent = Percent(o, p, "sulfurAsReceivedPercent");
                a.MoistureAsReceivedPercent = Percent(o, p, "moistureAsReceivedPercent");
                a.AshAsReceivedPercent = Percent(o, p, "ashAsReceivedPercent");
                a.SlagFractionPercent = Percent(o, p, "slagFractionPercent");
                a.FlyAshFractionPercent = Percent(o, p, "flyAshFractionPercent");
                a.RiddlingsFractionPercent = Percent(o, p, "riddlingsFractionPercent");
                a.CarbonInSlagPercent = Percent(o, p, "carbonInSlagPercent");
                a.CarbonInFlyAshPercent = Percent(o, p, "carbonInFlyAshPercent");
                a.CarbonInRiddlingsPercent = Percent(o, p, "carbonInRiddlingsPercent");
                a.SlagTemperatureC = Number(o, p, "slagTemperatureC", 0, 2000, false, false, double.NaN, "slag temperature, °C");
                a.Source = String(o, p, "source", false, null, 200, "the laboratory report");
                a.Confidence = Choice(o, p, "confidence", Confidences, false, "M") ?? "M";
                double sum = a.CarbonAsReceivedPercent + a.HydrogenAsReceivedPercent + a.OxygenAsReceivedPercent + a.NitrogenAsReceivedPercent
                    + a.SulfurAsReceivedPercent + a.MoistureAsReceivedPercent + a.AshAsReceivedPercent;
                if (!double.IsNaN(sum) && (sum < 99 || sum > 101))
                {
                    Error(p, o, ConfigFields.Format(sum) + " %", "the as-received ultimate analysis (C + H + O + N + S + moisture + ash) must add up to 100 % ± 1; check the lab report");
                }

                return a;
            }

            private double Percent(JsonObject o, string p, string key)
            {
                return Number(o, p, key, 0, 100, false, false, double.NaN, "%");
            }

            private EquipmentInput[] ReadInputs(JsonObject o, string p, EquipmentKind kind)
            {
                var list = new ArrayList();
                for (int i = 0; i < o.Count; i++)
                {
                    string key = o.KeyAt(i);
                    JsonNode v = o.ValueAt(i);
                    string kp = ConfigFields.Join(p, key);
                    int code = MeasurementKey(kp, v, key, "; the keys of inputs are measurements: ");
                    if (code < 0)
                    {
                        continue;
                    }

                    if (!FitsKind(code, kind))
                    {
                        Error(kp, v, Q(key), KindInputsText(kind));
                        continue;
                    }

                    var input = new EquipmentInput();
                    input.Measurement = key;
                    input.MeasurementCode = code;
                    if (v.Kind == JsonKind.String)
                    {
                        InputSource s = ResolveSource(((JsonString)v).Value, kp, v, key);
                        input.Sources = s == null ? new InputSource[0] : new InputSource[] { s };
                    }
                    else if (v.Kind == JsonKind.Array && ((JsonArray)v).Count >= 1 && ((JsonArray)v).Count <= 8)
                    {
                        JsonArray a = (JsonArray)v;
                        var sources = new ArrayList();
                        for (int j = 0; j < a.Count; j++)
                        {
                            JsonNode item = a.ItemAt(j);
                            string ip = ConfigFields.Index(kp, j);
                            if (item.Kind != JsonKind.String)
                            {
                                Wrong(ip, item, "a source string \"deviceId.pointName\" or \"pulse:id\"");
                                continue;
                            }

                            InputSource s = ResolveSource(((JsonString)item).Value, ip, item, key);
                            if (s != null)
                            {
                                sources.Add(s);
                            }
                        }

                        input.Sources = new InputSource[sources.Count];
                        sources.CopyTo(input.Sources);
                    }
                    else
                    {
                        Wrong(kp, v, "a source \"deviceId.pointName\" or \"pulse:id\", or an array of 1–8 of them (averaged, e.g. per-phase currents)");
                        continue;
                    }

                    list.Add(input);
                }

                var result = new EquipmentInput[list.Count];
                list.CopyTo(result);

                return result;
            }

            private static bool FitsKind(int code, EquipmentKind kind)
            {
                // Codes 1–29 are boiler instruments, 30–59 electrical (and shaft speed), 60+ computed at the edge (WIRE.md).
                if (kind == EquipmentKind.Motor)
                {
                    return code >= 30 && code < 60;
                }

                if (kind == EquipmentKind.Transformer)
                {
                    return code >= 30 && code < 60 && code != Measurements.SpeedRpm;
                }

                // Boilers: their instruments, electrical values (electric boilers), and a controller's load signal.
                return (code < 60 && code != Measurements.SpeedRpm) || code == Measurements.BoilerLoadPercent;
            }

            private static string KindInputsText(EquipmentKind kind)
            {
                if (kind == EquipmentKind.Motor)
                {
                    return "a motor's inputs are electrical measurements or speed: voltageV, currentA, activePowerKw, reactivePowerKvar, apparentPowerKva, powerFactor, frequencyHz, activeEnergyKwh, reactiveEnergyKvarh, speedRpm";
                }

                if (kind == EquipmentKind.Transformer)
                {
                    return "a transformer's inputs are electrical measurements: voltageV, currentA, activePowerKw, reactivePowerKvar, apparentPowerKva, powerFactor, frequencyHz, activeEnergyKwh, reactiveEnergyKvarh";
                }

                return "a boiler's inputs are its instruments (steam, water, fuel, flue gas, electrical for electric boilers) or boilerLoadPercent; values computed at the edge are outputs, not inputs";
            }

            private InputSource ResolveSource(string text, string p, JsonNode at, string measurement)
            {
                var s = new InputSource();
                s.Text = text;
                if (text.Length > 6 && text.Substring(0, 6) == "pulse:")
                {
                    s.Kind = InputSourceKind.Pulse;
                    s.PulseId = text.Substring(6);
                    for (int i = 0; i < pulses.Count; i++)
                    {
                        if (((PulseInputConfig)pulses[i]).Id == s.PulseId)
                        {
                            s.PulseIndex = i;
                        }
                    }

                    if (s.PulseIndex < 0)
                    {
                        Error(p, at, Q(text), "no pulse input has id \"" + s.PulseId + "\"; defined: " + (pulses.Count == 0 ? "(none)" : PulseIds()));
                        return null;
                    }

                    PulseInputConfig pulse = (PulseInputConfig)pulses[s.PulseIndex];
                    if (pulse.Measurement == measurement)
                    {
                        return s;
                    }

                    if (pulse.TotalMeasurement != null && pulse.TotalMeasurement == measurement)
                    {
                        s.PulseTotal = true;
                        return s;
                    }

                    Error(p, at, Q(text), "pulse input \"" + pulse.Id + "\" gives " + pulse.Measurement + (pulse.TotalMeasurement != null ? " and " + pulse.TotalMeasurement : "") + ", not " + measurement);
                    return null;
                }

                int dot = text.IndexOf('.');
                if (dot <= 0 || dot == text.Length - 1)
                {
                    Error(p, at, Q(text), "write \"deviceId.pointName\" (e.g. \"steamMeter.steamFlow\") or \"pulse:id\"");
                    return null;
                }

                s.Kind = InputSourceKind.Point;
                s.DeviceId = text.Substring(0, dot);
                s.PointName = text.Substring(dot + 1);
                for (int i = 0; i < devices.Count; i++)
                {
                    if (((DeviceConfig)devices[i]).Id == s.DeviceId)
                    {
                        s.DeviceIndex = i;
                    }
                }

                if (s.DeviceIndex < 0)
                {
                    Error(p, at, Q(text), "no device has id \"" + s.DeviceId + "\"; defined devices: " + (devices.Count == 0 ? "(none)" : DeviceIds()));
                    return null;
                }

                DeviceConfig d = (DeviceConfig)devices[s.DeviceIndex];
                s.PointIndex = d.IndexOfPoint(s.PointName);
                if (s.PointIndex < 0)
                {
                    ArrayList declared = (ArrayList)declaredPoints[d];
                    if (declared != null && declared.Contains(s.PointName))
                    {
                        return null; // the point itself is invalid and already reported
                    }

                    Error(p, at, Q(text), "device \"" + d.Id + "\" has no (valid) point \"" + s.PointName + "\"; its points: " + PointNames(d));
                    return null;
                }

                string feeds = d.Points[s.PointIndex].Measurement;
                if (feeds != measurement)
                {
                    Error(p, at, Q(text), "point " + text + " measures " + feeds + ", not " + measurement + "; map it under \"" + feeds + "\" or pick a point measuring " + measurement);
                    return null;
                }

                return s;
            }

            private void CheckRequirements(EquipmentConfig e, string p, JsonObject inputs)
            {
                string ip = p + ".inputs";
                if (e.Kind == EquipmentKind.Motor)
                {
                    if (!Has(e, Measurements.ActivePowerKw) && !Has(e, Measurements.CurrentA))
                    {
                        Error(ip, inputs, "no activePowerKw or currentA", "a motor's load is estimated from its active power (preferred) or current: map activePowerKw or currentA to a meter point");
                    }

                    return;
                }

                if (e.Kind == EquipmentKind.Transformer)
                {
                    if (!Has(e, Measurements.ApparentPowerKva) && !Has(e, Measurements.ActivePowerKw) && !Has(e, Measurements.CurrentA))
                    {
                        Error(ip, inputs, "no apparentPowerKva, activePowerKw or currentA", "the load factor needs the load-side apparent power (preferred), active power or current: map one to a meter point");
                    }

                    return;
                }

                BoilerNameplate b = e.Boiler;
                if (b == null || b.FuelName == null)
                {
                    return;
                }

                string direct = DirectMissing(e, b);
                string indirect = IndirectMissing(e, b);
                if (e.Method == EfficiencyMethod.Direct && direct.Length > 0)
                {
                    Error(ip, inputs, "missing " + direct,
                        "the direct (input-output) method needs these; map them to device points (\"deviceId.pointName\") or pulse inputs (\"pulse:id\"), or set \"method\" to \"auto\" or \"indirect\"");
                }
                else if (e.Method == EfficiencyMethod.Indirect && indirect.Length > 0)
                {
                    Error(ip, inputs, "missing " + indirect,
                        "the indirect (heat-loss) method needs these; map them, or set \"method\" to \"auto\" or \"direct\"");
                }
                else if (e.Method == EfficiencyMethod.Auto && direct.Length > 0 && indirect.Length > 0)
                {
                    Error(ip, inputs, "neither method can run",
                        "the direct method is missing " + direct + "; the indirect method is missing " + indirect + ". Provide the instruments of at least one");
                }

                if (indirect.Length == 0 && !Has(e, Measurements.AirTemperatureC))
                {
                    r.AddWarning(ip + ": no airTemperatureC input; the indirect method will assume the runtime's default combustion-air temperature");
                }
            }

            private static string DirectMissing(EquipmentConfig e, BoilerNameplate b)
            {
                var sb = new StringBuilder();
                bool gaseous = FuelKinds.IsGaseous(b.Fuel);
                if (b.Fuel == FuelKind.Electric)
                {
                    Need(sb, e, Measurements.ActivePowerKw);
                }
                else
                {
                    Need(sb, e, gaseous ? Measurements.FuelFlowNm3PerH : Measurements.FuelFlowKgPerH);
                    if (gaseous ? double.IsNaN(b.FuelLowerHeatingValueKjPerNm3) : double.IsNaN(b.FuelLowerHeatingValueKjPerKg))
                    {
                        Append(sb, gaseous ? "nameplate.fuelLowerHeatingValueKjPerNm3" : "nameplate.fuelLowerHeatingValueKjPerKg");
                    }
                }

                if (b.IsSteam)
                {
                    Need(sb, e, Measurements.SteamFlowTph);
                    Need(sb, e, Measurements.SteamPressureMpaAbs);
                    Need(sb, e, Measurements.FeedwaterTemperatureC);
                }
                else
                {
                    Need(sb, e, Measurements.WaterFlowTph);
                    Need(sb, e, Measurements.SupplyTemperatureC);
                    Need(sb, e, Measurements.ReturnTemperatureC);
                }

                return sb.ToString();
            }

            private static string IndirectMissing(EquipmentConfig e, BoilerNameplate b)
            {
                var sb = new StringBuilder();
                if (b.Fuel == FuelKind.Electric)
                {
                    return "flue gas (an electric boiler has none: use the direct method)";
                }

                Need(sb, e, Measurements.FlueGasTemperatureC);
                Need(sb, e, Measurements.FlueGasO2PercentDry);
                if (FuelKinds.IsSolid(b.Fuel) && (e.FuelAnalysis == null || double.IsNaN(e.FuelAnalysis.CarbonAsReceivedPercent)))
                {
                    Append(sb, "fuelAnalysis (ultimate analysis of the " + b.FuelName + ")");
                }

                return sb.ToString();
            }

            private static void Need(StringBuilder sb, EquipmentConfig e, int code)
            {
                if (!Has(e, code))
                {
                    Append(sb, Measurements.NameOf(code));
                }
            }

            private static void Append(StringBuilder sb, string s)
            {
                if (sb.Length > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(s);
            }

            private static bool Has(EquipmentConfig e, int code)
            {
                EquipmentInput input = e.FindInput(code);
                return input != null && input.Sources.Length > 0;
            }

            // ---------------------------------------------------------------- reporting, store, uplink, status page

            private ReportingConfig ReadReporting(JsonObject root)
            {
                var rep = new ReportingConfig();
                JsonObject o = Object(root, "", "reporting", false);
                if (o == null)
                {
                    return rep;
                }

                const string p = "reporting";
                CheckKeys(o, p, ReportingKeys, null, null);
                rep.FullReportIntervalS = Int(o, p, "fullReportIntervalS", 10, 86400, false, ReportingConfig.DefaultFullReportIntervalS, "every value is sent this often even when unchanged");
                rep.HealthIntervalS = Int(o, p, "healthIntervalS", 10, 86400, false, ReportingConfig.DefaultHealthIntervalS, "how often health metrics are sent");
                JsonObject deadbands = Object(o, p, "deadbands", false);
                if (deadbands != null)
                {
                    var codes = new ArrayList();
                    var values = new ArrayList();
                    for (int i = 0; i < deadbands.Count; i++)
                    {
                        string key = deadbands.KeyAt(i);
                        string kp = "reporting.deadbands." + key;
                        int code = MeasurementKey(kp, deadbands.ValueAt(i), key, "; keys are measurements: ");
                        if (code < 0)
                        {
                            continue;
                        }

                        double v = Number(deadbands, "reporting.deadbands", key, 0, 1e9, false, false, double.NaN, "absolute change in " + Measurements.UnitOf(code) + " that triggers a report");
                        if (!double.IsNaN(v))
                        {
                            codes.Add(code);
                            values.Add(v);
                        }
                    }

                    rep.DeadbandCodes = new int[codes.Count];
                    rep.DeadbandValues = new double[codes.Count];
                    for (int i = 0; i < codes.Count; i++)
                    {
                        rep.DeadbandCodes[i] = (int)codes[i];
                        rep.DeadbandValues[i] = (double)values[i];
                    }
                }

                return rep;
            }

            private StoreConfig ReadStore(JsonObject root)
            {
                var s = new StoreConfig();
                JsonObject o = Object(root, "", "store", false);
                if (o == null)
                {
                    return s;
                }

                const string p = "store";
                CheckKeys(o, p, StoreKeys, null, null);
                int before = r.ErrorCount;
                s.Path = String(o, p, "path", false, null, 200, "the queue's directory (Linux) or folder (ESP32)");
                s.MaxTotalBytes = Long(o, p, "maxTotalBytes", 16 * 1024, 1099511627776L, s.MaxTotalBytes, "queue size limit, bytes; when full the oldest segment is dropped and the gap reported");
                s.MaxSegmentBytes = Int(o, p, "maxSegmentBytes", 1024, 64 * 1024 * 1024, false, s.MaxSegmentBytes, "segment file size, bytes");
                s.MaxRecordBytes = Int(o, p, "maxRecordBytes", 16, 65535, false, s.MaxRecordBytes, "largest frame, bytes");
                s.CursorPersistEveryAcks = Int(o, p, "cursorPersistEveryAcks", 1, 100000, false, s.CursorPersistEveryAcks, "acknowledgements between cursor writes");
                if (r.ErrorCount == before)
                {
                    try
                    {
                        s.ToOptions().Validate();
                    }
                    catch (InputException e)
                    {
                        string key = e.Field.Length > 6 ? e.Field.Substring(6) : e.Field;
                        JsonNode at = o.Get(key);
                        Error(e.Field, at ?? o, e.Value, e.Allowed);
                    }
                }

                return s;
            }

            private UplinkConfig ReadUplink(JsonObject root, GatewayIdentity id)
            {
                var u = new UplinkConfig();
                JsonObject o = Object(root, "", "uplink", true);
                if (o == null)
                {
                    return u;
                }

                const string p = "uplink";
                CheckKeys(o, p, UplinkKeys, null, null);
                u.Host = String(o, p, "host", true, null, 253, "the MQTT broker's host name or IP address");
                u.Tls = Bool(o, p, "tls", true);
                u.Port = Int(o, p, "port", 1, 65535, false, u.Tls ? 8883 : 1883, "the broker's port: 8883 with TLS, 1883 without");
                u.CaCertificate = String(o, p, "caCertificate", false, null, 16000, "a PEM file path (Linux) or the PEM text of the CA certificate");
                u.CaCertificateIsPem = u.CaCertificate != null && u.CaCertificate.Length >= 10 && u.CaCertificate.Substring(0, 10) == "-----BEGIN";
                if (u.CaCertificate != null && !u.Tls)
                {
                    r.AddWarning("uplink.caCertificate: ignored because uplink.tls is false");
                }

                if (u.Tls && u.CaCertificate == null)
                {
                    r.AddWarning("uplink.caCertificate: not given; Linux uses the system trust store, an ESP32 cannot verify the broker without it");
                }

                u.Username = String(o, p, "username", false, null, 128, "this gateway's MQTT user name");
                u.Password = String(o, p, "password", false, null, 128, "this gateway's MQTT password");
                if (u.Password != null && u.Username == null)
                {
                    ErrorAt(o, p, "password", "(hidden)", "a password needs a \"username\"");
                }

                if (u.Password != null && !u.Tls)
                {
                    r.AddWarning("uplink.password: sent in clear text because uplink.tls is false");
                }

                string defaultClient = "egw-" + (id.SiteId ?? "site") + "-" + (id.DeviceId ?? "device");
                u.ClientId = String(o, p, "clientId", false, defaultClient, 64, "the MQTT client id, unique per broker");
                u.KeepAliveS = Int(o, p, "keepAliveS", 5, 3600, false, 60, "MQTT keep-alive, s");
                u.ReplayMaxPerSecond = Int(o, p, "replayMaxPerSecond", 1, 1000, false, 20, "historical messages per second after an outage");
                u.BackoffInitialMs = Int(o, p, "backoffInitialMs", 100, 60000, false, 1000, "first reconnect delay, ms");
                u.BackoffMaxMs = Int(o, p, "backoffMaxMs", 1000, 3600000, false, 60000, "longest reconnect delay, ms");
                if (u.BackoffMaxMs < u.BackoffInitialMs)
                {
                    Error("uplink.backoffMaxMs", o.Get("backoffMaxMs") ?? o, u.BackoffMaxMs.ToString(), "must be at least backoffInitialMs (" + u.BackoffInitialMs.ToString() + ")");
                }

                u.PublishTimeoutMs = Int(o, p, "publishTimeoutMs", 500, 60000, false, 5000, "wait for the broker's PUBACK, ms");
                return u;
            }

            private StatusPageConfig ReadStatusPage(JsonObject root)
            {
                var s = new StatusPageConfig();
                JsonObject o = Object(root, "", "statusPage", false);
                if (o == null)
                {
                    return s;
                }

                const string p = "statusPage";
                CheckKeys(o, p, StatusPageKeys, null, null);
                s.Enabled = Bool(o, p, "enabled", true);
                s.Port = Int(o, p, "port", 1, 65535, false, 8080, "HTTP port of the local status page");
                s.Language = Choice(o, p, "language", Languages, false, "zh") ?? "zh";
                return s;
            }

            private void WarnUnusedBuses(GatewayConfig c)
            {
                for (int i = 0; i < c.Buses.Length; i++)
                {
                    bool used = false;
                    for (int j = 0; j < c.Devices.Length; j++)
                    {
                        used |= c.Devices[j].Bus == c.Buses[i];
                    }

                    if (!used)
                    {
                        r.AddWarning("buses[" + i.ToString() + "] \"" + c.Buses[i].Id + "\": no device uses this bus");
                    }
                }
            }

            private string BusIds()
            {
                var sb = new StringBuilder();
                for (int i = 0; i < buses.Count; i++)
                {
                    Append(sb, ((BusConfig)buses[i]).Id);
                }

                return sb.ToString();
            }

            private string DeviceIds()
            {
                var sb = new StringBuilder();
                for (int i = 0; i < devices.Count; i++)
                {
                    Append(sb, ((DeviceConfig)devices[i]).Id);
                }

                return sb.ToString();
            }

            private string PulseIds()
            {
                var sb = new StringBuilder();
                for (int i = 0; i < pulses.Count; i++)
                {
                    Append(sb, ((PulseInputConfig)pulses[i]).Id);
                }

                return sb.ToString();
            }

            private static string PointNames(DeviceConfig d)
            {
                var sb = new StringBuilder();
                for (int i = 0; i < d.Points.Length; i++)
                {
                    Append(sb, d.Points[i].Name + " (" + d.Points[i].Measurement + ")");
                }

                return sb.Length == 0 ? "(none)" : sb.ToString();
            }
        }

        // The word lists are in enum order, so a list index is the enum value (one lookup instead of a chain of compares).
        internal static ByteOrder ParseOrder(string order)
        {
            int i = ConfigFields.IndexOf(ByteOrders, order);
            return i < 0 ? ByteOrder.ABCD : (ByteOrder)i;
        }

        private static RegisterDataType ParseDataType(string t)
        {
            int i = ConfigFields.IndexOf(DataTypes, t);
            return i < 0 ? RegisterDataType.UInt16 : (RegisterDataType)i;
        }

        /// <summary>CoalClasses lists the classes from BituminousI (1) on; not listed (or null) is CoalClass.None (0).</summary>
        private static CoalClass ParseCoalClass(string name)
        {
            return (CoalClass)(ConfigFields.IndexOf(CoalClasses, name) + 1);
        }

        private static string[] Concat(string[] a, string[] b)
        {
            string[] result = new string[a.Length + b.Length];
            for (int i = 0; i < a.Length; i++)
            {
                result[i] = a[i];
            }

            for (int i = 0; i < b.Length; i++)
            {
                result[a.Length + i] = b[i];
            }

            return result;
        }

        private static bool HasDoubleDot(string s)
        {
            for (int i = 1; i < s.Length; i++)
            {
                if (s[i] == '.' && s[i - 1] == '.')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EndsWith(string s, string suffix)
        {
            return s != null && s.Length >= suffix.Length && s.Substring(s.Length - suffix.Length) == suffix;
        }
    }
}
