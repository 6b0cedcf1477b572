using System.Net;

namespace BroadcastChat.Tests;

/// <summary>
/// A WebSocket handshake sent with HttpClient, for the tests of what the server answers before any upgrade: a refusal
/// (its status and problem details) or the 101 that accepts it. ClientWebSocket only reports a refusal's status code.
/// </summary>
internal static class ChatHandshake
{
    /// <summary>The server's answer: its status, and its body when it refused (a 101's connection is closed unread).</summary>
    public sealed record Answer(HttpStatusCode Status, string Body)
    {
        public override string ToString() => $"{(int)Status} {Status} {Body}";
    }

    /// <summary>
    /// Sends GET /chat with <paramref name="query"/>; as a WebSocket handshake unless <paramref name="webSocket"/> is
    /// false, and with an Origin header when <paramref name="origin"/> is given, as a browser sends it.
    /// </summary>
    public static Task<Answer> SendAsync(ChatServer server, string? query = null, string? origin = null, bool webSocket = true) =>
        SendAsync(server.BaseAddress, query, origin, webSocket);

    /// <summary>The same, to the server at <paramref name="baseAddress"/> (a program started on its own, say).</summary>
    public static async Task<Answer> SendAsync(Uri baseAddress, string? query = null, string? origin = null, bool webSocket = true)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/chat" + (query is null ? "" : "?" + query));
        if (webSocket)
        {
            request.Headers.Connection.Add("Upgrade");
            request.Headers.Upgrade.Add(new("websocket"));
            request.Headers.Add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
            request.Headers.Add("Sec-WebSocket-Version", "13");
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var body = response.StatusCode == HttpStatusCode.SwitchingProtocols
            ? "(switched to WebSocket)"
            : await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Answer(response.StatusCode, body);
    }
}
