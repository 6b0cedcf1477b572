using Workshop.Bench.Measuring;

namespace Workshop.Bench.Comparison;

/// <summary>
/// Everything one measured round of one approach gave. "Per delivery" divides by the deliveries that happened
/// (messages x subscribers, when nothing is lost).
/// </summary>
public sealed record RoundResult(
    int Subscribers,
    int Messages,
    long Delivered,
    long Lost,
    long Duplicates,
    LatencySummary Latency,
    double[] LatencyPercentiles,
    long Requests,
    long EmptyResponses,
    long FailedRequests,
    long Connections,
    long BytesSent,
    long BytesReceived,
    double? ServerCpuMilliseconds,
    long? ServerPeakMemoryBytes,
    double Seconds)
{
    public double RequestsPerDelivery => Per(Requests);

    public double BytesSentPerDelivery => Per(BytesSent);

    public double BytesReceivedPerDelivery => Per(BytesReceived);

    public double? ServerCpuMicrosecondsPerDelivery => ServerCpuMilliseconds * 1000 / Math.Max(Delivered, 1);

    private double Per(long count) => Delivered == 0 ? double.NaN : (double)count / Delivered;

    /// <summary>The points of <see cref="LatencyPercentiles"/>: every whole percent from 0 to 100, then 99.9.</summary>
    public static IReadOnlyList<double> PercentilePoints { get; } = [.. Enumerable.Range(0, 101).Select(p => (double)p), 99.9];

    public static double[] PercentilesOf(double[] latencies)
    {
        if (latencies.Length == 0)
        {
            return [];
        }
        var sorted = latencies.Order().ToArray();
        return [.. PercentilePoints.Select(p => p == 0 ? sorted[0] : LatencySummary.Percentile(sorted, p))];
    }
}
