using System.Net.WebSockets;
using System.Threading.Channels;

namespace BroadcastChat.Tests;

/// <summary>
/// One chat client: a <see cref="ClientWebSocket"/> that reads all the time, as a page does (so it answers the server's
/// pings at once and never makes the server wait), and keeps every whole text message for the test to take in order.
/// Whatever a test waits for, a failure says what came instead: the messages received, or the close code and reason
/// (an unfinished TODO closes with 1011 "TODO n: ...").
/// </summary>
internal sealed class ChatPeer : IAsyncDisposable
{
    /// <summary>How long a peer waits for a message before the test fails: generous, the machine may be busy.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Channel<Received> _inbox = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Received> _taken = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _pump;
    private string? _end;

    private ChatPeer(ClientWebSocket socket, string name)
    {
        Socket = socket;
        Name = name;
        _pump = Task.Run(PumpAsync);
    }

    public ClientWebSocket Socket { get; }

    /// <summary>What the test calls this peer in its messages: the nickname it asked for.</summary>
    public string Name { get; }

    /// <summary>The welcome, once <see cref="JoinAsync"/> read it.</summary>
    public Welcome? Welcome { get; private set; }

    /// <summary>Who the server says this peer is (from the welcome).</summary>
    public User Me => Welcome?.You ?? throw new InvalidOperationException($"{Name} has not read its welcome yet.");

    /// <summary>
    /// True for a chat message sent after this peer joined; false for one of the catch-up, which a newcomer may get
    /// even without asking (the server then catches it up from 0).
    /// </summary>
    public bool IsNew(ChatMessage message) => message.Id > (Welcome?.LastId ?? 0);

    /// <summary>Every message the test has taken from this peer so far, oldest first.</summary>
    public IReadOnlyList<Received> Taken => _taken;

    /// <summary>How the connection ended, such as <c>1011 "TODO 3: ..."</c>; null while it is open.</summary>
    public string? End => Volatile.Read(ref _end);

    /// <summary>Connects to /chat with <paramref name="query"/> (such as <c>nickname=Ana</c>) and reads nothing yet.</summary>
    public static Task<ChatPeer> ConnectAsync(ChatServer server, string? query = null, Action<ClientWebSocketOptions>? configure = null, string? name = null) =>
        ConnectAsync(server.BaseAddress, query, configure, name);

    /// <summary>
    /// Connects to /chat of the server at <paramref name="baseAddress"/>. When the server refuses, the failure says what
    /// it answered (ClientWebSocket only reports the status code): the same handshake is sent again with HttpClient,
    /// which reads the answer at once (an unfinished TODO 1 answers 500 with its message).
    /// </summary>
    public static async Task<ChatPeer> ConnectAsync(Uri baseAddress, string? query = null, Action<ClientWebSocketOptions>? configure = null, string? name = null)
    {
        var address = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/chat", Query = query ?? "" }.Uri;
        var socket = new ClientWebSocket();
        // No pings of its own: the server's keep-alive is what the tests watch (and the peer answers it by reading).
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        configure?.Invoke(socket.Options);
        using var deadline = Deadline(DefaultWait);
        try
        {
            await socket.ConnectAsync(address, deadline.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            socket.Dispose();
            var answer = await ChatHandshake.SendAsync(baseAddress, query);
            throw new ChatProtocolException(
                $"ClientWebSocket could not open {address}: {exception.Message}\nThe server answered the same handshake with: {answer}", exception);
        }
        return new ChatPeer(socket, name ?? (string.IsNullOrEmpty(query) ? "a client" : $"the client of ?{query}"));
    }

    /// <summary>Connects as <paramref name="nickname"/> (plus any <paramref name="moreQuery"/>) and reads the welcome, which must come first.</summary>
    public static Task<ChatPeer> JoinAsync(ChatServer server, string nickname, string? moreQuery = null) =>
        JoinAsync(server.BaseAddress, nickname, moreQuery);

    /// <summary>The same, to the server at <paramref name="baseAddress"/>.</summary>
    public static async Task<ChatPeer> JoinAsync(Uri baseAddress, string nickname, string? moreQuery = null)
    {
        var query = $"nickname={Uri.EscapeDataString(nickname)}" + (moreQuery is null ? "" : "&" + moreQuery);
        var peer = await ConnectAsync(baseAddress, query, name: nickname);
        try
        {
            peer.Welcome = await peer.ReceiveAsync<Welcome>();
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next message, whatever it is; fails when none comes in time or the connection ends.</summary>
    public async Task<Received> ReceiveAsync(string expecting, TimeSpan? wait = null)
    {
        var skipped = new List<Received>();
        return await NextAsync(expecting, skipped, wait ?? DefaultWait);
    }

    /// <summary>
    /// The next message, or null when none comes within <paramref name="wait"/>; fails when the connection ends.
    /// For a test that follows a long stream and decides itself when it has seen enough.
    /// </summary>
    public async Task<Received?> TryReceiveAsync(TimeSpan wait, string expecting)
    {
        using var deadline = Deadline(wait);
        try
        {
            if (await _inbox.Reader.WaitToReadAsync(deadline.Token) && _inbox.Reader.TryRead(out var message))
            {
                _taken.Add(message);
                return message;
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
        await _pump;
        throw new ChatProtocolException($"{Name} expected {expecting}, but {DescribeEnd()}.\n{Describe(_taken)}");
    }

    /// <summary>Lets go of the messages taken so far, for a test that streams thousands of them.</summary>
    public void ForgetTaken() => _taken.Clear();

    /// <summary>The next message, which must be a <typeparamref name="T"/>.</summary>
    public async Task<T> ReceiveAsync<T>(TimeSpan? wait = null) where T : IServerMessage
    {
        var next = await ReceiveAsync($"a `{T.Type}`", wait);
        if (!next.Is<T>())
        {
            throw new ChatProtocolException($"{Name} expected a `{T.Type}` next, but the server sent: {next}\n{Describe(_taken)}");
        }
        return next.As<T>();
    }

    /// <summary>Skips other messages until a <typeparamref name="T"/> for which <paramref name="where"/> holds.</summary>
    public async Task<T> ReceiveUntilAsync<T>(Func<T, bool>? where = null, string? what = null, TimeSpan? wait = null) where T : IServerMessage
    {
        var expecting = what is null ? $"a `{T.Type}`" : $"a `{T.Type}` {what}";
        var skipped = new List<Received>();
        using var deadline = Deadline(wait ?? DefaultWait);
        while (true)
        {
            var next = await NextAsync(expecting, skipped, deadline);
            if (next.Is<T>())
            {
                var message = next.As<T>();
                if (where is null || where(message))
                {
                    return message;
                }
            }
            skipped.Add(next);
        }
    }

    /// <summary>The next <paramref name="count"/> messages of type <typeparamref name="T"/>, skipping the others.</summary>
    public async Task<List<T>> ReceiveManyAsync<T>(int count, TimeSpan? wait = null) where T : IServerMessage =>
        await ReceiveManyAsync<T>(count, _ => true, wait);

    /// <summary>The next <paramref name="count"/> messages of type <typeparamref name="T"/> for which <paramref name="where"/> holds, skipping the others.</summary>
    public async Task<List<T>> ReceiveManyAsync<T>(int count, Func<T, bool> where, TimeSpan? wait = null) where T : IServerMessage
    {
        var found = new List<T>(count);
        var skipped = new List<Received>();
        using var deadline = Deadline(wait ?? DefaultWait);
        while (found.Count < count)
        {
            var next = await NextAsync($"{count} `{T.Type}` messages (got {found.Count} so far)", skipped, deadline);
            if (next.Is<T>() && next.As<T>() is var message && where(message))
            {
                found.Add(message);
            }
            else
            {
                skipped.Add(next);
            }
        }
        return found;
    }

    /// <summary>
    /// Skips messages until the server closes the connection, and checks the close code; returns the close reason.
    /// Fails when the connection stays open, ends without a close frame, or closes with another code.
    /// </summary>
    public async Task<string> ExpectCloseAsync(int code, string because, TimeSpan? wait = null)
    {
        var skipped = new List<Received>();
        using var deadline = Deadline(wait ?? DefaultWait);
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(deadline.Token))
            {
                while (_inbox.Reader.TryRead(out var message))
                {
                    _taken.Add(message);
                    skipped.Add(message);
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new ChatProtocolException(
                $"{Name} expected the server to close the connection with {code} ({because}), but it was still open after {Seconds(wait ?? DefaultWait)}.\n{Describe(skipped)}");
        }
        await _pump;
        var status = (int?)Socket.CloseStatus;
        if (status != code)
        {
            throw new ChatProtocolException(
                $"{Name} expected the server to close the connection with {code} ({because}), but {DescribeEnd()}.\n{Describe(skipped)}");
        }
        return Socket.CloseStatusDescription ?? "";
    }

    /// <summary>True when the connection is still open: no close came and it did not break.</summary>
    public bool IsOpen => End is null && Socket.State == WebSocketState.Open;

    public Task SendMessageAsync(string text) => SendTextAsync(ClientMessages.Message(text));

    public Task RenameAsync(string nickname) => SendTextAsync(ClientMessages.Rename(nickname));

    /// <summary>Sends <paramref name="text"/> as one whole text message, exactly as given (valid JSON or not).</summary>
    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true);

    /// <summary>Sends one frame of a message: a test builds fragmented or binary messages with it.</summary>
    public async Task SendAsync(byte[] payload, WebSocketMessageType type, bool endOfMessage)
    {
        await _sending.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await Socket.SendAsync(payload, type, endOfMessage, TestContext.Current.CancellationToken);
        }
        catch (WebSocketException exception)
        {
            throw new ChatProtocolException($"{Name} could not send: {exception.Message}; {DescribeEnd()}.", exception);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Starts the closing handshake with 1000, as a page that closes politely.</summary>
    public async Task CloseAsync()
    {
        using var deadline = Deadline(DefaultWait);
        try
        {
            await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", deadline.Token);
        }
        catch (WebSocketException exception)
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            throw new ChatProtocolException($"{Name} wanted to close the connection itself, but {DescribeEnd()}.", exception);
        }
    }

    /// <summary>Drops the connection without a close frame, as a page whose network vanished.</summary>
    public void Abort() => Socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            try
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);
                await _pump.WaitAsync(deadline.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException)
            {
                // The server is gone or slow to answer: the test is over either way.
            }
        }
        Socket.Abort();
        await _pump.ContinueWith(_ => { }, TaskScheduler.Default);
        Socket.Dispose();
        _sending.Dispose();
    }

    /// <summary>Several peers' messages in one list, for a failure message.</summary>
    public static string Describe(IReadOnlyCollection<Received> messages)
    {
        if (messages.Count == 0)
        {
            return "It received nothing before that.";
        }
        var shown = messages.TakeLast(20).Select(message => $"  {message}");
        var more = messages.Count > 20 ? $" (the last 20 of {messages.Count})" : "";
        return $"It received{more}:\n{string.Join('\n', shown)}";
    }

    private async Task<Received> NextAsync(string expecting, List<Received> skipped, TimeSpan wait)
    {
        using var deadline = Deadline(wait);
        return await NextAsync(expecting, skipped, deadline);
    }

    private async Task<Received> NextAsync(string expecting, List<Received> skipped, CancellationTokenSource deadline)
    {
        try
        {
            if (await _inbox.Reader.WaitToReadAsync(deadline.Token) && _inbox.Reader.TryRead(out var message))
            {
                _taken.Add(message);
                return message;
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new ChatProtocolException($"{Name} expected {expecting}, but nothing more came in time.\n{Describe(skipped)}");
        }
        await _pump;
        throw new ChatProtocolException($"{Name} expected {expecting}, but {DescribeEnd()}.\n{Describe(skipped)}");
    }

    private string DescribeEnd() => End switch
    {
        null => "the connection is still open",
        var end => end,
    };

    private static CancellationTokenSource Deadline(TimeSpan wait)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(wait);
        return deadline;
    }

    private static string Seconds(TimeSpan wait) => $"{wait.TotalSeconds:0.#} s";

    private async Task PumpAsync()
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Volatile.Write(ref _end,
                        $"the server closed the connection: {(int?)result.CloseStatus} {result.CloseStatusDescription}");
                    try
                    {
                        // Answer the close, as a browser does, so the server's closing handshake completes.
                        using var answer = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                        if (Socket.State == WebSocketState.CloseReceived)
                        {
                            await Socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.Empty, null, answer.Token);
                        }
                    }
                    catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
                    {
                        // The server hung up first: nothing left to answer.
                    }
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var bytes = message.ToArray();
                message.SetLength(0);
                _inbox.Writer.TryWrite(result.MessageType == WebSocketMessageType.Text
                    ? Received.Parse(Encoding.UTF8.GetString(bytes))
                    : Received.Parse($"(a binary message of {bytes.Length} bytes: the chat sends only text)"));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            Volatile.Write(ref _end, $"the connection ended without a close frame ({exception.Message})");
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }
}
