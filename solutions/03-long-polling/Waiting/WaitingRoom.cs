using Microsoft.Extensions.Options;

namespace LongPolling.Waiting;

/// <summary>
/// Counts the waits in progress and keeps their number bounded. Each one holds a connection and some memory for as
/// long as it waits, so without a limit enough clients could use up the server; past the limit a wait is refused.
/// Requests enter and leave at the same time, so each change is one atomic <see cref="Interlocked"/> step.
/// </summary>
public sealed class WaitingRoom(IOptions<LongPollingOptions> options)
{
    /// <summary>What a refused client is told, in seconds: try again after this long (the <c>Retry-After</c> header).</summary>
    public const int RetryAfterSeconds = 5;

    private int _waiting;

    /// <summary>How many waits may be in progress at once (<see cref="LongPollingOptions.MaxWaiting"/>).</summary>
    public int Capacity => options.Value.MaxWaiting;

    /// <summary>How many waits are in progress now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a place when one is free; every <c>true</c> must be followed by exactly one <see cref="Leave"/>.</summary>
    public bool TryEnter()
    {
        // Take the place first, then look: two requests arriving together can never both take the last one.
        if (Interlocked.Increment(ref _waiting) <= Capacity)
        {
            return true;
        }
        Interlocked.Decrement(ref _waiting);
        return false;
    }

    /// <summary>Gives back the place that <see cref="TryEnter"/> took.</summary>
    public void Leave() => Interlocked.Decrement(ref _waiting);
}
