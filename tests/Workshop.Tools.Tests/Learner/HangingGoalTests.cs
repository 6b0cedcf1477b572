using System.Diagnostics;
using FluentAssertions;
using Workshop.Tools.Learner;
using Workshop.Tools.Reports;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

/// <summary>
/// Wrong versions of step 03's TODO 1 that learners wrote, each of which once kept <c>./workshop check 03</c> busy for
/// minutes with no answer. Run the way <c>check</c> runs a step, each must now end within its bound: its goals fail,
/// and a goal that never finishes is stopped with a message that names the bound and the TODO.
/// </summary>
public sealed class HangingGoalTests(LongPollingCopy copy) : IClassFixture<LongPollingCopy>
{
    /// <summary>Far above the bound of a goal (<see cref="Options"/>) and its restarts, far below the minutes of a hang.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    // Below normal priority: a spinning wrong version must not starve the other test projects CI runs beside it.
    private static readonly LiveRunOptions Options = new()
    {
        GoalBound = TimeSpan.FromSeconds(30),
        RunBound = TimeSpan.FromMinutes(3),
        OnlyGoals = [1, 2],
        BelowNormalPriority = true,
    };

    public static TheoryData<string, string, string> WrongVersions => new()
    {
        {
            "a wait that blocks its thread",
            "await nextMessage.WaitAsync(cancellationToken);",
            "nextMessage.Wait(cancellationToken);"
        },
        {
            "a wait on a thread of its own",
            "await nextMessage.WaitAsync(cancellationToken);",
            "await Task.Run(() => nextMessage.Wait(cancellationToken), cancellationToken);"
        },
        {
            "a signal replaced, then completed",
            "_nextMessage.SetResult();\n            _nextMessage = NewSignal();",
            "_nextMessage = NewSignal();\n            _nextMessage.SetResult();"
        },
    };

    [Theory]
    [MemberData(nameof(WrongVersions))]
    public async Task Wrong_wait_fails_its_goals_within_their_bound(string wrong, string right, string written)
    {
        await copy.WriteStoreAsync(right, written);
        var clock = Stopwatch.StartNew();

        var outcomes = await new LiveTestRun(copy.Step, "exercises").RunAsync(Options, _ => { }, TestContext.Current.CancellationToken);

        clock.Stop();
        TestContext.Current.SendDiagnosticMessage($"{wrong}: {outcomes.Count(o => o.Failed)} of {outcomes.Count} failed in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Elapsed.Should().BeLessThan(Patience, "{0} once hung the loop for minutes; every goal is bounded now", wrong);
        outcomes.Where(outcome => outcome.Goal == 1).Should().Contain(outcome => outcome.Failed, "{0} is wrong, and a goal of TODO 1 must say so", wrong);
        outcomes.Where(outcome => outcome.Message.StartsWith("Did not finish", StringComparison.Ordinal))
            .Should().OnlyContain(outcome => outcome.Message.Contains("TODO", StringComparison.Ordinal) && outcome.Message.Contains(" s", StringComparison.Ordinal),
                "a stopped goal says which bound it went past and which TODO it checks");
    }
}

/// <summary>
/// A workshop of one step made in a temporary folder: step 03's tests and its solution in the starter's place, so that
/// a test can write a wrong version into the store and build and run the step as a learner's check does.
/// </summary>
public sealed class LongPollingCopy : IAsyncLifetime
{
    private const string StepName = "03-long-polling";
    private readonly string _folder = Directory.CreateTempSubdirectory("workshop-hanging-").FullName;
    private string _solvedStore = "";

    public Step Step => new(_folder, StepName, "Long polling");

    private string StorePath => Path.Combine(_folder, StepName, "Messages", "MessageStore.cs");

    public ValueTask InitializeAsync()
    {
        var root = WorkshopRoot();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(root, file), Path.Combine(_folder, file));
        }
        Copy(Path.Combine(root, "tests", "Workshop.Testing"), Path.Combine(_folder, "tests", "Workshop.Testing"));
        Copy(Path.Combine(root, "tests", $"{StepName}.Tests"), Path.Combine(_folder, "tests", $"{StepName}.Tests"));
        Copy(Path.Combine(root, "solutions", StepName), Path.Combine(_folder, StepName));
        File.Copy(Path.Combine(root, StepName, "README.md"), Path.Combine(_folder, StepName, "README.md"), overwrite: true);
        _solvedStore = File.ReadAllText(StorePath).ReplaceLineEndings("\n");
        return ValueTask.CompletedTask;
    }

    /// <summary>The solved store with <paramref name="right"/> replaced by <paramref name="written"/>, built.</summary>
    public async Task WriteStoreAsync(string right, string written)
    {
        _solvedStore.Should().Contain(right, "the wrong version replaces a line of the reference solution");
        await File.WriteAllTextAsync(StorePath, _solvedStore.Replace(right, written, StringComparison.Ordinal));
        var build = await StepRun.BuildAsync(_folder, Step, "exercises", TestContext.Current.CancellationToken);
        build.Succeeded.Should().BeTrue("the wrong version compiles, as the learner's did:\n{0}", build.Output);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string WorkshopRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Workshop.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The workshop's root (Workshop.sln) is not above the test's folder.");
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A test program killed a moment ago may still hold a file; the system's temporary folder is cleaned anyway.
        }
        return ValueTask.CompletedTask;
    }
}
