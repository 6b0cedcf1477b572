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
            // TODO 4: Read whole messages within the limits, and do what each one asks.
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
            throw new NotImplementedException("TODO 4: Read whole messages within the limits, and do what each one asks.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Does what one whole text message asks. False when it broke a limit and the connection is closing.</summary>
    private bool Handle(ChatClient client, ReadOnlySpan<byte> json)
    {
        // TODO 4: Read whole messages within the limits, and do what each one asks.
        throw new NotImplementedException("TODO 4: Read whole messages within the limits, and do what each one asks.");
    }

    /// <summary>Tells this client only what was wrong, in order with everything else it is sent.</summary>
    private static void SendError(ChatClient client, string code, string text) =>
        client.Outbox.TryEnqueue(ChatJson.Encode(new ChatError(code, text)));
}
