namespace BroadcastChat.Tests;

/// <summary>
/// One chat server with the default settings for a whole test class (<c>IClassFixture&lt;SharedChatServer&gt;</c>).
/// Its tests run one after another but share the room: each uses nicknames of its own and waits for what concerns it.
/// </summary>
public sealed class SharedChatServer : IAsyncLifetime
{
    private ChatServer? _server;

    internal ChatServer Server => _server ?? throw new InvalidOperationException("The server is not started yet.");

    public ValueTask InitializeAsync()
    {
        _server = ChatServer.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
