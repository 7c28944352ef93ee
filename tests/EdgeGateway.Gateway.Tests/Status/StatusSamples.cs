using System;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Status;

/// <summary>
/// Snapshots a boiler room could produce: a passing gas boiler with a stuck flue thermometer, a failing boiler with
/// an out-of-range O2 analyser and a missing CO reading, and a motor whose efficiency cannot be computed. Shared by the
/// renderer, server and browser tests (linked into EdgeGateway.Browser.Tests).
/// </summary>
internal static class StatusSamples
{
    public const string PassingBoilerId = "boiler-1";
    public const string FailingBoilerId = "boiler-2";
    public const string MotorId = "pump-motor-1";

    public static StatusSnapshot BoilerRoom() => new()
    {
        Gateway = new GatewayStatus
        {
            SiteId = "taiyuan-heating-03",
            DeviceId = "egw-0042",
            FirmwareVersion = "0.4.0",
            UptimeS = 93_784, // 1 d 2 h 3 min 4 s
            FreeMemoryBytes = 98_304,
            ConfigHash = "sha256:3f9a61c0",
            ClockUtc = new DateTime(2026, 5, 1, 8, 30, 0, DateTimeKind.Utc),
        },
        Uplink = new UplinkStatus
        {
            State = UplinkState.Disconnected,
            Broker = "mqtts://fleet.example:8883",
            LastConnectError = "connect refused: ServerUnavailable",
            BacklogRecords = 1234,
            DroppedRecords = 0,
            PublishedFrames = 56_789,
        },
        Buses = [new BusStatus { Id = "rs485-1", Requests = 120_345, Timeouts = 12, CrcErrors = 3, Exceptions = 1 }],
        Devices =
        [
            new DeviceHealthStatus { Id = "steam-flowmeter", Online = true },
            new DeviceHealthStatus { Id = "flue-analyser", Online = false, ConsecutiveFailures = 5, LastError = "timeout after 500 ms" },
        ],
        Equipment =
        [
            new EquipmentStatus
            {
                Id = PassingBoilerId,
                Kind = EquipmentKind.Boiler,
                DisplayName = "1号燃气蒸汽锅炉",
                EfficiencyPercent = 91.34,
                Method = "indirect",
                LimitPercent = 90.0,
                LimitSource = "GB 24500-2020 表4, grade 3 [3P]",
                Pass = PassState.Pass,
                Steady = true,
                Verdict = "91.3 % >= 90.0 % (grade 3 minimum)",
                Values =
                [
                    new MeasuredValue { Measurement = "steamFlowTph", Value = 4.016, Quality = PointQuality.Good },
                    new MeasuredValue { Measurement = "steamPressureMpaAbs", Value = 1.052, Quality = PointQuality.Good },
                    new MeasuredValue { Measurement = "feedwaterTemperatureC", Value = 20.44, Quality = PointQuality.Good },
                    new MeasuredValue { Measurement = "flueGasTemperatureC", Value = 132.7, Quality = PointQuality.Stuck },
                    new MeasuredValue { Measurement = "flueGasO2PercentDry", Value = 3.45, Quality = PointQuality.Good },
                    new MeasuredValue { Measurement = "flueGasCoPpm", Value = 42, Quality = PointQuality.Good },
                ],
            },
            new EquipmentStatus
            {
                Id = FailingBoilerId,
                Kind = EquipmentKind.Boiler,
                DisplayName = "2号锅炉",
                EfficiencyPercent = 84.6,
                Method = "indirect",
                LimitPercent = 88.0,
                LimitSource = "GB 24500-2020 表4, grade 3 [3P]",
                Pass = PassState.Fail,
                Steady = true,
                Verdict = "84.6 % < 88.0 %",
                Values =
                [
                    new MeasuredValue { Measurement = "flueGasTemperatureC", Value = 185.2, Quality = PointQuality.Good },
                    new MeasuredValue { Measurement = "flueGasO2PercentDry", Value = 25.3, Quality = PointQuality.OutOfRange },
                    new MeasuredValue { Measurement = "flueGasCoPpm", Value = double.NaN, Quality = PointQuality.Missing },
                ],
            },
            new EquipmentStatus
            {
                Id = MotorId,
                Kind = EquipmentKind.Motor,
                DisplayName = "循环水泵电机",
                EfficiencyPercent = double.NaN,
                Method = "nameplate",
                LimitPercent = 91.0,
                LimitSource = "GB 18613-2020 表1, grade 3 [3P]",
                Pass = PassState.Unknown,
                NotComputableReason = "current reading missing",
                Steady = false,
                Values = [new MeasuredValue { Measurement = "currentA", Value = double.NaN, Quality = PointQuality.CommunicationFault }],
            },
        ],
    };

    /// <summary>An equipment whose configured name and id try to inject markup.</summary>
    public static StatusSnapshot WithMaliciousName(string name, string id)
    {
        StatusSnapshot s = BoilerRoom();
        s.Equipment[0].DisplayName = name;
        s.Equipment[0].Id = id;
        return s;
    }
}
