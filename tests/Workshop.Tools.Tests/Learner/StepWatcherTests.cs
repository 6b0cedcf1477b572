using FluentAssertions;
using Workshop.Tools.Learner;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

public sealed class StepWatcherTests : IDisposable
{
    private readonly TempFolder _temp = new("workshop-watch-");

    public StepWatcherTests()
    {
        _temp.Write("Http/Parser.cs", "class Parser;\n");
    }

    [Fact]
    public void Write_times_see_a_file_written_added_or_removed_but_not_build_outputs()
    {
        var before = WriteTimes.Take([_temp.Path]);
        _temp.Write("bin/Debug/Out.dll", "build output");
        WriteTimes.Take([_temp.Path]).DifferFrom(before).Should().BeFalse("bin/ and obj/ change on every build");

        File.SetLastWriteTimeUtc(Path.Combine(_temp.Path, "Http/Parser.cs"), DateTime.UtcNow.AddSeconds(5));
        WriteTimes.Take([_temp.Path]).DifferFrom(before).Should().BeTrue("a saved file has a new write time");

        var afterSave = WriteTimes.Take([_temp.Path]);
        _temp.Write("Http/New.cs", "class New;\n");
        WriteTimes.Take([_temp.Path]).DifferFrom(afterSave).Should().BeTrue("a new file is a change");
    }

    [Fact]
    public async Task Polling_alone_detects_a_change_by_write_time()
    {
        // No Start(): no file system notifications, as on a network drive or WSL on a Windows drive.
        using var watcher = new StepWatcher([_temp.Path]) { PollInterval = TimeSpan.FromMilliseconds(200), Debounce = TimeSpan.FromMilliseconds(50) };
        var cancel = TestContext.Current.CancellationToken;
        var change = watcher.WaitForChangeAsync(cancel);

        await Task.Delay(300, cancel);
        change.IsCompleted.Should().BeFalse("nothing has changed yet");
        File.SetLastWriteTimeUtc(Path.Combine(_temp.Path, "Http/Parser.cs"), DateTime.UtcNow.AddSeconds(5));

        var finished = await Task.WhenAny(change, Task.Delay(TimeSpan.FromSeconds(5), cancel));
        finished.Should().BeSameAs(change, "the next poll sees the new write time");
    }

    [Fact]
    public async Task Save_made_while_a_check_runs_is_the_next_change()
    {
        using var watcher = new StepWatcher([_temp.Path]) { PollInterval = TimeSpan.FromMilliseconds(200), Debounce = TimeSpan.FromMilliseconds(50) };
        var cancel = TestContext.Current.CancellationToken;
        File.SetLastWriteTimeUtc(Path.Combine(_temp.Path, "Http/Parser.cs"), DateTime.UtcNow.AddSeconds(5));
        await watcher.WaitForChangeAsync(cancel);

        // The check that change started runs now; the learner saves again before it ends.
        File.SetLastWriteTimeUtc(Path.Combine(_temp.Path, "Http/Parser.cs"), DateTime.UtcNow.AddSeconds(10));

        var next = watcher.WaitForChangeAsync(cancel);
        var finished = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(5), cancel));
        finished.Should().BeSameAs(next, "a save made while a check ran was not checked yet: the next wait ends at once");
    }

    [Fact]
    public async Task Waiting_ends_when_cancelled()
    {
        using var watcher = new StepWatcher([_temp.Path]) { PollInterval = TimeSpan.FromMilliseconds(100) };
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var wait = () => watcher.WaitForChangeAsync(stop.Token);

        await wait.Should().ThrowAsync<OperationCanceledException>();
    }

    public void Dispose() => _temp.Dispose();
}
