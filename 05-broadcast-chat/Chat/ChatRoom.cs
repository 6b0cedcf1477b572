using System.Net.WebSockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace BroadcastChat.Chat;

/// <summary>
/// Everyone connected to the chat, and the order of what happens in it. One lock decides that order: a message gets
/// its id and lands in every client's queue before the next message gets its own, so every client receives the same
/// sequence. Inside the lock nothing waits: queueing never blocks, and the sending happens in each client's own loop.
/// </summary>
public sealed class ChatRoom(IOptions<ChatOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly History _history = new(options.Value.HistoryLength);
    private ChatClient[] _clients = [];
    private long _lastId;
    private int _lastUser;

    /// <summary>Tells this run of the server from the next: message ids start again at 1 when it restarts.</summary>
    public string ServerId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>How many clients are connected now.</summary>
    public int Count => Volatile.Read(ref _clients).Length;

    /// <summary>The id of the next connection: <c>u1</c>, <c>u2</c>, ... for as long as the server runs.</summary>
    public string NextUserId() => "u" + Interlocked.Increment(ref _lastUser);

    /// <summary>
    /// Adds <paramref name="newcomer"/> to the room: its welcome, the messages it missed, then its presence, all in its
    /// own queue; the others hear that it joined.
    /// </summary>
    public void Join(ChatClient newcomer, JoinRequest request)
    {
        // TODO 3: Keep the registry of connected clients: join, leave, and send one message to everyone.
        //   Join, under _gate: add the newcomer to _clients (a new array: a reader may still hold the old one); queue
        //     its welcome (Welcome: a greeting, its user, everyone online, _lastId, ServerId), then the kept messages it
        //     missed (_history.After(request.CatchUpAfter(ServerId))); then Joined to everyone else, Presence to everyone.
        //   Leave, under _gate: if the client is still in _clients, take it out; then Left and Presence to the others.
        //   SendToAll queues the same bytes in every client's Outbox (TryEnqueue), skipping one client if asked.
        //   Encode each message once (ChatJson.Encode): everyone gets the same bytes.
        throw new NotImplementedException("TODO 3: Keep the registry of connected clients: join, leave, and send one message to everyone.");
    }

    /// <summary>Takes <paramref name="client"/> out of the room, once, and tells the others.</summary>
    public void Leave(ChatClient client)
    {
        // TODO 3: Keep the registry of connected clients: join, leave, and send one message to everyone.
        throw new NotImplementedException("TODO 3: Keep the registry of connected clients: join, leave, and send one message to everyone.");
    }

    /// <summary>
    /// Queues <paramref name="message"/> for every client but <paramref name="except"/>. Called under the lock; never
    /// waits: a client whose queue is full is closed by its outbox, and the others go on.
    /// </summary>
    private void SendToAll(ReadOnlyMemory<byte> message, ChatClient? except = null)
    {
        // TODO 3: Keep the registry of connected clients: join, leave, and send one message to everyone.
        throw new NotImplementedException("TODO 3: Keep the registry of connected clients: join, leave, and send one message to everyone.");
    }

    /// <summary>Numbers a chat message from <paramref name="sender"/> and queues it for everyone, the sender too.</summary>
    public void Broadcast(ChatClient sender, string text)
    {
        // TODO 5: Broadcast a chat message: numbered, encoded once, kept for catch-up, queued for everyone.
        //   Under _gate, so that ids and the order in every queue agree: the next id (++_lastId), a ChatMessage from
        //   sender.User with the text and the clock's time (clock.GetUtcNow()), encoded once (ChatJson.Encode), added to
        //   _history, and sent to everyone with SendToAll: the sender too, which is how its page learns the message was
        //   accepted, and where it stands in the order.
        throw new NotImplementedException("TODO 5: Broadcast a chat message: numbered, encoded once, kept for catch-up, queued for everyone.");
    }

    /// <summary>Gives <paramref name="client"/> a new nickname and tells everyone, in order with the messages.</summary>
    public void Rename(ChatClient client, string nickname)
    {
        lock (_gate)
        {
            var previous = client.Nickname;
            client.Nickname = nickname;
            SendToAll(ChatJson.Encode(new Renamed(client.User, previous)));
        }
    }

    /// <summary>
    /// Closes every client with <paramref name="status"/>, after what is already queued for it: the server is going
    /// away (1001), and each page hears it from the server instead of finding a dead connection.
    /// </summary>
    public void CloseAll(WebSocketCloseStatus status, string reason)
    {
        foreach (var client in Volatile.Read(ref _clients))
        {
            client.Outbox.Close(status, reason, dropQueued: false);
        }
    }
}
