using System.Diagnostics;

namespace LongPolling.Tests.Store;

/// <summary>The store's wait, called directly: no server, no HTTP, only the signal between a post and its readers.</summary>
[Todo(1)]
[GoalBound(10)]
public sealed class StoreWaitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MessageStore NewStore() => new(TimeProvider.System);

    [Fact]
    public async Task Wait_returns_at_once_with_the_messages_after_its_id()
    {
        var store = NewStore();
        store.Add("Ana", "one");
        store.Add("Ana", "two");
        store.Add("Ana", "three");

        var messages = await store.WaitAfterAsync(1, Cancel).WaitAsync(Patience, Cancel);

        messages.Select(message => message.Text).Should().Equal(["two", "three"],
            "messages newer than 1 are kept already, so the wait has nothing to wait for");
    }

    [Fact]
    public async Task Wait_with_nothing_new_gives_back_a_pending_task_without_holding_the_caller()
    {
        var store = NewStore();
        store.Add("Ana", "seen already");

        var wait = await StoreCalls.StartWaitAsync(store, 1, Cancel);

        wait.IsCompleted.Should().BeFalse("nothing newer than 1 exists yet, so the task must still be waiting");
        store.Add("Ana", "news");
        (await wait.WaitAsync(Patience, Cancel)).Select(message => message.Text).Should().Equal(["news"]);
    }

    [Fact]
    public async Task Wait_ends_moments_after_a_message_is_added()
    {
        var store = NewStore();
        var wait = await StoreCalls.StartWaitAsync(store, 0, Cancel);
        await Task.Delay(100, Cancel);
        wait.IsCompleted.Should().BeFalse("the store is empty, so the wait must still be waiting");

        var clock = Stopwatch.StartNew();
        store.Add("Ana", "hola");
        var finished = await Task.WhenAny(wait, Task.Delay(Patience, Cancel)) == wait;
        var latency = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"The wait ended {latency.TotalMilliseconds:0.000} ms after the message was added.");

        finished.Should().BeTrue("adding a message must wake the reader that waits for it (complete the signal it awaits)");
        latency.Should().BeLessThan(TimeSpan.FromSeconds(1), "the reader is woken by the message itself, not by a timer that looks now and then");
        (await wait).Select(message => message.Text).Should().Equal(["hola"]);
    }

    [Fact]
    public async Task One_message_wakes_every_one_of_a_thousand_waiters()
    {
        var store = NewStore();
        List<Task<IReadOnlyList<Message>>> waits = [await StoreCalls.StartWaitAsync(store, 0, Cancel)];
        waits.AddRange(Enumerable.Range(1, 999).Select(_ => store.WaitAfterAsync(0, Cancel)));
        await Task.Delay(100, Cancel);
        waits.Should().OnlyContain(wait => !wait.IsCompleted, "the store is empty, so every wait must still be waiting");

        var message = store.Add("Ana", "for everyone");
        await Task.WhenAny(Task.WhenAll(waits), Task.Delay(Patience, Cancel));

        var woken = waits.Count(wait => wait.IsCompletedSuccessfully && wait.Result.Count == 1 && wait.Result[0].Id == message.Id);
        woken.Should().Be(1000, "one message must wake every waiter, not one of them (a semaphore's Release wakes one)");
    }

    [Fact]
    public async Task Wait_after_an_id_not_reached_yet_ignores_the_messages_up_to_it()
    {
        var store = NewStore();
        var wait = await StoreCalls.StartWaitAsync(store, 2, Cancel);

        store.Add("Ana", "one");
        store.Add("Ana", "two");
        await Task.Delay(100, Cancel);
        wait.IsCompleted.Should().BeFalse("messages 1 and 2 are not after 2: a woken reader looks again and waits on when there is still nothing for it");

        store.Add("Ana", "three");
        (await wait.WaitAsync(Patience, Cancel)).Select(message => message.Text).Should().Equal(["three"]);
    }

    [Fact]
    public async Task Cancelled_wait_ends_at_once()
    {
        var store = NewStore();
        using var client = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var wait = await StoreCalls.StartWaitAsync(store, 0, client.Token);
        await Task.Delay(100, Cancel);

        client.Cancel();
        var ended = await Task.WhenAny(wait, Task.Delay(Patience, Cancel)) == wait;

        ended.Should().BeTrue("a client that goes away cancels the token, and the wait must end then, not at the next message");
        wait.IsCanceled.Should().BeTrue("a cancelled wait ends with an OperationCanceledException; it ended {0}", wait.Status);
    }
}
