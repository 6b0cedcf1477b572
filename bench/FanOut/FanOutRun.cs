using System.Diagnostics;
using System.Globalization;
using Workshop.Bench.Comparison;
using Workshop.Bench.Measuring;
using Workshop.Bench.Output;
using Workshop.Bench.Servers;

namespace Workshop.Bench.FanOut;

/// <summary>
/// The fan-out, in the spirit of the websocket-shootout broadcast benchmark: how many clients one server serves while
/// one of them broadcasts at a fixed rate, within a latency bound. Clients are added count by count; at each count,
/// warm-up broadcasts, then the measured rounds. It stops after the first count whose p99 is over the bound, when a
/// client cannot connect or is dropped, or at the last count.
/// </summary>
public sealed class FanOutRun(BenchSettings settings, Progress progress)
{
    public const string Note =
        "Clients and server share one machine over loopback: the clients' work (reading every broadcast) competes with the " +
        "server for the same cores, so the largest count is this machine's, not the server's alone. Latency: from the moment " +
        "before the talker sent a broadcast to the moment a client had it, over every broadcast and client.";

    /// <summary>Clients connect this many at a time; the next batch waits until the chat has announced the last one to all.</summary>
    private const int Batch = 100;

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private sealed record Target(string Key, string Label, Func<CancellationToken, Task<ServerUnderTest>> StartAsync,
        Func<Uri, int, FanOutBoard, CancellationToken, Task<Listener>> ConnectAsync, bool AnnouncesPresence);

    public async Task<FanOutReport> RunAsync(CancellationToken cancellationToken)
    {
        List<Target> targets =
        [
            new("chat", "05 chat (UseWebSockets)",
                token => settings.Servers.TryGetValue("05", out var url) ? Task.FromResult(ServerUnderTest.AtUrl(url)) : ServerUnderTest.StartStepAsync("05", token),
                ChatListener.ConnectAsync, AnnouncesPresence: true),
        ];
        if (!settings.SkipHub)
        {
            targets.Add(new("signalr", "SignalR hub", ServerUnderTest.StartHubAsync, HubListener.ConnectAsync, AnnouncesPresence: false));
        }
        var reports = new List<FanOutServerReport>();
        foreach (var target in targets)
        {
            reports.Add(await RunTargetAsync(target, cancellationToken));
        }
        var note = settings.Servers.ContainsKey("05") ? Note + " " + ComparisonRun.ElsewhereNote : Note;
        return new FanOutReport(DateTimeOffset.UtcNow, Machine.ThisOne(), note,
            new FanOutSettings(settings.Counts, settings.Broadcasts, settings.BroadcastRate, settings.Repeats, settings.BoundMilliseconds), reports);
    }

    private async Task<FanOutServerReport> RunTargetAsync(Target target, CancellationToken cancellationToken)
    {
        progress.Done($"{target.Label}: starting its server");
        await using var server = await target.StartAsync(cancellationToken);
        var board = new FanOutBoard();
        var listeners = new List<Listener>();
        var counts = new List<FanOutCount>();
        var stopped = $"reached the last count, {settings.Counts[^1]:N0}";
        // The server's memory with no client yet: memory per connection is what each client adds to it.
        var idleMemory = server.ProcessId is { } pid ? ProcessProbe.WorkingSetOf(pid) : (long?)null;
        try
        {
            foreach (var count in settings.Counts.Order())
            {
                var connecting = Stopwatch.StartNew();
                ProcessUse? connectUse;
                await using (var connectProbe = server.ProcessId is { } id ? ProcessProbe.Start(id) : null)
                {
                    try
                    {
                        await GrowAsync(target, server, board, listeners, count, cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // The limit was found another way: the server (or this machine) would not take more clients.
                        stopped = $"could not connect {count:N0} clients: {exception.GetBaseException().Message}";
                        progress.Done($"{target.Label}: {stopped}");
                        break;
                    }
                    connectUse = connectProbe is null ? null : await connectProbe.StopAsync();
                }
                connecting.Stop();

                var measured = await MeasureAsync(target, server, board, listeners, cancellationToken);
                var memory = server.ProcessId is { } p ? ProcessProbe.WorkingSetOf(p) : (long?)null;
                var result = new FanOutCount(
                    count, connecting.Elapsed.TotalSeconds, connectUse?.Cpu.TotalSeconds,
                    Figure.Of(measured.Select(m => m.Latency.P50)), Figure.Of(measured.Select(m => m.Latency.P99)),
                    Figure.Of(measured.Select(m => m.Latency.Max)), Figure.Of(measured.Select(m => (double)m.Lost)),
                    measured.Sum(m => m.Delivered),
                    measured.All(m => m.Cpu is not null) ? measured.Sum(m => m.Cpu!.Value.TotalMicroseconds) / Math.Max(measured.Sum(m => m.Delivered), 1) : null,
                    measured.Sum(m => m.ClientsCpu.TotalMicroseconds) / Math.Max(measured.Sum(m => m.Delivered), 1),
                    measured.All(m => m.Cpu is not null)
                        ? 100 * measured.Sum(m => m.Cpu!.Value.TotalSeconds + m.ClientsCpu.TotalSeconds) / (measured.Sum(m => m.Wall.TotalSeconds) * Environment.ProcessorCount)
                        : null,
                    memory - idleMemory is { } added ? added / 1024.0 / count : null,
                    memory / (1024.0 * 1024));
                counts.Add(result);
                progress.Done(FormattableString.Invariant(
                    $"{target.Label}: {count,6:N0} clients: p50 {result.P50.Median:0.#} ms, p99 {result.P99.Median:0.#} ms ({result.P99.Min:0.#}-{result.P99.Max:0.#}), {result.Lost.Max:N0} lost; connected in {result.ConnectSeconds:0.0} s")
                    + (result.CpuMicrosecondsPerDelivery is { } cpu
                        ? FormattableString.Invariant($"; CPU per delivery: server {cpu:0.0} µs, clients {result.ClientsCpuMicrosecondsPerDelivery:0.0} µs; cores {result.CoresBusyPercent:0}% busy; {result.MemoryKiBPerConnection:0.0} KiB per connection")
                        : ""));
                if (result.Lost.Max > 0)
                {
                    stopped = $"at {count:N0} clients, broadcasts were lost (not delivered within {Grace.TotalSeconds} s)";
                    break;
                }
                if (result.P99.Median > settings.BoundMilliseconds)
                {
                    stopped = $"at {count:N0} clients, p99 was over the bound of {settings.BoundMilliseconds:0} ms";
                    break;
                }
            }
        }
        finally
        {
            progress.Update($"{target.Label}: disconnecting {listeners.Count:N0} clients");
            foreach (var chunk in listeners.Chunk(500))
            {
                await Task.WhenAll(chunk.Select(listener => listener.DisposeAsync().AsTask()));
            }
        }
        return new FanOutServerReport(target.Key, target.Label, server.Description, counts, stopped);
    }

    /// <summary>Connects clients until there are <paramref name="count"/>, a batch at a time.</summary>
    private async Task GrowAsync(Target target, ServerUnderTest server, FanOutBoard board, List<Listener> listeners, int count, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(10));
        while (listeners.Count < count)
        {
            var batch = Enumerable.Range(listeners.Count, Math.Min(Batch, count - listeners.Count));
            listeners.AddRange(await Task.WhenAll(batch.Select(index => target.ConnectAsync(server.BaseAddress, index, board, patience.Token))));
            progress.Update($"{target.Label}: {listeners.Count:N0}/{count:N0} clients connected");
            if (target.AnnouncesPresence)
            {
                // Every join is announced to everyone: wait until all have heard of the last one, so that no client's
                // queue holds more than a batch's announcements, and the broadcasts are measured in a quiet room.
                while (listeners.Any(listener => listener.OnlineSeen < listeners.Count))
                {
                    ThrowIfAnyClosed(listeners);
                    await Task.Delay(20, patience.Token);
                }
            }
        }
    }

    private static void ThrowIfAnyClosed(List<Listener> listeners)
    {
        if (listeners.FirstOrDefault(listener => listener.ClosedBecause is not null) is { } closed)
        {
            throw new InvalidOperationException(closed.ClosedBecause);
        }
    }

    private sealed record Measured(LatencySummary Latency, long Delivered, long Lost, TimeSpan? Cpu, TimeSpan ClientsCpu, TimeSpan Wall);

    /// <summary>A warm-up round, then the measured rounds, each of <see cref="BenchSettings.Broadcasts"/> broadcasts.</summary>
    private async Task<List<Measured>> MeasureAsync(Target target, ServerUnderTest server, FanOutBoard board, List<Listener> listeners, CancellationToken cancellationToken)
    {
        await BroadcastRoundAsync(board, listeners, Math.Min(settings.Broadcasts, 10), $"{target.Label}: {listeners.Count:N0} clients, warming up", cancellationToken);
        var measured = new List<Measured>();
        for (var repeat = 1; repeat <= settings.Repeats; repeat++)
        {
            await using var probe = server.ProcessId is { } id ? ProcessProbe.Start(id) : null;
            // The clients' own CPU: this process. When server and clients together keep every core busy, the machine is
            // the limit, whichever of them is faster.
            var clientsCpu = Environment.CpuUsage.TotalTime;
            var wall = Stopwatch.StartNew();
            var log = await BroadcastRoundAsync(board, listeners, settings.Broadcasts, $"{target.Label}: {listeners.Count:N0} clients, round {repeat}/{settings.Repeats}", cancellationToken);
            var use = probe is null ? null : await probe.StopAsync();
            measured.Add(new Measured(LatencySummary.Of(log.LatenciesInMilliseconds()), log.Delivered, log.Expected - log.Delivered, use?.Cpu,
                Environment.CpuUsage.TotalTime - clientsCpu, wall.Elapsed));
        }
        return measured;
    }

    private async Task<DeliveryLog> BroadcastRoundAsync(FanOutBoard board, List<Listener> listeners, int broadcasts, string label, CancellationToken cancellationToken)
    {
        var round = new FanOutRound(broadcasts, listeners.Count);
        board.Current = round;
        var talker = listeners[0];
        var schedule = FixedRate.StartNow(settings.BroadcastRate);
        for (var broadcast = 0; broadcast < broadcasts; broadcast++)
        {
            await schedule.WaitForTurnAsync(broadcast, cancellationToken);
            round.Log.Sending(broadcast);
            await talker.BroadcastAsync(round.Tag.TextOf(broadcast), cancellationToken);
            progress.Update($"{label}: {broadcast + 1}/{broadcasts} sent, {round.Log.Delivered:N0}/{round.Log.Expected:N0} delivered");
        }
        await Task.WhenAny(round.Log.Complete, Task.Delay(Grace, cancellationToken));
        board.Current = null;
        return round.Log;
    }
}
