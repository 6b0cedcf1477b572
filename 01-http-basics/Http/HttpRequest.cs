namespace HttpBasics.Http;

/// <summary>The three parts of a request line: <c>GET /hello?name=Ana HTTP/1.1</c>.</summary>
/// <param name="Method">The method, such as <c>GET</c>, exactly as sent (methods are case-sensitive).</param>
/// <param name="Path">The target up to the <c>?</c>, such as <c>/hello</c>.</param>
/// <param name="Query">The target after the <c>?</c>, without it, such as <c>name=Ana</c>; empty when there is none.</param>
/// <param name="Version">The protocol version, such as <c>HTTP/1.1</c>.</param>
public sealed record RequestLine(string Method, string Path, string Query, string Version);

/// <summary>A whole request: its request line, its header fields and its body.</summary>
public sealed record HttpRequest(RequestLine Line, HttpHeaders Headers)
{
    /// <summary>The body, exactly <c>Content-Length</c> bytes; empty when the request has none.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>The request line and header lines as they arrived, for the page that shows them back.</summary>
    public string RawHead { get; init; } = "";

    public string Method => Line.Method;
    public string Path => Line.Path;
    public string Query => Line.Query;
}
