using FluentAssertions;
using Workshop.Tools.Reports;
using Xunit;

namespace Workshop.Tools.Tests;

public sealed class TrackReportTests
{
    private const string Module = "01-x.Tests";

    private const string Lesson = """
        ### TODO 1 · First

        **Checked by** `FirstTests`:

        - `First_goal`
        - `Second_goal`, tried with two inputs

        ### TODO 2 · Second

        **Checked by**:

        - `Third_goal`
        """;

    [Fact]
    public void Solutions_report_ends_with_the_passed_and_failed_counts()
    {
        var output = new StringWriter();

        var ok = TrackReport.Solutions([Outcome("A", "Pass"), Outcome("A", "Fail"), Outcome("B", "Pass")], output);

        ok.Should().BeFalse("one test failed");
        output.ToString().TrimEnd().Split('\n')[^1].Should().Be("2 passed, 1 failed");
    }

    [Fact]
    public void Solutions_report_with_no_tests_fails()
    {
        TrackReport.Solutions([], new StringWriter()).Should().BeFalse("a run that executed no test proves nothing");
    }

    [Fact]
    public void Exercises_report_passes_when_every_goal_fails_with_its_own_todo_and_the_readme_agrees()
    {
        var output = new StringWriter();

        var ok = Exercises([Goal("First_goal", "TODO 1: do it", 1), Goal("Second_goal", "TODO 1: do it", 1), Goal("Third_goal", "TODO 1: first things first", 1, 2)], output);

        ok.Should().BeTrue(output.ToString());
        output.ToString().Should().Contain("| 01-x.Tests | 3 | 3 | 3 (100%) | 0 | 0 |");
    }

    [Fact]
    public void Exercises_report_fails_when_a_starter_passes_a_goal()
    {
        var output = new StringWriter();

        var ok = Exercises([Goal("First_goal", "TODO 1: do it", 1), Goal("Second_goal", "", 1) with { Outcome = "Pass" }, Goal("Third_goal", "TODO 2: x", 2)], output);

        ok.Should().BeFalse("a goal the untouched starter already meets teaches nothing");
        output.ToString().Should().Contain("Second_goal: Pass on the starter");
    }

    [Fact]
    public void Exercises_report_fails_when_a_goal_fails_with_another_todos_message()
    {
        var output = new StringWriter();

        var ok = Exercises([Goal("First_goal", "TODO 1: do it", 1), Goal("Second_goal", "TODO 1: do it", 1), Goal("Third_goal", "NotImplementedException : TODO 1: headers", 2)], output);

        ok.Should().BeFalse("the learner who finished TODO 1 would be told about TODO 1 by a test of TODO 2");
        output.ToString().Should().Contain("| 01-x.Tests | 3 | 3 | 2 (67%) | 0 | 0 |")
            .And.Contain("Third_goal: declares TODO 2 but failed with the message of TODO 1");
    }

    [Fact]
    public void Exercises_report_fails_when_a_failure_names_no_todo()
    {
        var output = new StringWriter();

        Exercises([Goal("First_goal", "TODO 1: do it", 1), Goal("Second_goal", "Expected 200, but found 500.", 1), Goal("Third_goal", "TODO 2: x", 2)], output)
            .Should().BeFalse("a failure that names no TODO leaves the learner guessing what to build");
        output.ToString().Should().Contain("Second_goal: declares TODO 1 but failed without naming any TODO");
    }

    [Fact]
    public void Exercises_report_fails_on_a_test_that_declares_nothing()
    {
        var output = new StringWriter();

        Exercises([Goal("First_goal", "TODO 1: do it", 1), Goal("Second_goal", "TODO 1: do it", 1), Goal("Third_goal", "TODO 2: x", 2), Goal("Stray", "TODO 1: x")], output)
            .Should().BeFalse();
        output.ToString().Should().Contain("Stray: declares no TODO");
    }

    [Fact]
    public void Given_test_must_pass_on_the_starter()
    {
        var given = Goal("Contract_from_the_step_before", "", 1) with { Todos = [], Given = "step 02, finished" };
        var goals = new[] { Goal("First_goal", "TODO 1: do it", 1), Goal("Second_goal", "TODO 1: do it", 1), Goal("Third_goal", "TODO 2: x", 2) };

        Exercises([.. goals, given with { Outcome = "Pass" }], new StringWriter()).Should().BeTrue("given behaviour works in the starter");
        Exercises([.. goals, given with { Outcome = "Fail" }], new StringWriter()).Should().BeFalse("a starter that breaks what it was given is broken");
    }

    [Fact]
    public void Exercises_report_fails_when_a_step_ran_no_test()
    {
        TrackReport.Exercises([Goal("First_goal", "TODO 1: x", 1)], [Module, "02-y.Tests"], _ => Lesson, new StringWriter())
            .Should().BeFalse("a step whose starter does not build runs no test");
    }

    [Fact]
    public void Exercises_report_fails_when_the_readme_lists_a_goal_under_another_todo()
    {
        var output = new StringWriter();

        Exercises([Goal("First_goal", "TODO 1: do it", 1), Goal("Second_goal", "TODO 2: do it", 2), Goal("Third_goal", "TODO 2: x", 2)], output)
            .Should().BeFalse();
        output.ToString().Should().Contain("Second_goal checks TODO 2 (the last TODO it declares), but the README lists it under TODO 1");
    }

    private static bool Exercises(IReadOnlyList<TestOutcome> outcomes, TextWriter output) =>
        TrackReport.Exercises(outcomes, [Module], _ => Lesson, output);

    private static TestOutcome Goal(string method, string message, params int[] todos) =>
        new(Module, $"X.Tests.FirstTests.{method}", method, "Fail", message, todos, null);

    private static TestOutcome Outcome(string module, string outcome) =>
        new(module, $"T.{Guid.NewGuid():N}", "M", outcome, "", [1], null);
}
