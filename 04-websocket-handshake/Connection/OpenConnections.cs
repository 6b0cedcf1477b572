namespace WebSocketHandshake.Connection;

/// <summary>How many WebSocket connections are open right now: each one holds a socket and a buffer until it ends.</summary>
public sealed class OpenConnections
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Opened() => Interlocked.Increment(ref _count);

    public void Closed() => Interlocked.Decrement(ref _count);
}
