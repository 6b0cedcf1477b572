using System.Diagnostics;

namespace Workshop.Bench.Measuring;

/// <summary>
/// A fixed schedule of sends, counted from the moment it starts: send <c>n</c> is due <c>n / rate</c> seconds later.
/// A slow send does not push back the ones after it, as a pause after each send would.
/// </summary>
public sealed class FixedRate
{
    private readonly double _period;
    private readonly long _start = Stopwatch.GetTimestamp();

    private FixedRate(double perSecond) => _period = Stopwatch.Frequency / perSecond;

    /// <summary>A schedule of <paramref name="perSecond"/> sends a second, starting now.</summary>
    public static FixedRate StartNow(double perSecond) => new(perSecond);

    /// <summary>Waits until send <paramref name="send"/> (from 0) is due; at once when it is due already.</summary>
    public Task WaitForTurnAsync(int send, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _start + (long)(send * _period));
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
