using System;
using System.Net;
using EdgeGateway.Firmware.Core.Status;
using nanoFramework.WebServer;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>
    /// The operators' local status page on nanoFramework.WebServer, rendered by the portable
    /// <see cref="StatusRenderer"/> (the same bytes the Linux gateway serves). Routes, compared without the query
    /// string: GET / (HTML; language from ?lang=zh|en, else Accept-Language, else Chinese), GET /status.json,
    /// GET /healthz; 404 elsewhere, 405 for other methods. It only asks the provider for a snapshot, so it keeps
    /// serving while the uplink or the runtime is down. One renderer buffer (16 KB, kept between requests) serves
    /// every request under the renderer's lock, so pages do not fragment the heap.
    /// </summary>
    public sealed class StatusWebServer : IDisposable
    {
        private readonly StatusSnapshotProvider _provider;
        private readonly StatusRenderer _renderer = new StatusRenderer(16384);
        private readonly WebServer _server;

        public StatusWebServer(int port, StatusSnapshotProvider provider)
        {
            _provider = provider;
            _server = new WebServer(port, HttpProtocol.Http);
            _server.CommandReceived += OnRequest;
        }

        public bool Start()
        {
            return _server.Start();
        }

        public void Dispose()
        {
            _server.Stop();
            _server.Dispose();
        }

        private void OnRequest(object sender, WebServerEventArgs e)
        {
            HttpListenerRequest request = e.Context.Request;
            HttpListenerResponse response = e.Context.Response;
            if (request.HttpMethod != "GET")
            {
                WebServer.OutputHttpCode(response, HttpStatusCode.MethodNotAllowed);
                return;
            }

            string url = request.RawUrl;
            int query = url.IndexOf('?');
            string path = query < 0 ? url : url.Substring(0, query);
            if (path == "/healthz")
            {
                response.ContentType = "text/plain; charset=utf-8";
                WebServer.OutputAsStream(response, "ok\n");
                return;
            }

            bool json = path == StatusRenderer.JsonPath;
            if (!json && path != "/" && path != "/index.html")
            {
                WebServer.OutputHttpCode(response, HttpStatusCode.NotFound);
                return;
            }

            string body;
            try
            {
                StatusSnapshot snapshot = _provider();
                if (json)
                {
                    body = _renderer.RenderJson(snapshot);
                }
                else
                {
                    WebHeaderCollection headers = request.Headers;
                    body = _renderer.RenderHtml(snapshot, StatusRenderer.LanguageFor(url, headers == null ? null : headers["Accept-Language"]));
                }
            }
            catch (Exception)
            {
                // The page only needs to know there is no status; the cause is in the runtime's error count.
                WebServer.OutputHttpCode(response, HttpStatusCode.InternalServerError);
                return;
            }

            response.ContentType = json ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
            WebServer.OutputAsStream(response, body);
        }
    }
}
