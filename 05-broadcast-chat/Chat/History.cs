namespace BroadcastChat.Chat;

/// <summary>
/// The latest chat messages, already encoded, for a page that reconnects and asks for what it missed. A ring of fixed
/// size: the oldest message makes room for the newest, so memory stays bounded however long the chat runs.
/// Not thread-safe: the room uses it under its lock, where the message order is decided.
/// </summary>
public sealed class History(int capacity)
{
    private readonly (long Id, byte[] Bytes)[] _ring = new (long, byte[])[capacity];
    private int _count;
    private int _next;

    public void Add(long id, byte[] bytes)
    {
        if (_ring.Length == 0)
        {
            return;
        }
        _ring[_next] = (id, bytes);
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    /// <summary>The kept messages with an id greater than <paramref name="id"/>, oldest first.</summary>
    public IEnumerable<byte[]> After(long id)
    {
        var oldest = (_next - _count + _ring.Length) % Math.Max(_ring.Length, 1);
        for (var i = 0; i < _count; i++)
        {
            var (messageId, bytes) = _ring[(oldest + i) % _ring.Length];
            if (messageId > id)
            {
                yield return bytes;
            }
        }
    }
}
