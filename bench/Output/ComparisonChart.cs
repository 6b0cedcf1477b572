using Workshop.Bench.Comparison;

namespace Workshop.Bench.Output;

/// <summary>
/// The comparison as a chart: on the left, each approach's latency (a dot at the median, a bar to p99, a line to the
/// maximum) on a logarithmic scale; on the right, HTTP requests per delivered message.
/// </summary>
public static class ComparisonChart
{
    private const double Width = 960, Top = 70, RowHeight = 46, LabelRight = 200;
    private const double LatencyLeft = 215, LatencyRight = 600, RequestsLeft = 660, RequestsRight = 900;

    public static string Render(ComparisonReport report)
    {
        var rows = report.Approaches;
        var height = Top + rows.Count * RowHeight + 70;
        var svg = new Svg(Width, height);
        svg.Text(20, 28, FormattableString.Invariant($"Polling, long polling and WebSocket: {report.Settings.Subscribers} subscribers, {report.Settings.Messages} messages at {report.Settings.MessagesPerSecond:0.##}/s"), 17, weight: "bold");
        svg.Text(LatencyLeft, Top - 14, "delivery latency, ms (log scale): dot p50, bar to p99, line to max", 12, fill: "#555");
        svg.Text(RequestsLeft, Top - 14, "HTTP requests per delivered message", 12, fill: "#555");

        var slowest = rows.Select(r => r.Max.Median).Where(double.IsFinite).DefaultIfEmpty(1000).Max();
        var decades = Math.Max(3, (int)Math.Ceiling(Math.Log10(Math.Max(slowest, 1))) + 1);
        double X(double ms) => LatencyLeft + (Math.Log10(Math.Clamp(ms, 0.1, Math.Pow(10, decades - 1))) + 1) / decades * (LatencyRight - LatencyLeft);
        var bottom = Top + rows.Count * RowHeight;
        for (var decade = -1; decade < decades; decade++)
        {
            var x = X(Math.Pow(10, decade));
            svg.Line(x, Top - 4, x, bottom, "#ddd");
            svg.Text(x, bottom + 16, Svg.Label(Math.Pow(10, decade)), 11, "middle", "#555");
        }

        var mostRequests = rows.Select(r => r.RequestsPerDelivery.Median).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double Bar(double value) => value / Math.Max(mostRequests, 1e-9) * (RequestsRight - RequestsLeft - 50);

        foreach (var (approach, index) in rows.Select((a, i) => (a, i)))
        {
            var y = Top + index * RowHeight + RowHeight / 2;
            var colour = Svg.ColourOf(approach.Key);
            svg.Text(LabelRight, y + 5, approach.Label, 14, "end", weight: "bold");
            svg.Line(X(approach.P50.Median), y, X(approach.Max.Median), y, colour, 1.5);
            svg.Rect(X(approach.P50.Median), y - 7, X(approach.P99.Median) - X(approach.P50.Median), 14, colour);
            svg.Circle(X(approach.P50.Median), y, 6, "#222");
            svg.Text(X(approach.Max.Median) + 6, y + 4, $"p50 {Svg.Label(approach.P50.Median)}, p99 {Svg.Label(approach.P99.Median)}", 11, fill: "#333");

            var requests = approach.RequestsPerDelivery.Median;
            svg.Rect(RequestsLeft, y - 9, Bar(requests), 18, colour);
            svg.Text(RequestsLeft + Bar(requests) + 6, y + 5, Svg.Label(requests), 12);
        }
        svg.Text(20, height - 18, FormattableString.Invariant($"Measured on {report.Machine}, {report.At:yyyy-MM-dd}. Loopback: clients and server on one machine."), 11, fill: "#555");
        return svg.ToString();
    }
}
