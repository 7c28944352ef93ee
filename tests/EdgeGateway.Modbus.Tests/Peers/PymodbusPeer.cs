using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using EdgeGateway.Firmware.Core.Modbus.Client;
using EdgeGateway.Firmware.Core.Modbus.Framing;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Firmware.Core.Transport;
using EdgeGateway.Firmware.Linux.Platform;
using EdgeGateway.Firmware.Linux.Transport;

namespace EdgeGateway.Modbus.Tests.Peers;

/// <summary>
/// A real pymodbus 3.0 server (Debian python3-pymodbus) in a child process, over TCP on a free 127.0.0.1 port or over
/// RTU on one end of a socat pty pair (our client opens the other end). Seeding and independent decoding go through
/// the script's stdin/stdout control channel (pymodbus' own BinaryPayloadBuilder/Decoder). Everything started here is
/// killed by process id in Dispose.
/// </summary>
public sealed class PymodbusPeer : IDisposable
{
    public const string InstallHint = "apt-get install -y python3-pymodbus python3-serial python3-serial-asyncio socat";
    private const string Python = "/usr/bin/python3";
    private const string Socat = "/usr/bin/socat";

    private readonly Process _server;
    private readonly Process? _socat;
    private readonly string? _ptyDirectory;
    private readonly object _commandLock = new();
    private readonly int _serverId;

    private PymodbusPeer(Process server, Process? socat, string? ptyDirectory, int tcpPort, string? clientDevice)
    {
        _server = server;
        _serverId = server.Id;
        _socat = socat;
        _ptyDirectory = ptyDirectory;
        TcpPort = tcpPort;
        ClientDevice = clientDevice;
    }

    /// <summary>TCP mode: the port the server listens on (0 in RTU mode).</summary>
    public int TcpPort { get; }

    /// <summary>RTU mode: the pty our client opens (null in TCP mode).</summary>
    public string? ClientDevice { get; }

    public bool IsRtu => ClientDevice != null;

    public const int Baud = 19200;

    public static PymodbusPeer StartTcp(string extraArguments = "")
    {
        RequirePeers(needSocat: false);
        int port = FreePort();
        Process server = StartServer($"--tcp {port} {extraArguments}");
        var peer = new PymodbusPeer(server, null, null, port, null);
        try
        {
            peer.WaitUntilServing(() =>
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return true;
            });
            return peer;
        }
        catch
        {
            peer.Dispose();
            throw;
        }
    }

    public static PymodbusPeer StartRtu(string extraArguments = "")
    {
        RequirePeers(needSocat: true);
        string directory = Path.Combine(Path.GetTempPath(), "egw-pty-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        string serverEnd = Path.Combine(directory, "ttyS0");
        string clientEnd = Path.Combine(directory, "ttyS1");
        var socatInfo = new ProcessStartInfo(Socat)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        socatInfo.ArgumentList.Add("-d");
        socatInfo.ArgumentList.Add("-d");
        socatInfo.ArgumentList.Add($"pty,raw,echo=0,link={serverEnd}");
        socatInfo.ArgumentList.Add($"pty,raw,echo=0,link={clientEnd}");
        Process socat = Process.Start(socatInfo) ?? throw new InvalidOperationException("socat did not start");
        socat.ErrorDataReceived += (_, _) => { };
        socat.BeginErrorReadLine();
        socat.BeginOutputReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(File.Exists(serverEnd) && File.Exists(clientEnd)))
        {
            if (socat.HasExited || DateTime.UtcNow > deadline)
            {
                KillQuietly(socat);
                throw new InvalidOperationException($"socat did not create the pty pair {serverEnd} / {clientEnd} within 10 s (exit: {(socat.HasExited ? socat.ExitCode.ToString(CultureInfo.InvariantCulture) : "still running")})");
            }

            Thread.Sleep(20);
        }

        Process server;
        try
        {
            server = StartServer($"--rtu {serverEnd} --baud {Baud} {extraArguments}");
        }
        catch
        {
            KillQuietly(socat);
            throw;
        }

        var peer = new PymodbusPeer(server, socat, directory, 0, clientEnd);
        try
        {
            // Serving means answering: probe with a real read until pymodbus has opened its end.
            peer.WaitUntilServing(() =>
            {
                using var transport = new SerialPortTransport(clientEnd, Baud, System.IO.Ports.Parity.None, 8, System.IO.Ports.StopBits.One);
                var client = new ModbusClient(transport, ModbusFraming.Rtu, SystemClock.Instance, new ModbusClientOptions { ResponseTimeoutMs = 300, Retries = 0 });
                return client.TryReadRegisters(1, RegisterKind.HoldingRegister, 0, 1, new ushort[1], 0) == FrameStatus.Ok;
            });
            return peer;
        }
        catch
        {
            peer.Dispose();
            throw;
        }
    }

    /// <summary>A client on this peer with its own transport (dispose the transport when done).</summary>
    public ModbusClient NewClient(out IByteTransport transport, ModbusClientOptions? options = null)
    {
        options ??= new ModbusClientOptions { ResponseTimeoutMs = 1000, Retries = 0 };
        if (IsRtu)
        {
            options.Baud = Baud;
            options.BitsPerCharacter = 10;
            transport = new SerialPortTransport(ClientDevice!, Baud, System.IO.Ports.Parity.None, 8, System.IO.Ports.StopBits.One);
            return new ModbusClient(transport, ModbusFraming.Rtu, SystemClock.Instance, options);
        }

        transport = new TcpClientTransport("127.0.0.1", TcpPort);
        return new ModbusClient(transport, ModbusFraming.Tcp, SystemClock.Instance, options);
    }

    /// <summary>Sends one control command and returns the text after "OK " (throws on "ERR").</summary>
    public string Command(string command)
    {
        lock (_commandLock)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"the pymodbus server exited ({_server.ExitCode}): {ReadStandardError()}");
            }

            _server.StandardInput.WriteLine(command);
            _server.StandardInput.Flush();
            string? line = _server.StandardOutput.ReadLine();
            if (line == null || !line.StartsWith("OK", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"pymodbus control command '{command}' failed: {line ?? "no answer"}");
            }

            return line.Length > 3 ? line[3..] : string.Empty;
        }
    }

    public void Dispose()
    {
        KillQuietly(_server);
        if (_socat != null)
        {
            KillQuietly(_socat);
        }

        if (_ptyDirectory != null)
        {
            try
            {
                Directory.Delete(_ptyDirectory, recursive: true);
            }
            catch (IOException)
            {
                // socat removes its links on exit; the directory may already be gone or still busy.
            }
        }
    }

    private static void RequirePeers(bool needSocat)
    {
        string missing = string.Empty;
        if (!File.Exists(Python))
        {
            missing = Python;
        }
        else
        {
            var check = Process.Start(new ProcessStartInfo(Python, "-c \"import pymodbus, serial; assert pymodbus.__version__.startswith('3.')\"")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            string error = check.StandardError.ReadToEnd();
            check.WaitForExit();
            if (check.ExitCode != 0)
            {
                missing = "python3-pymodbus 3.x / python3-serial (" + error.Trim() + ")";
            }
        }

        if (needSocat && !File.Exists(Socat))
        {
            missing += (missing.Length > 0 ? ", " : string.Empty) + Socat;
        }

        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"Peer missing: {missing}. Install it with: {InstallHint}");
        }
    }

    private static Process StartServer(string arguments)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Peers", "pymodbus_server.py");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: the test project must copy Peers/*.py to its output");
        }

        var info = new ProcessStartInfo(Python, $"-u {script} {arguments}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process server = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");

        // Drain stderr continuously: pymodbus logs every dropped connection, and a full pipe would stall the server.
        var log = new System.Text.StringBuilder();
        ServerLogs[server.Id] = log;
        server.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                if (e.Data != null && log.Length < 20000)
                {
                    log.AppendLine(e.Data);
                }
            }
        };
        server.BeginErrorReadLine();
        return server;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, System.Text.StringBuilder> ServerLogs = new();

    /// <summary>What the server wrote to stderr so far (for failure messages).</summary>
    public string ReadStandardError()
    {
        if (!ServerLogs.TryGetValue(_serverId, out var log))
        {
            return string.Empty;
        }

        lock (log)
        {
            return log.ToString();
        }
    }

    private void WaitUntilServing(Func<bool> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"the pymodbus server exited ({_server.ExitCode}) before serving: {ReadStandardError()}");
            }

            try
            {
                if (probe())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or TransportException or IOException or UnauthorizedAccessException)
            {
                last = ex;
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException("the pymodbus server did not serve within 15 s" + (last == null ? string.Empty : ": " + last.Message));
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
