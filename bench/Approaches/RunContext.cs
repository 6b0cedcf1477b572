using Workshop.Bench.Measuring;
using Workshop.Bench.Wire;

namespace Workshop.Bench.Approaches;

/// <summary>
/// What every client of one run shares: the server, where its messages stood when the run began, the counters, the
/// delivery log, and the tag that marks this run's messages.
/// </summary>
public sealed class RunContext(Uri server, StartingPoint start, WireCounters counters, DeliveryLog log)
{
    private int _ready;
    private readonly TaskCompletionSource _allReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri Server { get; } = server;

    public StartingPoint Start { get; } = start;

    public WireCounters Counters { get; } = counters;

    public DeliveryLog Log { get; } = log;

    /// <summary>Completes once every subscriber is connected and listening: the first message is sent after it.</summary>
    public Task AllReady => _allReady.Task;

    /// <summary>The mark on this run's message texts: only those count.</summary>
    public MessageTag Tag { get; } = new("bench");

    /// <summary>Called once by each subscriber when it listens.</summary>
    public void SubscriberReady()
    {
        if (Interlocked.Increment(ref _ready) == Log.Subscribers)
        {
            _allReady.TrySetResult();
        }
    }
}

/// <summary>
/// Where the server's messages stood before the run: the last message id, and for the chat the id of the server's run
/// (its catch-up only trusts ids from the same run). Subscribers start from here, as a page that has been open a while
/// would: the benchmark measures new messages, not a first page load's history.
/// </summary>
public sealed record StartingPoint(long LastId, string? ServerId = null);
