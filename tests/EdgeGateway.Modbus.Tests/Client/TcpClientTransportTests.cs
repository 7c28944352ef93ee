using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Firmware.Linux.Platform;
using EdgeGateway.Firmware.Linux.Transport;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Modbus.Tests.Client;

public class TcpClientTransportTests
{
    /// <summary>
    /// A loopback server whose first connection is dropped right after the request arrives (a device reboot or a
    /// NAT timeout) and whose second connection answers normally.
    /// </summary>
    [Fact]
    public void Reconnects_after_the_server_drops_the_connection()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = new Thread(() =>
        {
            var request = new byte[12];
            using (Socket first = listener.AcceptSocket())
            {
                first.Receive(request);
            }

            using Socket second = listener.AcceptSocket();
            if (second.Receive(request) != 12)
            {
                return; // The client's assertions then fail on the missing answer.
            }

            byte[] answer = { request[0], request[1], 0, 0, 0, 5, request[6], 0x03, 0x02, 0x01, 0x2C };
            second.Send(answer);
            second.Receive(request);
        })
        { IsBackground = true };
        server.Start();

        using var transport = new TcpClientTransport("127.0.0.1", port);
        var client = new ModbusClient(transport, ModbusFraming.Tcp, SystemClock.Instance, new ModbusClientOptions { Retries = 0, ResponseTimeoutMs = 5000 });
        var values = new ushort[1];
        Assert.Equal(FrameStatus.TransportError, client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, values, 0));
        Assert.False(transport.IsOpen);
        Assert.Equal(FrameStatus.Ok, client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, values, 0));
        Assert.Equal(300, values[0]);
        Assert.Equal(2, transport.Connects);
        Assert.Equal(1, client.Counters.TransportErrors);
        transport.Close();
        server.Join(5000);
        listener.Stop();
    }

    [Fact]
    public void A_refused_connection_is_a_transport_error_naming_the_endpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var transport = new TcpClientTransport("127.0.0.1", port);
        var ex = Assert.Throws<TransportException>(() => transport.Open());
        Assert.Contains("127.0.0.1:" + port, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:502", "127.0.0.1", 502)]
    [InlineData("plc.local:1502", "plc.local", 1502)]
    [InlineData("[::1]:5020", "::1", 5020)]
    public void Parses_host_and_port(string text, string host, int port)
    {
        TcpClientTransport transport = TcpClientTransport.Parse(text);
        Assert.Equal((host, port), (transport.Host, transport.Port));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:70000")]
    [InlineData(":502")]
    public void Rejects_bad_endpoints(string text)
    {
        Assert.Throws<InputException>(() => TcpClientTransport.Parse(text));
    }

    [Fact]
    public void Serial_parity_parsing()
    {
        Assert.Equal(System.IO.Ports.Parity.Even, SerialPortTransport.ParseParity("even"));
        Assert.Equal(System.IO.Ports.Parity.None, SerialPortTransport.ParseParity("NONE"));
        Assert.Contains("none, even or odd", Assert.Throws<InputException>(() => SerialPortTransport.ParseParity("mark")).Message, StringComparison.Ordinal);
        Assert.Equal(11, new SerialPortTransport("/dev/null", 9600, System.IO.Ports.Parity.None).BitsPerCharacter);
        Assert.Equal(10, new SerialPortTransport("/dev/null", 9600, System.IO.Ports.Parity.None, 8, System.IO.Ports.StopBits.One).BitsPerCharacter);
    }

    [Fact]
    public void Opening_a_missing_serial_device_is_a_transport_error_naming_it()
    {
        using var transport = new SerialPortTransport("/tmp/egw-no-such-tty", 9600, System.IO.Ports.Parity.Even);
        var ex = Assert.Throws<TransportException>(() => transport.Open());
        Assert.Contains("/tmp/egw-no-such-tty", ex.Message, StringComparison.Ordinal);
    }
}
