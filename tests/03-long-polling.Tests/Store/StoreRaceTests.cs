using System.Diagnostics;
using LongPolling.Tests.Measurements;
using Workshop.Testing;

namespace LongPolling.Tests.Store;

/// <summary>
/// The race of long polling, in the store: a message arrives between "nothing new" and "wait for the signal".
/// A reader that looks at the messages and takes the signal in two steps, not under one lock, can take the signal
/// that comes after the one this message completed, and then waits for a message that has come already.
/// </summary>
[Todo(1)]
[Collection(RunsAloneCollection.Name)]
[RunsLong(3)]
public sealed class StoreRaceTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Message_added_as_a_wait_starts_is_never_lost()
    {
        // Round after round for a few seconds, a reader and a writer start together. Other threads keep asking the
        // store for its count, so the lock is contended and threads are switched often, as on a busy server: the gap
        // between the two steps of a wrong reader is a few nanoseconds wide, and this makes landing in it likelier.
        // Likelier, not certain: a green run proves no race absent, but a red one always shows a real one.
        var store = new MessageStore(TimeProvider.System);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        for (var busy = 0; busy < 3; busy++)
        {
            new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    _ = store.Count;
                }
            }) { IsBackground = true }.Start();
        }
        using var together = new Barrier(2);
        Task<IReadOnlyList<Message>>? wait = null;
        var reader = new Thread(() =>
        {
            try
            {
                for (var round = 1; ; round++)
                {
                    together.SignalAndWait(stop.Token);
                    wait = store.WaitAfterAsync(round - 1, Cancel);
                    together.SignalAndWait(stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The rounds are over.
            }
        }) { IsBackground = true };
        reader.Start();

        var clock = Stopwatch.StartNew();
        var rounds = 0;
        try
        {
            while (clock.Elapsed < Duration)
            {
                rounds++;
                together.SignalAndWait(stop.Token);
                store.Add("Ana", $"round {rounds}");
                together.SignalAndWait(StoreCalls.CallLimit, stop.Token).Should().BeTrue(
                    $"in round {rounds}, WaitAfterAsync had not returned after {StoreCalls.CallLimit.TotalSeconds} s. {StoreCalls.BlockingCall}");

                var seen = await Task.WhenAny(wait!, Task.Delay(TimeSpan.FromSeconds(5), Cancel)) == wait;
                seen.Should().BeTrue($"in round {rounds} the message was added as the wait started, and the wait never saw it: "
                    + "check the messages and take the signal under the same lock, the one Add holds");
                (await wait!).Should().ContainSingle(message => message.Text == $"round {rounds}");
            }
        }
        finally
        {
            await stop.CancelAsync();
            reader.Join();
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{rounds} rounds in {clock.Elapsed.TotalSeconds:0.0} s, no message lost.");
    }
}
