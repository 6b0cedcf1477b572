using Workshop.Bench.Comparison;
using Workshop.Bench.FanOut;
using Workshop.Bench.Output;

namespace Workshop.Bench;

/// <summary>Runs what the settings ask for, prints the table, and writes the JSON and the chart.</summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var progress = Progress.ForConsole();
        Directory.CreateDirectory(settings.Output);
        if (settings.Render is { } saved)
        {
            return Render(settings, saved);
        }
        Console.WriteLine($"Machine: {Machine.ThisOne()}");
        Console.WriteLine(settings.Servers.Count == 0
            ? "Loopback: the clients and the servers share this machine; see the notes under the table."
            : "The servers given by URL are measured from this machine; the servers the benchmark starts share it with the clients.");
        Console.WriteLine();
        if (settings.FanOut)
        {
            var report = await new FanOutRun(settings, progress).RunAsync(cancellationToken);
            Write(settings, "fanout", JsonOutput.Serialize(report), FanOutTable.Render(report), FanOutChart.Render(report));
            // Stopping at a count is a finding (the machine's limit); not measuring a single count is a failure.
            var unmeasured = report.Servers.Where(server => server.Counts.Count == 0).ToList();
            foreach (var server in unmeasured)
            {
                Console.Error.WriteLine($"{server.Label}: no client count could be measured: {server.StoppedBecause}.");
            }
            return unmeasured.Count == 0 ? 0 : 1;
        }
        else
        {
            var report = await new ComparisonRun(settings, progress).RunAsync(cancellationToken);
            Write(settings, "comparison", JsonOutput.Serialize(report), ComparisonTable.Render(report), ComparisonChart.Render(report));
            var lost = report.Approaches.Sum(a => a.Rounds.Sum(r => r.Lost));
            if (lost > 0)
            {
                Console.Error.WriteLine($"{lost} deliveries were lost: a subscriber never had a message within {Round.Grace.TotalSeconds} s of the last send.");
                return 1;
            }
            return 0;
        }
    }

    /// <summary>
    /// Writes the table and the chart again from a run's JSON, measuring nothing: for a chart whose drawing changed,
    /// with the figures of the run that measured them.
    /// </summary>
    private static int Render(BenchSettings settings, string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"--render: there is no file {path}. Give the comparison.json or fanout.json of a run.");
            return 2;
        }
        var json = File.ReadAllText(path);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        if (document.RootElement.TryGetProperty("servers", out _))
        {
            var report = JsonOutput.Deserialize<FanOutReport>(json)!;
            Write(settings, "fanout", json, FanOutTable.Render(report), FanOutChart.Render(report));
        }
        else
        {
            var report = JsonOutput.Deserialize<ComparisonReport>(json)!;
            Write(settings, "comparison", json, ComparisonTable.Render(report), ComparisonChart.Render(report));
        }
        return 0;
    }

    private static void Write(BenchSettings settings, string name, string json, string table, string svg)
    {
        Console.WriteLine();
        Console.WriteLine(table);
        var jsonPath = Path.Combine(settings.Output, $"{name}.json");
        var svgPath = Path.Combine(settings.Output, $"{name}.svg");
        var tablePath = Path.Combine(settings.Output, $"{name}.md");
        File.WriteAllText(jsonPath, json);
        File.WriteAllText(svgPath, svg);
        File.WriteAllText(tablePath, table);
        Console.WriteLine($"Written: {jsonPath}, {svgPath}, {tablePath}");
    }
}
