using System;
using System.Net;
using nanoFramework.WebServer;

namespace EdgeGateway.Firmware.Nano.Adapters
{
    /// <summary>Returns the current status as a JSON document (built by the caller without reflection).</summary>
    public delegate string StatusJsonProvider();

    /// <summary>
    /// The local status page for boiler operators: GET /api/status serves the provider's JSON, GET / a tiny page
    /// that fetches it. It runs on the device's own HTTP server, independent of the uplink. The real status model
    /// (efficiency, limits, sensor health in Chinese and English) arrives with issue 4; this adapter only serves it.
    /// </summary>
    public sealed class StatusWebServer : IDisposable
    {
        private const string Page =
            "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>网关状态 Gateway status</title></head>"
            + "<body><h1>网关状态 Gateway status</h1><pre id=\"s\">…</pre><script>"
            + "fetch('/api/status').then(function(r){return r.text();}).then(function(t){document.getElementById('s').textContent=t;});"
            + "</script></body></html>";

        private readonly StatusJsonProvider _provider;
        private readonly WebServer _server;

        public StatusWebServer(int port, StatusJsonProvider provider)
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
            if (url == "/api/status")
            {
                string json;
                try
                {
                    json = _provider();
                }
                catch (Exception)
                {
                    // The exception text may hold quotes or paths; the page only needs to know there is no status.
                    response.StatusCode = (int)HttpStatusCode.InternalServerError;
                    response.ContentType = "application/json";
                    WebServer.OutputAsStream(response, "{\"error\":\"status unavailable\"}");
                    return;
                }

                response.ContentType = "application/json";
                WebServer.OutputAsStream(response, json);
            }
            else if (url == "/" || url == "/index.html")
            {
                response.ContentType = "text/html; charset=utf-8";
                WebServer.OutputAsStream(response, Page);
            }
            else
            {
                WebServer.OutputHttpCode(response, HttpStatusCode.NotFound);
            }
        }
    }
}
