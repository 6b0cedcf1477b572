using System.Globalization;
using System.Text;
using Workshop.Bench.FanOut;

namespace Workshop.Bench.Output;

/// <summary>The fan-out as Markdown: one table per server, a row per client count, and the largest count within the bound.</summary>
public static class FanOutTable
{
    public static string Render(FanOutReport report)
    {
        var bound = report.Settings.BoundMilliseconds;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"One client broadcasts {report.Settings.Broadcasts} messages at {report.Settings.BroadcastsPerSecond:0.##} a second to all, " +
            $"{report.Settings.Repeats} round(s) per count after a warm-up; bound: p99 under {bound:0} ms; {report.Machine}.");
        foreach (var server in report.Servers)
        {
            text.AppendLine();
            var largest = server.LargestWithinBound(bound) is { } clients ? FormattableString.Invariant($"**{clients:N0} clients**") : "none";
            text.AppendLine(CultureInfo.InvariantCulture, $"**{server.Label}**: largest count with p99 under {bound:0} ms: {largest}; stopped: {server.StoppedBecause}.");
            text.AppendLine();
            text.AppendLine("| clients | p50 | p99 (spread) | max | lost | server CPU per delivery | clients' CPU per delivery | cores busy | server memory per connection | connected in |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var count in server.Counts)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {count.Clients:N0} | {count.P50.Median:N1} ms | {count.P99.Median:N1} ms ({count.P99.Min:N1}–{count.P99.Max:N1}) | {count.Max.Median:N1} ms | {count.Lost.Max:N0} | ") +
                    (count.CpuMicrosecondsPerDelivery is { } cpu ? string.Create(CultureInfo.InvariantCulture, $"{cpu:0.0} µs") : "not measured") + " | " +
                    string.Create(CultureInfo.InvariantCulture, $"{count.ClientsCpuMicrosecondsPerDelivery:0.0} µs | ") +
                    (count.CoresBusyPercent is { } busy ? string.Create(CultureInfo.InvariantCulture, $"{busy:0}%") : "not measured") + " | " +
                    (count.MemoryKiBPerConnection is { } memory ? string.Create(CultureInfo.InvariantCulture, $"{memory:0.0} KiB") : "not measured") + " | " +
                    string.Create(CultureInfo.InvariantCulture, $"{count.ConnectSeconds:0.0} s |"));
            }
        }
        text.AppendLine();
        text.AppendLine("CPU per delivery: CPU time during the measured rounds over the deliveries, for the server's process and for the clients (this process). " +
            "Cores busy: both together, as a share of every core of the machine for the rounds' duration; near 100%, the machine is the limit. " +
            "At the smallest counts, costs that do not grow with the deliveries (timers, threads waiting for work) weigh on every delivery.");
        text.AppendLine("Memory per connection: the server's resident memory at that count, less its memory before the first client, divided by the count.");
        text.AppendLine(report.Note);
        return text.ToString();
    }
}
