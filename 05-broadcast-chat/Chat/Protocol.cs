using System.Text.Json;
using System.Text.Json.Serialization;

namespace BroadcastChat.Chat;

// The chat's messages: JSON text, one object per WebSocket message, each with a "type". The step README shows each
// one on the wire. Property names are camelCase; the "type" comes first so a log reads well.

/// <summary>Someone in the chat: the id the server gave the connection, and the nickname shown with their messages.</summary>
public sealed record ChatUser(string Id, string Nickname);

/// <summary>The first message on every connection: who you are, who is here, and where the chat's numbering is.</summary>
public sealed record Welcome(string Text, ChatUser You, IReadOnlyList<ChatUser> Online, long LastId, string ServerId)
{
    [JsonPropertyOrder(-1)] public string Type => "welcome";
}

/// <summary>A chat message, numbered by the server in the order it accepted it.</summary>
public sealed record ChatMessage(long Id, ChatUser From, string Text, DateTimeOffset SentAt)
{
    [JsonPropertyOrder(-1)] public string Type => "message";
}

/// <summary>Someone opened the chat (sent to everyone else: the newcomer has its welcome).</summary>
public sealed record Joined(ChatUser User)
{
    [JsonPropertyOrder(-1)] public string Type => "joined";
}

/// <summary>Someone's connection ended, however it ended.</summary>
public sealed record Left(ChatUser User)
{
    [JsonPropertyOrder(-1)] public string Type => "left";
}

/// <summary>Someone changed their nickname; <see cref="Previous"/> is the one they had.</summary>
public sealed record Renamed(ChatUser User, string Previous)
{
    [JsonPropertyOrder(-1)] public string Type => "renamed";
}

/// <summary>How many people are online, sent whenever that number changes.</summary>
public sealed record Presence(int Count)
{
    [JsonPropertyOrder(-1)] public string Type => "presence";
}

/// <summary>What was wrong with the last thing a client sent; to that client only, and it stays connected.</summary>
public sealed record ChatError(string Code, string Text)
{
    [JsonPropertyOrder(-1)] public string Type => "error";

    public const string InvalidJson = "invalid-json";
    public const string UnknownType = "unknown-type";
    public const string EmptyText = "empty-text";
    public const string InvalidNickname = "invalid-nickname";
}

/// <summary>
/// What a client sends: <c>{"type":"message","text":"hola"}</c> or <c>{"type":"rename","nickname":"Ana"}</c>.
/// One shape for both, because a client may send anything: what is missing is null, and the receiver says what is wrong.
/// </summary>
public sealed record ClientMessage(string? Type, string? Text, string? Nickname)
{
    public const string Message = "message";
    public const string Rename = "rename";
}

/// <summary>
/// The JSON of the chat, generated at build time: no reflection, and the same UTF-8 bytes whoever sends them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Welcome))]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(Joined))]
[JsonSerializable(typeof(Left))]
[JsonSerializable(typeof(Renamed))]
[JsonSerializable(typeof(Presence))]
[JsonSerializable(typeof(ChatError))]
[JsonSerializable(typeof(ClientMessage))]
public sealed partial class ChatJson : JsonSerializerContext
{
    /// <summary>A server message as the UTF-8 bytes of one WebSocket text message.</summary>
    public static byte[] Encode<T>(T message) where T : class => JsonSerializer.SerializeToUtf8Bytes(message, typeof(T), Default);
}
