using System.Net.WebSockets;
using System.Threading.Channels;

namespace BroadcastChat.Chat;

/// <summary>
/// One client's queue of messages waiting to be sent, and the loop that sends them: the only code that ever writes to
/// that client's socket. The room only puts messages in the queue and never waits, so a slow client slows nobody else:
/// its queue fills, and when it is full the client is closed with 1008 instead.
/// </summary>
public sealed class Outbox
{
    /// <summary>How long a client gets to take the rest of a closing conversation before its socket is aborted.</summary>
    public static readonly TimeSpan CloseGracePeriod = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly Channel<ReadOnlyMemory<byte>> _queue;
    private readonly CancellationTokenSource _giveUp = new();
    private Closing? _closing;

    public Outbox(WebSocket socket, int capacity)
    {
        _socket = socket;
        // A queue of at most 'capacity' messages. One reader (this client's sender loop) and many writers (every
        // connection that broadcasts). 'Wait' makes TryWrite answer false when the queue is full instead of dropping a
        // message silently: the outbox decides what a full queue means.
        _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // Giving up aborts the socket, which ends a send stuck on a client that stopped reading. So the sender loop's
        // waits and sends need no token of their own, and without one they cost less: the channel reuses its one
        // waiter only for a wait that cannot be canceled (a cancelable one allocates a new waiter each time), and
        // ManagedWebSocket takes its fast path only for a send that cannot be canceled. With a thousand clients, that
        // is a thousand waits and sends per broadcast.
        _giveUp.Token.UnsafeRegister(static socket => ((WebSocket)socket!).Abort(), socket);
    }

    /// <summary>Why and how this outbox is closing, once it is.</summary>
    private sealed record Closing(WebSocketCloseStatus Status, string Reason, bool DropQueued);

    /// <summary>True once the outbox was asked to close; nothing more is queued after that.</summary>
    public bool IsClosing => Volatile.Read(ref _closing) is not null;

    /// <summary>
    /// Queues <paramref name="message"/> without waiting. False when it was not queued: the queue is full, and this
    /// client is now closing as too slow, or it was closing already.
    /// </summary>
    public bool TryEnqueue(ReadOnlyMemory<byte> message)
    {
        // BEGIN TODO 2: Queue a message without waiting; send the queue, in order, from this client's own loop.
        //   TryEnqueue: _queue.Writer.TryWrite never waits. False means the queue is full (or closing): a full queue
        //     means the client reads too slowly, so Close it with WebSocketCloseStatus.PolicyViolation (1008), a reason
        //     that says so ("too slow: ..."), and dropQueued: true. Answer whether the message was queued.
        //   SendAllAsync: take each message in turn and SendAsync it as one whole text message (Text, endOfMessage:
        //     true), with no cancellation token (CancellationToken.None): giving up aborts the socket, which ends a
        //     send in progress. Stop when the queue is completed and empty, or at once when a close that drops the
        //     queue was asked for (_closing); then, if the socket is still Open or CloseReceived, send the close
        //     frame: CloseOutputAsync with the closing's status and reason.
        //   The same bytes may sit in a thousand queues at once: never change them.
        if (_queue.Writer.TryWrite(message))
        {
            return true;
        }
        Close(WebSocketCloseStatus.PolicyViolation, $"too slow: {_queue.Reader.Count} messages were waiting for you", dropQueued: true);
        return false;
        // END TODO
    }

    /// <summary>
    /// The sender loop: sends what is queued, in order, until the outbox closes; then the close frame. The only code
    /// that writes to this client's socket, so two sends never overlap (a WebSocket allows one at a time).
    /// </summary>
    public async Task SendAllAsync()
    {
        // BEGIN TODO 2: Queue a message without waiting; send the queue, in order, from this client's own loop.
        var queue = _queue.Reader;
        while (await queue.WaitToReadAsync())
        {
            while (_closing is not { DropQueued: true } && queue.TryRead(out var message))
            {
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            if (_closing is { DropQueued: true })
            {
                break;
            }
        }
        if (_closing is { } closing && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(closing.Status, closing.Reason, _giveUp.Token);
        }
        // END TODO
    }

    /// <summary>
    /// Ends the conversation with this client: nothing more is queued, the sender loop sends what is queued (unless
    /// <paramref name="dropQueued"/>) and then the close frame. The first call decides; later ones change nothing.
    /// A client that does not take it all within <see cref="CloseGracePeriod"/> has its socket aborted: a client that
    /// stopped reading must not keep a connection, or the server's shutdown, waiting.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string reason, bool dropQueued)
    {
        if (Interlocked.CompareExchange(ref _closing, new Closing(status, reason, dropQueued), null) is not null)
        {
            return;
        }
        _queue.Writer.TryComplete();
        _giveUp.CancelAfter(CloseGracePeriod);
    }
}
