namespace BroadcastChat.Chat;

/// <summary>
/// Which browser pages may open the chat (RFC 6455 §10.2, https://www.rfc-editor.org/rfc/rfc6455#section-10.2).
/// </summary>
/// <remarks>
/// Step 04 wrote this check by hand; it stays the same here, because UseWebSockets does not check the Origin for you.
/// Any page on any site can open <c>ws://127.0.0.1:5005/chat</c>, and only the server can refuse it: the <c>Origin</c>
/// header, which a browser always sends and a page cannot change, says which site the page comes from.
/// </remarks>
public static class OriginPolicy
{
    /// <summary>
    /// True when a page from <paramref name="origin"/> may open the chat on the server at
    /// <paramref name="scheme"/>://<paramref name="host"/>: its own pages, the allowed origins, and clients that send no
    /// Origin at all (curl, ClientWebSocket: not browsers).
    /// </summary>
    public static bool IsAllowed(string? origin, string scheme, string host, IReadOnlyCollection<string> allowedOrigins) =>
        string.IsNullOrEmpty(origin)
        || SameOrigin(origin, $"{scheme}://{host}")
        || allowedOrigins.Any(allowed => SameOrigin(origin, allowed));

    /// <summary>True when the text is an http or https origin with nothing after the port: what a browser sends.</summary>
    public static bool IsOrigin(string text) =>
        TryParse(text, out var origin) && origin.AbsolutePath == "/" && !text.EndsWith('/') && origin.Query.Length == 0;

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
