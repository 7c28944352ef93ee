namespace EdgeGateway.Firmware.Core.Modbus.Registers
{
    /// <summary>The four Modbus data tables.</summary>
    public enum RegisterKind
    {
        Coil = 1,
        DiscreteInput = 2,
        InputRegister = 3,
        HoldingRegister = 4,
    }

    /// <summary>How a value is laid out in one or more 16-bit registers.</summary>
    public enum RegisterDataType
    {
        Bit = 0,
        Int16 = 1,
        UInt16 = 2,
        Int32 = 3,
        UInt32 = 4,
        Float32 = 5,
        Float64 = 6,
        String = 7,
    }

    /// <summary>
    /// Byte and word order of multi-register values, named by where the bytes of the big-endian value A B C D land
    /// on the wire. ABCD = big-endian (Modbus standard); CDAB = word-swapped (common in power meters);
    /// BADC = byte-swapped within words; DCBA = little-endian.
    /// </summary>
    public enum ByteOrder
    {
        ABCD = 0,
        CDAB = 1,
        BADC = 2,
        DCBA = 3,
    }

    /// <summary>
    /// One value a device profile reads: where it is, how it is encoded, how to scale it, its unit, its plausible
    /// range, and which measurement it feeds (for example "steamFlowTph"). Engineering value = raw × Scale + Offset.
    /// </summary>
    public sealed class RegisterPoint
    {
        public string Name;
        public string Measurement;
        public RegisterKind Kind;
        public int Address;
        public RegisterDataType DataType;
        public ByteOrder Order;
        /// <summary>For strings only: length in registers (2 characters each).</summary>
        public int StringLengthRegisters;
        /// <summary>
        /// For DataType Bit on a holding or input register only: which bit (0 = least significant .. 15) carries the
        /// value; -1 (the default) means "the whole register is non-zero". Ignored for coils and discrete inputs.
        /// </summary>
        public int BitIndex = -1;
        public double Scale = 1.0;
        public double Offset;
        public string Unit;
        public double MinPlausible = double.MinValue;
        public double MaxPlausible = double.MaxValue;

        /// <summary>How many 16-bit registers (or bits, for coils and discrete inputs) the value occupies.</summary>
        public int RegisterCount
        {
            get
            {
                switch (DataType)
                {
                    case RegisterDataType.Bit:
                    case RegisterDataType.Int16:
                    case RegisterDataType.UInt16:
                        return 1;
                    case RegisterDataType.Int32:
                    case RegisterDataType.UInt32:
                    case RegisterDataType.Float32:
                        return 2;
                    case RegisterDataType.Float64:
                        return 4;
                    default:
                        return StringLengthRegisters;
                }
            }
        }
    }
}
