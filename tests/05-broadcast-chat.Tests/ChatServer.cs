using System.Net;
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

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
