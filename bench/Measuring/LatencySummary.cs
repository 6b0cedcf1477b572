namespace Workshop.Bench.Measuring;

/// <summary>Percentiles of a set of latencies, in milliseconds, by the nearest-rank method (no interpolation).</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IReadOnlyCollection<double> latencies)
    {
        if (latencies.Count == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = latencies.Order().ToArray();
        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>The smallest value that at least <paramref name="percent"/>% of the sorted values do not exceed.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Length);
        // percent x count first: for a whole percent that product is exact, where percent / 100 is not (0.07 x 100 is
        // 7.000000000000001, whose ceiling would be the 8th value).
        var rank = (int)Math.Ceiling(percent * sorted.Length / 100);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
