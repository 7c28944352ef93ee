using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Status
{
    /// <summary>Language of the status page. Chinese first: boiler rooms in China are the main audience.</summary>
    public enum StatusLanguage
    {
        Chinese = 0,
        English = 1,
    }

    /// <summary>
    /// Fixed texts of the status page in Chinese and English, as two parallel tables indexed by the constants below
    /// (no Hashtable lookups, no allocation). A unit test checks that both tables have an entry for every id.
    /// </summary>
    public static class StatusText
    {
        public const int Title = 0;
        public const int Site = 1;
        public const int Gateway = 2;
        public const int Firmware = 3;
        public const int Uptime = 4;
        public const int FreeMemory = 5;
        public const int ConfigHash = 6;
        public const int Clock = 7;
        public const int Uplink = 8;
        public const int Backlog = 9;
        public const int RecordsUnit = 10;
        public const int Dropped = 11;
        public const int UplinkDownNote = 12;
        public const int ThermalEfficiency = 13;
        public const int Efficiency = 14;
        public const int Limit = 15;
        public const int PassBadge = 16;
        public const int FailBadge = 17;
        public const int UnknownBadge = 18;
        public const int Method = 19;
        public const int Operation = 20;
        public const int SteadyYes = 21;
        public const int SteadyNo = 22;
        public const int QualityGood = 23;
        public const int QualityStuck = 24;
        public const int QualityOutOfRange = 25;
        public const int QualityMissing = 26;
        public const int QualityCommunicationFault = 27;
        public const int QualityCalculated = 28;
        public const int QualityNotSteady = 29;
        public const int UplinkDisconnected = 30;
        public const int UplinkWaiting = 31;
        public const int UplinkConnected = 32;
        public const int UplinkReplaying = 33;
        public const int KindBoiler = 34;
        public const int KindMotor = 35;
        public const int KindTransformer = 36;
        public const int ColumnMeasurement = 37;
        public const int ColumnValue = 38;
        public const int ColumnSensor = 39;
        public const int Buses = 40;
        public const int ColumnBus = 41;
        public const int ColumnRequests = 42;
        public const int ColumnTimeouts = 43;
        public const int ColumnCrcErrors = 44;
        public const int ColumnExceptions = 45;
        public const int Devices = 46;
        public const int ColumnDevice = 47;
        public const int ColumnState = 48;
        public const int Online = 49;
        public const int Offline = 50;
        public const int ColumnFailures = 51;
        public const int ColumnLastError = 52;
        public const int Unknown = 53;
        public const int MethodDirect = 54;
        public const int MethodIndirect = 55;
        public const int NotComputable = 56;
        public const int LastConnectError = 57;
        public const int DataTime = 58;
        public const int Stale = 59;
        public const int UnitDays = 60;
        public const int UnitHours = 61;
        public const int UnitMinutes = 62;
        public const int NoEquipment = 63;
        public const int NoLimit = 64;
        public const int Separator = 65;
        public const int Verdict = 66;
        public const int Broker = 67;
        public const int MethodNameplate = 68;

        private static readonly string[] zh =
            ("网关状态|站点|网关|固件|运行时间|可用内存|配置|时钟|" +
            "上行链路|积压|条|已丢弃|" +
            "上行链路断开时，网关继续测量并在本地保存全部数据；连接恢复后按顺序补传。|" +
            "热效率|效率|限值|✔ 合格|✘ 不合格|? 无法判定|计算方法|工况|稳定|未稳定|" +
            "正常|传感器卡滞|超出量程|数据缺失|通信故障|计算值|未稳定|" +
            "已断开|等待重连|已连接|正在补传|" +
            "锅炉|电动机|变压器|" +
            "测点|数值|传感器|" +
            "通信总线|总线|请求|超时|校验错误|异常应答|" +
            "设备|设备|状态|在线|离线|连续失败|最近错误|" +
            "未知|正平衡法|反平衡法|无法计算|最近连接错误|数据时间|" +
            "无法连接网关，显示的是旧数据|" +
            "天|小时|分|" +
            "未配置设备|无适用限值|: |判定|服务器|" +
            "铭牌估算")
            .Split('|');

        private static readonly string[] en =
            ("Gateway status|Site|Gateway|Firmware|Uptime|Free memory|Config|Clock|" +
            "Uplink|backlog|records|dropped|" +
            "While the uplink is down the gateway keeps measuring and stores every record; they are sent in order when it is back.|" +
            "Thermal efficiency|Efficiency|Limit|✔ PASS|✘ FAIL|? NOT JUDGED|Method|Operation|steady|not steady|" +
            "OK|Sensor stuck|Out of range|Missing|Comm. fault|Calculated|Not steady|" +
            "disconnected|waiting to reconnect|connected|replaying backlog|" +
            "Boiler|Motor|Transformer|" +
            "Measurement|Value|Sensor|" +
            "Field buses|Bus|Requests|Timeouts|CRC errors|Exceptions|" +
            "Devices|Device|State|online|offline|Consecutive failures|Last error|" +
            "unknown|direct (input-output)|indirect (heat loss)|Not computable|Last connect error|Data time|" +
            "Cannot reach the gateway - the values shown are old|" +
            "d|h|min|" +
            "No equipment configured|no limit applies|: |Verdict|Broker|" +
            "nameplate estimate")
            .Split('|');

        /// <summary>Number of ids (both tables have exactly this many entries).</summary>
        public static int Count { get { return zh.Length; } }

        /// <summary>Entries in the English table (for the consistency test).</summary>
        public static int EnglishCount { get { return en.Length; } }

        public static string Get(int id, StatusLanguage language)
        {
            return language == StatusLanguage.English ? en[id] : zh[id];
        }

        public static string Quality(PointQuality quality, StatusLanguage language)
        {
            return Get(QualityId(quality), language);
        }

        public static int QualityId(PointQuality quality)
        {
            switch (quality)
            {
                case PointQuality.Good: return QualityGood;
                case PointQuality.Stuck: return QualityStuck;
                case PointQuality.OutOfRange: return QualityOutOfRange;
                case PointQuality.Missing: return QualityMissing;
                case PointQuality.CommunicationFault: return QualityCommunicationFault;
                case PointQuality.Calculated: return QualityCalculated;
                case PointQuality.NotSteady: return QualityNotSteady;
                default: return Unknown;
            }
        }

        public static string Pass(PassState pass, StatusLanguage language)
        {
            switch (pass)
            {
                case PassState.Pass: return Get(PassBadge, language);
                case PassState.Fail: return Get(FailBadge, language);
                default: return Get(UnknownBadge, language);
            }
        }

        public static string UplinkStateText(UplinkState state, StatusLanguage language)
        {
            switch (state)
            {
                case UplinkState.Disconnected: return Get(UplinkDisconnected, language);
                case UplinkState.WaitingToReconnect: return Get(UplinkWaiting, language);
                case UplinkState.Connected: return Get(UplinkConnected, language);
                case UplinkState.Replaying: return Get(UplinkReplaying, language);
                default: return Get(Unknown, language);
            }
        }

        public static string Kind(EquipmentKind kind, StatusLanguage language)
        {
            switch (kind)
            {
                case EquipmentKind.Boiler: return Get(KindBoiler, language);
                case EquipmentKind.Motor: return Get(KindMotor, language);
                case EquipmentKind.Transformer: return Get(KindTransformer, language);
                default: return Get(Unknown, language);
            }
        }

        /// <summary>Translated method for the known codes ("direct", "indirect", "nameplate"); null for anything else (shown as given).</summary>
        public static string MethodText(string method, StatusLanguage language)
        {
            if (method == "direct")
            {
                return Get(MethodDirect, language);
            }

            if (method == "indirect")
            {
                return Get(MethodIndirect, language);
            }

            if (method == "nameplate")
            {
                return Get(MethodNameplate, language);
            }

            return null;
        }
    }
}
