namespace Workshop.Bench.Wire;

/// <summary>
/// What the clients of one run put on the wire and took off it, counted where the bytes meet the socket: request and
/// status lines, headers, bodies, the WebSocket handshake and every frame header are all in these figures.
/// Every client of a run shares one instance; every count is atomic.
/// </summary>
public sealed class WireCounters
{
    private long _bytesSent;
    private long _bytesReceived;
    private long _connections;
    private long _requests;
    private long _emptyResponses;
    private long _failedRequests;

    /// <summary>Bytes the clients wrote to their sockets: towards the server.</summary>
    public long BytesSent => Volatile.Read(ref _bytesSent);

    /// <summary>Bytes the clients read from their sockets: from the server.</summary>
    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    /// <summary>TCP connections the clients opened.</summary>
    public long Connections => Volatile.Read(ref _connections);

    /// <summary>HTTP requests the clients sent, WebSocket upgrade requests included.</summary>
    public long Requests => Volatile.Read(ref _requests);

    /// <summary>Answers that brought nothing new: an empty list from a poll, a 204 from a long poll that timed out.</summary>
    public long EmptyResponses => Volatile.Read(ref _emptyResponses);

    /// <summary>Requests that failed: no answer, or an answer that was not a success (a 503, say).</summary>
    public long FailedRequests => Volatile.Read(ref _failedRequests);

    public void Sent(int bytes) => Interlocked.Add(ref _bytesSent, bytes);

    public void Received(int bytes) => Interlocked.Add(ref _bytesReceived, bytes);

    public void ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void RequestSent() => Interlocked.Increment(ref _requests);

    public void EmptyResponse() => Interlocked.Increment(ref _emptyResponses);

    public void RequestFailed() => Interlocked.Increment(ref _failedRequests);
}
