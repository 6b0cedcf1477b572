using System.Text.RegularExpressions;
using Workshop.Tools.Lessons;
using Workshop.Tools.Reports;
using Workshop.Tools.Starters;

namespace Workshop.Tools.Learner;

/// <summary>
/// The maintainers' promise to the learner, checked in one go (CI runs it through <c>.ci/run</c>):
/// every starter is what its solution generates; every TODO has a hint in its README; on the untouched starters
/// every goal fails with its own TODO's message and is listed under that TODO (<see cref="TrackReport.Exercises"/>);
/// on the solutions every test passes (<see cref="TrackReport.Solutions"/>).
/// </summary>
public sealed partial class Verify(string root, Terminal terminal)
{
    [GeneratedRegex(@"^[0-9]+")]
    private static partial Regex TodoNumber();

    /// <summary>Runs every check; the solutions track's table comes last, ending in 'N passed, N failed'.</summary>
    /// <param name="resultsFolder">Where the test results and the solutions report (<c>solutions-report.txt</c>) go.</param>
    public async Task<int> RunAsync(CancellationToken cancel, string? resultsFolder = null)
    {
        var results = Path.GetFullPath(resultsFolder ?? Path.Combine(root, "artifacts", "verify"));
        Directory.CreateDirectory(results);
        var failures = new List<string>();
        var steps = Steps.All(root);

        Section("Starters match their solutions");
        try
        {
            var drift = new StarterFolders(root).Drift();
            foreach (var problem in drift)
            {
                terminal.Line($"drift: {problem}");
            }
            terminal.Line(drift.Count == 0 ? "Every starter matches what its solution generates." : "Edit the solution, then run: dotnet run --project tools/Workshop.Tools -- generate-starters");
            if (drift.Count > 0)
            {
                failures.Add("starters have drifted from their solutions");
            }
        }
        catch (FormatException malformed)
        {
            terminal.Line($"error: {malformed.Message}");
            failures.Add("a solution file's TODO regions are malformed");
        }

        Section("Exercises track: starters build and fail every goal");
        var exercises = Path.Combine(results, "exercises");
        foreach (var step in steps)
        {
            var build = await StepRun.BuildAsync(root, step, "exercises", cancel);
            if (!build.Succeeded)
            {
                terminal.Line($"--- {step.Name}: the starter does not build");
                foreach (var line in build.Errors.Count > 0 ? build.Errors.Select(e => e.ToString()) : build.Output.Split('\n').TakeLast(20))
                {
                    terminal.Line($"  {line}");
                }
                failures.Add($"the starter of {step.Name} does not build");
                continue;
            }
            var outcomes = await StepRun.TestAsync(root, step, "exercises", Path.Combine(exercises, step.Name), cancel);
            terminal.Line($"--- {step.Name}: {outcomes.Count} tests, {outcomes.Count(o => o.Failed)} failed, {outcomes.Count(o => o.Passed)} passed");
        }
        var exerciseOutcomes = TestResults.Read(exercises);
        if (!TrackReport.Exercises(exerciseOutcomes, [.. steps.Select(step => step.TestsModule)], StepReadme, terminal.Output))
        {
            failures.Add("some starter does not fail every goal of its step");
        }

        Section("Every TODO has a hint");
        var missingHints = MissingHints(steps, exerciseOutcomes);
        foreach (var problem in missingHints)
        {
            terminal.Line($"  {problem}");
        }
        terminal.Line(missingHints.Count == 0 ? "Every TODO of every step has at least one hint in its README." : "Add a <details><summary>Hint</summary> block to the TODO's section.");
        if (missingHints.Count > 0)
        {
            failures.Add("a TODO has no hint");
        }

        Section("Solutions track: dotnet test -p:Track=solutions");
        var solutions = Path.Combine(results, "solutions");
        if (Directory.Exists(solutions))
        {
            Directory.Delete(solutions, recursive: true);
        }
        var (exit, output) = await StepRun.DotnetAsync(root, ["test", "-p:Track=solutions", "--report-xunit-xml", "--results-directory", solutions], cancel);
        File.WriteAllText(Path.Combine(results, "solutions.log"), output);
        var reportText = new StringWriter();
        var solutionsPass = TrackReport.Solutions(TestResults.Read(solutions), reportText);
        File.WriteAllText(Path.Combine(results, "solutions-report.txt"), reportText.ToString());
        if (exit != 0 || !solutionsPass)
        {
            failures.Add($"the solutions track does not pass (dotnet test exited {exit})");
            foreach (var line in output.ReplaceLineEndings("\n").Split('\n').Where(line => line.TrimStart().StartsWith("failed ", StringComparison.Ordinal)).Take(40))
            {
                terminal.Line(line);
            }
        }

        Section("Verify");
        foreach (var failure in failures)
        {
            terminal.Line(terminal.Red($"FAILED: {failure}"));
        }
        if (failures.Count == 0)
        {
            terminal.Line(terminal.Green("Every check passed."));
        }
        terminal.Output.Write(reportText.ToString());
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// One line per TODO without a hint: the TODOs a step's solution marks (<c>BEGIN TODO n</c>) and those its tests
    /// declare, each needs at least one hint in the step's README.
    /// </summary>
    public IReadOnlyList<string> MissingHints(IEnumerable<Step> steps, IReadOnlyList<TestOutcome> outcomes)
    {
        var problems = new List<string>();
        foreach (var step in steps)
        {
            var readme = step.Readme;
            if (readme is null)
            {
                problems.Add($"{step.Name}: no README.md, so no hints.");
                continue;
            }
            var todos = SolutionTodos(step).Concat(outcomes.Where(o => o.Module == step.TestsModule).SelectMany(o => o.Todos));
            problems.AddRange(Hints.Missing(todos, LessonReadme.Hints(readme)).Select(todo => $"{step.Name}: TODO {todo} has no hint in {step.Name}/README.md."));
        }
        return problems;
    }

    private static IEnumerable<int> SolutionTodos(Step step) =>
        Directory.Exists(step.SolutionFolder)
            ? StarterFolders.SourceFiles(step.SolutionFolder)
                .Where(TodoRegions.Applies)
                .SelectMany(file => TodoRegions.Find(file, File.ReadAllText(file)))
                .Select(region => int.Parse(TodoNumber().Match(region.Id).Value, System.Globalization.CultureInfo.InvariantCulture))
            : [];

    private string? StepReadme(string module)
    {
        var path = Path.Combine(root, module.EndsWith(".Tests", StringComparison.Ordinal) ? module[..^".Tests".Length] : module, "README.md");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private void Section(string title)
    {
        terminal.Line();
        terminal.Line(terminal.Bold($"=== {title}"));
    }
}
