using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Linux.Status
{
    /// <summary>Where and how the local status server listens.</summary>
    public sealed class StatusHttpServerOptions
    {
        /// <summary>Address to bind: "0.0.0.0" (every interface: the boiler room's LAN) on a gateway, "127.0.0.1" in tests.</summary>
        public string BindAddress { get; init; } = "0.0.0.0";

        /// <summary>TCP port; 0 lets the system pick a free one (read it back from <see cref="StatusHttpServer.Port"/>).</summary>
        public int Port { get; init; } = 8080;

        /// <summary>Connections served at once; more are answered 503 at once (a LAN page must not starve the poller).</summary>
        public int MaxConnections { get; init; } = 16;

        /// <summary>Time a client has to send its request head (slow or idle connections are closed after it).</summary>
        public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

        /// <summary>Told about provider or I/O failures (the server keeps running); null to ignore them.</summary>
        public Action<Exception>? OnError { get; init; }
    }

    /// <summary>
    /// The gateway's local status page on Linux: a minimal HTTP/1.1 server on a TcpListener (no ASP.NET on a gateway;
    /// HttpListener cannot bind port 0 or report the port it got). Routes: GET / (page, language from ?lang= or
    /// Accept-Language), GET /status.json, GET /healthz; HEAD for each; 404 elsewhere, 405 for other methods. One
    /// request per connection (Connection: close). It asks <see cref="StatusSnapshotProvider"/> for a snapshot on each
    /// request and depends on nothing else, so it keeps serving while the uplink is down.
    /// </summary>
    public sealed class StatusHttpServer : IAsyncDisposable, IDisposable
    {
        private const int MaxHeadBytes = 8192;
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        // Inline style and script are the page's own (every dynamic text is escaped); nothing may load from elsewhere.
        private const string PagePolicy =
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

        private readonly StatusSnapshotProvider _provider;
        private readonly StatusHttpServerOptions _options;
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<int, Task> _connections = new();
        private int _connectionIds;
        private int _active;
        private Task? _acceptLoop;

        public StatusHttpServer(StatusSnapshotProvider provider, StatusHttpServerOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(provider);
            _provider = provider;
            _options = options ?? new StatusHttpServerOptions();
            if (!IPAddress.TryParse(_options.BindAddress, out IPAddress? address))
            {
                throw new InputException("status.bindAddress", _options.BindAddress ?? "missing",
                    "an IP address: 0.0.0.0 for every interface, 127.0.0.1 for this machine only");
            }

            if (_options.Port < 0 || _options.Port > 65535)
            {
                throw new InputException("status.port", _options.Port.ToString(CultureInfo.InvariantCulture), "a TCP port 1-65535 (0 = any free port)");
            }

            if (_options.MaxConnections < 1)
            {
                throw new InputException("status.maxConnections", _options.MaxConnections.ToString(CultureInfo.InvariantCulture), "1 or more (16 is usual)");
            }

            _listener = new TcpListener(address, _options.Port);
        }

        /// <summary>The port actually bound (useful with Port = 0); valid after <see cref="Start"/>.</summary>
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Base address for clients, e.g. "http://127.0.0.1:41234/"; valid after <see cref="Start"/>.</summary>
        public Uri BaseAddress
        {
            get
            {
                var endpoint = (IPEndPoint)_listener.LocalEndpoint;
                string host = endpoint.Address.Equals(IPAddress.Any) ? "127.0.0.1" : endpoint.Address.ToString();
                if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    host = endpoint.Address.Equals(IPAddress.IPv6Any) ? "[::1]" : "[" + host + "]";
                }

                return new Uri("http://" + host + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture) + "/");
            }
        }

        /// <summary>Binds and starts accepting. Throws SocketException when the address or port is unavailable.</summary>
        public void Start()
        {
            if (_acceptLoop != null)
            {
                throw new InvalidOperationException("StatusHttpServer already started");
            }

            _listener.Start(backlog: 64);
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        /// <summary>Stops listening and waits for the requests in progress to finish.</summary>
        public async Task StopAsync()
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            await _stop.CancelAsync().ConfigureAwait(false);
            _listener.Stop();
            if (_acceptLoop != null)
            {
                await _acceptLoop.ConfigureAwait(false);
            }

            await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            _stop.Dispose();
        }

        public void Dispose()
        {
            StopAsync().GetAwaiter().GetResult();
            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException ex)
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }

                    _options.OnError?.Invoke(ex);
                    continue;
                }

                int id = Interlocked.Increment(ref _connectionIds);
                Task task = ServeConnectionAsync(client);
                _connections[id] = task;
                _ = task.ContinueWith(_ => _connections.TryRemove(id, out Task? _), TaskScheduler.Default);
            }
        }

        private async Task ServeConnectionAsync(TcpClient client)
        {
            using (client)
            {
                bool admitted = Interlocked.Increment(ref _active) <= _options.MaxConnections;
                try
                {
                    client.NoDelay = true;
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    timeout.CancelAfter(_options.RequestTimeout);
                    NetworkStream stream = client.GetStream();
                    if (!admitted)
                    {
                        await WriteResponseAsync(stream, 503, "Service Unavailable", "text/plain; charset=utf-8", "busy, retry\n", false, null, timeout.Token).ConfigureAwait(false);
                        return;
                    }

                    RequestHead? request = await ReadHeadAsync(stream, timeout.Token).ConfigureAwait(false);
                    if (request == null)
                    {
                        return;
                    }

                    await RespondAsync(stream, request, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Timed out or stopping: just close.
                }
                catch (IOException ex)
                {
                    _options.OnError?.Invoke(ex);
                }
                catch (SocketException ex)
                {
                    _options.OnError?.Invoke(ex);
                }
                finally
                {
                    Interlocked.Decrement(ref _active);
                }
            }
        }

        private async Task RespondAsync(NetworkStream stream, RequestHead request, CancellationToken token)
        {
            if (request.Malformed)
            {
                await WriteResponseAsync(stream, request.TooLarge ? 431 : 400, request.TooLarge ? "Request Header Fields Too Large" : "Bad Request",
                    "text/plain; charset=utf-8", request.TooLarge ? "request head too large\n" : "malformed request\n", false, null, token).ConfigureAwait(false);
                return;
            }

            bool head = request.Method == "HEAD";
            if (request.Method != "GET" && !head)
            {
                await WriteResponseAsync(stream, 405, "Method Not Allowed", "text/plain; charset=utf-8", "only GET and HEAD\n", false,
                    "Allow: GET, HEAD\r\n", token).ConfigureAwait(false);
                return;
            }

            string path = request.Target;
            int query = path.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                path = path.Substring(0, query);
            }

            switch (path)
            {
                case "/healthz":
                    await WriteResponseAsync(stream, 200, "OK", "text/plain; charset=utf-8", "ok\n", head, null, token).ConfigureAwait(false);
                    return;
                case "/":
                case "/index.html":
                case StatusRenderer.JsonPath:
                    break;
                default:
                    await WriteResponseAsync(stream, 404, "Not Found", "text/plain; charset=utf-8", "not found: " + path + "\n", head, null, token).ConfigureAwait(false);
                    return;
            }

            StatusLanguage language = StatusRenderer.LanguageFor(request.Target, request.AcceptLanguage);
            string body;
            try
            {
                StatusSnapshot snapshot = _provider() ?? new StatusSnapshot();
                var sb = new StringBuilder(8192);
                if (path == StatusRenderer.JsonPath)
                {
                    StatusRenderer.WriteJson(sb, snapshot);
                }
                else
                {
                    StatusRenderer.WriteHtml(sb, snapshot, language);
                }

                body = sb.ToString();
            }
#pragma warning disable CA1031 // a failing provider must not take the server down; the operator sees a 500 and the log the cause
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _options.OnError?.Invoke(ex);
                await WriteResponseAsync(stream, 500, "Internal Server Error", "text/plain; charset=utf-8", "status unavailable\n", head, null, token).ConfigureAwait(false);
                return;
            }

            if (path == StatusRenderer.JsonPath)
            {
                await WriteResponseAsync(stream, 200, "OK", "application/json; charset=utf-8", body, head, null, token).ConfigureAwait(false);
            }
            else
            {
                await WriteResponseAsync(stream, 200, "OK", "text/html; charset=utf-8", body, head,
                    "Content-Security-Policy: " + PagePolicy + "\r\nContent-Language: " + (language == StatusLanguage.English ? "en" : "zh-CN") + "\r\nVary: Accept-Language\r\n",
                    token).ConfigureAwait(false);
            }
        }

        private static async Task WriteResponseAsync(Stream stream, int status, string reason, string contentType, string body, bool headOnly,
            string? extraHeaders, CancellationToken token)
        {
            byte[] payload = Utf8.GetBytes(body);
            string headText = "HTTP/1.1 " + status.ToString(CultureInfo.InvariantCulture) + " " + reason + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + payload.Length.ToString(CultureInfo.InvariantCulture) + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + (extraHeaders ?? string.Empty)
                + "Connection: close\r\n\r\n";
            byte[] headBytes = Encoding.ASCII.GetBytes(headText);
            await stream.WriteAsync(headBytes, token).ConfigureAwait(false);
            if (!headOnly)
            {
                await stream.WriteAsync(payload, token).ConfigureAwait(false);
            }

            await stream.FlushAsync(token).ConfigureAwait(false);
        }

        /// <summary>Reads up to the blank line that ends the request head; null when the client closed without sending one.</summary>
        private static async Task<RequestHead?> ReadHeadAsync(NetworkStream stream, CancellationToken token)
        {
            byte[] buffer = new byte[MaxHeadBytes];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    return RequestHead.Bad(tooLarge: true);
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                int searchFrom = Math.Max(0, length - 3);
                length += read;
                int end = IndexOfHeadEnd(buffer, searchFrom, length);
                if (end >= 0)
                {
                    return RequestHead.Parse(Encoding.Latin1.GetString(buffer, 0, end));
                }
            }
        }

        private static int IndexOfHeadEnd(byte[] buffer, int from, int length)
        {
            for (int i = from; i + 3 < length; i++)
            {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private sealed class RequestHead
        {
            public string Method { get; private init; } = string.Empty;

            public string Target { get; private init; } = "/";

            public string? AcceptLanguage { get; private init; }

            public bool Malformed { get; private init; }

            public bool TooLarge { get; private init; }

            public static RequestHead Bad(bool tooLarge) => new() { Malformed = true, TooLarge = tooLarge };

            public static RequestHead Parse(string head)
            {
                string[] lines = head.Split("\r\n");
                string[] parts = lines[0].Split(' ');
                if (parts.Length != 3 || parts[0].Length == 0 || !parts[1].StartsWith('/') || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
                {
                    return Bad(tooLarge: false);
                }

                string? acceptLanguage = null;
                for (int i = 1; i < lines.Length; i++)
                {
                    int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0 && lines[i].AsSpan(0, colon).Trim().Equals("Accept-Language", StringComparison.OrdinalIgnoreCase))
                    {
                        acceptLanguage = lines[i].Substring(colon + 1).Trim();
                    }
                }

                return new RequestHead { Method = parts[0], Target = parts[1], AcceptLanguage = acceptLanguage };
            }
        }
    }
}
