using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Workshop.Tools.Reports;
using TraitNames = Workshop.Testing.Goals.Traits;

namespace Workshop.Tools.Learner;

/// <summary>What a live test run tells while it runs: a goal started, or a goal's case ended.</summary>
public abstract record LiveEvent
{
    public sealed record Started(string Method) : LiveEvent;
    public sealed record Finished(TestOutcome Outcome) : LiveEvent;
}

/// <summary>How a live run is bounded and filtered.</summary>
public sealed record LiveRunOptions
{
    /// <summary>
    /// A goal that runs longer than this is stopped and fails; a goal that declares its own bound (<c>[GoalBound]</c>)
    /// has that one, and one with a longer <c>[Fact(Timeout = ...)]</c> has its timeout plus 5 s.
    /// </summary>
    public TimeSpan GoalBound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Run the test program below normal priority: for tests of this runner that run wrong code on purpose (a spinning
    /// wait), so that it does not starve whatever else runs on the machine meanwhile.
    /// </summary>
    public bool BelowNormalPriority { get; init; }

    /// <summary>The run as a whole: past it, whatever still runs is stopped.</summary>
    public TimeSpan RunBound { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Skip the tests that measure rather than teach (trait <c>Measurement</c>).</summary>
    public bool SkipMeasurements { get; init; } = true;

    /// <summary>Run only the goals of these TODOs (<c>-trait Goal=n</c>: the goals the lesson lists under TODO n); all when empty.</summary>
    public IReadOnlyList<int> OnlyGoals { get; init; } = [];

    /// <summary>Leave out the goals of these TODOs.</summary>
    public IReadOnlyList<int> SkipGoals { get; init; } = [];
}

/// <summary>
/// Runs a step's built tests through xUnit.net's own runner, by starting the test program directly (no MSBuild, no
/// <c>dotnet test</c>: a second saved), and reads its JSON progress messages as they come. So the learner sees each
/// goal as soon as it ends and which goal is running, and no goal can hang the loop: one that runs past its bound is
/// stopped, fails with a message that says so, and the goals that had not finished run again without it.
/// </summary>
public sealed class LiveTestRun(Step step, string track)
{
    public string TestProgram => Path.Combine(step.TestsProject, "bin", track, "Debug", "net10.0", $"{step.TestsModule}.dll");

    /// <summary>What the test program wrote besides its progress messages, and what the run decided: for a log file.</summary>
    public string Log => _log.ToString();

    private readonly StringBuilder _log = new();

    /// <summary>
    /// Runs the tests and returns every case's outcome; each is also reported to <paramref name="progress"/> as it
    /// ends. <see cref="WriteReport"/> keeps them as an xUnit.net XML report, so every reader of results reads them alike.
    /// </summary>
    public async Task<IReadOnlyList<TestOutcome>> RunAsync(LiveRunOptions options, Action<LiveEvent> progress, CancellationToken cancel)
    {
        var outcomes = new List<TestOutcome>();
        var excluded = new HashSet<string>(StringComparer.Ordinal); // methods done, or stopped for hanging
        var log = _log;
        var started = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var remaining = options.RunBound - started.Elapsed;
            var round = await RunOnceAsync(options, excluded, remaining, progress, log, cancel);
            outcomes.RemoveAll(outcome => round.Partial.Contains(outcome.Method));
            outcomes.AddRange(round.Outcomes.Where(outcome => !round.Partial.Contains(outcome.Method)));
            if (round.Hung.Count == 0)
            {
                break;
            }
            foreach (var hung in round.Hung)
            {
                outcomes.Add(hung);
                progress(new LiveEvent.Finished(hung));
                excluded.Add(hung.Method);
            }
            excluded.UnionWith(round.Completed);
            // Each restart leaves out at least the goals that hung, so the rounds end; the run's bound keeps them short.
            // No cap on their number: a wrong version that hangs many goals must still reach the goals of every TODO.
            if (started.Elapsed >= options.RunBound)
            {
                log.AppendLine($"Stopped after {attempt + 1} runs in which goals hung; the goals not run yet are left out.");
                break;
            }
        }
        return outcomes;
    }

    private sealed record Round(List<TestOutcome> Outcomes, List<TestOutcome> Hung, HashSet<string> Completed, HashSet<string> Partial);

    private sealed record Running(string Method, string DisplayName, IReadOnlyList<int> Todos, string? Given, TimeSpan Bound, Stopwatch Clock);

    private async Task<Round> RunOnceAsync(LiveRunOptions options, IReadOnlySet<string> excluded, TimeSpan runBound,
        Action<LiveEvent> progress, StringBuilder log, CancellationToken cancel)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(TestProgram)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (options.BelowNormalPriority && !OperatingSystem.IsWindows())
        {
            // nice from the start, so that every thread of the program has it (a priority set later reaches only some).
            start.FileName = "nice";
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add("10");
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(TestProgram);
        foreach (var argument in Arguments(options, excluded))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("WORKSHOP_TRACK");

        var methods = new Dictionary<string, string>(StringComparer.Ordinal);   // TestMethodUniqueID -> method name
        var running = new Dictionary<string, Running>(StringComparer.Ordinal); // TestUniqueID -> what runs
        var outcomes = new List<TestOutcome>();
        var completed = new HashSet<string>(StringComparer.Ordinal);
        var gate = new object();

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started; is the .NET SDK on PATH?");
        process.StandardInput.Close();
        if (options.BelowNormalPriority && OperatingSystem.IsWindows())
        {
            try
            {
                process.PriorityClass = ProcessPriorityClass.BelowNormal;
            }
            catch (Exception refused) when (refused is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                // Only a courtesy to the rest of the machine.
            }
        }
        var errors = process.StandardError.ReadToEndAsync(cancel);
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(cancel) is { } line)
            {
                var brace = line.IndexOf('{', StringComparison.Ordinal);
                if (brace < 0)
                {
                    log.AppendLine(line);
                    continue;
                }
                JsonElement message;
                try
                {
                    message = JsonDocument.Parse(line[brace..]).RootElement;
                }
                catch (JsonException)
                {
                    log.AppendLine(line);
                    continue;
                }
                lock (gate)
                {
                    Handle(message);
                }
            }
        }, cancel);

        void Handle(JsonElement message)
        {
            var type = message.GetProperty("$type").GetString();
            switch (type)
            {
                case "test-method-starting":
                    methods[message.GetProperty("TestMethodUniqueID").GetString()!] = message.GetProperty("MethodName").GetString()!;
                    break;
                case "test-method-finished":
                    if (methods.TryGetValue(message.GetProperty("TestMethodUniqueID").GetString()!, out var finishedMethod))
                    {
                        completed.Add(finishedMethod);
                    }
                    break;
                case "test-starting":
                {
                    var method = methods.GetValueOrDefault(message.GetProperty("TestMethodUniqueID").GetString()!, "?");
                    var (todos, given, declaredBound) = Traits(message);
                    var timeout = message.TryGetProperty("Timeout", out var t) && t.TryGetInt32(out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : TimeSpan.Zero;
                    var bound = declaredBound ?? (timeout > options.GoalBound ? timeout + TimeSpan.FromSeconds(5) : options.GoalBound);
                    running[message.GetProperty("TestUniqueID").GetString()!] = new Running(
                        method, message.GetProperty("TestDisplayName").GetString()!, todos, given, bound, Stopwatch.StartNew());
                    progress(new LiveEvent.Started(method));
                    break;
                }
                case "test-passed" or "test-failed" or "test-skipped" or "test-not-run":
                {
                    if (!running.Remove(message.GetProperty("TestUniqueID").GetString()!, out var test))
                    {
                        break;
                    }
                    var outcome = new TestOutcome(step.TestsModule, test.DisplayName, test.Method, type switch
                    {
                        "test-passed" => "Pass",
                        "test-failed" => "Fail",
                        "test-skipped" => "Skip",
                        _ => "NotRun",
                    }, type == "test-failed" ? FailureMessage(message) : "", test.Todos, test.Given);
                    outcomes.Add(outcome);
                    progress(new LiveEvent.Finished(outcome));
                    break;
                }
            }
        }

        var hung = new List<TestOutcome>();
        var clock = Stopwatch.StartNew();
        try
        {
            while (!process.HasExited)
            {
                await Task.WhenAny(process.WaitForExitAsync(cancel), Task.Delay(TimeSpan.FromMilliseconds(250), cancel));
                lock (gate)
                {
                    var overdue = running.Values.Where(test => test.Clock.Elapsed > test.Bound).ToList();
                    var outOfTime = clock.Elapsed > runBound;
                    if (overdue.Count == 0 && !outOfTime)
                    {
                        continue;
                    }
                    foreach (var test in outOfTime ? [.. running.Values] : overdue)
                    {
                        hung.Add(new TestOutcome(step.TestsModule, test.DisplayName, test.Method, "Fail", HungMessage(test, outOfTime, runBound), test.Todos, test.Given));
                    }
                    Kill(process);
                    break;
                }
            }
            await process.WaitForExitAsync(cancel);
            await reading.WaitAsync(TimeSpan.FromSeconds(5), cancel).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        log.AppendLine(await errors.WaitAsync(TimeSpan.FromSeconds(5), cancel).ConfigureAwait(false));
        lock (gate)
        {
            // A method with cases that ended and cases that never did runs again whole.
            var partial = hung.Count == 0 ? new HashSet<string>(StringComparer.Ordinal)
                : outcomes.Select(outcome => outcome.Method).Where(method => !completed.Contains(method)).ToHashSet(StringComparer.Ordinal);
            partial.ExceptWith(hung.Select(test => test.Method));
            return new Round(outcomes, hung.DistinctBy(test => test.Method).ToList(), completed, partial);
        }
    }

    private static IEnumerable<string> Arguments(LiveRunOptions options, IReadOnlySet<string> excluded)
    {
        yield return "-reporter";
        yield return "json";
        yield return "-noColor";
        yield return "-noLogo";
        yield return "-noAutoReporters";
        if (options.SkipMeasurements)
        {
            yield return "-trait-";
            yield return $"{TraitNames.Measurement}=true";
        }
        foreach (var todo in options.OnlyGoals)
        {
            yield return "-trait";
            yield return $"{TraitNames.Goal}={todo.ToString(CultureInfo.InvariantCulture)}";
        }
        foreach (var todo in options.SkipGoals)
        {
            yield return "-trait-";
            yield return $"{TraitNames.Goal}={todo.ToString(CultureInfo.InvariantCulture)}";
        }
        foreach (var method in excluded)
        {
            yield return "-method-";
            yield return $"*.{method}";
        }
    }

    private static (IReadOnlyList<int> Todos, string? Given, TimeSpan? Bound) Traits(JsonElement message)
    {
        if (!message.TryGetProperty("Traits", out var traits) || traits.ValueKind != JsonValueKind.Object)
        {
            return ([], null, null);
        }
        var todos = traits.TryGetProperty(TraitNames.Todo, out var t)
            ? t.EnumerateArray().Select(value => int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).Order().ToList()
            : [];
        var given = traits.TryGetProperty(TraitNames.Given, out var g) ? g.EnumerateArray().Select(value => value.GetString()).FirstOrDefault() : null;
        // [GoalBound(seconds)]; when a class and one of its methods both declare one, the shorter counts.
        var bounds = traits.TryGetProperty(TraitNames.Bound, out var b)
            ? b.EnumerateArray().Select(value => int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0)
                .Where(seconds => seconds > 0).ToList()
            : [];
        return (todos, given, bounds.Count == 0 ? null : TimeSpan.FromSeconds(bounds.Min()));
    }

    /// <summary>The failure as xUnit.net's reports write it: "Type : message" for each exception, assertions without their type.</summary>
    internal static string FailureMessage(JsonElement message)
    {
        var types = message.TryGetProperty("ExceptionTypes", out var t) ? t.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
        var messages = message.TryGetProperty("Messages", out var m) ? m.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
        var parents = message.TryGetProperty("ExceptionParentIndices", out var p) ? p.EnumerateArray().Select(e => e.GetInt32()).ToList() : [];
        if (messages.Count == 0)
        {
            return "";
        }
        string Describe(int index, int level)
        {
            var text = new StringBuilder();
            if (level > 0)
            {
                text.Append(new string('-', 4 * level)).Append(' ');
            }
            var type = index < types.Count ? types[index] : "";
            if (!type.StartsWith("Xunit.Sdk.", StringComparison.Ordinal) && type.Length > 0)
            {
                text.Append(type).Append(" : ");
            }
            text.Append(messages[index]);
            for (var child = index + 1; child < parents.Count; child++)
            {
                if (parents[child] == index)
                {
                    text.Append('\n').Append(Describe(child, level + 1));
                }
            }
            return text.ToString();
        }
        return Describe(0, 0);
    }

    private static string HungMessage(Running test, bool outOfTime, TimeSpan runBound)
    {
        var todos = test.Todos.Count == 0 ? "its TODO" : test.Todos.Count == 1
            ? $"TODO {test.Todos[0]}" : $"TODOs {string.Join(", ", test.Todos)}";
        var seconds = (int)Math.Ceiling((outOfTime ? runBound : test.Bound).TotalSeconds);
        return outOfTime
            ? $"Did not finish: the whole run of this step's goals is bounded to {seconds} s, and it was still running then. " +
              $"It checks {todos}: some code there waits for something that never happens."
            : $"Did not finish within {seconds} s, the bound of this goal, so it was stopped. It checks {todos}. " +
              "Code that never returns looks like this: a wait nothing ever completes, a thread blocked on a task " +
              "(.Wait(), .Result, a lock held while waiting), or a loop whose condition never changes.";
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }

    /// <summary>
    /// Writes outcomes as an xUnit.net v2 XML report, the shape <c>--report-xunit-xml</c> writes and
    /// <see cref="TestResults.Read"/> reads, into <paramref name="resultsFolder"/> (emptied first), with the run's log.
    /// </summary>
    public void WriteResults(string resultsFolder, IEnumerable<TestOutcome> outcomes)
    {
        if (Directory.Exists(resultsFolder))
        {
            Directory.Delete(resultsFolder, recursive: true);
        }
        Directory.CreateDirectory(resultsFolder);
        File.WriteAllText(Path.Combine(resultsFolder, "test-output.log"), Log);
        WriteReport(Path.Combine(resultsFolder, $"{step.TestsModule}.xunit.xml"), step.TestsModule, outcomes);
    }

    internal static void WriteReport(string path, string module, IEnumerable<TestOutcome> outcomes)
    {
        var tests = outcomes.Select(outcome => new XElement("test",
            new XAttribute("name", outcome.Name),
            new XAttribute("method", outcome.Method),
            new XAttribute("result", outcome.Outcome),
            new XElement("traits",
                outcome.Todos.Select(todo => new XElement("trait", new XAttribute("name", TraitNames.Todo), new XAttribute("value", todo.ToString(CultureInfo.InvariantCulture)))),
                outcome.Given is null ? null : new XElement("trait", new XAttribute("name", TraitNames.Given), new XAttribute("value", outcome.Given))),
            outcome.Failed ? new XElement("failure", new XElement("message", outcome.Message)) : null));
        new XDocument(new XElement("assemblies", new XElement("assembly", new XAttribute("name", module + ".dll"), new XElement("collection", tests))))
            .Save(path);
    }
}
