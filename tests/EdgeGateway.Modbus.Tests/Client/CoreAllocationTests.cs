using System;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Modbus.Scheduling;
using EdgeGateway.Firmware.Core.Transport;

namespace EdgeGateway.Modbus.Tests.Client;

/// <summary>
/// The portable core's own allocations per poll cycle, with an in-memory slave that itself allocates nothing, for
/// both framings (the peer test measures the same with real sockets; System.IO.Ports allocates on its own).
/// </summary>
public class CoreAllocationTests
{
    /// <summary>An in-memory slave answering FC 01 and 03 into a preallocated buffer (no allocation per request).</summary>
    private sealed class InMemorySlave : IByteTransport
    {
        private readonly bool _tcp;
        private readonly byte[] _answer = new byte[300];
        private int _length;
        private int _position;

        public InMemorySlave(bool tcp)
        {
            _tcp = tcp;
        }

        public bool IsOpen { get; private set; }

        public void Open() => IsOpen = true;

        public void Close() => IsOpen = false;

        public void DiscardInput() => _position = _length;

        public void Write(byte[] buffer, int offset, int count)
        {
            int pdu = offset + (_tcp ? 7 : 1);
            byte function = buffer[pdu];
            int start = (buffer[pdu + 1] << 8) | buffer[pdu + 2];
            int quantity = (buffer[pdu + 3] << 8) | buffer[pdu + 4];
            int header = _tcp ? 7 : 1;
            Array.Copy(buffer, offset, _answer, 0, header);
            _answer[header] = function;
            int bytes = function == 0x01 ? (quantity + 7) / 8 : quantity * 2;
            _answer[header + 1] = (byte)bytes;
            for (int i = 0; i < bytes; i++)
            {
                _answer[header + 2 + i] = (byte)(start + i);
            }

            int pduLength = 2 + bytes;
            if (_tcp)
            {
                _answer[4] = 0;
                _answer[5] = (byte)(pduLength + 1);
                _length = header + pduLength;
            }
            else
            {
                _length = Crc16.Append(_answer, 0, header + pduLength);
            }

            _position = 0;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int n = Math.Min(count, _length - _position);
            Array.Copy(_answer, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }

    [Theory]
    [InlineData(ModbusFraming.Rtu)]
    [InlineData(ModbusFraming.Tcp)]
    public void Steady_state_polling_allocates_nothing(ModbusFraming framing)
    {
        var clock = new FakeClock { RecordSleeps = false };
        var client = new ModbusClient(new InMemorySlave(framing == ModbusFraming.Tcp), framing, clock, new ModbusClientOptions { Retries = 0 });
        var scheduler = new PollScheduler(client, clock);
        var points = new RegisterPoint[]
        {
            new() { Name = "f", Kind = RegisterKind.HoldingRegister, Address = 0, DataType = RegisterDataType.Float32, Order = ByteOrder.CDAB },
            new() { Name = "d", Kind = RegisterKind.HoldingRegister, Address = 100, DataType = RegisterDataType.Float64, Order = ByteOrder.DCBA, Scale = 0.1 },
            new() { Name = "i", Kind = RegisterKind.HoldingRegister, Address = 120, DataType = RegisterDataType.Int32 },
            new() { Name = "c", Kind = RegisterKind.Coil, Address = 3, DataType = RegisterDataType.Bit },
        };
        PolledDevice device = scheduler.AddDevice("d", 1, points, 0, 125, 0);
        for (int i = 0; i < 10; i++)
        {
            scheduler.RunOnce();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            scheduler.RunOnce();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, device.Status.FailedPolls);
        Assert.Equal(2 * 1010, client.Counters.Responses);
        Assert.Equal(0, allocated);
    }
}
