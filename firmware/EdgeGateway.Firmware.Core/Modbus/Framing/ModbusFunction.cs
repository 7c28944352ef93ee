namespace EdgeGateway.Firmware.Core.Modbus.Framing
{
    /// <summary>Function codes from "MODBUS Application Protocol Specification V1.1b3", §6.</summary>
    public static class ModbusFunction
    {
        public const byte ReadCoils = 0x01;
        public const byte ReadDiscreteInputs = 0x02;
        public const byte ReadHoldingRegisters = 0x03;
        public const byte ReadInputRegisters = 0x04;
        public const byte WriteSingleCoil = 0x05;
        public const byte WriteSingleRegister = 0x06;
        public const byte WriteMultipleCoils = 0x0F;
        public const byte WriteMultipleRegisters = 0x10;
        public const byte EncapsulatedInterface = 0x2B;

        /// <summary>MEI type of "Read Device Identification" inside function 0x2B (43/14).</summary>
        public const byte MeiReadDeviceIdentification = 0x0E;

        /// <summary>Set in the function code of an exception response.</summary>
        public const byte ExceptionFlag = 0x80;

        /// <summary>Spec limits (§6.1–6.4, 6.11, 6.12).</summary>
        public const int MaxReadRegisters = 125;
        public const int MaxReadBits = 2000;
        public const int MaxWriteRegisters = 123;
        public const int MaxWriteCoils = 1968;

        /// <summary>Short English name for messages ("read holding registers").</summary>
        public static string Name(int function)
        {
            switch (function & 0x7F)
            {
                case ReadCoils: return "read coils";
                case ReadDiscreteInputs: return "read discrete inputs";
                case ReadHoldingRegisters: return "read holding registers";
                case ReadInputRegisters: return "read input registers";
                case WriteSingleCoil: return "write single coil";
                case WriteSingleRegister: return "write single register";
                case WriteMultipleCoils: return "write multiple coils";
                case WriteMultipleRegisters: return "write multiple registers";
                case EncapsulatedInterface: return "read device identification";
                default: return "function " + (function & 0x7F).ToString();
            }
        }
    }
}
