namespace LongPolling.Stats;

/// <summary>
/// Counts what reading costs: every answered read of the messages is a request, whether it answered at once or after
/// a wait, and the ones that brought nothing new are empty responses.
/// Requests update the counters at the same time, so each update is one atomic <see cref="Interlocked"/> step.
/// </summary>
public sealed class ReadStats
{
    private long _requests;
    private long _emptyResponses;

    public long Requests => Interlocked.Read(ref _requests);
    public long EmptyResponses => Interlocked.Read(ref _emptyResponses);

    /// <summary>Counts one read that answered <paramref name="messageCount"/> messages.</summary>
    public void CountRead(int messageCount)
    {
        Interlocked.Increment(ref _requests);
        if (messageCount == 0)
        {
            Interlocked.Increment(ref _emptyResponses);
        }
    }
}
