using System;
using System.Globalization;
using System.IO.Ports;
using System.Net;
using System.Threading.Tasks;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Hardware.Server;
using EdgeGateway.Hardware.Simulation;

namespace EdgeGateway.Modbus.Tests.Mbpoll;

/// <summary>
/// Our simulator's Modbus servers (TCP in-process, RTU on a socat pty) against mbpoll, a client on libmodbus:
/// reads of all four tables, writes by functions 05/06/15/16, floats in big-endian word order, and an exception.
/// </summary>
public sealed class MbpollAgainstSimulatorTests : IAsyncLifetime
{
    private const byte Unit = 1;
    private readonly ModbusServerCore core = new();
    private readonly RegisterBank bank = new(100, 100, 100, 100);
    private ModbusTcpServer? tcp;
    private string port = "";

    public async Task InitializeAsync()
    {
        for (int i = 0; i < 100; i++)
        {
            bank.HoldingRegisters[i] = (ushort)(1000 + i);
            bank.InputRegisters[i] = (ushort)(2000 + i);
            bank.Coils[i] = i % 3 == 0;
            bank.DiscreteInputs[i] = i % 2 == 1;
        }

        core.AddUnit(Unit, bank, new DeviceIdentity("EdgeGateway", "test-bank", "1"));
        tcp = new ModbusTcpServer(core, new IPEndPoint(IPAddress.Loopback, 0));
        tcp.Start();
        port = tcp.EndPoint.Port.ToString(CultureInfo.InvariantCulture);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (tcp != null)
        {
            await tcp.DisposeAsync();
        }
    }

    [Fact]
    public void Reads_holding_registers_one_based()
    {
        var r = MbpollPeer.Run("-m", "tcp", "-p", port, "-a", "1", "-t", "4", "-r", "1", "-c", "5", "-1", "127.0.0.1");
        Assert.True(r.ExitCode == 0, r.Output);
        var v = MbpollPeer.Values(r.Output);
        for (int i = 1; i <= 5; i++)
        {
            Assert.Equal((1000 + i - 1).ToString(CultureInfo.InvariantCulture), v[i]);
        }
    }

    [Fact]
    public void Reads_input_registers_zero_based()
    {
        var r = MbpollPeer.Run("-m", "tcp", "-p", port, "-t", "3", "-0", "-r", "7", "-c", "3", "-1", "127.0.0.1");
        Assert.True(r.ExitCode == 0, r.Output);
        var v = MbpollPeer.Values(r.Output);
        Assert.Equal("2007", v[7]);
        Assert.Equal("2009", v[9]);
    }

    [Fact]
    public void Reads_coils_and_discrete_inputs()
    {
        var coils = MbpollPeer.Values(MbpollPeer.Run("-m", "tcp", "-p", port, "-t", "0", "-0", "-r", "0", "-c", "10", "-1", "127.0.0.1").Output);
        var inputs = MbpollPeer.Values(MbpollPeer.Run("-m", "tcp", "-p", port, "-t", "1", "-0", "-r", "0", "-c", "10", "-1", "127.0.0.1").Output);
        Assert.Equal(10, coils.Count);
        Assert.Equal(10, inputs.Count);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(i % 3 == 0 ? "1" : "0", coils[i]);
            Assert.Equal(i % 2 == 1 ? "1" : "0", inputs[i]);
        }
    }

    [Fact]
    public void Writes_single_and_multiple_registers()
    {
        var one = MbpollPeer.Run("-m", "tcp", "-p", port, "-a", "1", "-t", "4", "-r", "3", "127.0.0.1", "4242");
        Assert.True(one.ExitCode == 0, one.Output);
        Assert.Equal(4242, bank.HoldingRegisters[2]);
        var many = MbpollPeer.Run("-m", "tcp", "-p", port, "-a", "1", "-t", "4", "-r", "21", "127.0.0.1", "7", "8", "9");
        Assert.True(many.ExitCode == 0, many.Output);
        Assert.Equal(new ushort[] { 7, 8, 9 }, bank.HoldingRegisters[20..23]);
    }

    [Fact]
    public void Writes_single_and_multiple_coils()
    {
        var one = MbpollPeer.Run("-m", "tcp", "-p", port, "-t", "0", "-0", "-r", "1", "127.0.0.1", "1");
        Assert.True(one.ExitCode == 0, one.Output);
        Assert.True(bank.Coils[1]);
        var many = MbpollPeer.Run("-m", "tcp", "-p", port, "-t", "0", "-0", "-r", "40", "127.0.0.1", "1", "0", "1", "1", "0", "1", "1", "1", "1");
        Assert.True(many.ExitCode == 0, many.Output);
        Assert.Equal(new[] { true, false, true, true, false, true, true, true, true }, bank.Coils[40..49]);
    }

    [Fact]
    public void Float_in_big_endian_word_order_round_trips()
    {
        var w = MbpollPeer.Run("-m", "tcp", "-p", port, "-t", "4:float", "-B", "-r", "11", "127.0.0.1", "--", "3.14", "-2.5");
        Assert.True(w.ExitCode == 0, w.Output);
        // -B is ABCD: our decoder must read what libmodbus wrote.
        Assert.Equal(3.14f, (float)RegisterDecoder.DecodeRaw(RegisterDataType.Float32, ByteOrder.ABCD, bank.HoldingRegisters, 10));
        Assert.Equal(-2.5f, (float)RegisterDecoder.DecodeRaw(RegisterDataType.Float32, ByteOrder.ABCD, bank.HoldingRegisters, 12));
        var r = MbpollPeer.Values(MbpollPeer.Run("-m", "tcp", "-p", port, "-t", "4:float", "-B", "-r", "11", "-c", "2", "-1", "127.0.0.1").Output);
        Assert.Equal(3.14, double.Parse(r[11], CultureInfo.InvariantCulture), 5);
        Assert.Equal(-2.5, double.Parse(r[13], CultureInfo.InvariantCulture), 5);
    }

    [Fact]
    public void Address_beyond_the_bank_is_reported_as_illegal_data_address()
    {
        var r = MbpollPeer.Run("-m", "tcp", "-p", port, "-t", "4", "-0", "-r", "98", "-c", "5", "-1", "127.0.0.1");
        Assert.Contains("Illegal data address", r.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(MbpollPeer.Values(r.Output));
    }

    [Fact]
    public async Task Simulated_motor_meter_serves_its_sdm630_floats_to_mbpoll()
    {
        var clock = new ManualClock(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var motor = new MotorModel(Scenario.Compliant, 5, clock, 7) { NoiseFraction = 0, FixedLoad = 0.8 };
        var host = new SimulationHost(motor);
        host.StartTcp(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            string p = host.TcpEndPoint!.Port.ToString(CultureInfo.InvariantCulture);
            // SDM630 total system power: input register 30053 = address 0x0034, float32 ABCD, in W.
            var r = MbpollPeer.Run("-m", "tcp", "-p", p, "-a", "5", "-t", "3:float", "-B", "-0", "-r", "52", "-c", "1", "-1", "127.0.0.1");
            Assert.True(r.ExitCode == 0, r.Output);
            double watts = double.Parse(MbpollPeer.Values(r.Output)[52], CultureInfo.InvariantCulture);
            Assert.Equal(motor.Truth["inputPowerKw"] * 1000.0, watts, 0);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public void Rtu_server_on_a_pty_answers_mbpoll_reads_and_writes()
    {
        using var pty = new PtyPair();
        using var rtu = new ModbusRtuServer(core, pty.ServerEnd, 19200, Parity.None, StopBits.One);
        rtu.Start();
        var r = MbpollPeer.Run("-m", "rtu", "-b", "19200", "-P", "none", "-a", "1", "-t", "4", "-r", "1", "-c", "5", "-1", pty.ClientEnd);
        Assert.True(r.ExitCode == 0, r.Output);
        var v = MbpollPeer.Values(r.Output);
        Assert.Equal("1000", v[1]);
        Assert.Equal("1004", v[5]);
        var w = MbpollPeer.Run("-m", "rtu", "-b", "19200", "-P", "none", "-a", "1", "-t", "4", "-r", "31", pty.ClientEnd, "11", "22");
        Assert.True(w.ExitCode == 0, w.Output);
        Assert.Equal(new ushort[] { 11, 22 }, bank.HoldingRegisters[30..32]);
        var bad = MbpollPeer.Run("-m", "rtu", "-b", "19200", "-P", "none", "-a", "1", "-t", "3", "-0", "-r", "99", "-c", "2", "-1", pty.ClientEnd);
        Assert.Contains("Illegal data address", bad.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rtu_slave_with_corrupt_crc_scenario_is_rejected_by_mbpoll()
    {
        using var pty = new PtyPair();
        var faulty = new ModbusServerCore();
        faulty.AddUnit(9, new RegisterBank(10, 10, 10, 10), new DeviceIdentity("x", "y", "z"));
        faulty.SetFault(9, FaultMode.CorruptCrc);
        using var rtu = new ModbusRtuServer(faulty, pty.ServerEnd, 19200, Parity.None, StopBits.One);
        rtu.Start();
        var r = MbpollPeer.Run("-m", "rtu", "-b", "19200", "-P", "none", "-a", "9", "-t", "4", "-r", "1", "-c", "2", "-o", "0.5", "-1", pty.ClientEnd);
        Assert.Empty(MbpollPeer.Values(r.Output));
        Assert.Contains("CRC", r.Output, StringComparison.OrdinalIgnoreCase);
    }
}
