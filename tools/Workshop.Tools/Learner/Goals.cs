using Workshop.Tools.Lessons;
using Workshop.Tools.Reports;

namespace Workshop.Tools.Learner;

/// <summary>
/// One goal of a step as the learner sees it: a test method (all its cases, for a theory), the TODO it belongs to,
/// and whether the learner's code meets it.
/// </summary>
/// <param name="Method">The test method, as the README lists it.</param>
/// <param name="Todo">The TODO it belongs to: the last one it declares.</param>
/// <param name="Passed">Every case of the test passed.</param>
/// <param name="Message">The first failing case's message; empty when it passed.</param>
public sealed record Goal(string Method, int Todo, bool Passed, string Message, int Cases);

/// <summary>A step's goals against the learner's code, in lesson order.</summary>
public sealed record StepProgress(Step Step, IReadOnlyList<Goal> Goals)
{
    public int Passed => Goals.Count(goal => goal.Passed);
    public int Total => Goals.Count;
    public bool Finished => Total > 0 && Passed == Total;

    /// <summary>The first goal not met yet, in lesson order; null when the step is finished.</summary>
    public Goal? Next => Goals.FirstOrDefault(goal => !goal.Passed);
}

public static partial class LessonGoals
{
    [System.Text.RegularExpressions.GeneratedRegex(@"TODO [0-9]+[a-z]?:")]
    private static partial System.Text.RegularExpressions.Regex TodoLine();

    /// <summary>
    /// The goals of a test run in the order of the lesson: by TODO, and within a TODO in the order its "Checked by"
    /// lists them. A goal the README does not list (verify reports it) comes after the listed ones of its TODO.
    /// Given tests are not goals and are left out.
    /// </summary>
    public static IReadOnlyList<Goal> InLessonOrder(IEnumerable<TestOutcome> outcomes, string? readmeText)
    {
        var listed = readmeText is null ? new Dictionary<int, IReadOnlyList<string>>() : LessonReadme.CheckedBy(readmeText);
        var position = listed
            .SelectMany(pair => pair.Value.Select((test, index) => (test, order: (pair.Key, index))))
            .GroupBy(item => item.test)
            .ToDictionary(group => group.Key, group => group.First().order);
        return outcomes
            .Where(outcome => outcome.Given is null && outcome.Goal is not null)
            .GroupBy(outcome => outcome.Method)
            .Select(cases => new Goal(
                cases.Key,
                cases.First().Goal!.Value,
                cases.All(outcome => outcome.Passed),
                cases.FirstOrDefault(outcome => !outcome.Passed) is { } failing ? MessageOf(failing) : "",
                cases.Count()))
            .OrderBy(goal => goal.Todo)
            .ThenBy(goal => position.TryGetValue(goal.Method, out var at) && at.Key == goal.Todo ? at.index : int.MaxValue)
            .ThenBy(goal => goal.Method, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The next thing to do across the whole workshop: the first goal not met of the first step not finished.
    /// </summary>
    public static (StepProgress Step, Goal Goal)? Next(IEnumerable<StepProgress> steps) =>
        steps.Where(step => step.Next is not null).Select(step => (step, step.Next!)).Cast<(StepProgress, Goal)?>().FirstOrDefault();

    /// <summary>The explanation a learner reads first: the start of the assertion message, without the stack trace.</summary>
    public static IReadOnlyList<string> Explanation(string message, int maxLines = 6)
    {
        var lines = message.ReplaceLineEndings("\n").Split('\n')
            // The report keeps a message's quotes escaped as the test wrote them: \" reads as ".
            .Select(line => line.TrimEnd().Replace("\\\"", "\"", StringComparison.Ordinal))
            .SkipWhile(string.IsNullOrWhiteSpace)
            .TakeWhile(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal))
            .ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count > maxLines)
        {
            // A wire failure quotes the server's whole answer; its body names the TODO that answered. Keep that line.
            var todo = lines.Skip(maxLines).FirstOrDefault(line => TodoLine().IsMatch(line));
            lines = todo is null ? [.. lines.Take(maxLines), "..."] : [.. lines.Take(maxLines), "...", todo.Trim(), "..."];
        }
        return lines;
    }

    private static string MessageOf(TestOutcome outcome) =>
        outcome.Outcome == "Fail" ? outcome.Message : outcome.Outcome == "Skip" ? "skipped" : $"did not run ({outcome.Outcome})";
}
