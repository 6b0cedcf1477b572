using Workshop.Bench.Comparison;
using Workshop.Bench.Output;

namespace Workshop.Bench.FanOut;

/// <summary>A fan-out run, as written to JSON: each server, each client count, and the largest count within the bound.</summary>
public sealed record FanOutReport(DateTimeOffset At, Machine Machine, string Note, FanOutSettings Settings, IReadOnlyList<FanOutServerReport> Servers);

public sealed record FanOutSettings(IReadOnlyList<int> Counts, int Broadcasts, double BroadcastsPerSecond, int Repeats, double BoundMilliseconds);

/// <summary>One server under the fan-out: what each count gave, and why it stopped growing.</summary>
public sealed record FanOutServerReport(string Key, string Label, string Server, IReadOnlyList<FanOutCount> Counts, string StoppedBecause)
{
    /// <summary>The largest client count whose median p99 stayed within the bound with nothing lost; null when none did.</summary>
    public int? LargestWithinBound(double boundMilliseconds) =>
        Counts.Where(c => c.P99.Median <= boundMilliseconds && c.Lost.Max == 0).Select(c => (int?)c.Clients).Max();
}

/// <summary>
/// One client count: how long connecting them took, the broadcast latency over the rounds (median and spread), and the
/// cost: the server's CPU per delivery during the broadcasts and the clients' (this process), how busy the machine's
/// cores were with both (near 100%, the machine is the limit), and the server's memory per connection over its memory
/// with none.
/// </summary>
public sealed record FanOutCount(
    int Clients,
    double ConnectSeconds,
    double? ConnectCpuSeconds,
    Figure P50,
    Figure P99,
    Figure Max,
    Figure Lost,
    long Delivered,
    double? CpuMicrosecondsPerDelivery,
    double ClientsCpuMicrosecondsPerDelivery,
    double? CoresBusyPercent,
    double? MemoryKiBPerConnection,
    double? ServerMemoryMiB);
