using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Firmware.Linux.Status;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Gateway.Tests.Status;

/// <summary>The Linux status server over real HTTP on 127.0.0.1 (a free port picked by the system).</summary>
public sealed class StatusHttpServerTests : IAsyncLifetime
{
    private StatusSnapshot current = StatusSamples.BoilerRoom();
    private StatusHttpServer server = null!;
    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        server = new StatusHttpServer(() => Volatile.Read(ref current), new StatusHttpServerOptions { BindAddress = "127.0.0.1", Port = 0, MaxConnections = 64 });
        server.Start();
        http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Root_serves_the_chinese_page_by_default()
    {
        using HttpResponseMessage r = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", r.Content.Headers.ContentType.CharSet);
        Assert.Contains("default-src 'none'", string.Join(";", r.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        string body = await r.Content.ReadAsStringAsync();
        Assert.Contains("热效率", body, StringComparison.Ordinal);
        Assert.Contains("1号燃气蒸汽锅炉", body, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), r.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Language_follows_the_query_and_accept_language()
    {
        Assert.Contains("Thermal efficiency", await http.GetStringAsync("/?lang=en"), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        using HttpResponseMessage r = await http.SendAsync(request);
        string body = await r.Content.ReadAsStringAsync();
        Assert.Contains("Thermal efficiency", body, StringComparison.Ordinal);
        Assert.Equal("en", r.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task Status_json_is_the_snapshot()
    {
        using HttpResponseMessage r = await http.GetAsync("/status.json");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/json", r.Content.Headers.ContentType!.MediaType);
        using JsonDocument doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal("egw-0042", doc.RootElement.GetProperty("gateway").GetProperty("deviceId").GetString());
        Assert.Equal(1234, doc.RootElement.GetProperty("uplink").GetProperty("backlogRecords").GetInt64());
        Assert.Equal(3, doc.RootElement.GetProperty("equipment").GetArrayLength());
    }

    [Fact]
    public async Task Healthz_answers_ok()
    {
        using HttpResponseMessage r = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("ok\n", await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/status.json/x")]
    [InlineData("/../etc/passwd")]
    public async Task Unknown_paths_are_404(string path)
    {
        using HttpResponseMessage r = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_405_and_head_has_no_body()
    {
        using HttpResponseMessage post = await http.PostAsync("/", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("GET", post.Content.Headers.Allow);

        using var head = new HttpRequestMessage(HttpMethod.Head, "/status.json");
        using HttpResponseMessage r = await http.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True(r.Content.Headers.ContentLength > 100);
        Assert.Empty(await r.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Concurrent_requests_all_get_complete_answers()
    {
        string[] paths = ["/", "/status.json", "/healthz", "/?lang=en"];
        Task<string>[] requests = Enumerable.Range(0, 48).Select(i => http.GetStringAsync(paths[i % paths.Length])).ToArray();
        string[] bodies = await Task.WhenAll(requests);
        for (int i = 0; i < bodies.Length; i++)
        {
            switch (paths[i % paths.Length])
            {
                case "/status.json":
                    using (JsonDocument doc = JsonDocument.Parse(bodies[i]))
                    {
                        Assert.Equal(3, doc.RootElement.GetProperty("equipment").GetArrayLength());
                    }

                    break;
                case "/healthz":
                    Assert.Equal("ok\n", bodies[i]);
                    break;
                default:
                    Assert.EndsWith("</html>", bodies[i], StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Fact]
    public async Task A_changed_snapshot_is_served_on_the_next_request()
    {
        Assert.Contains("\"efficiencyPercent\":91.34", await http.GetStringAsync("/status.json"), StringComparison.Ordinal);

        StatusSnapshot next = StatusSamples.BoilerRoom();
        next.Equipment[0].EfficiencyPercent = 87.65;
        next.Uplink.State = UplinkState.Replaying;
        next.Uplink.BacklogRecords = 17;
        Volatile.Write(ref current, next);

        using JsonDocument doc = JsonDocument.Parse(await http.GetStringAsync("/status.json"));
        Assert.Equal(87.65, doc.RootElement.GetProperty("equipment")[0].GetProperty("efficiencyPercent").GetDouble());
        Assert.Equal("replaying", doc.RootElement.GetProperty("uplink").GetProperty("state").GetString());
        Assert.Contains("正在补传", await http.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_provider_gives_500_and_the_server_keeps_serving()
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        await using var failing = new StatusHttpServer(() => throw new InvalidOperationException("runtime not ready"),
            new StatusHttpServerOptions { BindAddress = "127.0.0.1", Port = 0, OnError = errors.Enqueue });
        failing.Start();
        using var client = new HttpClient { BaseAddress = failing.BaseAddress };

        using HttpResponseMessage r = await client.GetAsync("/status.json");
        Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode);
        Assert.DoesNotContain("runtime not ready", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(errors, e => e.Message == "runtime not ready");
        Assert.Equal("ok\n", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Connections_beyond_the_limit_get_503_not_a_hang()
    {
        await using var limited = new StatusHttpServer(() => current,
            new StatusHttpServerOptions { BindAddress = "127.0.0.1", Port = 0, MaxConnections = 1, RequestTimeout = TimeSpan.FromSeconds(30) });
        limited.Start();

        // An idle connection holds the only slot (it never sends a request).
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, limited.Port);
        using var client = new HttpClient { BaseAddress = limited.BaseAddress };
        using HttpResponseMessage r = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);

        idle.Close();
        // Once the slot is free again the server answers normally (retry: the close reaches the server asynchronously).
        HttpStatusCode status = HttpStatusCode.ServiceUnavailable;
        for (int attempt = 0; attempt < 200 && status != HttpStatusCode.OK; attempt++)
        {
            using HttpResponseMessage again = await client.GetAsync("/healthz");
            status = again.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(25);
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_request_timeout()
    {
        await using var s = new StatusHttpServer(() => current,
            new StatusHttpServerOptions { BindAddress = "127.0.0.1", Port = 0, RequestTimeout = TimeSpan.FromMilliseconds(200) });
        s.Start();
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, s.Port);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read = await idle.GetStream().ReadAsync(new byte[16], cancel.Token);
        Assert.Equal(0, read); // closed by the server, without an answer
    }

    [Fact]
    public async Task A_malformed_request_gets_400()
    {
        using var raw = new TcpClient();
        await raw.ConnectAsync(IPAddress.Loopback, server.Port);
        NetworkStream stream = raw.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("NONSENSE\r\n\r\n"));
        using var reader = new System.IO.StreamReader(stream, Encoding.ASCII);
        string? statusLine = await reader.ReadLineAsync();
        Assert.Equal("HTTP/1.1 400 Bad Request", statusLine);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("300.1.1.1")]
    [InlineData("")]
    public void A_bad_bind_address_is_an_input_error_naming_the_field(string address)
    {
        var ex = Assert.Throws<InputException>(() => new StatusHttpServer(() => current, new StatusHttpServerOptions { BindAddress = address }));
        Assert.Equal("status.bindAddress", ex.Field);
        Assert.Contains("0.0.0.0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_port_is_an_input_error()
    {
        var ex = Assert.Throws<InputException>(() => new StatusHttpServer(() => current, new StatusHttpServerOptions { BindAddress = "127.0.0.1", Port = 70000 }));
        Assert.Equal("status.port", ex.Field);
    }

    [Fact]
    public void The_default_binds_every_interface_on_port_8080()
    {
        var options = new StatusHttpServerOptions();
        Assert.Equal("0.0.0.0", options.BindAddress);
        Assert.Equal(8080, options.Port);
    }
}
