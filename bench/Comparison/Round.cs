using System.Diagnostics;
using Workshop.Bench.Approaches;
using Workshop.Bench.Measuring;
using Workshop.Bench.Servers;
using Workshop.Bench.Wire;

namespace Workshop.Bench.Comparison;

/// <summary>
/// One round: <c>subscribers</c> pages listen, one page sends <c>messages</c> messages at <c>rate</c> a second, and the
/// round ends when every subscriber has every message, or <see cref="Grace"/> after the last one was sent.
/// The server's CPU and memory are measured from the first subscriber's connection to the round's end.
/// </summary>
public sealed class Round(Approach approach, ServerUnderTest server, int subscribers, int messages, double rate)
{
    /// <summary>How long after the last send a round waits for deliveries before it counts the missing ones as lost.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>How long subscribers may take to connect before the round fails.</summary>
    public static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(60);

    /// <summary>Called as the round goes: messages sent, deliveries so far.</summary>
    public Action<long, long, long>? Progress { get; init; }

    public async Task<RoundResult> RunAsync(CancellationToken cancellationToken)
    {
        var counters = new WireCounters();
        var log = new DeliveryLog(messages, subscribers);
        var start = await approach.FindStartingPointAsync(server.BaseAddress, cancellationToken);
        var run = new RunContext(server.BaseAddress, start, counters, log);
        await using var probe = server.ProcessId is { } id ? ProcessProbe.Start(id) : null;
        var clock = Stopwatch.StartNew();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = Enumerable.Range(0, subscribers)
            .Select(index => Task.Run(() => approach.RunSubscriberAsync(index, run, stop.Token), CancellationToken.None))
            .ToArray();
        var failure = Task.WhenAny(listening).Unwrap();
        try
        {
            await WhenFirst(run.AllReady, failure, ConnectPatience, $"{subscribers} subscribers to connect", cancellationToken);
            // A long poll is on its way when its subscriber says it is ready; give the server a moment to hold them all.
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);

            await using (var sender = await approach.ConnectSenderAsync(run, cancellationToken))
            {
                var schedule = FixedRate.StartNow(rate);
                for (var message = 0; message < messages; message++)
                {
                    await schedule.WaitForTurnAsync(message, cancellationToken);
                    ThrowIfFailed(failure);
                    log.Sending(message);
                    await sender.SendAsync(run.Tag.TextOf(message), cancellationToken);
                    Progress?.Invoke(message + 1, log.Delivered, log.Expected);
                }
                await Task.WhenAny(log.Complete, failure, Task.Delay(Grace, cancellationToken));
                ThrowIfFailed(failure);
                Progress?.Invoke(messages, log.Delivered, log.Expected);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(listening.Select(IgnoreCancellation));
        }
        clock.Stop();
        var use = probe is null ? null : await probe.StopAsync();

        var latencies = log.LatenciesInMilliseconds();
        return new RoundResult(
            subscribers, messages, log.Delivered, log.Expected - log.Delivered, log.Duplicates,
            LatencySummary.Of(latencies), RoundResult.PercentilesOf(latencies),
            counters.Requests, counters.EmptyResponses, counters.FailedRequests, counters.Connections,
            counters.BytesSent, counters.BytesReceived,
            use?.Cpu.TotalMilliseconds, use?.PeakWorkingSet, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Waits for <paramref name="goal"/>; a subscriber that fails first, or the patience running out, ends the round.</summary>
    private static async Task WhenFirst(Task goal, Task failure, TimeSpan patience, string what, CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(goal, failure, Task.Delay(patience, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfFailed(failure);
        if (first != goal)
        {
            throw new TimeoutException($"Waited {patience.TotalSeconds} s for {what}.");
        }
    }

    /// <summary>A subscriber ended before the round did: its exception says why (a refused connection, a closed socket).</summary>
    private static void ThrowIfFailed(Task failure)
    {
        if (failure.IsCompleted)
        {
            throw new InvalidOperationException($"A subscriber stopped before the round ended: {failure.Exception?.GetBaseException().Message ?? "it returned"}",
                failure.Exception?.GetBaseException());
        }
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.Net.WebSockets.WebSocketException or HttpRequestException or InvalidOperationException)
        {
            // The round is over: subscribers end by cancellation, and any failure during the round was reported already.
        }
    }
}
