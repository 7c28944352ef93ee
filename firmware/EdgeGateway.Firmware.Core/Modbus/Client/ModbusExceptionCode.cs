namespace EdgeGateway.Firmware.Core.Modbus.Client
{
    /// <summary>Exception codes of "MODBUS Application Protocol Specification V1.1b3", §7 (9 is not assigned).</summary>
    public enum ModbusExceptionCode
    {
        None = 0,
        IllegalFunction = 1,
        IllegalDataAddress = 2,
        IllegalDataValue = 3,
        ServerDeviceFailure = 4,
        Acknowledge = 5,
        ServerDeviceBusy = 6,
        NegativeAcknowledge = 7,
        MemoryParityError = 8,
        GatewayPathUnavailable = 10,
        GatewayTargetFailedToRespond = 11,
    }

    /// <summary>Names and meanings of exception codes, for messages a technician can act on.</summary>
    public static class ModbusExceptionText
    {
        public static string Name(int code)
        {
            switch (code)
            {
                case 1: return "IllegalFunction";
                case 2: return "IllegalDataAddress";
                case 3: return "IllegalDataValue";
                case 4: return "ServerDeviceFailure";
                case 5: return "Acknowledge";
                case 6: return "ServerDeviceBusy";
                case 7: return "NegativeAcknowledge";
                case 8: return "MemoryParityError";
                case 10: return "GatewayPathUnavailable";
                case 11: return "GatewayTargetFailedToRespond";
                default: return "UnknownException" + code.ToString();
            }
        }

        public static string Meaning(int code)
        {
            switch (code)
            {
                case 1: return "the device does not support this function code";
                case 2: return "the register address (or address + count) is not in the device's map: check the profile's addresses and 0/1-based numbering";
                case 3: return "the device rejected the value or quantity in the request";
                case 4: return "the device failed while performing the request";
                case 5: return "the device accepted a long-running request and is still processing it";
                case 6: return "the device is busy with a long-running command: retry later";
                case 7: return "the device cannot perform the program function";
                case 8: return "the device found a parity error in its extended memory";
                case 10: return "the gateway has no path to the target device: check the gateway's routing";
                case 11: return "the gateway's target device did not respond: check the device behind the gateway";
                default: return "exception code not defined by the Modbus specification";
            }
        }
    }
}
