using System.Net;
using System.Net.WebSockets;
using Workshop.Testing;

namespace BroadcastChat.Tests;

/// <summary>
/// The step's chat app on real Kestrel, on a loopback port the operating system picks (or a given one, to restart it
/// where its clients expect it), stopped when disposed.
/// </summary>
internal sealed class ChatServer : IAsyncDisposable
{
    private readonly KestrelApp<Program> _app;

    private ChatServer(KestrelApp<Program> app) => _app = app;

    public IPEndPoint EndPoint => _app.EndPoint;

    /// <summary>The page's address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _app.BaseAddress;

    /// <summary>The chat's WebSocket address, such as <c>ws://127.0.0.1:41234/chat</c>.</summary>
    public Uri ChatAddress => new($"ws://{EndPoint}/chat");

    /// <summary>The app's services, for a test that needs to stop it as the host would.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the app. <paramref name="settings"/> are configuration keys such as <c>Chat:QueueLength</c>;
    /// <paramref name="port"/> 0 lets the operating system pick.
    /// </summary>
    public static ChatServer Start(IReadOnlyDictionary<string, string?>? settings = null, int port = 0) =>
        new(KestrelApp<Program>.Start(settings, port));

    /// <summary>An HttpClient for the app's plain HTTP side (the page, a refused /chat).</summary>
    public HttpClient CreateClient() => _app.CreateClient();

    /// <summary>
    /// A <see cref="ClientWebSocket"/> connected to /chat with <paramref name="query"/> (such as <c>nickname=Ana</c>).
    /// When it cannot connect, the failure says what the server answered (ClientWebSocket only reports the status
    /// code): the same request is sent again as plain HTTP, and its answer printed.
    /// </summary>
    public async Task<ClientWebSocket> ConnectAsync(string? query = null, Action<ClientWebSocketOptions>? configure = null)
    {
        var address = new UriBuilder(ChatAddress) { Query = query ?? "" }.Uri;
        var client = new ClientWebSocket();
        // No pings of its own unless a test asks: the server's keep-alive is what the tests watch.
        client.Options.KeepAliveInterval = TimeSpan.Zero;
        configure?.Invoke(client.Options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(RawHttpClient.DefaultTimeout);
        try
        {
            await client.ConnectAsync(address, timeout.Token);
            return client;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            client.Dispose();
            var handshake =
                $"GET {address.PathAndQuery} HTTP/1.1\r\nHost: {EndPoint}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            var raw = await RawHttpClient.SendAsync(EndPoint, handshake, TestContext.Current.CancellationToken);
            throw new InvalidOperationException(
                $"ClientWebSocket could not open {address}: {exception.Message}\nThe server answered the same handshake, sent raw, with:\n{raw}");
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
