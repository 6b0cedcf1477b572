namespace BroadcastChat.Tests.Browser;

/// <summary>
/// The chat a browser check talks to: a server of the check's own (the default), or, in instructor mode, any running
/// chat that <c>CHAT_URL</c> names, such as a learner's server on the classroom network:
/// <c>CHAT_URL=http://192.168.1.20:5005</c>. Someone else's chat may have other people in it and a history of its
/// own, so on it the checks give their people nicknames of their own run and count people relative to what they saw.
/// </summary>
internal sealed class ChatUnderTest : IAsyncDisposable
{
    public const string UrlVariable = "CHAT_URL";

    private ChatServer? _server;
    private readonly int _port;

    private ChatUnderTest(Uri address, ChatServer? server)
    {
        Address = address;
        _server = server;
        _port = server?.EndPoint.Port ?? 0;
        // Short and different on every run, so that the nicknames stay within 24 characters and never meet another run's.
        RunTag = Guid.NewGuid().ToString("N")[..4];
    }

    /// <summary>The chat page's address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>True for a chat that CHAT_URL names: other people may be in it, and it has a history of its own.</summary>
    public bool IsShared => _port == 0;

    /// <summary>This run's mark, added to nicknames in a shared chat.</summary>
    public string RunTag { get; }

    /// <summary>The chat CHAT_URL names when it is set; otherwise a server of the check's own.</summary>
    public static ChatUnderTest Start()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            return StartOwn();
        }
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{UrlVariable} is '{url}'; give the chat's page address, such as http://192.168.1.20:5005");
        }
        return new ChatUnderTest(new Uri(address, "/"), server: null);
    }

    /// <summary>A server of the check's own, whatever CHAT_URL says: for a check that stops and starts it.</summary>
    public static ChatUnderTest StartOwn()
    {
        var server = ChatServer.Start();
        return new ChatUnderTest(server.BaseAddress, server);
    }

    /// <summary>The nickname a check's person goes by: <paramref name="name"/>, with the run's mark in a shared chat.</summary>
    public string Nickname(string name) => IsShared ? $"{name}-{RunTag}" : name;

    /// <summary>Stops the check's own server, as the host stops it (every client gets its close first).</summary>
    public async Task StopAsync()
    {
        var server = _server ?? throw new InvalidOperationException("Only a check's own server can be stopped.");
        _server = null;
        await server.DisposeAsync();
    }

    /// <summary>Starts a new server where the stopped one was, so that the pages find it at the address they know.</summary>
    public void StartAgain()
    {
        if (IsShared || _server is not null)
        {
            throw new InvalidOperationException("Only a check's own server, once stopped, can be started again.");
        }
        _server = ChatServer.Start(port: _port);
    }

    public override string ToString() => IsShared ? $"the chat at {Address} ({UrlVariable})" : $"a chat server of the test's own at {Address}";

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
