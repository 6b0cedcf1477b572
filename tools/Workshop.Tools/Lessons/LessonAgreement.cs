using Workshop.Tools.Reports;

namespace Workshop.Tools.Lessons;

/// <summary>
/// The step's README and its tests must tell the same story: every goal is listed under "Checked by" of the TODO it
/// belongs to (the last TODO it declares), and every test the README lists exists. One fact, two readers:
/// the learner reads the README, the runner reads the declarations, and this check keeps them from drifting.
/// </summary>
public static class LessonAgreement
{
    /// <summary>One line per disagreement between <paramref name="readmeText"/> and the tests that ran.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<TestOutcome> outcomes, string readmeText)
    {
        var listed = LessonReadme.CheckedBy(readmeText)
            .SelectMany(pair => pair.Value.Select(test => (Test: test, Todo: pair.Key)))
            .ToList();
        var goals = outcomes
            .Where(outcome => outcome.Given is null && outcome.Goal is not null)
            .DistinctBy(outcome => outcome.Method)
            .ToDictionary(outcome => outcome.Method, outcome => outcome.Goal!.Value);
        var ran = outcomes.Select(outcome => outcome.Method).ToHashSet(StringComparer.Ordinal);

        var problems = new List<string>();
        // The README names tests by method name alone, so a name must belong to one test method of the step.
        foreach (var shared in outcomes.GroupBy(outcome => outcome.Method).Where(group => group.Select(ClassOf).Distinct().Count() > 1))
        {
            problems.Add($"{shared.Key} is the name of test methods in {string.Join(" and ", shared.Select(ClassOf).Distinct().Order())}; give each its own name, the README lists tests by name.");
        }
        foreach (var (test, todo) in goals.OrderBy(goal => goal.Value).ThenBy(goal => goal.Key, StringComparer.Ordinal))
        {
            var places = listed.Where(item => item.Test == test).Select(item => item.Todo).Distinct().ToList();
            if (places.Count == 0)
            {
                problems.Add($"{test} checks TODO {todo}, but the README lists it under no TODO's \"Checked by\".");
            }
            else if (places.Any(place => place != todo))
            {
                problems.Add($"{test} checks TODO {todo} (the last TODO it declares), but the README lists it under TODO {string.Join(" and ", places)}.");
            }
        }
        foreach (var (test, todo) in listed.Where(item => !ran.Contains(item.Test)))
        {
            problems.Add($"The README lists {test} under TODO {todo}, but no test of that name ran.");
        }
        return problems;
    }

    // A display name is "Namespace.Class.Method" followed by a theory's "(arguments)".
    private static string ClassOf(TestOutcome outcome)
    {
        var withoutArguments = outcome.Name.Split('(', 2)[0];
        var lastDot = withoutArguments.LastIndexOf('.');
        return lastDot < 0 ? "" : withoutArguments[..lastDot];
    }
}
