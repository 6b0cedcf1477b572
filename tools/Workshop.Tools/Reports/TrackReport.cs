using System.Text;
using System.Text.RegularExpressions;
using Workshop.Tools.Lessons;

namespace Workshop.Tools.Reports;

/// <summary>
/// Judges a test run by what its track promises:
/// on the solutions track every test passes; on the exercises track (the untouched starters) every goal fails, with
/// the message of one of the TODOs it declares, because each goal is something the learner has not built yet and
/// its message must say which TODO builds it.
/// </summary>
public static partial class TrackReport
{
    [GeneratedRegex(@"TODO (?<todo>[0-9]+):")]
    private static partial Regex TodoMessagePattern();

    /// <summary>A table per test module and a closing line <c>N passed, N failed</c>. True when all passed.</summary>
    public static bool Solutions(IReadOnlyList<TestOutcome> outcomes, TextWriter output)
    {
        var table = new StringBuilder();
        table.AppendLine("| test project | tests | passed | failed | not run |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var module in outcomes.GroupBy(outcome => outcome.Module).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            table.AppendLine($"| {module.Key} | {module.Count()} | {module.Count(o => o.Passed)} | {module.Count(o => o.Failed)} | {module.Count(o => !o.Passed && !o.Failed)} |");
        }
        output.Write(table);
        foreach (var failure in outcomes.Where(outcome => !outcome.Passed))
        {
            output.WriteLine($"  {failure.Outcome.ToUpperInvariant()}: {failure.Module} {failure.Name}");
        }
        var passed = outcomes.Count(outcome => outcome.Passed);
        var failed = outcomes.Count - passed;
        if (outcomes.Count == 0)
        {
            output.WriteLine("No test results were found: the run did not execute any test.");
        }
        output.WriteLine($"{passed} passed, {failed} failed");
        return outcomes.Count > 0 && failed == 0;
    }

    /// <summary>
    /// A table per step: tests, goals failed as expected, of those how many failed with their own TODO's message,
    /// given tests passing, and tests passing that should not. True when every step ran tests, every goal failed with
    /// its own TODO's message, every given test passed, every test declared what it checks, and the step's README
    /// lists every goal under its TODO.
    /// </summary>
    /// <param name="readme">The README text of a test module's step, or null when the step has none.</param>
    public static bool Exercises(
        IReadOnlyList<TestOutcome> outcomes, IReadOnlyList<string> expectedModules, Func<string, string?> readme, TextWriter output)
    {
        output.WriteLine("| step tests (starter) | tests | goals failed as expected | failed with its own TODO's message | given, passing | unexpectedly passing |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        var problems = new List<string>();
        foreach (var module in expectedModules)
        {
            var results = outcomes.Where(outcome => outcome.Module == module).ToList();
            var goals = results.Where(outcome => outcome.Given is null).ToList();
            var failedAsExpected = goals.Where(outcome => outcome.Failed).ToList();
            var ownTodo = failedAsExpected.Count(FailedWithItsOwnTodo);
            var givenPassing = results.Count(outcome => outcome.Given is not null && outcome.Passed);
            var unexpected = goals.Count(outcome => !outcome.Failed);
            output.WriteLine($"| {module} | {results.Count} | {failedAsExpected.Count} | {ownTodo} ({Percent(ownTodo, failedAsExpected.Count)}) | {givenPassing} | {unexpected} |");

            if (results.Count == 0)
            {
                problems.Add($"{module}: no test ran against the starter; its build or its test run failed.");
                continue;
            }
            problems.AddRange(results.Select(outcome => Problem(outcome)).OfType<string>().Select(problem => $"{module} {problem}"));
            var lesson = readme(module);
            problems.AddRange(lesson is null
                ? [$"{module}: its step has no README.md to list the goals in."]
                : LessonAgreement.Check(results, lesson).Select(problem => $"{module} README: {problem}"));
        }
        foreach (var problem in problems)
        {
            output.WriteLine($"  {problem}");
        }
        return problems.Count == 0;
    }

    private static string? Problem(TestOutcome outcome)
    {
        if (outcome.Given is not null)
        {
            return outcome.Passed ? null : $"{outcome.Name}: a test of given behaviour ({outcome.Given}) must pass on the starter, but its result was {outcome.Outcome}: {FirstLine(outcome.Message)}";
        }
        if (outcome.Todos.Count == 0)
        {
            return $"{outcome.Name}: declares no TODO; add [Todo(n)] (or [Given(\"why\")] for behaviour the starter already has).";
        }
        if (!outcome.Failed)
        {
            return $"{outcome.Name}: {outcome.Outcome} on the starter (a goal the starter already meets is no goal).";
        }
        if (!FailedWithItsOwnTodo(outcome))
        {
            var named = NamedTodo(outcome);
            return $"{outcome.Name}: declares TODO {string.Join(", ", outcome.Todos)} but failed " +
                (named is null ? "without naming any TODO" : $"with the message of TODO {named}") +
                $"; build the test's input directly so that only its own TODO stands in its way: {FirstLine(outcome.Message)}";
        }
        return null;
    }

    private static bool FailedWithItsOwnTodo(TestOutcome outcome) =>
        NamedTodo(outcome) is { } todo && outcome.Todos.Contains(todo);

    /// <summary>The TODO that a failure message names first, as the starter's stubs write it: "TODO 3: ...".</summary>
    private static int? NamedTodo(TestOutcome outcome) =>
        TodoMessagePattern().Match(outcome.Message) is { Success: true } match
            ? int.Parse(match.Groups["todo"].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static string Percent(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0}%";

    /// <summary>The first line of a test's message, cut at 200 characters: enough to say what failed in one row.</summary>
    internal static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "..." : line;
    }
}
