using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace EdgeGateway.Gateway.Tests.Peers;

/// <summary>
/// A real mosquitto broker on 127.0.0.1 for one test class: a plain listener and a TLS listener (self-signed CA,
/// server certificate for localhost/127.0.0.1), password authentication, no persistence. Restartable on the same
/// ports to test outages.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    public const string User = "gw-1";
    public const string Password = "s3cret-gw";

    private readonly string mosquitto;
    private readonly StringBuilder log = new();
    private Process? process;

    public MosquittoBroker()
    {
        mosquitto = PeerProcess.Require("mosquitto", "mosquitto mosquitto-clients");
        string passwd = PeerProcess.Require("mosquitto_passwd", "mosquitto");
        string openssl = PeerProcess.Require("openssl", "openssl");
        Directory = Path.Combine(Path.GetTempPath(), "egw-mqtt-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        PlainPort = PeerProcess.FreeTcpPort();
        TlsPort = PeerProcess.FreeTcpPort();

        string d = Directory;
        PeerProcess.Run(openssl, $"req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=EdgeGatewayTestCA -keyout {d}/ca.key -out {d}/ca.crt");
        PeerProcess.Run(openssl, $"req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout {d}/server.key -out {d}/server.csr");
        File.WriteAllText($"{d}/san.ext", "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        PeerProcess.Run(openssl, $"x509 -req -in {d}/server.csr -CA {d}/ca.crt -CAkey {d}/ca.key -CAcreateserial -days 30 -extfile {d}/san.ext -out {d}/server.crt");
        // A second, unrelated CA: a gateway configured with it must refuse this broker.
        PeerProcess.Run(openssl, $"req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=SomeOtherCA -keyout {d}/other.key -out {d}/other-ca.crt");
        PeerProcess.Run(passwd, $"-c -b {d}/passwd {User} {Password}");

        File.WriteAllText($"{d}/mosquitto.conf", string.Join('\n',
            "per_listener_settings false",
            "allow_anonymous false",
            $"password_file {d}/passwd",
            "persistence false",
            "set_tcp_nodelay true",
            "max_queued_messages 100000",
            $"listener {PlainPort} 127.0.0.1",
            $"listener {TlsPort} 127.0.0.1",
            $"cafile {d}/ca.crt",
            $"certfile {d}/server.crt",
            $"keyfile {d}/server.key",
            "tls_version tlsv1.2",
            ""));
        // Started as root, mosquitto drops to the 'mosquitto' user: it must be able to read these files.
        foreach (string f in new[] { "passwd", "server.key", "server.crt", "ca.crt", "mosquitto.conf" })
        {
            File.SetUnixFileMode($"{d}/{f}", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Start();
    }

    public string Directory { get; }

    public int PlainPort { get; }

    public int TlsPort { get; }

    public string CaCertificatePath => Path.Combine(Directory, "ca.crt");

    public string OtherCaCertificatePath => Path.Combine(Directory, "other-ca.crt");

    public void Start()
    {
        var psi = new ProcessStartInfo(mosquitto, $"-c {Directory}/mosquitto.conf") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        PeerProcess.WaitForTcp(PlainPort, process, log);
        PeerProcess.WaitForTcp(TlsPort, process, log);
    }

    /// <summary>Kills the broker (SIGKILL: an outage, not a clean shutdown).</summary>
    public void Kill()
    {
        if (process != null && !process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
