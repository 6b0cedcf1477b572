using Microsoft.Extensions.Options;

namespace BroadcastChat.Chat;

/// <summary>
/// The chat's limits, from the section <c>Chat</c> of the configuration: appsettings.json, environment variables
/// (<c>Chat__QueueLength=8</c>) or the command line (<c>--Chat:QueueLength 8</c>).
/// </summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>The most characters a chat message's text may have; a longer one closes the connection with 1009.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>The most bytes one incoming WebSocket message may have, all its fragments together; more closes with 1009.</summary>
    public int MaxFrameBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// How many messages may wait to be sent to one client, beyond its welcome and catch-up. A client with that many
    /// waiting reads too slowly for this chat: one more and it is closed with 1008, so it never holds the others back.
    /// A queue holds references to bytes every client shares, so a thousand cost about 16 KB per client, and a
    /// burst (twenty people sending fifty messages at once) fits in it while the senders catch up.
    /// </summary>
    public int QueueLength { get; set; } = 1000;

    /// <summary>How long a connection may be quiet before the server sends a ping.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the server waits for the pong; without one the client is dropped and announced as left.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Browser origins besides the page's own that may open the chat, such as <c>http://localhost:3000</c>.
    /// Empty: only the page's own origin. A client that sends no Origin (not a browser) is always let in.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How many of the latest chat messages are kept, for a page that reconnects to catch up on.</summary>
    public int HistoryLength { get; set; } = 100;

    /// <summary>
    /// The room in one client's queue: its welcome, the catch-up, its presence, and then <see cref="QueueLength"/>.
    /// </summary>
    public int OutboxCapacity => 2 + HistoryLength + QueueLength;
}

/// <summary>Refuses settings the chat cannot work with, when the program starts rather than at the first connection.</summary>
public sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    /// <summary>A close frame's reason may take 123 bytes; a smaller frame limit could not carry the close that enforces it.</summary>
    public const int SmallestFrameLimit = 125;

    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var problems = new List<string>();
        void Require(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                problems.Add($"{ChatOptions.Section}:{key} is {value}; it must be {rule}");
            }
        }
        Require(options.MaxMessageLength >= 1, nameof(options.MaxMessageLength), options.MaxMessageLength, "1 or more, such as 2000");
        Require(options.MaxFrameBytes >= SmallestFrameLimit, nameof(options.MaxFrameBytes), options.MaxFrameBytes,
            $"{SmallestFrameLimit} or more, such as 8192");
        Require(options.QueueLength >= 1, nameof(options.QueueLength), options.QueueLength, "1 or more, such as 1000");
        Require(options.KeepAliveInterval > TimeSpan.Zero, nameof(options.KeepAliveInterval), options.KeepAliveInterval,
            "more than zero, such as 00:00:15");
        Require(options.KeepAliveTimeout > TimeSpan.Zero, nameof(options.KeepAliveTimeout), options.KeepAliveTimeout,
            "more than zero, such as 00:00:15");
        Require(options.HistoryLength >= 0, nameof(options.HistoryLength), options.HistoryLength, "0 or more, such as 100");
        foreach (var origin in options.AllowedOrigins)
        {
            Require(OriginPolicy.IsOrigin(origin), nameof(options.AllowedOrigins), $"'{origin}'",
                "a list of origins such as http://localhost:3000 (scheme, host and port, no path)");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
