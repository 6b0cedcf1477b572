namespace LongPolling.Tests.Store;

/// <summary>Calls into the store that a wrong wait could block, made so that a blocked call fails a test instead of hanging it.</summary>
internal static class StoreCalls
{
    /// <summary>How long a call to WaitAfterAsync may take to give back its task.</summary>
    public static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(5);

    // Set when a call did not return within the limit: the first such call's failure, which every later call repeats.
    private static string? s_blocked;

    public const string BlockingCall = "WaitAfterAsync must give back a task at once and wait inside it: a call that blocks "
        + "(Wait(), .Result, a lock held while waiting) holds a thread for every waiting client";

    /// <summary>
    /// Calls <see cref="MessageStore.WaitAfterAsync"/> on a thread of its own and gives back the task it returned.
    /// Fails when the call does not return within <see cref="CallLimit"/>, after cancelling it so the thread is released.
    /// </summary>
    public static async Task<Task<IReadOnlyList<Message>>> StartWaitAsync(MessageStore store, long afterId, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref s_blocked) is { } earlier)
        {
            // The same code blocks every call: say so at once instead of waiting out the limit again, and holding one
            // more thread (or one more core, for a wait that spins) for the rest of the run.
            Assert.Fail($"{earlier} (found by an earlier goal of this run; this one would wait as long for the same reason).");
        }
        var release = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var call = Task.Factory.StartNew(() => store.WaitAfterAsync(afterId, release.Token), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (await Task.WhenAny(call, Task.Delay(CallLimit, cancellationToken)) != call)
        {
            await release.CancelAsync();
            var blocked = $"WaitAfterAsync({afterId}) had not returned after {CallLimit.TotalSeconds} s. {BlockingCall}";
            Volatile.Write(ref s_blocked, blocked);
            Assert.Fail(blocked + ".");
        }
        var wait = await call;
        if (wait.IsFaulted)
        {
            await wait;
        }
        return wait;
    }
}
