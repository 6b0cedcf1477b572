using Workshop.Tools.Lessons;
using Workshop.Tools.Reports;

namespace Workshop.Tools.Learner;

/// <summary>
/// The learner's companion: where am I, is this step done, what next. Every answer comes from a test run on the
/// learner's code (the exercises track), judged by the tests' own declarations and the step's README.
/// </summary>
public sealed class LearnerCommands(string root, Terminal terminal, TextWriter error)
{
    private const string Track = "exercises";

    /// <summary>How the learner starts this command, for the commands it suggests: set by the wrappers at the root.</summary>
    private static readonly string Self = Environment.GetEnvironmentVariable("WORKSHOP_COMMAND") is { Length: > 0 } self ? self : "./workshop";

    public async Task<int> RunAsync(LearnerCommand command, CancellationToken cancel)
    {
        if (command.Name == "help")
        {
            terminal.Line(Usage);
            return 0;
        }
        if (command.Name == "status")
        {
            return await StatusAsync(cancel);
        }
        if (command.Name == "verify")
        {
            return await new Verify(root, terminal).RunAsync(cancel, command.Results);
        }
        Step? step = null;
        if (command.Step is not null)
        {
            step = Steps.Find(root, command.Step, out var problem);
            if (step is null)
            {
                error.WriteLine(problem);
                return 2;
            }
        }
        return command.Name switch
        {
            "check" => await CheckAsync(step!, cancel, again: command.Again, all: command.All),
            "watch" => await WatchAsync(step, cancel, command.All),
            "hint" => await HintAsync(step!, cancel),
            "diff" => Diff(step!),
            "solution" => await SolutionAsync(step!, command.Force, cancel),
            "reset" => Reset(step!, command.Yes),
            _ => 2,
        };
    }

    public static string Usage => $"""
        The workshop's companion. From anywhere in the workshop:
          {Self}                    every step's progress, and your next goal
          {Self} check 01           build and test step 01 on your code: every goal, passed or failed, with hints
                                   (--again: run even when nothing changed; --all: with the measurements too)
          {Self} watch [01]         check again each time you save a file of the step (Ctrl+C to stop)
          {Self} hint 01            the next hint for the goal you are on; again for the one after
          {Self} diff 01            what you changed in step 01, against its original starter
          {Self} solution 01        the reference solution's changes to the starter (once step 01 passes, or --force)
          {Self} reset 01           put step 01's original starter back (your files are backed up first; --yes to skip the question)
          {Self} verify             for maintainers and CI: solutions pass, starters fail every goal, no drift, every TODO has hints
        A step is its number (01, 1) or its folder (01-http-basics).
        """;

    // ----- status -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Every step's progress as its last check left it, without running anything (a fresh clone answers at once), and
    /// the next goal of the step the learner worked on last: a class that starts at step 03 stays at step 03.
    /// </summary>
    private Task<int> StatusAsync(CancellationToken cancel)
    {
        _ = cancel;
        var steps = Steps.All(root);
        if (steps.Count == 0)
        {
            error.WriteLine("No steps found: run this from the workshop, where tests/NN-step.Tests/ hold each step's goals.");
            return Task.FromResult(2);
        }
        terminal.Line(terminal.Bold("Realtime Web Workshop: your progress"));
        var width = steps.Max(step => step.Title.Length);
        var checkedSteps = new List<(StepProgress Progress, DateTime When)>();
        var passed = 0;
        var total = 0;
        foreach (var step in steps)
        {
            var label = $"  {step.Number}  {step.Title.PadRight(width)}  ";
            if (!Directory.Exists(step.Folder))
            {
                terminal.Line(label + terminal.Red($"folder {step.Name}/ is missing"));
                continue;
            }
            var store = new ProgressStore(step);
            var results = TestResults.Read(store.ResultsFolder);
            if (results.Count == 0)
            {
                terminal.Line(label + terminal.Dim($"not checked yet: {Self} check {step.Number}"));
                continue;
            }
            var progress = new StepProgress(step, LessonGoals.InLessonOrder(results, step.Readme));
            checkedSteps.Add((progress, store.ResultsTime));
            passed += progress.Passed;
            total += progress.Total;
            var count = $"{progress.Passed,3}/{progress.Total} goals";
            var stale = store.CurrentResults(ProgressStore.SourceStamp(step)) is null ? terminal.Dim($"  (changed since: {Self} check {step.Number})") : "";
            terminal.Line($"{label}{terminal.Bar(progress.Passed, progress.Total)} {(progress.Finished ? terminal.Green(count + "  done") : count)}{stale}");
        }
        if (checkedSteps.Count > 0)
        {
            terminal.Line($"  {"".PadRight(4)}{"checked".PadRight(width)}  {terminal.Bar(passed, total)} {passed,3}/{total} goals");
        }
        terminal.Line();

        if (checkedSteps.Count == 0)
        {
            terminal.Line($"No step checked yet. Start where your class starts: read {steps[0].Name}/README.md, then {Self} check {steps[0].Number}");
            terminal.Line(terminal.Dim($"  (or {string.Join(", ", steps.Skip(1).Select(step => $"{Self} check {step.Number}"))})"));
            return Task.FromResult(0);
        }
        // The step worked on last, unless it is done: then the next step after it that is not.
        var last = checkedSteps.MaxBy(item => item.When).Progress;
        if (last.Next is { } goal)
        {
            WriteNextGoal(last, goal);
            return Task.FromResult(0);
        }
        var after = steps.SkipWhile(step => step.Name != last.Step.Name).Skip(1).FirstOrDefault(step => Directory.Exists(step.Folder)
            && checkedSteps.All(item => item.Progress.Step.Name != step.Name || !item.Progress.Finished));
        terminal.Line(after is null
            ? terminal.Green($"Step {last.Step.Number} is done, and so is every step after it that you checked. Well done!")
            : $"Step {last.Step.Number} is done. Next: read {after.Name}/README.md, then {Self} check {after.Number}");
        return Task.FromResult(0);
    }

    private void WriteNextGoal(StepProgress step, Goal goal)
    {
        var readme = step.Step.Readme ?? "";
        var title = LessonReadme.TodoTitles(readme).TryGetValue(goal.Todo, out var t) ? $" · {t}" : "";
        terminal.Line($"{terminal.Bold("Next goal:")} step {step.Step.Number} ({step.Step.Title}), TODO {goal.Todo}{title}");
        terminal.Line($"  {terminal.Yellow(goal.Method)}");
        foreach (var line in LessonGoals.Explanation(goal.Message, 4))
        {
            terminal.Line($"    {line}");
        }
        if (LessonReadme.Hints(readme).TryGetValue(goal.Todo, out var hints) && hints.Count > 0)
        {
            terminal.Line($"  {terminal.Bold("Hint:")}");
            WriteIndented(hints[0], "    ");
        }
        terminal.Line();
        terminal.Line($"Read the lesson in {step.Step.Name}/README.md, then: {Self} check {step.Step.Number}  (or {Self} watch {step.Step.Number})");
    }

    // ----- check ------------------------------------------------------------------------------------------------

    private async Task<int> CheckAsync(Step step, CancellationToken cancel, bool again = false, bool all = false)
    {
        var judged = await JudgeAsync(step, useCache: !again && !all, announce: true, cancel, all);
        if (judged.Build is { Succeeded: false } build)
        {
            WriteBuildErrors(step, build);
            return 1;
        }
        var outcomes = judged.Outcomes!;
        var progress = judged.Progress!;
        if (outcomes.Count == 0)
        {
            terminal.Line(terminal.Red($"No test of {step.TestsModule} ran. The test run's output is in {Relative(Path.Combine(new ProgressStore(step).ResultsFolder, "test-output.log"))}."));
            return 1;
        }
        var readme = step.Readme ?? "";
        var titles = LessonReadme.TodoTitles(readme);
        var hints = LessonReadme.Hints(readme);
        terminal.Line();
        foreach (var todo in progress.Goals.GroupBy(goal => goal.Todo))
        {
            var done = todo.Count(goal => goal.Passed);
            var heading = $"TODO {todo.Key}{(titles.TryGetValue(todo.Key, out var title) ? $" · {title}" : "")}";
            terminal.Line($"{terminal.Bold(heading)}  {(done == todo.Count() ? terminal.Green($"{done}/{todo.Count()}") : $"{done}/{todo.Count()}")}");
            string? previous = null;
            foreach (var goal in todo)
            {
                if (goal.Passed)
                {
                    terminal.Line($"  {terminal.Green("pass")}  {goal.Method}");
                    continue;
                }
                terminal.Line($"  {terminal.Red("FAIL")}  {goal.Method}");
                var explanation = LessonGoals.Explanation(goal.Message, 4);
                var text = string.Join('\n', explanation);
                if (text == previous)
                {
                    terminal.Line(terminal.Dim("        (the same message as above)"));
                    continue;
                }
                previous = text;
                foreach (var line in explanation)
                {
                    terminal.Line($"        {line}");
                }
            }
            if (done < todo.Count() && hints.TryGetValue(todo.Key, out var hintsOfTodo) && hintsOfTodo.Count > 0)
            {
                terminal.Line($"  {terminal.Yellow("Hint:")}");
                WriteIndented(hintsOfTodo[0], "    ");
                if (hintsOfTodo.Count > 1)
                {
                    terminal.Line(terminal.Dim($"    ({hintsOfTodo.Count - 1} more: {Self} hint {step.Number})"));
                }
            }
            terminal.Line();
        }
        foreach (var given in outcomes.Where(outcome => outcome.Given is not null && !outcome.Passed))
        {
            terminal.Line($"{terminal.Red("BROKEN")}  {given.Method}: this was given to you ({given.Given}) and no longer works:");
            foreach (var line in LessonGoals.Explanation(given.Message, 4))
            {
                terminal.Line($"        {line}");
            }
        }
        if (NoBrowser(outcomes) is { } noBrowser)
        {
            terminal.Line(terminal.Red("The browser checks could not run: no browser starts on this machine."));
            WriteIndented(noBrowser, "  ");
            terminal.Line();
        }
        var allPassed = progress.Finished && outcomes.All(outcome => outcome.Passed);
        terminal.Line($"{step.Name}: {terminal.Bar(progress.Passed, progress.Total)} {progress.Passed}/{progress.Total} goals passed");
        if (allPassed)
        {
            terminal.Line(terminal.Green($"Step {step.Number} is done. {Self} shows what comes next; {Self} solution {step.Number} shows the reference."));
        }
        else if (progress.Next is { } next)
        {
            terminal.Line($"Next: {terminal.Yellow(next.Method)} (TODO {next.Todo}). Stuck? {Self} hint {step.Number}");
        }
        return allPassed ? 0 : 1;
    }

    private void WriteBuildErrors(Step step, BuildResult build)
    {
        terminal.Line(terminal.Red($"Step {step.Number} does not build. Fix these first; the tests run once it builds:"));
        if (build.Errors.Count == 0)
        {
            foreach (var line in build.Output.ReplaceLineEndings("\n").Split('\n').Where(line => line.Length > 0).TakeLast(20))
            {
                terminal.Line($"  {line}");
            }
            return;
        }
        foreach (var problem in build.Errors)
        {
            terminal.Line($"  {terminal.Bold($"{problem.File}:{problem.Line}:{problem.Column}")}  {terminal.Red(problem.Code)}  {problem.Message}");
        }
    }

    /// <summary>
    /// Builds (unless the last successful build was made from these very sources) and tests a step on the learner's
    /// code. With <paramref name="useCache"/>, the last run's results stand when no source changed since.
    /// The goals of the TODO the learner is on (the first one not met in the last run) run first and are reported at
    /// once; the rest of the step follows.
    /// </summary>
    private async Task<Judgement> JudgeAsync(Step step, bool useCache, bool announce, CancellationToken cancel, bool all = false)
    {
        var store = new ProgressStore(step);
        var stamp = ProgressStore.SourceStamp(step);
        if (useCache && store.CurrentResults(stamp) is { } cached)
        {
            if (announce)
            {
                terminal.Line(terminal.Dim($"  nothing in {step.Name} changed since its last run ({store.ResultsTime:HH:mm:ss}): its results stand. ({Self} check {step.Number} --again runs it anyway.)"));
            }
            return new Judgement(null, cached, new StepProgress(step, LessonGoals.InLessonOrder(cached, step.Readme)));
        }
        if (!store.BuildIsCurrent(stamp))
        {
            if (announce)
            {
                terminal.Line(terminal.Dim($"  building {step.Name} (your code)..."));
            }
            var build = await StepRun.BuildAsync(root, step, Track, cancel, warm: true);
            if (!build.Succeeded)
            {
                store.BuildFailed();
                store.ResultsInvalid();
                return new Judgement(build, null, null);
            }
            store.BuildSucceeded(stamp);
        }
        var previous = TestResults.Read(store.ResultsFolder);
        var current = previous.Count > 0 ? new StepProgress(step, LessonGoals.InLessonOrder(previous, step.Readme)).Next?.Todo : null;
        var run = new LiveTestRun(step, Track);
        var options = new LiveRunOptions { SkipMeasurements = !all };
        var outcomes = new List<TestOutcome>();
        using (var live = new LiveReport(terminal, announce && LiveReport.IsInteractive))
        {
            live.Start();
            Action<LiveEvent> report = announce ? live.On : _ => { };
            if (current is { } todo)
            {
                if (announce)
                {
                    terminal.Line(terminal.Dim($"  running the goals of TODO {todo} first, the one you are on..."));
                }
                var first = await run.RunAsync(options with { OnlyGoals = [todo] }, report, cancel);
                outcomes.AddRange(first);
                if (announce)
                {
                    var goals = LessonGoals.InLessonOrder(first, step.Readme);
                    var passed = goals.Count(goal => goal.Passed);
                    live.Pause(() => terminal.Line($"  TODO {todo}: {(passed == goals.Count ? terminal.Green($"{passed}/{goals.Count} goals pass") : $"{passed}/{goals.Count} goals pass")}; " +
                        $"now the rest of {step.Name}{(HasBrowserTests(step) ? " (with its browser checks)" : "")}..."));
                }
                outcomes.AddRange(await run.RunAsync(options with { SkipGoals = [todo] }, report, cancel));
            }
            else
            {
                if (announce)
                {
                    terminal.Line(terminal.Dim($"  running the goals of {step.Name}{(HasBrowserTests(step) ? " (with its browser checks)" : "")}..."));
                }
                outcomes.AddRange(await run.RunAsync(options, report, cancel));
            }
        }
        run.WriteResults(store.ResultsFolder, outcomes);
        if (outcomes.Count > 0)
        {
            store.ResultsWritten(stamp);
        }
        return new Judgement(null, outcomes, new StepProgress(step, LessonGoals.InLessonOrder(outcomes, step.Readme)));
    }

    private sealed record Judgement(BuildResult? Build, IReadOnlyList<TestOutcome>? Outcomes, StepProgress? Progress);

    private static bool HasBrowserTests(Step step) =>
        Directory.Exists(Path.Combine(step.TestsProject, "Browser"));

    /// <summary>The browser launcher's explanation, when a browser test failed because no browser starts.</summary>
    private static string? NoBrowser(IEnumerable<TestOutcome> outcomes) =>
        outcomes.Where(outcome => outcome.Failed)
            .Select(outcome => outcome.Message)
            .Where(message => message.Contains("No browser could be started", StringComparison.Ordinal))
            .Select(message => message[message.IndexOf("No browser could be started", StringComparison.Ordinal)..].Replace("\\\"", "\"", StringComparison.Ordinal))
            .Select(message => string.Join('\n', message.ReplaceLineEndings("\n").Split('\n').TakeWhile(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal))).TrimEnd())
            .FirstOrDefault();

    // ----- watch ------------------------------------------------------------------------------------------------

    private async Task<int> WatchAsync(Step? chosen, CancellationToken cancel, bool all = false)
    {
        var step = chosen ?? FirstUnfinished();
        if (step is null)
        {
            error.WriteLine("No steps found to watch.");
            return 2;
        }
        using var watcher = new StepWatcher([step.Folder]);
        watcher.Start();
        try
        {
            while (true)
            {
                await CheckAsync(step, cancel, all: all);
                terminal.Line();
                terminal.Line(terminal.Dim($"Watching {step.Name}/ for changes (Ctrl+C to stop)..."));
                await watcher.WaitForChangeAsync(cancel);
                terminal.Line();
                terminal.Line(terminal.Bold($"A file of {step.Name}/ changed: checking again."));
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            terminal.Line();
            terminal.Line("Stopped watching.");
            return 0;
        }
    }

    /// <summary>The step checked last, when it is not finished; otherwise the first step not finished by its last results.</summary>
    private Step? FirstUnfinished()
    {
        var steps = Steps.All(root).Where(step => Directory.Exists(step.Folder))
            .Select(step =>
            {
                var store = new ProgressStore(step);
                return (Step: step, Store: store, Results: TestResults.Read(store.ResultsFolder));
            })
            .ToList();
        bool Finished((Step Step, ProgressStore Store, IReadOnlyList<TestOutcome> Results) item) =>
            item.Results.Count > 0 && new StepProgress(item.Step, LessonGoals.InLessonOrder(item.Results, item.Step.Readme)).Finished;
        var checkedSteps = steps.Where(item => item.Results.Count > 0).ToList();
        if (checkedSteps.Count > 0 && checkedSteps.MaxBy(item => item.Store.ResultsTime) is var last && !Finished(last))
        {
            return last.Step;
        }
        return steps.FirstOrDefault(item => !Finished(item)).Step ?? steps.FirstOrDefault().Step;
    }

    // ----- hint -------------------------------------------------------------------------------------------------

    private async Task<int> HintAsync(Step step, CancellationToken cancel)
    {
        var judged = await JudgeAsync(step, useCache: true, announce: true, cancel);
        if (judged.Build is { Succeeded: false } build)
        {
            WriteBuildErrors(step, build);
            return 1;
        }
        var progress = judged.Progress!;
        if (progress.Next is not { } goal)
        {
            terminal.Line(terminal.Green($"Every goal of step {step.Number} passes: no hint needed."));
            return 0;
        }
        var store = new ProgressStore(step);
        var readme = step.Readme ?? "";
        var hint = Hints.Next(LessonReadme.Hints(readme), goal.Todo, store.LastHint());
        var title = LessonReadme.TodoTitles(readme).TryGetValue(goal.Todo, out var t) ? $" · {t}" : "";
        terminal.Line($"Your next goal: {terminal.Yellow(goal.Method)}, TODO {goal.Todo}{title}.");
        if (hint is not { } shown)
        {
            terminal.Line($"The lesson has no hint for TODO {goal.Todo}; read its section in {step.Name}/README.md.");
            return 0;
        }
        store.HintShown(goal.Todo, shown.Index);
        terminal.Line(terminal.Bold($"Hint {shown.Index + 1} of {shown.Count}:"));
        WriteIndented(shown.Text, "  ");
        terminal.Line();
        terminal.Line(terminal.Dim(shown.Index + 1 < shown.Count
            ? $"{Self} hint {step.Number} again for the next one."
            : $"That was the last hint of TODO {goal.Todo}; the next '{Self} hint {step.Number}' starts over. Still stuck? {Self} solution {step.Number} --force"));
        return 0;
    }

    // ----- diff, solution, reset --------------------------------------------------------------------------------

    private int Diff(Step step)
    {
        var changes = new StarterCopy(root, step).LearnerChanges();
        if (changes.Count == 0)
        {
            terminal.Line($"You have not changed {step.Name}/ yet: it is the original starter.");
            return 0;
        }
        terminal.Line(terminal.Dim($"Your changes to {step.Name}/, against its original starter ({changes.Count} file(s)):"));
        WriteDiff(StarterCopy.Unified(changes, step.Name, "starter", "yours"));
        return 0;
    }

    private async Task<int> SolutionAsync(Step step, bool force, CancellationToken cancel)
    {
        if (!force)
        {
            var judged = await JudgeAsync(step, useCache: true, announce: true, cancel);
            if (judged.Progress is not { Finished: true })
            {
                var where = judged.Progress is { } p ? $"{p.Passed}/{p.Total} goals pass" : "it does not build";
                terminal.Line($"Step {step.Number} is not done yet ({where}). Finish it first and compare then, or see the solution now: {Self} solution {step.Number} --force");
                return 1;
            }
        }
        var changes = new StarterCopy(root, step).SolutionChanges();
        terminal.Line(terminal.Dim($"The reference solution of {step.Name}, against the starter ({changes.Count} file(s)); the code is in solutions/{step.Name}/:"));
        WriteDiff(StarterCopy.Unified(changes, step.Name, "starter", "solution"));
        return 0;
    }

    private int Reset(Step step, bool yes)
    {
        var backup = Path.Combine(root, "artifacts", "backup", $"{step.Name}-{DateTime.Now:yyyyMMdd-HHmmss}");
        if (!yes)
        {
            terminal.Output.Write($"Put the original starter of {step.Name}/ back? Your files are copied to {Relative(backup)} first. [y/N] ");
            var answer = Console.ReadLine();
            if (answer is null || !answer.Trim().StartsWith('y'))
            {
                terminal.Line("Nothing was changed.");
                return 1;
            }
        }
        var restored = new StarterCopy(root, step).Reset(backup);
        terminal.Line($"Your files are in {Relative(backup)}.");
        terminal.Line(restored.Count == 0
            ? $"{step.Name}/ was already the original starter."
            : $"{step.Name}/ is the original starter again ({restored.Count} file(s) restored). {Self} check {step.Number} shows where you start.");
        return 0;
    }

    // ----- output -----------------------------------------------------------------------------------------------

    private void WriteDiff(string diff)
    {
        foreach (var line in diff.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            terminal.Line(line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => terminal.Bold(line),
                _ when line.StartsWith("@@", StringComparison.Ordinal) => terminal.Dim(line),
                _ when line.StartsWith('+') => terminal.Green(line),
                _ when line.StartsWith('-') => terminal.Red(line),
                _ => line,
            });
        }
    }

    private void WriteIndented(string text, string indent)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            terminal.Line(line.Length == 0 ? "" : indent + line);
        }
    }

    private string Relative(string path) => Path.GetRelativePath(root, path);
}
