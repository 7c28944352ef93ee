namespace EdgeGateway.Firmware.Core.Modbus.Framing
{
    /// <summary>
    /// Protocol data units (function code + data), independent of RTU or TCP framing. Builders write into a caller
    /// buffer at an offset (the framer's PduOffset) and return the PDU length; parsers read in place. All big-endian
    /// per "MODBUS Application Protocol Specification V1.1b3", §4.2 and §6. No allocation.
    /// </summary>
    public static class ModbusPdu
    {
        /// <summary>Returned by the length functions while more bytes are needed to know the length.</summary>
        public const int NeedMoreBytes = -1;

        /// <summary>Returned by the length functions for a function code whose length cannot be derived.</summary>
        public const int UnknownLength = -2;

        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)((value >> 8) & 0xFF);
            buffer[offset + 1] = (byte)(value & 0xFF);
        }

        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return (buffer[offset] << 8) | buffer[offset + 1];
        }

        /// <summary>FC 01/02/03/04 request: function, start address, quantity. Returns 5.</summary>
        public static int BuildRead(byte[] buffer, int offset, byte function, int startAddress, int count)
        {
            buffer[offset] = function;
            WriteUInt16(buffer, offset + 1, startAddress);
            WriteUInt16(buffer, offset + 3, count);
            return 5;
        }

        /// <summary>FC 05 request: ON is 0xFF00, OFF is 0x0000 (§6.5). Returns 5.</summary>
        public static int BuildWriteSingleCoil(byte[] buffer, int offset, int address, bool value)
        {
            buffer[offset] = ModbusFunction.WriteSingleCoil;
            WriteUInt16(buffer, offset + 1, address);
            buffer[offset + 3] = value ? (byte)0xFF : (byte)0x00;
            buffer[offset + 4] = 0;
            return 5;
        }

        /// <summary>FC 06 request. Returns 5.</summary>
        public static int BuildWriteSingleRegister(byte[] buffer, int offset, int address, int value)
        {
            buffer[offset] = ModbusFunction.WriteSingleRegister;
            WriteUInt16(buffer, offset + 1, address);
            WriteUInt16(buffer, offset + 3, value);
            return 5;
        }

        /// <summary>FC 15 request; bit 0 of the first data byte is the first coil (§6.11). Returns 6 + byte count.</summary>
        public static int BuildWriteMultipleCoils(byte[] buffer, int offset, int startAddress, bool[] values, int valuesOffset, int count)
        {
            int byteCount = (count + 7) / 8;
            buffer[offset] = ModbusFunction.WriteMultipleCoils;
            WriteUInt16(buffer, offset + 1, startAddress);
            WriteUInt16(buffer, offset + 3, count);
            buffer[offset + 5] = (byte)byteCount;
            int data = offset + 6;
            for (int i = 0; i < byteCount; i++)
            {
                buffer[data + i] = 0;
            }

            for (int i = 0; i < count; i++)
            {
                if (values[valuesOffset + i])
                {
                    buffer[data + (i >> 3)] |= (byte)(1 << (i & 7));
                }
            }

            return 6 + byteCount;
        }

        /// <summary>FC 16 request. Returns 6 + 2 × count.</summary>
        public static int BuildWriteMultipleRegisters(byte[] buffer, int offset, int startAddress, ushort[] values, int valuesOffset, int count)
        {
            buffer[offset] = ModbusFunction.WriteMultipleRegisters;
            WriteUInt16(buffer, offset + 1, startAddress);
            WriteUInt16(buffer, offset + 3, count);
            buffer[offset + 5] = (byte)(count * 2);
            int data = offset + 6;
            for (int i = 0; i < count; i++)
            {
                WriteUInt16(buffer, data + (2 * i), values[valuesOffset + i]);
            }

            return 6 + (2 * count);
        }

        /// <summary>FC 43/14 request (§6.21): read device id code 1 = basic stream, starting at objectId. Returns 4.</summary>
        public static int BuildReadDeviceIdentification(byte[] buffer, int offset, byte readDeviceIdCode, byte objectId)
        {
            buffer[offset] = ModbusFunction.EncapsulatedInterface;
            buffer[offset + 1] = ModbusFunction.MeiReadDeviceIdentification;
            buffer[offset + 2] = readDeviceIdCode;
            buffer[offset + 3] = objectId;
            return 4;
        }

        /// <summary>
        /// Length of a response PDU from its first <paramref name="available"/> bytes, or NeedMoreBytes / UnknownLength.
        /// Used to end an RTU frame as soon as it is complete instead of waiting for the silent interval.
        /// </summary>
        public static int ResponseLength(byte[] buffer, int offset, int available)
        {
            if (available < 1)
            {
                return NeedMoreBytes;
            }

            int function = buffer[offset];
            if ((function & ModbusFunction.ExceptionFlag) != 0)
            {
                return 2;
            }

            switch (function)
            {
                case ModbusFunction.ReadCoils:
                case ModbusFunction.ReadDiscreteInputs:
                case ModbusFunction.ReadHoldingRegisters:
                case ModbusFunction.ReadInputRegisters:
                    return available < 2 ? NeedMoreBytes : 2 + buffer[offset + 1];
                case ModbusFunction.WriteSingleCoil:
                case ModbusFunction.WriteSingleRegister:
                case ModbusFunction.WriteMultipleCoils:
                case ModbusFunction.WriteMultipleRegisters:
                    return 5;
                case ModbusFunction.EncapsulatedInterface:
                    return DeviceIdentificationLength(buffer, offset, available);
                default:
                    return UnknownLength;
            }
        }

        private static int DeviceIdentificationLength(byte[] buffer, int offset, int available)
        {
            // 2B 0E code conformity more next count { id len value[len] }*
            if (available < 7)
            {
                return NeedMoreBytes;
            }

            int objects = buffer[offset + 6];
            int position = 7;
            for (int i = 0; i < objects; i++)
            {
                if (available < position + 2)
                {
                    return NeedMoreBytes;
                }

                position += 2 + buffer[offset + position + 1];
            }

            return position;
        }

        /// <summary>Length of a request PDU (for servers and simulators), or NeedMoreBytes / UnknownLength.</summary>
        public static int RequestLength(byte[] buffer, int offset, int available)
        {
            if (available < 1)
            {
                return NeedMoreBytes;
            }

            switch (buffer[offset])
            {
                case ModbusFunction.ReadCoils:
                case ModbusFunction.ReadDiscreteInputs:
                case ModbusFunction.ReadHoldingRegisters:
                case ModbusFunction.ReadInputRegisters:
                case ModbusFunction.WriteSingleCoil:
                case ModbusFunction.WriteSingleRegister:
                    return 5;
                case ModbusFunction.WriteMultipleCoils:
                case ModbusFunction.WriteMultipleRegisters:
                    return available < 6 ? NeedMoreBytes : 6 + buffer[offset + 5];
                case ModbusFunction.EncapsulatedInterface:
                    return 4;
                default:
                    return UnknownLength;
            }
        }

        /// <summary>
        /// Checks a response PDU against its request: exception (function | 0x80 with a code), wrong function,
        /// and byte counts / echoes consistent with what was asked. Returns Ok, ModbusException, WrongFunction,
        /// ShortFrame or BadLength. <paramref name="quantity"/> is the register/bit count for reads and multi-writes,
        /// the written value for FC 05/06 (0xFF00/0 for coils), ignored for 43.
        /// </summary>
        public static FrameStatus CheckResponse(byte[] buffer, int offset, int length, byte function, int address, int quantity)
        {
            if (length < 2)
            {
                return FrameStatus.ShortFrame;
            }

            int received = buffer[offset];
            if (received == (function | ModbusFunction.ExceptionFlag))
            {
                return length == 2 ? FrameStatus.ModbusException : FrameStatus.BadLength;
            }

            if (received != function)
            {
                return FrameStatus.WrongFunction;
            }

            switch (function)
            {
                case ModbusFunction.ReadCoils:
                case ModbusFunction.ReadDiscreteInputs:
                {
                    int expectedBytes = (quantity + 7) / 8;
                    return buffer[offset + 1] == expectedBytes && length == 2 + expectedBytes ? FrameStatus.Ok : FrameStatus.BadLength;
                }

                case ModbusFunction.ReadHoldingRegisters:
                case ModbusFunction.ReadInputRegisters:
                {
                    int expectedBytes = quantity * 2;
                    return buffer[offset + 1] == expectedBytes && length == 2 + expectedBytes ? FrameStatus.Ok : FrameStatus.BadLength;
                }

                case ModbusFunction.WriteSingleCoil:
                case ModbusFunction.WriteSingleRegister:
                case ModbusFunction.WriteMultipleCoils:
                case ModbusFunction.WriteMultipleRegisters:
                    if (length != 5)
                    {
                        return FrameStatus.BadLength;
                    }

                    return ReadUInt16(buffer, offset + 1) == address && ReadUInt16(buffer, offset + 3) == quantity
                        ? FrameStatus.Ok
                        : FrameStatus.BadLength;
                case ModbusFunction.EncapsulatedInterface:
                    if (length < 7 || buffer[offset + 1] != ModbusFunction.MeiReadDeviceIdentification)
                    {
                        return FrameStatus.BadLength;
                    }

                    return DeviceIdentificationLength(buffer, offset, length) == length ? FrameStatus.Ok : FrameStatus.BadLength;
                default:
                    return FrameStatus.Ok;
            }
        }

        /// <summary>Copies <paramref name="count"/> registers of a FC 03/04 response PDU into dest.</summary>
        public static void CopyRegisters(byte[] buffer, int offset, int count, ushort[] destination, int destinationOffset)
        {
            int data = offset + 2;
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = (ushort)ReadUInt16(buffer, data + (2 * i));
            }
        }

        /// <summary>Copies <paramref name="count"/> bits of a FC 01/02 response PDU into dest.</summary>
        public static void CopyBits(byte[] buffer, int offset, int count, bool[] destination, int destinationOffset)
        {
            int data = offset + 2;
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = (buffer[data + (i >> 3)] & (1 << (i & 7))) != 0;
            }
        }
    }
}
