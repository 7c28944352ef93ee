using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace EdgeGateway.Benchmarks.Infrastructure;

/// <summary>A peer the benchmark needs is not installed: the message names it and the command that installs it.</summary>
internal sealed class PeerMissingException : Exception
{
    public PeerMissingException(string what, string installCommand)
        : base($"peer missing: {what}. Install it with: {installCommand}")
    {
    }
}

/// <summary>A finished child process.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// A long-running peer (a server) in a child process. Output is drained continuously (a full pipe would stall it) and
/// kept for error messages; Dispose kills it by its process id (with its children) and waits for it.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ChildProcess(Process process, string description)
    {
        this.process = process;
        Description = description;
        Id = process.Id;
    }

    public int Id { get; }

    public string Description { get; }

    public bool HasExited => process.HasExited;

    public static ChildProcess Start(string file, string[] arguments, string description)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        Process p = Process.Start(info) ?? throw new InvalidOperationException($"{description}: {file} did not start");
        var child = new ChildProcess(p, description);
        p.OutputDataReceived += (_, e) => child.Append(e.Data);
        p.ErrorDataReceived += (_, e) => child.Append(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return child;
    }

    public string Output()
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    public void Dispose()
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
            // Exited between the check and the kill.
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line == null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length < 20000)
            {
                log.AppendLine(line);
            }
        }
    }
}

/// <summary>Process and port helpers shared by the sections.</summary>
internal static class Peers
{
    public const string Python = "/usr/bin/python3";

    public const string ModbusInstall = "apt-get install -y --no-install-recommends python3-pymodbus python3-serial libmodbus-dev gcc pkg-config";

    public const string IapwsInstall = "apt-get install -y --no-install-recommends python3-iapws";

    public const string NodeInstall = "apt-get install -y --no-install-recommends nodejs npm";

    /// <summary>A port nobody listens on right now (the OS picks it; a tiny race remains, hence WaitForListening).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:port, failing early if the server died.</summary>
    public static void WaitForListening(int port, ChildProcess? server, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        string lastError = "no attempt";
        while (DateTime.UtcNow < deadline)
        {
            if (server != null && server.HasExited)
            {
                throw new InvalidOperationException($"{server.Description} exited before listening on port {port}: {server.Output().Trim()}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException e)
            {
                lastError = e.SocketErrorCode.ToString();
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"{server?.Description ?? "server"} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:F0} s ({lastError}): {server?.Output().Trim()}");
    }

    /// <summary>Runs a program to completion (killing it by id after the timeout) and returns what it printed.</summary>
    public static ProcessResult Run(string file, string[] arguments, TimeSpan timeout, string? standardInput = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput != null,
            UseShellExecute = false,
        };
        if (workingDirectory != null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        Process p;
        try
        {
            p = Process.Start(info) ?? throw new InvalidOperationException(file + " did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} cannot be started ({e.Message})", e);
        }

        using (p)
        {
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            p.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
            p.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            if (standardInput != null)
            {
                p.StandardInput.Write(standardInput);
                p.StandardInput.Close();
            }

            if (!p.WaitForExit((int)timeout.TotalMilliseconds))
            {
                try
                {
                    p.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Exited just now.
                }

                p.WaitForExit(5000);
                throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:F0} s; it was killed. Output: {stdout}{stderr}");
            }

            p.WaitForExit(); // flushes the asynchronous readers
            lock (stdout)
            {
                lock (stderr)
                {
                    return new ProcessResult(p.ExitCode, stdout.ToString(), stderr.ToString());
                }
            }
        }
    }

    /// <summary>Finds a program on PATH (null when absent).</summary>
    public static string? OnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path == null)
        {
            return null;
        }

        foreach (string dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Checks /usr/bin/python3 can import <paramref name="module"/>; throws <see cref="PeerMissingException"/> otherwise.</summary>
    public static void RequirePythonModule(string module, string installCommand)
    {
        if (!File.Exists(Python))
        {
            throw new PeerMissingException(Python, installCommand);
        }

        ProcessResult r = Run(Python, new[] { "-c", "import " + module }, TimeSpan.FromSeconds(60));
        if (r.ExitCode != 0)
        {
            throw new PeerMissingException($"python module '{module}' for {Python} ({LastLine(r.StandardError)})", installCommand);
        }
    }

    /// <summary>The key=value pairs of one output line such as "polls=10 seconds=1.0".</summary>
    public static double Field(string line, string key)
    {
        foreach (string part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).SequenceEqual(key))
            {
                return double.Parse(part.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        throw new FormatException($"'{key}=' missing in peer output: {line.Trim()}");
    }

    public static string LastLine(string text)
    {
        string t = text.Trim();
        int nl = t.LastIndexOf('\n');
        return nl < 0 ? t : t[(nl + 1)..];
    }
}
