using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeGateway.Hardware.Server;

/// <summary>
/// Modbus TCP front end: MBAP framing ("MODBUS Messaging on TCP/IP Implementation Guide V1.0b" §3.1.3) over a
/// listening socket, one task per client so many masters can poll at once. Requests for a unit id the core does
/// not serve get exception 0B (gateway target failed to respond), as a TCP-to-RTU gateway would answer.
/// </summary>
public sealed class ModbusTcpServer : IAsyncDisposable
{
    private readonly ModbusServerCore core;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> clients = new();
    private Task? acceptLoop;
    private int connections;

    public ModbusTcpServer(ModbusServerCore core, IPEndPoint endPoint)
    {
        this.core = core;
        listener = new TcpListener(endPoint);
    }

    /// <summary>The bound address (with the real port when 0 was asked for).</summary>
    public IPEndPoint EndPoint => (IPEndPoint)listener.LocalEndpoint;

    public int ActiveConnections => Volatile.Read(ref connections);

    public void Start()
    {
        listener.Start();
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        if (acceptLoop != null)
        {
            await acceptLoop.ConfigureAwait(false);
        }

        Task[] pending;
        lock (clients)
        {
            pending = clients.ToArray();
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Task t = Task.Run(() => ServeAsync(client));
            lock (clients)
            {
                clients.RemoveAll(c => c.IsCompleted);
                clients.Add(t);
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        Interlocked.Increment(ref connections);
        byte[] header = new byte[7];
        byte[] pdu = new byte[ModbusServerCore.MaxPduLength + 1];
        byte[] response = new byte[7 + ModbusServerCore.MaxPduLength + 64];
        byte[] responsePdu = new byte[ModbusServerCore.MaxPduLength + 64];
        try
        {
            client.NoDelay = true;
            NetworkStream stream = client.GetStream();
            while (!stop.IsCancellationRequested)
            {
                if (!await ReadExactlyAsync(stream, header, 7).ConfigureAwait(false))
                {
                    return;
                }

                int protocol = (header[2] << 8) | header[3];
                int length = (header[4] << 8) | header[5];
                if (protocol != 0 || length < 2 || length > ModbusServerCore.MaxPduLength + 1)
                {
                    // Not Modbus or a broken stream: resynchronising on TCP is guesswork, so drop the client.
                    return;
                }

                byte unit = header[6];
                if (!await ReadExactlyAsync(stream, pdu, length - 1).ConfigureAwait(false))
                {
                    return;
                }

                int n = core.Handle(unit, pdu, length - 1, responsePdu, answerUnknownUnit: true);
                if (n < 0)
                {
                    continue;
                }

                response[0] = header[0];
                response[1] = header[1];
                if (core.Fault(unit) == FaultMode.CorruptCrc)
                {
                    response[1] ^= 0x5A;
                }

                response[2] = 0;
                response[3] = 0;
                response[4] = (byte)((n + 1) >> 8);
                response[5] = (byte)(n + 1);
                response[6] = unit;
                Array.Copy(responsePdu, 0, response, 7, n);
                await stream.WriteAsync(response.AsMemory(0, 7 + n), stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server stops: nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref connections);
            client.Dispose();
        }
    }

    private async Task<bool> ReadExactlyAsync(NetworkStream stream, byte[] buffer, int count)
    {
        int got = 0;
        while (got < count)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(got, count - got), stop.Token).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            got += n;
        }

        return true;
    }
}
