namespace LongPolling.Messages;

/// <summary>
/// The board's memory: every message in the order it arrived, oldest first, up to <see cref="Capacity"/> of them.
/// Many requests use it at once, so every read and write holds the lock, and no read ever sees a half-added message.
/// A reader with nothing new can wait for the next message (<see cref="WaitAfterAsync"/>) instead of asking again.
/// </summary>
public sealed class MessageStore(TimeProvider time)
{
    /// <summary>How many messages are kept; adding one more forgets the oldest. Memory stays bounded however long the board runs.</summary>
    public const int Capacity = 1000;

    private readonly Lock _lock = new();
    private readonly List<Message> _messages = [];
    private long _lastId;

    // The signal of the next message. Every waiting reader awaits this one task; adding a message completes it, which
    // wakes them all, and puts a fresh signal in its place for the message after.
    private TaskCompletionSource _nextMessage = NewSignal();

    /// <summary>How many messages are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>
    /// Stores a message under the next id (ids grow by one and are never reused, even after the oldest is forgotten),
    /// and wakes every reader waiting for it.
    /// </summary>
    public Message Add(string author, string text)
    {
        lock (_lock)
        {
            var message = new Message(++_lastId, author, text, time.GetUtcNow().UtcDateTime);
            _messages.Add(message);
            if (_messages.Count > Capacity)
            {
                _messages.RemoveAt(0);
            }
            // TODO 1: Wake every waiting reader: complete the signal they await, then put a fresh one in its place.
            //   Stay inside the lock: a reader checks the messages and takes the signal under the same lock, so it sees
            //   either this message or the signal this message completes, never neither.
            // Nobody is woken yet: see TODO 1.
            return message;
        }
    }

    /// <summary>The kept message with this id, or null.</summary>
    public Message? Find(long id)
    {
        lock (_lock)
        {
            return _messages.Find(message => message.Id == id);
        }
    }

    /// <summary>
    /// The kept messages whose id is greater than <paramref name="afterId"/>, oldest first: "what is new since the last
    /// message I have?". With <paramref name="afterId"/> 0, every kept message.
    /// </summary>
    public IReadOnlyList<Message> After(long afterId)
    {
        lock (_lock)
        {
            return NewerThan(afterId);
        }
    }

    /// <summary>
    /// The messages after <paramref name="afterId"/> as soon as there are any: at once when some are kept already,
    /// otherwise when the next one arrives. No thread is held while it waits.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    public async Task<IReadOnlyList<Message>> WaitAfterAsync(long afterId, CancellationToken cancellationToken)
    {
        // TODO 1: Return the messages after afterId as soon as there are any; until then, wait without holding a thread.
        //   In a loop: under the lock, read NewerThan(afterId) and, when it is empty, take _nextMessage.Task; then,
        //   outside the lock, await that task with the cancellation token (Task.WaitAsync) and look again.
        throw new NotImplementedException("TODO 1: Return the messages after afterId as soon as there are any; until then, wait without holding a thread.");
    }

    // Ids grow with the position in the list, so the new messages are a tail of it: find where it starts.
    // Returns a copy, which the caller may read after the lock is released. Call it holding the lock.
    private List<Message> NewerThan(long afterId)
    {
        var first = _messages.FindIndex(message => message.Id > afterId);
        return first < 0 ? [] : _messages.GetRange(first, _messages.Count - first);
    }

    // RunContinuationsAsynchronously: Add completes the signal while it holds the lock, and the waiters' code must
    // not run right there, on the posting request's thread and inside the lock, thousands of waiters one after another.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
