using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using WebSocketHandshake.Connection;

namespace WebSocketHandshake.Handshake;

/// <summary>
/// The endpoint that turns an HTTP request into a WebSocket connection, by hand: it asks <see cref="Handshake"/> and
/// <see cref="OriginPolicy"/> whether to, then uses Kestrel's <see cref="IHttpUpgradeFeature"/> to send the 101 and take
/// over the TCP connection, as <c>UseWebSockets()</c> does under the hood.
/// </summary>
public static class WebSocketEndpoint
{
    public static IEndpointConventionBuilder MapWebSocketEndpoint(this IEndpointRouteBuilder app, string pattern) =>
        app.Map(pattern, HandleAsync);

    private static async Task HandleAsync(
        HttpContext context,
        IOptions<WebSocketSettings> options,
        TimeProvider time,
        OpenConnections open,
        IHostApplicationLifetime lifetime,
        ILogger<WebSocketConnection> logger)
    {
        var settings = options.Value;
        var request = UpgradeRequestFrom(context.Request);
        var peer = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        string accept;
        try
        {
            if (!Handshake.TryValidate(request, out var error))
            {
                await RefuseAsync(context, error, logger, peer);
                return;
            }
            if (!OriginPolicy.IsAllowed(request.Origin, request.Scheme, request.Host, settings.AllowedOrigins))
            {
                await RefuseAsync(context, new HandshakeError(StatusCodes.Status403Forbidden,
                    $"Pages from {request.Origin} may not open a WebSocket here."), logger, peer);
                return;
            }
            accept = Handshake.ComputeAcceptKey(request.Key!);
        }
        catch (NotImplementedException exception)
        {
            // A TODO of the lesson is not done yet: say which one, to the browser, curl or test that asked.
            await RefuseAsync(context, new HandshakeError(StatusCodes.Status500InternalServerError, exception.Message), logger, peer);
            return;
        }

        // HTTP/2 and HTTP/3 have no Upgrade (RFC 8441 does WebSockets there another way), and Kestrel upgrades only a
        // request without a body: what it cannot upgrade is refused here, before the 101.
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
        {
            await RefuseAsync(context, new HandshakeError(StatusCodes.Status400BadRequest,
                "This request cannot be upgraded: only an HTTP/1.1 request without a body can."), logger, peer);
            return;
        }

        // RFC 6455 §4.2.2: "HTTP/1.1 101 Switching Protocols", Upgrade, Connection, and the proof that the server read the key.
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers["Sec-WebSocket-Accept"] = accept;
        var stream = await upgrade.UpgradeAsync();
        logger.LogInformation("{Peer} opened a WebSocket (Origin: {Origin})", peer, request.Origin ?? "none");

        // From here on the TCP connection carries frames, until the client or the server closes it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        open.Opened();
        try
        {
            await new WebSocketConnection(stream, settings, time, logger, peer).RunAsync(stopping.Token);
        }
        finally
        {
            open.Closed();
        }
    }

    private static UpgradeRequest UpgradeRequestFrom(HttpRequest request)
    {
        var headers = request.Headers;
        return new UpgradeRequest(
            request.Method,
            request.Scheme,
            request.Host.Value ?? "",
            NullIfMissing(headers.Upgrade),
            NullIfMissing(headers.Connection),
            NullIfMissing(headers.SecWebSocketVersion),
            NullIfMissing(headers.SecWebSocketKey),
            NullIfMissing(headers.Origin));

        // A header sent several times arrives as its values joined with commas, as HTTP allows (RFC 9110 §5.3).
        static string? NullIfMissing(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : values.ToString();
    }

    /// <summary>
    /// A refusal in one line of text; a 426 also says which version the server speaks (RFC 6455 §4.4). The connection
    /// closes after it: a client whose handshake failed has nothing more to ask on it.
    /// </summary>
    private static async Task RefuseAsync(HttpContext context, HandshakeError error, ILogger logger, string peer)
    {
        logger.LogInformation("{Peer} {Method} {Path} -> {Status}: {Reason}", peer, context.Request.Method, context.Request.Path, error.StatusCode, error.Reason);
        context.Response.StatusCode = error.StatusCode;
        if (error.StatusCode == StatusCodes.Status426UpgradeRequired)
        {
            context.Response.Headers.SecWebSocketVersion = Handshake.SupportedVersion;
        }
        context.Response.Headers.Connection = "close";
        context.Response.ContentType = "text/plain; charset=utf-8";
        var body = System.Text.Encoding.UTF8.GetBytes(error.Reason + "\n");
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
