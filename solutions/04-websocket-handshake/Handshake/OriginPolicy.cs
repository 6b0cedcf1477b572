namespace WebSocketHandshake.Handshake;

/// <summary>
/// Which browser pages may open a WebSocket here (RFC 6455 §10.2, https://www.rfc-editor.org/rfc/rfc6455#section-10.2).
/// </summary>
/// <remarks>
/// The same-origin policy does not cover WebSockets: any page, on any site, can open <c>ws://127.0.0.1:5004/ws</c>, and
/// the browser sends the user's cookies with it. Only the server can refuse, and the <c>Origin</c> header, which a browser
/// always sends and a page cannot change, tells it which site the page comes from. Without this check a foreign page
/// could talk to the server as the user: cross-site WebSocket hijacking.
/// </remarks>
public static class OriginPolicy
{
    /// <summary>
    /// True when a page from <paramref name="origin"/> may open a WebSocket on the server at <paramref name="scheme"/>://<paramref name="host"/>.
    /// </summary>
    /// <param name="origin">The request's <c>Origin</c> header, or null when it has none.</param>
    /// <param name="allowedOrigins">Other origins let in besides the server's own (<c>WebSocket:AllowedOrigins</c>).</param>
    public static bool IsAllowed(string? origin, string scheme, string host, IReadOnlyCollection<string> allowedOrigins)
    {
        // BEGIN TODO 3: Let in the page's own origin, the allowed origins, and clients that send no Origin at all.
        //   No Origin header (curl, ClientWebSocket: not a browser) -> allowed.
        //   The server's own origin is scheme://host of the request itself; SameOrigin (below) compares two origins.
        //   Anything else, "null" (a sandboxed page) and garbage included -> not allowed.
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }
        return SameOrigin(origin, $"{scheme}://{host}")
            || allowedOrigins.Any(allowed => SameOrigin(origin, allowed));
        // END TODO
    }

    /// <summary>
    /// True when two texts name the same origin: scheme, host and port, without case and with the default port filled
    /// in (<c>HTTP://LocalHost</c> is <c>http://localhost:80</c>). Anything that is not an http or https origin,
    /// <c>null</c> (what a sandboxed page sends) included, is the same as nothing.
    /// </summary>
    public static bool SameOrigin(string a, string b) =>
        TryParse(a, out var first) && TryParse(b, out var second)
        && string.Equals(first.Scheme, second.Scheme, StringComparison.Ordinal)
        && string.Equals(first.IdnHost, second.IdnHost, StringComparison.OrdinalIgnoreCase)
        && first.Port == second.Port;

    private static bool TryParse(string text, out Uri origin) =>
        Uri.TryCreate(text, UriKind.Absolute, out origin!) && origin.Scheme is "http" or "https";
}
