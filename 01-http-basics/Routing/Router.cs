using HttpBasics.Http;

namespace HttpBasics.Routing;

/// <summary>
/// Decides what each request gets. HTTP is stateless: the answer depends on this request alone,
/// never on one that came before it.
/// </summary>
public static class Router
{
    /// <summary>
    /// <list type="table">
    /// <item><term>GET /</term><description>200, an HTML page that shows the request the browser sent</description></item>
    /// <item><term>GET /hello?name=Ana</term><description>200, <c>Hello, Ana!</c> in plain text (<c>world</c> without a name)</description></item>
    /// <item><term>POST /echo</term><description>200, the request's body with the request's Content-Type</description></item>
    /// <item><term>HEAD</term><description>as GET; the writer leaves the body out</description></item>
    /// <item><term>other paths</term><description>404; a known path with another method, 405 with <c>Allow</c></description></item>
    /// </list>
    /// </summary>
    public static HttpResponse Route(HttpRequest request)
    {
        // TODO 6: Answer each route, 404 for an unknown path, 405 with an Allow header for a wrong method.
        //   HEAD is allowed wherever GET is. POST /echo answers with the request's Content-Type,
        //   or application/octet-stream when the request has none.
        throw new NotImplementedException("TODO 6: Answer each route, 404 for an unknown path, 405 with an Allow header for a wrong method.");
    }

    /// <summary>
    /// The decoded value of the first <paramref name="name"/> in a query such as <c>name=Ana%20Mar%C3%ADa&amp;x=1</c>,
    /// or null when it is absent or empty. Percent-escapes are UTF-8 bytes and <c>+</c> is a space, as browsers send forms.
    /// </summary>
    public static string? QueryValue(string query, string name)
    {
        // TODO 7: Find name=value in the query and percent-decode the value ("Ana%20Mar%C3%ADa" -> "Ana María").
        throw new NotImplementedException("TODO 7: Find name=value in the query and percent-decode the value (\"Ana%20Mar%C3%ADa\" -> \"Ana María\").");
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static HttpResponse Echo(HttpRequest request)
    {
        var contentType = request.Headers.GetValues("Content-Type").FirstOrDefault() ?? "application/octet-stream";
        return new HttpResponse(200, contentType, request.Body);
    }

    private static HttpResponse MethodNotAllowed(HttpRequest request, string allow) =>
        HttpResponse.FromError(new HttpError(405, $"'{request.Path}' does not answer {request.Method}; it answers {allow}."))
            with { ExtraHeaders = [new("Allow", allow)] };
}
