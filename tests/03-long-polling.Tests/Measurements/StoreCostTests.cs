using System.Diagnostics;
using LongPolling.Tests.Store;

namespace LongPolling.Tests.Measurements;

/// <summary>What thousands of waits in the store cost: no thread each, a few hundred bytes each, and one message wakes them.</summary>
[Todo(1)]
[Collection(RunsAloneCollection.Name)]
public sealed class StoreCostTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Waits_hold_no_thread_while_they_wait()
    {
        const int count = 1000;
        var store = new MessageStore(TimeProvider.System);
        var threadsBefore = ThreadPool.ThreadCount;

        List<Task<IReadOnlyList<Message>>> waits = [await StoreCalls.StartWaitAsync(store, 0, Cancel)];
        waits.AddRange(Enumerable.Range(1, count - 1).Select(_ => store.WaitAfterAsync(0, Cancel)));
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        var addedThreads = ThreadPool.ThreadCount - threadsBefore;
        var queued = ThreadPool.PendingWorkItemCount;
        store.Add("Ana", "release everyone");
        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"With {count} waits in progress: {addedThreads} more thread-pool threads than before, {queued} work items queued.");

        (addedThreads + queued).Should().BeLessThan(count / 5, "a wait is a task that nothing runs until the message comes; "
            + "a wait that blocks a thread (Wait(), .Result, Task.Run around either) takes one thread for each of the {0} waits, "
            + "and the thread pool grew by {1} threads with {2} work items queued", count, addedThreads, queued);
    }

    [Fact]
    public async Task Ten_thousand_waits_in_the_store_are_all_woken_by_one_message()
    {
        const int count = 10_000;
        var store = new MessageStore(TimeProvider.System);
        var waits = new List<Task<IReadOnlyList<Message>>>(count);
        waits.Add(await StoreCalls.StartWaitAsync(store, 0, Cancel));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 1; i < count; i++)
        {
            waits.Add(store.WaitAfterAsync(0, Cancel));
        }
        var during = GC.GetTotalMemory(forceFullCollection: true);
        if (waits.FirstOrDefault(wait => wait.IsFaulted) is { } failed)
        {
            await failed;
        }
        var clock = Stopwatch.StartNew();
        var message = store.Add("Ana", "for everyone");
        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        var wakeUp = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{count} waits in the store: {(during - before) / (count - 1)} bytes of managed memory each "
            + $"(the list that holds their tasks included, 8 bytes each); one message woke them all in {wakeUp.TotalMilliseconds:0.0} ms.");

        waits.Should().OnlyContain(wait => wait.Result.Count == 1 && wait.Result[0].Id == message.Id,
            "one message wakes every wait, each with that message");
    }
}
