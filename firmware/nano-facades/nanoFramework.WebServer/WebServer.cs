// Reference facade (compile-only). Mirrors github.com/nanoframework/nanoFramework.WebServer, tag v1.2.150, upstream files nanoFramework.WebServer/{WebServer,WebServerEventArgs,HttpProtocol}.cs;
// NuGet package nanoFramework.WebServer 1.2.150 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
using System;
using System.Net;

namespace nanoFramework.WebServer
{
    public enum HttpProtocol
    {
        Http,
        Https
    }

    public class WebServerEventArgs
    {
        public WebServerEventArgs(HttpListenerContext context) => throw null;
        public HttpListenerContext Context { get => throw null; protected set => throw null; }
    }

    public class WebServer : IDisposable
    {
        public const char ParamSeparator = '&';
        public const char ParamStart = '?';
        public const char ParamEqual = '=';
        public int Port { get => throw null; protected set => throw null; }
        public HttpProtocol Protocol { get => throw null; protected set => throw null; }
        public bool IsRunning => throw null;
        public WebServer(int port, HttpProtocol protocol) => throw null;
        public WebServer(int port, HttpProtocol protocol, IPAddress address) => throw null;
        public WebServer(int port, HttpProtocol protocol, Type[] controllers) => throw null;
        public WebServer(int port, HttpProtocol protocol, IPAddress address, Type[] controllers) => throw null;
        public delegate void GetRequestHandler(object obj, WebServerEventArgs e);
        public event GetRequestHandler CommandReceived;
        public bool Start() => throw null;
        public void Stop() => throw null;
        public static void OutPutStream(HttpListenerResponse response, string strResponse) => throw null;
        public static void OutputAsStream(HttpListenerResponse response, string content) => throw null;
        public static void OutputHttpCode(HttpListenerResponse response, HttpStatusCode code) => throw null;
        public void Dispose() => throw null;
    }
}
