using System;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Status
{
    /// <summary>
    /// Everything the local status page and /status.json show, captured at one moment. Plain classes with public
    /// fields and arrays (no generics) so the same model is filled on the ESP32 and on Linux. The runtime builds a
    /// fresh snapshot (or a copy made under its lock) for each request: the renderer reads it without locking, so the
    /// provider must not hand out an object that another thread is still changing.
    /// </summary>
    public sealed class StatusSnapshot
    {
        public GatewayStatus Gateway = new GatewayStatus();
        public UplinkStatus Uplink = new UplinkStatus();
        public BusStatus[] Buses = new BusStatus[0];
        public DeviceHealthStatus[] Devices = new DeviceHealthStatus[0];
        public EquipmentStatus[] Equipment = new EquipmentStatus[0];
    }

    /// <summary>Returns the current snapshot. Must not depend on the uplink (the page has to work while it is down).</summary>
    public delegate StatusSnapshot StatusSnapshotProvider();

    /// <summary>Identity and health of the gateway itself.</summary>
    public sealed class GatewayStatus
    {
        public string SiteId;
        public string DeviceId;
        public string FirmwareVersion;
        public long UptimeS;

        /// <summary>Free managed heap in bytes; -1 when the platform does not tell.</summary>
        public long FreeMemoryBytes = -1;

        /// <summary>Hash of the running configuration (as in the birth message), so an operator can tell which config runs.</summary>
        public string ConfigHash;

        /// <summary>The gateway's wall clock (UTC) when the snapshot was taken.</summary>
        public DateTime ClockUtc;

        /// <summary>Errors the runtime caught and survived since start (bad readings, full disk, broker hiccups).</summary>
        public long ErrorCount;

        /// <summary>The most recent of them ("where: message"), null when none.</summary>
        public string LastError;
    }

    /// <summary>Where the MQTT uplink stands and how much is waiting in the store-and-forward queue.</summary>
    public sealed class UplinkStatus
    {
        public UplinkState State = UplinkState.Disconnected;

        /// <summary>Broker address as configured ("mqtts://broker.example:8883").</summary>
        public string Broker;

        /// <summary>Why the last connect failed (null or empty when it did not).</summary>
        public string LastConnectError;

        /// <summary>Records stored and not yet acknowledged by the broker.</summary>
        public long BacklogRecords;

        /// <summary>Records dropped because the queue was full (drop-oldest policy; reported to the fleet as a gap).</summary>
        public long DroppedRecords;

        public long PublishedFrames;
    }

    /// <summary>Counters of one field bus (RS-485 line or Modbus TCP connection).</summary>
    public sealed class BusStatus
    {
        public string Id;
        public long Requests;
        public long Timeouts;
        public long CrcErrors;

        /// <summary>Modbus exception responses received.</summary>
        public long Exceptions;
    }

    /// <summary>Reachability of one polled device.</summary>
    public sealed class DeviceHealthStatus
    {
        public string Id;
        public bool Online;
        public int ConsecutiveFailures;

        /// <summary>The last error text (null when none).</summary>
        public string LastError;
    }

    /// <summary>Kind of monitored equipment (selects labels and which standard applies).</summary>
    public enum EquipmentKind
    {
        Boiler = 0,
        Motor = 1,
        Transformer = 2,
    }

    /// <summary>
    /// Outcome of the check against the limit. Tri-state on purpose: "unknown" (no efficiency, sensor fault, not
    /// steady, case not covered by the standard) must never look like a pass or a fail.
    /// </summary>
    public enum PassState
    {
        Unknown = 0,
        Pass = 1,
        Fail = 2,
    }

    /// <summary>One boiler, motor or transformer with its computed efficiency, its limit and its inputs.</summary>
    public sealed class EquipmentStatus
    {
        public string Id;
        public EquipmentKind Kind;

        /// <summary>Name from the configuration (free text: escaped wherever it is shown).</summary>
        public string DisplayName;

        /// <summary>Current efficiency in percent; NaN when it cannot be computed (see <see cref="NotComputableReason"/>).</summary>
        public double EfficiencyPercent = double.NaN;

        /// <summary>How it was computed: "direct" (input-output), "indirect" (heat loss), "nameplate", or free text.</summary>
        public string Method;

        /// <summary>The minimum efficiency it is held to, in percent; NaN when no limit applies.</summary>
        public double LimitPercent = double.NaN;

        /// <summary>Where the limit comes from, e.g. "GB 24500-2020 表4, grade 3 [3P]".</summary>
        public string LimitSource;

        public PassState Pass = PassState.Unknown;

        /// <summary>Why <see cref="EfficiencyPercent"/> is NaN (null when it is computed).</summary>
        public string NotComputableReason;

        /// <summary>Whether the steady-state detector accepts the current operating point (efficiency is judged only then).</summary>
        public bool Steady;

        /// <summary>One sentence from the standards engine explaining the verdict.</summary>
        public string Verdict;

        public MeasuredValue[] Values = new MeasuredValue[0];
    }

    /// <summary>One input value with its sensor health.</summary>
    public sealed class MeasuredValue
    {
        /// <summary>Measurement name from the wire vocabulary (EdgeGateway.Shared.Wire.Measurements), e.g. "steamFlowTph".</summary>
        public string Measurement;

        /// <summary>The value (NaN when there is none).</summary>
        public double Value = double.NaN;

        /// <summary>Unit text; when null the vocabulary's unit for <see cref="Measurement"/> is shown.</summary>
        public string Unit;

        public PointQuality Quality = PointQuality.Good;
    }
}
