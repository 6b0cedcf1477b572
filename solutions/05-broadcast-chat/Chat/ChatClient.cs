using System.Net.WebSockets;

namespace BroadcastChat.Chat;

/// <summary>One open chat page: its WebSocket, who it is, and its own queue of messages waiting to be sent to it.</summary>
public sealed class ChatClient(string id, string nickname, WebSocket socket, int outboxCapacity)
{
    public string Id { get; } = id;

    /// <summary>Changed only by the room, under its lock, so every message carries the nickname it was sent under.</summary>
    public string Nickname
    {
        get => User.Nickname;
        set => User = new(Id, value);
    }

    /// <summary>
    /// Who this client is, as messages show it. Made once per nickname rather than at every read: each join lists
    /// everyone online, so with thousands connected a fresh one per read would be thousands of objects per join.
    /// </summary>
    public ChatUser User { get; private set; } = new(id, nickname);

    public WebSocket Socket { get; } = socket;

    public Outbox Outbox { get; } = new(socket, outboxCapacity);
}
