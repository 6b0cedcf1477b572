using Workshop.Bench.FanOut;

namespace Workshop.Bench.Output;

/// <summary>
/// The fan-out as a chart: broadcast latency (p50 dashed, p99 solid) against the number of clients, one colour per
/// server, both axes logarithmic, with the bound drawn across.
/// </summary>
public static class FanOutChart
{
    private const double Width = 960, Height = 520, Left = 90, Right = 650, Top = 60, Bottom = 440;

    public static string Render(FanOutReport report)
    {
        var svg = new Svg(Width, Height);
        svg.Text(20, 30, FormattableString.Invariant($"Broadcast fan-out: {report.Settings.BroadcastsPerSecond:0.##} broadcasts a second, latency against clients"), 17, weight: "bold");
        var counts = report.Servers.SelectMany(s => s.Counts).ToList();
        var fewest = Math.Max(counts.Select(c => c.Clients).DefaultIfEmpty(100).Min(), 1);
        var most = Math.Max(counts.Select(c => c.Clients).DefaultIfEmpty(1000).Max(), fewest * 10);
        // Whole decades from below the fastest median to above the slowest p99 and the bound.
        var slowest = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(counts.Select(c => c.P99.Median).Where(double.IsFinite).DefaultIfEmpty(1).Max(), report.Settings.BoundMilliseconds * 2))));
        var lowMs = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(counts.Select(c => c.P50.Median).Where(double.IsFinite).DefaultIfEmpty(1).Min(), 0.01))));
        double X(double clients) => Left + Math.Log10(clients / (double)fewest) / Math.Log10(most / (double)fewest) * (Right - Left);
        double Y(double ms) => Bottom - Math.Log10(Math.Max(ms, lowMs) / lowMs) / Math.Log10(slowest / lowMs) * (Bottom - Top);

        for (var ms = lowMs; ms <= slowest; ms *= 10)
        {
            svg.Line(Left, Y(ms), Right, Y(ms), "#ddd");
            svg.Text(Left - 8, Y(ms) + 4, Svg.Label(ms) + " ms", 11, "end", "#555");
        }
        foreach (var clients in counts.Select(c => c.Clients).Distinct().Order())
        {
            svg.Line(X(clients), Top, X(clients), Bottom, "#eee");
            svg.Text(X(clients), Bottom + 18, clients.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), 11, "middle", "#555");
        }
        svg.Text((Left + Right) / 2, Bottom + 40, "connected clients", 12, "middle", "#555");
        var bound = report.Settings.BoundMilliseconds;
        svg.Line(Left, Y(bound), Right, Y(bound), "#c0392b", 1.5, "stroke-dasharray=\"6 4\"");
        svg.Text(Right - 4, Y(bound) - 6, FormattableString.Invariant($"bound: p99 {bound:0} ms"), 11, "end", "#c0392b");

        var legendY = Top + 10;
        foreach (var server in report.Servers)
        {
            var colour = Svg.ColourOf(server.Key);
            var p99 = server.Counts.Select(c => (X(c.Clients), Y(c.P99.Median))).ToList();
            var p50 = server.Counts.Select(c => (X(c.Clients), Y(c.P50.Median))).ToList();
            svg.Polyline(p99, colour, 2.5);
            svg.Add($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\" points=\"{string.Join(' ', p50.Select(p => $"{Svg.N(p.Item1)},{Svg.N(p.Item2)}"))}\"/>");
            foreach (var (x, y) in p99)
            {
                svg.Circle(x, y, 3.5, colour);
            }
            svg.Rect(Right + 25, legendY - 9, 14, 14, colour);
            svg.Text(Right + 46, legendY + 2, server.Label, 13, weight: "bold");
            var largest = server.LargestWithinBound(bound);
            svg.Text(Right + 46, legendY + 20, largest is { } n ? FormattableString.Invariant($"{n:N0} clients within the bound") : "no count within the bound", 12, fill: "#333");
            // The server's cost where it still kept the bound (or at its last count, when none did).
            var cpu = server.Counts.LastOrDefault(c => c.Clients == largest) ?? server.Counts.LastOrDefault();
            if (cpu?.CpuMicrosecondsPerDelivery is { } microseconds)
            {
                svg.Text(Right + 46, legendY + 37, FormattableString.Invariant($"server: {microseconds:0.0} µs CPU per delivery at {cpu.Clients:N0}"), 12, fill: "#333");
            }
            legendY += 70;
        }
        svg.Text(Right + 25, legendY + 4, "solid: p99, dashed: p50", 12, fill: "#555");
        svg.Text(20, Height - 14, FormattableString.Invariant($"Measured on {report.Machine}, {report.At:yyyy-MM-dd}. Loopback: clients and server on one machine."), 11, fill: "#555");
        return svg.ToString();
    }
}
