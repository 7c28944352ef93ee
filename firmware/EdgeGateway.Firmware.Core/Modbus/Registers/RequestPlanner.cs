using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Core.Modbus.Registers
{
    /// <summary>One read request of a plan: FC 01/02/03/04 by <see cref="Kind"/>, <see cref="Count"/> registers or bits from <see cref="Start"/>.</summary>
    public sealed class ReadBlock
    {
        public RegisterKind Kind;
        public int Start;
        public int Count;

        public int End => Start + Count;
    }

    /// <summary>
    /// The reads a device needs and where each point sits in them: point i is at register (or bit)
    /// <c>PointOffset[i]</c> of block <c>Blocks[PointBlock[i]]</c>. Blocks are ordered by kind (coils, discrete
    /// inputs, input registers, holding registers), then by address.
    /// </summary>
    public sealed class ReadPlan
    {
        public ReadBlock[] Blocks;
        public int[] PointBlock;
        public int[] PointOffset;

        /// <summary>Largest register block (size the ushort[] buffer with it); 0 when there is none.</summary>
        public int MaxRegisterCount;

        /// <summary>Largest bit block (size the bool[] buffer with it); 0 when there is none.</summary>
        public int MaxBitCount;
    }

    /// <summary>
    /// Merges the points a device needs into the fewest reads per register kind, as good gateways do: neighbouring
    /// points share a read when the hole between them is at most maxGap registers (reading a few unused registers is
    /// cheaper than another round trip, but some devices answer IllegalDataAddress for holes: then use maxGap 0),
    /// and no read exceeds the protocol limit (125 registers, 2000 bits) or the device's own maximum.
    /// Runs at configuration time (allocates its result); the plan is then reused every poll.
    /// </summary>
    public static class RequestPlanner
    {
        /// <summary>Plan with protocol limits only.</summary>
        public static ReadPlan Plan(RegisterPoint[] points, int maxGap)
        {
            return Plan(points, maxGap, ModbusFunction.MaxReadRegisters, ModbusFunction.MaxReadBits);
        }

        /// <summary>
        /// Plan with a per-device maximum registers per read (≤ 125) and bits per read (≤ 2000); 0 means the protocol
        /// limit. Throws InputException for a point that cannot be read (address out of range, longer than one read,
        /// non-bit type on a coil/discrete input, string without length).
        /// </summary>
        public static ReadPlan Plan(RegisterPoint[] points, int maxGap, int maxRegistersPerRead, int maxBitsPerRead)
        {
            if (points == null)
            {
                points = new RegisterPoint[0];
            }

            if (maxGap < 0)
            {
                throw new InputException("maxGap", maxGap.ToString(), "0 or more registers (0 = never read unused registers)");
            }

            if (maxRegistersPerRead == 0)
            {
                maxRegistersPerRead = ModbusFunction.MaxReadRegisters;
            }

            if (maxBitsPerRead == 0)
            {
                maxBitsPerRead = ModbusFunction.MaxReadBits;
            }

            if (maxRegistersPerRead < 1 || maxRegistersPerRead > ModbusFunction.MaxReadRegisters)
            {
                throw new InputException("maxRegistersPerRead", maxRegistersPerRead.ToString(), "1..125 (Modbus limit for FC 03/04), or 0 for 125");
            }

            if (maxBitsPerRead < 1 || maxBitsPerRead > ModbusFunction.MaxReadBits)
            {
                throw new InputException("maxBitsPerRead", maxBitsPerRead.ToString(), "1..2000 (Modbus limit for FC 01/02), or 0 for 2000");
            }

            int n = points.Length;
            ReadPlan plan = new ReadPlan();
            plan.PointBlock = new int[n];
            plan.PointOffset = new int[n];
            ReadBlock[] blocks = new ReadBlock[n];
            int blockCount = 0;
            int[] order = new int[n];

            for (int kindValue = 1; kindValue <= 4; kindValue++)
            {
                RegisterKind kind = (RegisterKind)kindValue;
                bool bits = kind == RegisterKind.Coil || kind == RegisterKind.DiscreteInput;
                int limit = bits ? maxBitsPerRead : maxRegistersPerRead;

                // Points of this kind, insertion-sorted by address (Array.Sort does not exist on nanoFramework).
                int count = 0;
                for (int i = 0; i < n; i++)
                {
                    RegisterPoint point = points[i];
                    if (point == null)
                    {
                        throw new InputException("points[" + i.ToString() + "]", "null", "every point must be set");
                    }

                    if (point.Kind != kind)
                    {
                        continue;
                    }

                    Validate(point, bits, limit);
                    int j = count;
                    while (j > 0 && points[order[j - 1]].Address > point.Address)
                    {
                        order[j] = order[j - 1];
                        j--;
                    }

                    order[j] = i;
                    count++;
                }

                ReadBlock current = null;
                for (int k = 0; k < count; k++)
                {
                    int index = order[k];
                    RegisterPoint point = points[index];
                    int start = point.Address;
                    int end = start + (bits ? 1 : point.RegisterCount);
                    if (current != null && start <= current.End + maxGap)
                    {
                        int newEnd = end > current.End ? end : current.End;
                        if (newEnd - current.Start <= limit)
                        {
                            current.Count = newEnd - current.Start;
                        }
                        else
                        {
                            current = null;
                        }
                    }
                    else
                    {
                        current = null;
                    }

                    if (current == null)
                    {
                        current = new ReadBlock();
                        current.Kind = kind;
                        current.Start = start;
                        current.Count = end - start;
                        blocks[blockCount++] = current;
                    }

                    plan.PointBlock[index] = blockCount - 1;
                    plan.PointOffset[index] = start - current.Start;
                }
            }

            plan.Blocks = new ReadBlock[blockCount];
            for (int b = 0; b < blockCount; b++)
            {
                ReadBlock block = blocks[b];
                plan.Blocks[b] = block;
                bool bits = block.Kind == RegisterKind.Coil || block.Kind == RegisterKind.DiscreteInput;
                if (bits && block.Count > plan.MaxBitCount)
                {
                    plan.MaxBitCount = block.Count;
                }

                if (!bits && block.Count > plan.MaxRegisterCount)
                {
                    plan.MaxRegisterCount = block.Count;
                }
            }

            return plan;
        }

        private static void Validate(RegisterPoint point, bool bits, int limit)
        {
            string name = point.Name == null ? "point" : point.Name;
            if (bits && point.DataType != RegisterDataType.Bit)
            {
                throw new InputException(name + ".dataType", RegisterDecoder.TypeName(point.DataType), "coils and discrete inputs hold single bits: use type bit, or read a holding/input register");
            }

            if (!bits && point.DataType == RegisterDataType.String && point.StringLengthRegisters <= 0)
            {
                throw new InputException(name + ".stringLengthRegisters", point.StringLengthRegisters.ToString(), "a string needs its length in registers (1 or more)");
            }

            int span = bits ? 1 : point.RegisterCount;
            if (span > limit)
            {
                throw new InputException(name + ".registerCount", span.ToString(), "at most " + limit.ToString() + " per read for this device: shorten the string or raise the device maximum");
            }

            if (point.Address < 0 || point.Address + span > 0x10000)
            {
                throw new InputException(name + ".address", point.Address.ToString(), "0..65535 (0-based protocol address) with the whole value below 65536");
            }
        }
    }
}
