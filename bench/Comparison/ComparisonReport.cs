using Workshop.Bench.Output;

namespace Workshop.Bench.Comparison;

/// <summary>A comparison run, as written to JSON: the machine, the settings, and every round of every approach.</summary>
public sealed record ComparisonReport(DateTimeOffset At, Machine Machine, string Note, ComparisonSettings Settings, IReadOnlyList<ApproachReport> Approaches);

public sealed record ComparisonSettings(int Subscribers, int Messages, double MessagesPerSecond, int Repeats, int WarmUpMessages);

/// <summary>One approach: the server it talked to, each measured round, and the medians with their spread.</summary>
public sealed record ApproachReport(string Key, string Label, string Step, string Server, IReadOnlyList<RoundResult> Rounds)
{
    public Figure P50 => Figure.Of(Rounds.Select(r => r.Latency.P50));
    public Figure P95 => Figure.Of(Rounds.Select(r => r.Latency.P95));
    public Figure P99 => Figure.Of(Rounds.Select(r => r.Latency.P99));
    public Figure Max => Figure.Of(Rounds.Select(r => r.Latency.Max));
    public Figure Lost => Figure.Of(Rounds.Select(r => (double)r.Lost));
    public Figure RequestsPerDelivery => Figure.Of(Rounds.Select(r => r.RequestsPerDelivery));
    public Figure Requests => Figure.Of(Rounds.Select(r => (double)r.Requests));
    public Figure EmptyResponses => Figure.Of(Rounds.Select(r => (double)r.EmptyResponses));
    public Figure BytesSentPerDelivery => Figure.Of(Rounds.Select(r => r.BytesSentPerDelivery));
    public Figure BytesReceivedPerDelivery => Figure.Of(Rounds.Select(r => r.BytesReceivedPerDelivery));
    public Figure Connections => Figure.Of(Rounds.Select(r => (double)r.Connections));
    public Figure? ServerCpuMilliseconds => Figure.OfOptional(Rounds.Select(r => r.ServerCpuMilliseconds));
    public Figure? ServerPeakMemoryMiB => Figure.OfOptional(Rounds.Select(r => r.ServerPeakMemoryBytes / (1024.0 * 1024)));

    /// <summary>The latency at each of <see cref="RoundResult.PercentilePoints"/>: the median of the rounds' values.</summary>
    public double[] LatencyPercentiles =>
        [.. RoundResult.PercentilePoints.Select((_, point) => Figure.Of(Rounds.Where(r => r.LatencyPercentiles.Length > point).Select(r => r.LatencyPercentiles[point])).Median)];
}
