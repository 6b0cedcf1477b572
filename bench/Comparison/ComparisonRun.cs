using System.Globalization;
using Workshop.Bench.Approaches;
using Workshop.Bench.Output;
using Workshop.Bench.Servers;

namespace Workshop.Bench.Comparison;

/// <summary>
/// The comparison: for each approach, its step's server (started fresh, or the one given by URL), a warm-up round that
/// is not reported (the server's code is compiled as it first runs), then the measured rounds.
/// </summary>
public sealed class ComparisonRun(BenchSettings settings, Progress progress)
{
    public const string Note =
        "Clients and server share one machine and talk over loopback: no network delay, and the clients' own work competes " +
        "with the server for the same cores. Each figure is the median of the rounds; the spread is the smallest and largest round.";

    /// <summary>Added when a server was given by URL: it may be on another machine, and then the figures include the network.</summary>
    public const string ElsewhereNote =
        "A server given by URL may run on another machine: its latencies then include the network, and its CPU and memory are not measured.";

    public async Task<ComparisonReport> RunAsync(CancellationToken cancellationToken)
    {
        var approaches = Chosen();
        var reports = new List<ApproachReport>();
        foreach (var approach in approaches)
        {
            progress.Done($"{approach.Label}: starting its server");
            await using var server = settings.Servers.TryGetValue(approach.Step, out var url)
                ? ServerUnderTest.AtUrl(url)
                : await ServerUnderTest.StartStepAsync(approach.Step, cancellationToken);

            var warmUp = new Round(approach, server, Math.Min(settings.Clients, 10), settings.WarmUpMessages, Math.Max(settings.Rate, 20))
            {
                Progress = (sent, delivered, expected) => progress.Update($"{approach.Label}: warming up, {sent} sent, {delivered:N0}/{expected:N0} delivered"),
            };
            await warmUp.RunAsync(cancellationToken);

            var rounds = new List<RoundResult>();
            for (var repeat = 1; repeat <= settings.Repeats; repeat++)
            {
                var label = $"{approach.Label}: round {repeat}/{settings.Repeats}";
                var round = new Round(approach, server, settings.Clients, settings.Messages, settings.Rate)
                {
                    Progress = (sent, delivered, expected) =>
                        progress.Update($"{label}, {sent}/{settings.Messages} sent, {delivered:N0}/{expected:N0} delivered"),
                };
                var result = await round.RunAsync(cancellationToken);
                rounds.Add(result);
                progress.Done(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: p50 {result.Latency.P50:0.#} ms, p99 {result.Latency.P99:0.#} ms, {result.RequestsPerDelivery:0.###} requests per delivery, {result.Lost} lost ({result.Seconds:0.0} s)"));
            }
            reports.Add(new ApproachReport(approach.Key, approach.Label, approach.Step, server.Description, rounds));
        }
        var note = settings.Servers.Count == 0 ? Note : Note + " " + ElsewhereNote;
        return new ComparisonReport(DateTimeOffset.UtcNow, Machine.ThisOne(), note,
            new ComparisonSettings(settings.Clients, settings.Messages, settings.Rate, settings.Repeats, settings.WarmUpMessages), reports);
    }

    private List<Approach> Chosen()
    {
        var unknown = settings.Only.Except(Approach.All.Select(a => a.Key)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--only: no approach is named {string.Join(", ", unknown)}. The approaches: {string.Join(", ", Approach.All.Select(a => a.Key))}.");
        }
        return [.. Approach.All.Where(a => settings.Only.Count == 0 || settings.Only.Contains(a.Key))];
    }
}
