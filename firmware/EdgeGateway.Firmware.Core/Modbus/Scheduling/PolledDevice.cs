using EdgeGateway.Firmware.Core.Modbus.Registers;

namespace EdgeGateway.Firmware.Core.Modbus.Scheduling
{
    /// <summary>
    /// One slave on a bus as the scheduler polls it: its points, its read plan, and the latest values with their
    /// quality. Values[i] and Quality[i] belong to Points[i]. Buffers are allocated here once.
    /// </summary>
    public sealed class PolledDevice
    {
        internal readonly ushort[] RegisterBuffer;
        internal readonly bool[] BitBuffer;

        internal PolledDevice(string name, byte unit, RegisterPoint[] points, ReadPlan plan, int pollIntervalMs)
        {
            Name = name;
            Unit = unit;
            Points = points;
            Plan = plan;
            PollIntervalMs = pollIntervalMs;
            Values = new double[points.Length];
            Quality = new PointQuality[points.Length];
            for (int i = 0; i < Values.Length; i++)
            {
                Values[i] = double.NaN;
            }

            RegisterBuffer = new ushort[plan.MaxRegisterCount > 0 ? plan.MaxRegisterCount : 1];
            BitBuffer = new bool[plan.MaxBitCount > 0 ? plan.MaxBitCount : 1];
            Status = new DeviceStatus();
        }

        public string Name { get; }
        public byte Unit { get; }
        public RegisterPoint[] Points { get; }
        public ReadPlan Plan { get; }
        public int PollIntervalMs { get; }

        /// <summary>Engineering values (raw × scale + offset); NaN until first read.</summary>
        public double[] Values { get; }

        public PointQuality[] Quality { get; }

        public DeviceStatus Status { get; }
    }
}
