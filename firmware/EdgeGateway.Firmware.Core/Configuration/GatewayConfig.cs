using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Transformers;

namespace EdgeGateway.Firmware.Core.Configuration
{
    /// <summary>
    /// A validated gateway configuration (schema: firmware/CONFIG.md). Built only by <see cref="ConfigLoader"/>, which
    /// has checked every field, every reference and every range, so the runtime can use it without re-checking.
    /// Arrays are never null (empty when the section is absent). Public fields, no generics: portable to nanoFramework.
    /// </summary>
    public sealed class GatewayConfig
    {
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion;
        public GatewayIdentity Gateway;
        public BusConfig[] Buses;
        public DeviceConfig[] Devices;
        public PulseInputConfig[] PulseInputs;
        public EquipmentConfig[] Equipment;
        public ReportingConfig Reporting;
        public StoreConfig Store;
        public UplinkConfig Uplink;
        public StatusPageConfig StatusPage;

        /// <summary>CRC-32 of the canonical document (profileRefs resolved): what the birth message and config/reported carry.</summary>
        public uint Hash;

        /// <summary><see cref="Hash"/> as 8 lower-case hex digits.</summary>
        public string HashHex;

        public BusConfig FindBus(string id)
        {
            for (int i = 0; i < Buses.Length; i++)
            {
                if (Buses[i].Id == id)
                {
                    return Buses[i];
                }
            }

            return null;
        }

        public DeviceConfig FindDevice(string id)
        {
            for (int i = 0; i < Devices.Length; i++)
            {
                if (Devices[i].Id == id)
                {
                    return Devices[i];
                }
            }

            return null;
        }

        public EquipmentConfig FindEquipment(string id)
        {
            for (int i = 0; i < Equipment.Length; i++)
            {
                if (Equipment[i].Id == id)
                {
                    return Equipment[i];
                }
            }

            return null;
        }
    }

    /// <summary>"gateway": who this gateway is. SiteId and DeviceId form the MQTT topic egw/v1/{site}/{device}/….</summary>
    public sealed class GatewayIdentity
    {
        public string SiteId;
        public string DeviceId;

        /// <summary>Display name for the status page (any text, e.g. "1号锅炉房"); null when not given.</summary>
        public string Name;

        /// <summary>"stable", "beta" or "dev".</summary>
        public string FirmwareChannel = "stable";

        /// <summary>Fixed UTC offset "+08:00" (no daylight saving; China Standard Time by default), for local display only.</summary>
        public string TimeZone = "+08:00";

        public int UtcOffsetMinutes = 480;
    }

    public enum BusKind
    {
        Rtu = 0,
        Tcp = 1,
    }

    public enum BusParity
    {
        None = 0,
        Even = 1,
        Odd = 2,
    }

    /// <summary>"buses[i]": an RS-485 line (rtu) or a Modbus TCP endpoint (tcp). Devices refer to it by <see cref="Id"/>.</summary>
    public sealed class BusConfig
    {
        public string Id;
        public BusKind Kind;

        // RTU
        /// <summary>Serial port: "/dev/ttyUSB0" on Linux, "COM2" on ESP32 (null for tcp).</summary>
        public string SerialPort;
        public int Baud = 9600;
        public BusParity Parity = BusParity.Even;
        public int DataBits = 8;
        public int StopBits = 1;

        /// <summary>Quiet time between frames, ms; -1 = the Modbus t3.5 derived from the baud rate.</summary>
        public int InterFrameDelayMs = -1;

        /// <summary>ESP32 UART pins (-1 = not set; ignored on Linux). RtsPin drives the RS-485 transceiver's DE/RE.</summary>
        public int TxPin = -1;
        public int RxPin = -1;
        public int RtsPin = -1;

        // TCP
        public string Host;
        public int TcpPort = 502;

        // Both
        public int TimeoutMs = 1000;
        public int Retries = 1;

        /// <summary>"none", "even" or "odd".</summary>
        public string ParityName
        {
            get { return Parity == BusParity.None ? "none" : (Parity == BusParity.Even ? "even" : "odd"); }
        }

        /// <summary>Bits on the wire per character: start + data + parity + stop.</summary>
        public int BitsPerCharacter
        {
            get { return 1 + DataBits + (Parity == BusParity.None ? 0 : 1) + StopBits; }
        }

        public ModbusFraming Framing
        {
            get { return Kind == BusKind.Rtu ? ModbusFraming.Rtu : ModbusFraming.Tcp; }
        }

        /// <summary>Client timing for this bus (allocates; call once at start-up).</summary>
        public ModbusClientOptions ToClientOptions()
        {
            var o = new ModbusClientOptions();
            o.ResponseTimeoutMs = TimeoutMs;
            o.Retries = Retries;
            if (Kind == BusKind.Rtu)
            {
                o.Baud = Baud;
                o.BitsPerCharacter = BitsPerCharacter;
                o.InterFrameDelayMs = InterFrameDelayMs;
            }

            return o;
        }
    }

    /// <summary>"devices[i]": one Modbus slave on a bus, with its points (the inline or resolved profile).</summary>
    public sealed class DeviceConfig
    {
        public string Id;

        /// <summary>Display name (optional).</summary>
        public string Name;
        public string BusId;

        /// <summary>The bus object (resolved reference) and its index in <see cref="GatewayConfig.Buses"/>.</summary>
        public BusConfig Bus;
        public int BusIndex;

        /// <summary>Slave address: 1..247 on RTU, 0..255 on TCP.</summary>
        public int Unit;
        public int PollIntervalMs = 1000;

        /// <summary>Effective largest read (device value, else the profile's, else 125).</summary>
        public int MaxRegistersPerRead = 125;

        /// <summary>Largest hole of unused registers a merged read may span (0 = never read unused registers).</summary>
        public int MaxGapRegisters = 8;

        /// <summary>The profile's "id" (e.g. "eastron-sdm630"), or null.</summary>
        public string ProfileId;

        /// <summary>The "profileRef" it was resolved from (Linux), or null for an inline profile.</summary>
        public string ProfileRef;

        /// <summary>The points to poll, in profile order. Each Measurement is a wire vocabulary name.</summary>
        public RegisterPoint[] Points;

        /// <summary>Index of a point by name, or -1.</summary>
        public int IndexOfPoint(string name)
        {
            for (int i = 0; i < Points.Length; i++)
            {
                if (Points[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>"pulseInputs[i]": a GPIO counting pulses of a meter (gas, water, energy), giving a rate and optionally a total.</summary>
    public sealed class PulseInputConfig
    {
        public string Id;
        public int Pin;

        /// <summary>Engineering units per pulse, in the unit of the total (e.g. 0.01 Nm³ per pulse).</summary>
        public double UnitsPerPulse;

        /// <summary>The rate measurement (e.g. "fuelFlowNm3PerH") and its wire code.</summary>
        public string Measurement;
        public int MeasurementCode;

        /// <summary>The total measurement (e.g. "fuelTotalNm3"), or null / -1 when not reported.</summary>
        public string TotalMeasurement;
        public int TotalMeasurementCode = -1;
        public int DebounceMs = 10;
    }

    public enum EquipmentKind
    {
        Boiler = 0,
        Motor = 1,
        Transformer = 2,
    }

    public enum EfficiencyMethod
    {
        /// <summary>Direct when the instruments allow it, indirect otherwise.</summary>
        Auto = 0,
        Direct = 1,
        Indirect = 2,
    }

    /// <summary>"equipment[i]": a boiler, motor or transformer whose efficiency the gateway computes, and where its values come from.</summary>
    public sealed class EquipmentConfig
    {
        public string Id;

        /// <summary>Display name (optional, e.g. "1号锅炉").</summary>
        public string Name;
        public EquipmentKind Kind;

        /// <summary>Boilers only (Auto for others).</summary>
        public EfficiencyMethod Method;

        /// <summary>Measurement → source(s). For a transformer: the load (low-voltage) side.</summary>
        public EquipmentInput[] Inputs;

        /// <summary>Transformers only: the high-voltage side meter (measured losses = primary − secondary); empty otherwise.</summary>
        public EquipmentInput[] PrimaryInputs;

        /// <summary>Exactly one of these is set, by <see cref="Kind"/>.</summary>
        public BoilerNameplate Boiler;
        public MotorNameplate Motor;
        public TransformerNameplate Transformer;

        /// <summary>Boilers: laboratory fuel analysis for the indirect method on solid fuels (null when not given).</summary>
        public BoilerFuelAnalysis FuelAnalysis;

        public string KindName
        {
            get { return Kind == EquipmentKind.Boiler ? "boiler" : (Kind == EquipmentKind.Motor ? "motor" : "transformer"); }
        }

        /// <summary>The input for a measurement code, or null.</summary>
        public EquipmentInput FindInput(int measurementCode)
        {
            for (int i = 0; i < Inputs.Length; i++)
            {
                if (Inputs[i].MeasurementCode == measurementCode)
                {
                    return Inputs[i];
                }
            }

            return null;
        }
    }

    /// <summary>One measurement of an equipment and the source(s) feeding it; with several sources the value is their mean.</summary>
    public sealed class EquipmentInput
    {
        public string Measurement;
        public int MeasurementCode;
        public InputSource[] Sources;
    }

    public enum InputSourceKind
    {
        /// <summary>"deviceId.pointName": a polled register point.</summary>
        Point = 0,

        /// <summary>"pulse:id": a pulse input (its rate, or its total when the measurement is the total).</summary>
        Pulse = 1,
    }

    /// <summary>A resolved reference: indexes into <see cref="GatewayConfig.Devices"/>/<see cref="DeviceConfig.Points"/> or <see cref="GatewayConfig.PulseInputs"/>.</summary>
    public sealed class InputSource
    {
        /// <summary>As written: "boilerFlow.steamFlow" or "pulse:gasMeter".</summary>
        public string Text;
        public InputSourceKind Kind;
        public string DeviceId;
        public string PointName;
        public int DeviceIndex = -1;
        public int PointIndex = -1;
        public string PulseId;
        public int PulseIndex = -1;

        /// <summary>Pulse sources: true when the equipment reads the pulse input's total rather than its rate.</summary>
        public bool PulseTotal;
    }

    /// <summary>Boiler nameplate (names as in the `egw calc boiler` case files, see CALC.md).</summary>
    public sealed class BoilerNameplate
    {
        /// <summary>Model designation, e.g. "WNS4-1.0-Q" (optional).</summary>
        public string Model;

        /// <summary>"natural-gas", "oil", "lpg", "coke-oven-gas", "coal", "biomass" or "electric".</summary>
        public string FuelName;
        public FuelKind Fuel;

        /// <summary>"steam" or "hot-water".</summary>
        public string Type = "steam";

        /// <summary>"chamber", "grate", "fluidized-bed", or null (not given / not applicable).</summary>
        public string CombustionName;
        public BoilerCombustion Combustion = BoilerCombustion.NotApplicable;

        /// <summary>Rated evaporation, t/h (steam; NaN = not given).</summary>
        public double RatedCapacityTph = double.NaN;

        /// <summary>Rated heat output, MW (hot water; NaN = not given).</summary>
        public double RatedHeatOutputMw = double.NaN;
        public bool Condensing;

        /// <summary>"bituminous-I" … "pulverized", or null.</summary>
        public string CoalClassName;
        public CoalClass CoalClass = CoalClass.None;

        /// <summary>Rated thermal efficiency from the test report, % (NaN = not given).</summary>
        public double RatedEfficiencyPercent = double.NaN;

        /// <summary>As-received net heating value of the design fuel, kJ/kg (grading row check; NaN = not given).</summary>
        public double DesignFuelLowerHeatingValueKjPerKg = double.NaN;

        /// <summary>Net heating value of the fuel as fired (direct method): gaseous fuels per Nm³, others per kg (NaN = not given).</summary>
        public double FuelLowerHeatingValueKjPerNm3 = double.NaN;
        public double FuelLowerHeatingValueKjPerKg = double.NaN;

        public bool IsSteam
        {
            get { return Type == "steam"; }
        }

        /// <summary>The GB 24500-2020 lookup facts of this nameplate.</summary>
        public BoilerSpec ToSpec()
        {
            var spec = new BoilerSpec();
            switch (Fuel)
            {
                case FuelKind.NaturalGas: spec.Fuel = BoilerFuel.NaturalGas; break;
                case FuelKind.Oil: spec.Fuel = BoilerFuel.Oil; break;
                case FuelKind.Coal: spec.Fuel = BoilerFuel.Coal; break;
                case FuelKind.Biomass: spec.Fuel = BoilerFuel.Biomass; break;
                case FuelKind.Electric: spec.Fuel = BoilerFuel.Electric; break;
                default: spec.Fuel = BoilerFuel.Other; break;
            }

            spec.Combustion = Combustion;
            spec.RatedEvaporationTph = RatedCapacityTph;
            spec.RatedHeatOutputMw = RatedHeatOutputMw;
            spec.Condensing = Condensing;
            spec.CoalClass = CoalClass;
            spec.NetHeatingValueKjPerKg = DesignFuelLowerHeatingValueKjPerKg;
            return spec;
        }
    }

    /// <summary>Laboratory analysis of a solid fuel for the indirect (heat-loss) method; NaN = not given.</summary>
    public sealed class BoilerFuelAnalysis
    {
        public double CarbonAsReceivedPercent = double.NaN;
        public double HydrogenAsReceivedPercent = double.NaN;
        public double OxygenAsReceivedPercent = double.NaN;
        public double NitrogenAsReceivedPercent = double.NaN;
        public double SulfurAsReceivedPercent = double.NaN;
        public double MoistureAsReceivedPercent = double.NaN;
        public double AshAsReceivedPercent = double.NaN;
        public double SlagFractionPercent = double.NaN;
        public double FlyAshFractionPercent = double.NaN;
        public double RiddlingsFractionPercent = double.NaN;
        public double CarbonInSlagPercent = double.NaN;
        public double CarbonInFlyAshPercent = double.NaN;
        public double CarbonInRiddlingsPercent = double.NaN;
        public double SlagTemperatureC = double.NaN;

        /// <summary>Where the analysis comes from (lab report number) and its confidence: "V", "3P" or "M".</summary>
        public string Source;
        public string Confidence = "M";
    }

    /// <summary>Motor nameplate (GB 18613-2020 grading and load estimation). NaN = not given.</summary>
    public sealed class MotorNameplate
    {
        public double RatedPowerKw;
        public int Poles;
        public double RatedEfficiencyPercent = double.NaN;
        public double RatedSpeedRpm = double.NaN;
        public double RatedVoltageV = double.NaN;
        public double RatedCurrentA = double.NaN;
        public double RatedPowerFactor = double.NaN;
    }

    /// <summary>Transformer nameplate (GB 20052 grading, load factor and losses).</summary>
    public sealed class TransformerNameplate
    {
        /// <summary>"oil-immersed" or "dry".</summary>
        public string KindName;
        public TransformerKind Kind;

        /// <summary>"silicon-steel" or "amorphous".</summary>
        public string CoreName;
        public TransformerCore Core;
        public double RatedKva;
        public double NoLoadLossKw;
        public double LoadLossKw;

        /// <summary>Dry type only: "B", "F" or "H" (default F).</summary>
        public string InsulationClassName = "F";
        public DryInsulationClass InsulationClass = DryInsulationClass.F;

        /// <summary>High-voltage rating, kV (selects the GB 20052 table; default 10).</summary>
        public double RatedVoltageKv = 10;
    }

    /// <summary>"reporting": report by exception with deadbands, plus periodic full and health reports.</summary>
    public sealed class ReportingConfig
    {
        /// <summary>Defaults, in one place (the report builder uses them too).</summary>
        public const int DefaultFullReportIntervalS = 300;
        public const int DefaultHealthIntervalS = 60;

        public int FullReportIntervalS = DefaultFullReportIntervalS;
        public int HealthIntervalS = DefaultHealthIntervalS;

        /// <summary>Deadbands by measurement code (parallel arrays): a value is reported when it moved by more than this.</summary>
        public int[] DeadbandCodes = new int[0];
        public double[] DeadbandValues = new double[0];
    }

    /// <summary>"store": the store-and-forward queue on disk or flash.</summary>
    public sealed class StoreConfig
    {
        /// <summary>Directory (Linux) or folder (ESP32 littlefs); null = the platform default.</summary>
        public string Path;
        public long MaxTotalBytes = 1024 * 1024;
        public int MaxSegmentBytes = 64 * 1024;
        public int MaxRecordBytes = 1024;
        public int CursorPersistEveryAcks = 32;

        public RecordStoreOptions ToOptions()
        {
            var o = new RecordStoreOptions();
            o.MaxTotalBytes = MaxTotalBytes;
            o.MaxSegmentBytes = MaxSegmentBytes;
            o.MaxRecordBytes = MaxRecordBytes;
            o.CursorPersistEveryAcks = CursorPersistEveryAcks;
            return o;
        }
    }

    /// <summary>"uplink": the MQTT broker of the fleet.</summary>
    public sealed class UplinkConfig
    {
        public string Host;

        /// <summary>Default 8883 with TLS, 1883 without.</summary>
        public int Port = 8883;
        public bool Tls = true;

        /// <summary>A path to a PEM file (Linux), or the PEM text itself ("-----BEGIN CERTIFICATE-----…"); null = system trust store (Linux only).</summary>
        public string CaCertificate;
        public bool CaCertificateIsPem;
        public string Username;
        public string Password;

        /// <summary>Default "egw-{siteId}-{deviceId}".</summary>
        public string ClientId;
        public int KeepAliveS = 60;

        /// <summary>Most historical (replayed) messages per second after an outage, so returning gateways do not flood the broker.</summary>
        public int ReplayMaxPerSecond = 20;
        public int BackoffInitialMs = 1000;
        public int BackoffMaxMs = 60000;

        /// <summary>How long a QoS 1 publish waits for PUBACK.</summary>
        public int PublishTimeoutMs = 5000;
    }

    /// <summary>"statusPage": the local page for boiler operators.</summary>
    public sealed class StatusPageConfig
    {
        public bool Enabled = true;
        public int Port = 8080;

        /// <summary>"zh" (default) or "en".</summary>
        public string Language = "zh";
    }
}
