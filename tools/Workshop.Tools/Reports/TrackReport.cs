using System.Text;

namespace Workshop.Tools.Reports;

/// <summary>
/// Judges a test run by what its track promises:
/// on the solutions track every test passes; on the exercises track (the untouched starters) every test fails,
/// because each test is a goal the learner has not reached yet.
/// </summary>
public static class TrackReport
{
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
    /// A table per step: tests, failed as expected, unexpectedly passing. True when every step ran tests and
    /// none of them passed against the untouched starter.
    /// </summary>
    public static bool Exercises(IReadOnlyList<TestOutcome> outcomes, IReadOnlyList<string> expectedModules, TextWriter output)
    {
        output.WriteLine("| step tests (starter) | tests | failed as expected | unexpectedly passing |");
        output.WriteLine("|---|---:|---:|---:|");
        var ok = true;
        foreach (var module in expectedModules)
        {
            var results = outcomes.Where(outcome => outcome.Module == module).ToList();
            var failedAsExpected = results.Count(outcome => outcome.Failed);
            var unexpected = results.Count - failedAsExpected;
            output.WriteLine($"| {module} | {results.Count} | {failedAsExpected} | {unexpected} |");
            ok &= results.Count > 0 && unexpected == 0;
        }
        foreach (var module in expectedModules.Where(module => outcomes.All(outcome => outcome.Module != module)))
        {
            output.WriteLine($"  {module}: no test ran against the starter; its build or its test run failed.");
        }
        foreach (var outcome in outcomes.Where(outcome => !outcome.Failed))
        {
            output.WriteLine($"  {outcome.Outcome.ToUpperInvariant()} on the starter: {outcome.Module} {outcome.Name} (a goal the starter already meets is no goal)");
        }
        return ok;
    }
}
