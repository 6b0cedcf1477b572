using System.Text.Json;

namespace BroadcastChat.Tests;

/// <summary>
/// The chat's JSON messages as the contract spells them, read strictly: camelCase names only, and every field of a
/// message must be there (a missing one fails the read, naming it), so a test that reads a message checks its shape too.
/// </summary>
internal static class ChatJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>A JSON text for a message the client sends, such as <c>{"type":"message","text":"hola"}</c>.</summary>
    public static string Serialize(object message) => JsonSerializer.Serialize(message, Options);
}

/// <summary>A message from the server, of the type named by <see cref="Type"/> (<c>welcome</c>, <c>message</c>...).</summary>
internal interface IServerMessage
{
    static abstract string Type { get; }
}

internal sealed record User(string Id, string Nickname)
{
    public override string ToString() => $"{Id} \"{Nickname}\"";
}

internal sealed record Welcome(string Text, User You, IReadOnlyList<User> Online, long LastId, string ServerId) : IServerMessage
{
    public static string Type => "welcome";
}

internal sealed record ChatMessage(long Id, User From, string Text, string SentAt) : IServerMessage
{
    public static string Type => "message";
}

internal sealed record Joined(User User) : IServerMessage
{
    public static string Type => "joined";
}

internal sealed record Left(User User) : IServerMessage
{
    public static string Type => "left";
}

internal sealed record Renamed(User User, string Previous) : IServerMessage
{
    public static string Type => "renamed";
}

internal sealed record Presence(int Count) : IServerMessage
{
    public static string Type => "presence";
}

internal sealed record ChatError(string Code, string Text) : IServerMessage
{
    public static string Type => "error";
}

/// <summary>One whole text message as it came from the server: its JSON, and its <c>type</c> when it has one.</summary>
internal sealed class Received
{
    private Received(string json, string? type)
    {
        Json = json;
        Type = type;
    }

    public string Json { get; }

    /// <summary>When the whole message had arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
    public long At { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The message's <c>type</c>; null when it is not a JSON object with a string <c>type</c>.</summary>
    public string? Type { get; }

    public static Received Parse(string json)
    {
        string? type = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var typeProperty)
                && typeProperty.ValueKind == JsonValueKind.String)
            {
                type = typeProperty.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: kept as it came, with no type, so a failure message shows it.
        }
        return new Received(json, type);
    }

    public bool Is<T>() where T : IServerMessage => Type == T.Type;

    /// <summary>Reads the message as <typeparamref name="T"/>; fails, showing the JSON, when a field is missing or of the wrong kind.</summary>
    public T As<T>() where T : IServerMessage
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Json, ChatJson.Options)
                ?? throw new ChatProtocolException($"The server sent `null` where a `{T.Type}` was expected.");
        }
        catch (JsonException exception)
        {
            throw new ChatProtocolException(
                $"The server's `{T.Type}` does not have the contract's shape ({exception.Message}): {Json}", exception);
        }
    }

    public override string ToString() => Json.Length > 300 ? Json[..300] + "..." : Json;
}

/// <summary>The server did not do what the chat's contract says; the message says what came instead.</summary>
internal sealed class ChatProtocolException : Exception
{
    public ChatProtocolException(string message) : base(message)
    {
    }

    public ChatProtocolException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>What a client sends.</summary>
internal static class ClientMessages
{
    public static string Message(string text) => ChatJson.Serialize(new { type = "message", text });

    public static string Rename(string nickname) => ChatJson.Serialize(new { type = "rename", nickname });
}
