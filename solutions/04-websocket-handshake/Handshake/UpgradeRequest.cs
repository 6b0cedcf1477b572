namespace WebSocketHandshake.Handshake;

/// <summary>
/// What the handshake needs from an HTTP request, as plain strings: the code that judges it needs no server to be tested.
/// A header the client did not send is null; a header sent several times is its values joined with commas.
/// </summary>
/// <param name="Method">The request method, such as <c>GET</c>.</param>
/// <param name="Scheme">The scheme the request came in on: <c>http</c> or <c>https</c>.</param>
/// <param name="Host">The <c>Host</c> header: where the client thinks it is, such as <c>127.0.0.1:5004</c>.</param>
public sealed record UpgradeRequest(
    string Method,
    string Scheme,
    string Host,
    string? Upgrade,
    string? Connection,
    string? Version,
    string? Key,
    string? Origin);
