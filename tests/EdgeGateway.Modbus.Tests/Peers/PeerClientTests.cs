using System;
using System.Globalization;
using System.Linq;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Modbus.Scheduling;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Firmware.Linux.Platform;

namespace EdgeGateway.Modbus.Tests.Peers;

/// <summary>Starts one pymodbus TCP server for a test class. Long identity strings force a "more follows" 43/14 answer.</summary>
public sealed class PymodbusTcpFixture : IDisposable
{
    public static readonly string Vendor = "Vendor" + new string('V', 114);
    public static readonly string Product = "Product" + new string('P', 113);

    public PymodbusTcpFixture()
    {
        Peer = PymodbusPeer.StartTcp($"--vendor {Vendor} --product {Product} --revision 3.0.0rc1");
    }

    public PymodbusPeer Peer { get; }

    public void Dispose() => Peer.Dispose();
}

/// <summary>Starts one pymodbus RTU server on a socat pty pair for a test class.</summary>
public sealed class PymodbusRtuFixture : IDisposable
{
    public PymodbusRtuFixture()
    {
        Peer = PymodbusPeer.StartRtu("--vendor EGW-RTU-Vendor --product RTU-1 --revision 1.0");
    }

    public PymodbusPeer Peer { get; }

    public void Dispose() => Peer.Dispose();
}

public sealed class PymodbusTcpClientTests : PeerClientTests, IClassFixture<PymodbusTcpFixture>
{
    public PymodbusTcpClientTests(PymodbusTcpFixture fixture)
        : base(fixture.Peer)
    {
    }

    [Fact]
    public void Device_identification_follows_more_follows()
    {
        DeviceIdentification id = Client.ReadDeviceIdentification(1);
        Assert.Equal(PymodbusTcpFixture.Vendor, id.VendorName);
        Assert.Equal(PymodbusTcpFixture.Product, id.ProductCode);
        Assert.Equal("3.0.0rc1", id.MajorMinorRevision);
        Assert.True(id.Requests >= 2, $"expected a 'more follows' answer, took {id.Requests} request(s)");
    }
}

public sealed class PymodbusRtuClientTests : PeerClientTests, IClassFixture<PymodbusRtuFixture>
{
    public PymodbusRtuClientTests(PymodbusRtuFixture fixture)
        : base(fixture.Peer)
    {
    }

    [Fact]
    public void Device_identification()
    {
        DeviceIdentification id = Client.ReadDeviceIdentification(1);
        Assert.Equal(("EGW-RTU-Vendor", "RTU-1", "1.0"), (id.VendorName, id.ProductCode, id.MajorMinorRevision));
        Assert.Equal(1, id.Requests);
    }
}

/// <summary>
/// Our client against a real pymodbus 3.0 server: every function code, every data type and word order (encoded and
/// decoded by pymodbus' own payload builder/decoder), exceptions and a dead slave. Run for TCP and RTU.
/// </summary>
public abstract class PeerClientTests : IDisposable
{
    private static readonly string[] Types = { "int16", "uint16", "int32", "uint32", "float32", "float64" };

    private readonly IByteTransport _transport;

    protected PeerClientTests(PymodbusPeer peer)
    {
        Peer = peer;
        Client = peer.NewClient(out _transport);
    }

    protected PymodbusPeer Peer { get; }

    protected ModbusClient Client { get; }

    public void Dispose()
    {
        ((IDisposable)_transport).Dispose();
        GC.SuppressFinalize(this);
    }

    private static RegisterDataType TypeOf(string name) => name switch
    {
        "int16" => RegisterDataType.Int16,
        "uint16" => RegisterDataType.UInt16,
        "int32" => RegisterDataType.Int32,
        "uint32" => RegisterDataType.UInt32,
        "float32" => RegisterDataType.Float32,
        _ => RegisterDataType.Float64,
    };

    private static string[] SampleValues(string type) => type switch
    {
        "int16" => new[] { "-12345", "32767" },
        "uint16" => new[] { "54321" },
        "int32" => new[] { "-123456789", "16909060" },
        "uint32" => new[] { "3000000000", "168496141" },
        "float32" => new[] { "3.14159", "-0.0025", "123456.789" },
        _ => new[] { "-2.718281828459045", "1e+300" },
    };

    private static double Expected(string type, string text)
    {
        double value = double.Parse(text, CultureInfo.InvariantCulture);
        return type == "float32" ? (float)value : value;
    }

    [Fact]
    public void Reads_125_holding_and_input_registers()
    {
        string values = string.Join(",", Enumerable.Range(0, 125).Select(i => (i * 523 % 65536).ToString(CultureInfo.InvariantCulture)));
        Peer.Command($"set 1 hr 1000 {values}");
        Peer.Command($"set 1 ir 1200 {values}");
        var holding = new ushort[130];
        Client.ReadHoldingRegisters(1, 1000, 125, holding, 5);
        var input = new ushort[125];
        Client.ReadInputRegisters(1, 1200, 125, input, 0);
        ushort[] expected = Enumerable.Range(0, 125).Select(i => (ushort)(i * 523 % 65536)).ToArray();
        Assert.Equal(expected, holding[5..]);
        Assert.Equal(expected, input);
    }

    [Fact]
    public void Reads_coils_and_discrete_inputs()
    {
        int[] pattern = Enumerable.Range(0, 37).Select(i => (i * 7 % 3 == 0) ? 1 : 0).ToArray();
        Peer.Command($"set 1 co 100 {string.Join(",", pattern)}");
        Peer.Command($"set 1 di 200 {string.Join(",", pattern.Select(b => 1 - b))}");
        var coils = new bool[37];
        Client.ReadCoils(1, 100, 37, coils, 0);
        var discrete = new bool[37];
        Client.ReadDiscreteInputs(1, 200, 37, discrete, 0);
        Assert.Equal(pattern.Select(b => b == 1).ToArray(), coils);
        Assert.Equal(pattern.Select(b => b == 0).ToArray(), discrete);
    }

    [Fact]
    public void Writes_every_function_code_and_pymodbus_stores_them()
    {
        Client.WriteSingleCoil(1, 7, true);
        Assert.Equal("1", Peer.Command("get 1 co 7 1"));
        Client.WriteSingleCoil(1, 7, false);
        Assert.Equal("0", Peer.Command("get 1 co 7 1"));

        Client.WriteSingleRegister(1, 300, 0xBEEF);
        Assert.Equal("48879", Peer.Command("get 1 hr 300 1"));

        bool[] coils = { true, false, true, true, false, false, true, true, true, false, true };
        Client.WriteMultipleCoils(1, 20, coils, 0, coils.Length);
        Assert.Equal(string.Join(" ", coils.Select(c => c ? "1" : "0")), Peer.Command($"get 1 co 20 {coils.Length}"));

        ushort[] registers = Enumerable.Range(0, 123).Select(i => (ushort)(60000 - i)).ToArray();
        Client.WriteMultipleRegisters(1, 400, registers, 0, registers.Length);
        Assert.Equal(string.Join(" ", registers), Peer.Command("get 1 hr 400 123"));
        Assert.Equal(0, Client.Counters.Timeouts + Client.Counters.CrcErrors + Client.Counters.Exceptions);
    }

    [Fact]
    public void Decodes_every_type_and_order_that_pymodbus_encoded()
    {
        int address = 500;
        int checkedCount = 0;
        foreach (string type in Types)
        {
            foreach (ByteOrder order in Enum.GetValues<ByteOrder>())
            {
                foreach (string text in SampleValues(type))
                {
                    Peer.Command($"encode 1 hr {address} {type} {order} {text}");
                    var point = new RegisterPoint { Name = $"{type}-{order}", DataType = TypeOf(type), Order = order, Address = address };
                    var registers = new ushort[point.RegisterCount];
                    Client.ReadHoldingRegisters(1, address, registers.Length, registers, 0);
                    Assert.Equal(Expected(type, text), RegisterDecoder.Decode(point, registers, 0));
                    address += 4;
                    checkedCount++;
                }
            }
        }

        Assert.Equal(4 * Types.Sum(t => SampleValues(t).Length), checkedCount);
    }

    [Fact]
    public void Pymodbus_decodes_every_type_and_order_we_encoded()
    {
        int address = 900;
        foreach (string type in Types)
        {
            foreach (ByteOrder order in Enum.GetValues<ByteOrder>())
            {
                foreach (string text in SampleValues(type))
                {
                    double value = Expected(type, text);
                    var registers = new ushort[4];
                    int count = RegisterDecoder.EncodeRaw(TypeOf(type), order, value, registers, 0);
                    Client.WriteMultipleRegisters(1, address, registers, 0, count);
                    string decoded = Peer.Command($"decode 1 hr {address} {type} {order}");
                    Assert.True(value == double.Parse(decoded, CultureInfo.InvariantCulture), $"{type} {order}: wrote {value}, pymodbus read {decoded}");
                }
            }
        }
    }

    [Fact]
    public void Strings_in_both_byte_orders()
    {
        Peer.Command("string 1 hr 1500 8 0 EGW-SDM630-V2");
        Peer.Command("string 1 hr 1510 8 1 EGW-SDM630-V2");
        var registers = new ushort[18];
        Client.ReadHoldingRegisters(1, 1500, 18, registers, 0);
        Assert.Equal("EGW-SDM630-V2", RegisterDecoder.DecodeString(registers, 0, 8, ByteOrder.ABCD));
        Assert.Equal("EGW-SDM630-V2", RegisterDecoder.DecodeString(registers, 10, 8, ByteOrder.BADC));
    }

    [Fact]
    public void Reading_beyond_the_datablock_is_illegal_data_address()
    {
        long before = Client.Counters.Exceptions;
        var ex = Assert.Throws<ModbusException>(() => Client.ReadHoldingRegisters(1, 1990, 20, new ushort[20], 0));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, ex.ExceptionCode);
        Assert.Equal(1990, ex.Address);
        Assert.Equal((byte)1, ex.Unit);
        Assert.Contains("IllegalDataAddress", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, Client.Counters.Exceptions);

        var write = Assert.Throws<ModbusException>(() => Client.WriteMultipleRegisters(1, 1999, new ushort[2], 0, 2));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, write.ExceptionCode);

        // The connection or line is still good afterwards.
        Client.ReadHoldingRegisters(1, 0, 1, new ushort[1], 0);
    }

    [Fact]
    public void A_dead_slave_times_out_is_counted_and_the_bus_stays_usable()
    {
        var options = new ModbusClientOptions { ResponseTimeoutMs = 400, Retries = 1, RetryBackoffMs = 10 };
        ModbusClient client = Peer.NewClient(out IByteTransport transport, options);
        using (transport as IDisposable)
        {
            var ex = Assert.Throws<ModbusTimeoutException>(() => client.ReadHoldingRegisters(9, 0, 1, new ushort[1], 0));
            Assert.Equal((byte)9, ex.Unit);
            Assert.Equal((2, 1, 0), (client.Counters.Timeouts, client.Counters.Retries, client.Counters.Responses));
            Peer.Command("set 1 hr 5 4242");
            var value = new ushort[1];
            client.ReadHoldingRegisters(1, 5, 1, value, 0);
            Assert.Equal(4242, value[0]);
            Assert.Equal(1, client.Counters.Responses);
        }
    }

    [Fact]
    public void The_scheduler_polls_every_type_through_merged_reads_and_survives_a_dead_slave()
    {
        // Points of every type and order, laid out with holes, read through the planner into few requests.
        var points = new System.Collections.Generic.List<RegisterPoint>();
        var expected = new System.Collections.Generic.List<double>();
        int address = 1600;
        foreach (string type in Types)
        {
            foreach (ByteOrder order in Enum.GetValues<ByteOrder>())
            {
                string text = SampleValues(type)[0];
                Peer.Command($"encode 1 hr {address} {type} {order} {text}");
                points.Add(new RegisterPoint { Name = $"{type}-{order}", Kind = RegisterKind.HoldingRegister, Address = address, DataType = TypeOf(type), Order = order, Scale = 2, Offset = 1 });
                expected.Add((Expected(type, text) * 2) + 1);
                address += 5;
            }
        }

        Peer.Command("set 1 co 50 1,0,1");
        points.Add(new RegisterPoint { Name = "coil", Kind = RegisterKind.Coil, Address = 52, DataType = RegisterDataType.Bit });
        expected.Add(1);

        var options = new ModbusClientOptions { ResponseTimeoutMs = 300, Retries = 0 };
        ModbusClient client = Peer.NewClient(out IByteTransport transport, options);
        using (transport as IDisposable)
        {
            var scheduler = new PollScheduler(client, SystemClock.Instance, new PollSchedulerOptions { OfflineAfterFailures = 2, BackoffInitialMs = 60000, BackoffMaxMs = 60000 });
            PolledDevice device = scheduler.AddDevice("peer", 1, points.ToArray(), 0, 4, 0);
            PolledDevice dead = scheduler.AddDevice("dead", 9, points.ToArray(), 0, 4, 0);
            Assert.Equal(2, device.Plan.Blocks.Length);
            for (int cycle = 0; cycle < 4; cycle++)
            {
                scheduler.RunOnce();
                Assert.Equal(expected.ToArray(), device.Values);
                Assert.All(device.Quality, q => Assert.Equal(PointQuality.Good, q));
            }

            // Dead slave: one timeout in each of the first two cycles, then offline and backed off for a minute.
            Assert.False(dead.Status.Online);
            Assert.Equal(2, client.Counters.Timeouts);
            Assert.Equal(2, dead.Status.FailedPolls);
            Assert.Equal(4, device.Status.Polls);
        }
    }
}
