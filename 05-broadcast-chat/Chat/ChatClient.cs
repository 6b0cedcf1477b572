using System.Net.WebSockets;

namespace BroadcastChat.Chat;

/// <summary>One open chat page: its WebSocket, who it is, and its own queue of messages waiting to be sent to it.</summary>
public sealed class ChatClient(string id, string nickname, WebSocket socket, int outboxCapacity)
{
    public string Id { get; } = id;

    /// <summary>Changed only by the room, under its lock, so every message carries the nickname it was sent under.</summary>
    public string Nickname { get; set; } = nickname;

    public ChatUser User => new(Id, Nickname);

    public WebSocket Socket { get; } = socket;

    public Outbox Outbox { get; } = new(socket, outboxCapacity);
}
