using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace BroadcastChat.Chat;

/// <summary>The chat's WebSocket endpoint: who may open it, the upgrade, and then the conversation.</summary>
public static class ChatEndpoint
{
    public static IEndpointConventionBuilder MapChat(this IEndpointRouteBuilder app, string pattern) =>
        app.Map(pattern, HandleAsync);

    private static async Task HandleAsync(HttpContext context, ChatRoom room, ChatReceiver receiver, IOptions<ChatOptions> options,
        ILogger<ChatRoom> log)
    {
        var settings = options.Value;
        if (Refusal(context, settings) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        if (!JoinRequest.TryRead(context.Request.Query, out var request, out var problem))
        {
            await Results.Problem(title: "This chat cannot be opened with that address.", detail: problem,
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        using var socket = await AcceptAsync(context, settings);
        var id = room.NextUserId();
        var client = new ChatClient(id, request.Nickname ?? Nickname.ForGuest(id), socket, settings.OutboxCapacity);
        await ChatSession.RunAsync(client, room, receiver, request, log, context.RequestAborted);
    }

    /// <summary>The answer to a request that may not open the chat, or null when it may.</summary>
    public static IResult? Refusal(HttpContext context, ChatOptions settings)
    {
        // BEGIN TODO 1: Open the chat only to a WebSocket handshake from an allowed page; accept it with keep-alive.
        //   Refusal: not a WebSocket request (context.WebSockets.IsWebSocketRequest) -> a 400 problem that says /chat is
        //     a WebSocket endpoint; an Origin header that OriginPolicy.IsAllowed refuses -> a 403 problem naming it
        //     (scheme and host are the request's: context.Request.Scheme, context.Request.Host.Value). Else null.
        //   AcceptAsync: context.WebSockets.AcceptWebSocketAsync, with a WebSocketAcceptContext whose KeepAliveInterval
        //     and KeepAliveTimeout come from the settings: the server pings, and drops a client that stops answering.
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Results.Problem(title: "This is the chat's WebSocket endpoint.", statusCode: StatusCodes.Status400BadRequest,
                detail: "/chat is a WebSocket endpoint: open it with new WebSocket('ws://<host>/chat'), or open the chat's page at /.");
        }
        var origin = context.Request.Headers.Origin.ToString();
        if (!OriginPolicy.IsAllowed(origin, context.Request.Scheme, context.Request.Host.Value ?? "", settings.AllowedOrigins))
        {
            return Results.Problem(title: "Pages from that origin may not open this chat.", statusCode: StatusCodes.Status403Forbidden,
                detail: $"Origin {origin} is neither this server's own nor one of Chat:AllowedOrigins.");
        }
        return null;
        // END TODO
    }

    /// <summary>Completes the upgrade: the 101 answer, and from then on WebSocket frames.</summary>
    public static Task<WebSocket> AcceptAsync(HttpContext context, ChatOptions settings)
    {
        // BEGIN TODO 1: Open the chat only to a WebSocket handshake from an allowed page; accept it with keep-alive.
        return context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        });
        // END TODO
    }
}
