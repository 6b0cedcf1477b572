using System.Diagnostics.CodeAnalysis;

namespace WebSocketHandshake;

/// <summary>The settings of the WebSocket endpoint, from the configuration section <c>WebSocket</c>.</summary>
public sealed class WebSocketSettings
{
    public const string Section = "WebSocket";

    public const string Rules =
        "WebSocket:MaxMessageBytes must be at least 125, and WebSocket:KeepAliveInterval and WebSocket:KeepAliveTimeout must be longer than zero.";

    /// <summary>The largest message the server accepts, all its fragments together; a larger one is closed with 1009.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>How long the connection may be quiet before the server sends a ping.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server waits for the pong; with none, it closes the connection.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Browser origins besides the page's own that may open a WebSocket here, such as <c>http://localhost:3000</c>.
    /// Empty: only the page's own origin. A client that sends no Origin (not a browser) is always let in.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public bool IsValid([NotNullWhen(false)] out string? problem)
    {
        // A control frame may carry 125 bytes; a limit below that would refuse a close frame's reason.
        problem = MaxMessageBytes < 125 || KeepAliveInterval <= TimeSpan.Zero || KeepAliveTimeout <= TimeSpan.Zero ? Rules : null;
        return problem is null;
    }
}
