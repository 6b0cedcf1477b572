namespace Polling.Messages;

/// <summary>
/// The board's memory: every message in the order it arrived, oldest first, up to <see cref="Capacity"/> of them.
/// Many requests use it at once, so every read and write holds the lock, and no read ever sees a half-added message.
/// </summary>
public sealed class MessageStore(TimeProvider time)
{
    /// <summary>How many messages are kept; adding one more forgets the oldest. Memory stays bounded however long the board runs.</summary>
    public const int Capacity = 1000;

    private readonly Lock _lock = new();
    private readonly List<Message> _messages = [];
    private long _lastId;

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

    /// <summary>Stores a message under the next id (ids grow by one and are never reused, even after the oldest is forgotten).</summary>
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
        // TODO 1: Return a copy of the messages with an id greater than afterId, oldest first.
        //   Hold the lock while you read: another request may be adding a message at the same moment.
        //   Return a new list, not _messages itself: the caller reads it after the lock is released.
        throw new NotImplementedException("TODO 1: Return a copy of the messages with an id greater than afterId, oldest first.");
    }
}
