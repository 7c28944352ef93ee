using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;

namespace EdgeGateway.Modbus.Tests.Mbpoll;

/// <summary>
/// Runs the third-party libmodbus client mbpoll (Debian package mbpoll) and socat pty pairs. A missing tool fails the
/// test with the command that installs it: peers are never skipped silently.
/// </summary>
internal static class MbpollPeer
{
    public const string InstallHint = "install the peers: sudo apt-get install -y --no-install-recommends mbpoll socat";

    public static string Require(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            string path = Path.Combine(dir, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Fail(tool + " is not installed; " + InstallHint);
        return tool;
    }

    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs mbpoll once (callers pass -1 for reads) and returns exit code and combined output.</summary>
    public static Result Run(params string[] args)
    {
        string mbpoll = Require("mbpoll");
        var psi = new ProcessStartInfo(mbpoll) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(20000))
        {
            p.Kill(true);
            Assert.Fail("mbpoll did not finish within 20 s: " + string.Join(' ', args));
        }

        return new Result(p.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The values mbpoll printed as "[ref]: value" lines, by reference number.</summary>
    public static Dictionary<int, string> Values(string output)
    {
        var d = new Dictionary<int, string>();
        foreach (Match m in Regex.Matches(output, @"^\[(\d+)\]:\s+(\S+)", RegexOptions.Multiline))
        {
            d[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = m.Groups[2].Value;
        }

        return d;
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

/// <summary>A socat pty pair (two linked serial-port paths), stopped by its process id.</summary>
internal sealed class PtyPair : IDisposable
{
    private readonly Process socat;

    public PtyPair()
    {
        string socatPath = MbpollPeer.Require("socat");
        Directory = Path.Combine(Path.GetTempPath(), "egw-pty-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        ServerEnd = Path.Combine(Directory, "ttyS0");
        ClientEnd = Path.Combine(Directory, "ttyS1");
        var psi = new ProcessStartInfo(socatPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("pty,raw,echo=0,link=" + ServerEnd);
        psi.ArgumentList.Add("pty,raw,echo=0,link=" + ClientEnd);
        socat = Process.Start(psi)!;
        for (int i = 0; i < 100 && !(File.Exists(ServerEnd) && File.Exists(ClientEnd)); i++)
        {
            Thread.Sleep(50);
        }

        Assert.True(File.Exists(ServerEnd) && File.Exists(ClientEnd), "socat did not create the pty pair in " + Directory);
    }

    public string Directory { get; }

    public string ServerEnd { get; }

    public string ClientEnd { get; }

    public void Dispose()
    {
        if (!socat.HasExited)
        {
            socat.Kill();
            socat.WaitForExit(5000);
        }

        socat.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}
