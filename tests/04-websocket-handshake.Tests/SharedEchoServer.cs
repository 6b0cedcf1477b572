namespace WebSocketHandshake.Tests;

/// <summary>One app with the default settings for a whole test class (<c>IClassFixture&lt;SharedEchoServer&gt;</c>).</summary>
public sealed class SharedEchoServer : IAsyncLifetime
{
    private EchoServer? _server;

    internal EchoServer Server => _server ?? throw new InvalidOperationException("The server is not started yet.");

    public ValueTask InitializeAsync()
    {
        _server = EchoServer.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
