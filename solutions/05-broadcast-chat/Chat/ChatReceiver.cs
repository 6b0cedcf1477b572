using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BroadcastChat.Chat;

/// <summary>
/// Reads what one client sends and does what it asks: a chat message is broadcast, a rename renames. Anything else gets
/// an <c>error</c> message, to that client only; what breaks the chat's limits closes the connection.
/// </summary>
public sealed class ChatReceiver(ChatRoom room, IOptions<ChatOptions> options)
{
    private readonly ChatOptions _limits = options.Value;

    /// <summary>
    /// Receives whole messages from <paramref name="client"/> until it closes, breaks a limit, or vanishes (then the
    /// WebSocket throws). The buffer holds one message, one byte more than the limit: enough to tell a message of
    /// exactly the limit from one over it, whatever length the client claims.
    /// </summary>
    public async Task ReceiveAllAsync(ChatClient client, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_limits.MaxFrameBytes + 1);
        try
        {
            // BEGIN TODO 4: Read whole messages within the limits, and do what each one asks.
            //   A message may come in several frames: ReceiveAsync into buffer after what you already have, until
            //   EndOfMessage, or until you have more than _limits.MaxFrameBytes: then Close the client's Outbox with
            //   MessageTooBig (1009) and a reason, and stop reading.
            //   A Close message: the client is leaving; stop reading (the session answers it).
            //   A Binary message: InvalidMessageType (1003); this chat speaks JSON text. Then stop reading.
            //   A whole text message: Handle it; stop reading when Handle says the connection is over.
            //   Handle: deserialize with ChatJson.Default.ClientMessage (a JsonException, null or no type: the error
            //     invalid-json); "message": empty or white space -> empty-text, longer than _limits.MaxMessageLength ->
            //     Close with 1009, otherwise room.Broadcast the trimmed text; "rename": Nickname.TryNormalize, then
            //     room.Rename, or the error invalid-nickname with the problem; any other type -> unknown-type.
            //     An error goes to this client only, through its Outbox, and the client stays connected.
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await client.Socket.ReceiveAsync(buffer.AsMemory(length, _limits.MaxFrameBytes + 1 - length), cancellationToken);
                    length += received.Count;
                }
                while (!received.EndOfMessage && length <= _limits.MaxFrameBytes);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                if (length > _limits.MaxFrameBytes)
                {
                    client.Outbox.Close(WebSocketCloseStatus.MessageTooBig, $"a message may have {_limits.MaxFrameBytes} bytes", dropQueued: true);
                    return;
                }
                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    client.Outbox.Close(WebSocketCloseStatus.InvalidMessageType, "this chat speaks JSON text, not binary", dropQueued: true);
                    return;
                }
                if (!Handle(client, buffer.AsSpan(0, length)))
                {
                    return;
                }
            }
            // END TODO
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Does what one whole text message asks. False when it broke a limit and the connection is closing.</summary>
    private bool Handle(ChatClient client, ReadOnlySpan<byte> json)
    {
        // BEGIN TODO 4: Read whole messages within the limits, and do what each one asks.
        ClientMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json, ChatJson.Default.ClientMessage);
        }
        catch (JsonException)
        {
            message = null;
        }
        switch (message)
        {
            case null or { Type: null }:
                SendError(client, ChatError.InvalidJson, """Send one JSON object with a "type", such as {"type":"message","text":"hola"}.""");
                return true;
            case { Type: ClientMessage.Message, Text: var text }:
                if (string.IsNullOrWhiteSpace(text))
                {
                    SendError(client, ChatError.EmptyText, "A message needs some text.");
                    return true;
                }
                if (text.Length > _limits.MaxMessageLength)
                {
                    client.Outbox.Close(WebSocketCloseStatus.MessageTooBig,
                        $"a message may have {_limits.MaxMessageLength} characters, not {text.Length}", dropQueued: true);
                    return false;
                }
                room.Broadcast(client, text.Trim());
                return true;
            case { Type: ClientMessage.Rename }:
                if (Nickname.TryNormalize(message.Nickname, out var nickname, out var problem))
                {
                    room.Rename(client, nickname);
                }
                else
                {
                    SendError(client, ChatError.InvalidNickname, problem);
                }
                return true;
            default:
                SendError(client, ChatError.UnknownType, $"""Unknown type "{message.Type}": send "message" or "rename".""");
                return true;
        }
        // END TODO
    }

    /// <summary>Tells this client only what was wrong, in order with everything else it is sent.</summary>
    private static void SendError(ChatClient client, string code, string text) =>
        client.Outbox.TryEnqueue(ChatJson.Encode(new ChatError(code, text)));
}
