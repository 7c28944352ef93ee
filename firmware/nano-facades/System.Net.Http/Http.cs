// Reference facade (compile-only). Mirrors github.com/nanoframework/System.Net.Http, tag v1.5.209, upstream files nanoFramework.System.Net.Http/Http/System.Net.{HttpListenerContext,HttpListenerRequest,HttpListenerResponse,HttpStatusCode,WebHeaders}.cs (the Server package builds assembly System.Net.Http from these);
// NuGet package nanoFramework.System.Net.Http.Server 1.5.209 (its packages.config pins nanoFramework.CoreLibrary 1.17.11).
// Declares a subset of upstream's public surface (what the firmware uses, plus enums and base types), never a member
// upstream lacks. Bodies are placeholders, never executed. Internal constructors stand in where upstream's public
// constructors are not mirrored, so the compiler does not invent a public default one.
using System.IO;

namespace System.Net
{
    public enum HttpStatusCode
    {
        OK = 200,
        BadRequest = 400,
        NotFound = 404,
        MethodNotAllowed = 405,
        InternalServerError = 500,
        ServiceUnavailable = 503,
    }

    public class HttpListenerContext
    {
        internal HttpListenerContext() => throw null;
        public HttpListenerRequest Request => throw null;
        public HttpListenerResponse Response => throw null;
        public void Close() => throw null;
    }

    public class HttpListenerRequest
    {
        internal HttpListenerRequest() => throw null;
        public string HttpMethod => throw null;
        public string RawUrl => throw null;
        public string ContentType => throw null;
        public long ContentLength64 => throw null;
        public WebHeaderCollection Headers => throw null;
    }

    public class WebHeaderCollection
    {
        public WebHeaderCollection() => throw null;
        public string this[string header] => throw null;
        public int Count => throw null;
    }

    public sealed class HttpListenerResponse : IDisposable
    {
        internal HttpListenerResponse() => throw null;
        public int StatusCode { get => throw null; set => throw null; }
        public long ContentLength64 { get => throw null; set => throw null; }
        public bool KeepAlive { get => throw null; set => throw null; }
        public Stream OutputStream => throw null;
        public string ContentType { get => throw null; set => throw null; }
        public void Close() => throw null;
        void IDisposable.Dispose() => throw null;
    }
}
