using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using WebSocketHandshake.Connection;
using Workshop.Testing;

namespace WebSocketHandshake.Tests;

/// <summary>The step's app on real Kestrel, on a loopback port the operating system picks, stopped when disposed.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    /// <summary>The RFC 6455 §1.3 sample key; its accept value is <c>s3pPLMBiTxaQ9kYGzzhZRbK+xOo=</c>.</summary>
    public const string SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";

    private readonly KestrelApp<WebSocketSettings> _app;

    private EchoServer(KestrelApp<WebSocketSettings> app) => _app = app;

    public IPEndPoint EndPoint => _app.EndPoint;
    public Uri BaseAddress => _app.BaseAddress;
    public Uri WebSocketAddress => new($"ws://{EndPoint}/ws");

    /// <summary>How many WebSocket connections the server holds open right now.</summary>
    public int OpenConnections => _app.Services.GetRequiredService<OpenConnections>().Count;

    /// <summary>Starts the app; <paramref name="settings"/> are configuration keys such as <c>WebSocket:MaxMessageBytes</c>.</summary>
    public static EchoServer Start(IReadOnlyDictionary<string, string?>? settings = null) =>
        new(KestrelApp<WebSocketSettings>.Start(settings));

    /// <summary>The handshake of a well-behaved client, with the sample key, as raw text.</summary>
    public string Handshake(string? extraHeaders = null) =>
        $"GET /ws HTTP/1.1\r\nHost: {EndPoint}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        $"Sec-WebSocket-Key: {SampleKey}\r\nSec-WebSocket-Version: 13\r\n{extraHeaders}\r\n";

    /// <summary>A <see cref="RawWebSocket"/> after the well-behaved handshake, with <paramref name="extraHeaders"/> added.</summary>
    public Task<RawWebSocket> OpenRawAsync(string? extraHeaders = null) => RawWebSocket.OpenAsync(EndPoint, Handshake(extraHeaders));

    /// <summary>
    /// A <see cref="ClientWebSocket"/> connected to /ws. When it cannot connect, the failure says what the server
    /// answered (ClientWebSocket only reports the status code): the same handshake is sent again raw, and its answer printed.
    /// </summary>
    public async Task<ClientWebSocket> ConnectAsync(Action<ClientWebSocketOptions>? configure = null)
    {
        var client = new ClientWebSocket();
        // No pongs of its own unless a test asks: the server's keep-alive is what the tests watch.
        client.Options.KeepAliveInterval = TimeSpan.Zero;
        configure?.Invoke(client.Options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(RawHttpClient.DefaultTimeout);
        try
        {
            await client.ConnectAsync(WebSocketAddress, timeout.Token);
            return client;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            client.Dispose();
            var raw = await RawHttpClient.SendAsync(EndPoint, Handshake(), TestContext.Current.CancellationToken);
            throw new InvalidOperationException(
                $"ClientWebSocket could not open {WebSocketAddress}: {exception.Message}\nThe server answered the same handshake, sent raw, with:\n{raw}");
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
