using System.Globalization;
using System.Text;
using Workshop.Bench.Comparison;

namespace Workshop.Bench.Output;

/// <summary>The comparison as a Markdown table: one row per approach, medians of the rounds, the spread in brackets.</summary>
public static class ComparisonTable
{
    public static string Render(ComparisonReport report)
    {
        var spread = report.Settings.Repeats > 1;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{report.Settings.Subscribers} subscribers, {report.Settings.Messages} messages at {report.Settings.MessagesPerSecond:0.##} a second, " +
            $"{report.Settings.Repeats} round(s) after a warm-up; {report.Machine}.");
        text.AppendLine();
        text.AppendLine("| approach | latency p50 | p95 | p99 | max | requests per delivery | empty answers | bytes up per delivery | bytes down per delivery | TCP connections | server CPU | server peak memory | lost |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var approach in report.Approaches)
        {
            text.AppendLine(string.Join(" | ",
                $"| {approach.Label}",
                Milliseconds(approach.P50, spread),
                Milliseconds(approach.P95, false),
                Milliseconds(approach.P99, spread),
                Milliseconds(approach.Max, false),
                Number(approach.RequestsPerDelivery, "0.###"),
                Number(approach.EmptyResponses, "N0"),
                Number(approach.BytesSentPerDelivery, "N0"),
                Number(approach.BytesReceivedPerDelivery, "N0"),
                Number(approach.Connections, "N0"),
                approach.ServerCpuMilliseconds is { } cpu ? Milliseconds(cpu, spread) : "not measured",
                approach.ServerPeakMemoryMiB is { } memory ? Number(memory, "0") + " MiB" : "not measured",
                Number(approach.Lost, "N0") + " |"));
        }
        text.AppendLine();
        text.AppendLine("Latency: from the moment before the sender sent a message to the moment a subscriber had it, over every message and subscriber.");
        text.AppendLine("Bytes: counted at the clients' sockets, headers and frames included; up is towards the server. " +
            "Server CPU and memory: the server's own process, from the first subscriber's connection to the round's end (memory sampled every 50 ms).");
        text.AppendLine(report.Note);
        return text.ToString();
    }

    private static string Milliseconds(Figure figure, bool spread) =>
        Number(figure, figure.Median < 10 ? "0.0" : "N0") + " ms"
        + (spread ? string.Create(CultureInfo.InvariantCulture, $" ({figure.Min.ToString(figure.Min < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture)}–{figure.Max.ToString(figure.Max < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture)})") : "");

    private static string Number(Figure figure, string format) => figure.Median.ToString(format, CultureInfo.InvariantCulture);
}
