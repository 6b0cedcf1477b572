using FluentAssertions;
using Workshop.Tools.Reports;
using Xunit;

namespace Workshop.Tools.Tests;

public sealed class TrackReportTests
{
    [Fact]
    public void Solutions_report_ends_with_the_passed_and_failed_counts()
    {
        var output = new StringWriter();

        var ok = TrackReport.Solutions([Outcome("A", "Passed"), Outcome("A", "Failed"), Outcome("B", "Passed")], output);

        ok.Should().BeFalse("one test failed");
        output.ToString().TrimEnd().Split('\n')[^1].Should().Be("2 passed, 1 failed");
    }

    [Fact]
    public void Solutions_report_with_no_tests_fails()
    {
        TrackReport.Solutions([], new StringWriter()).Should().BeFalse("a run that executed no test proves nothing");
    }

    [Fact]
    public void Exercises_report_fails_when_a_starter_passes_a_goal()
    {
        var output = new StringWriter();

        var ok = TrackReport.Exercises([Outcome("01-x.Tests", "Failed"), Outcome("01-x.Tests", "Passed")], ["01-x.Tests"], output);

        ok.Should().BeFalse("a goal the untouched starter already meets teaches nothing");
        output.ToString().Should().Contain("| 01-x.Tests | 2 | 1 | 1 |");
    }

    [Fact]
    public void Exercises_report_fails_when_a_step_ran_no_test()
    {
        TrackReport.Exercises([Outcome("01-x.Tests", "Failed")], ["01-x.Tests", "02-y.Tests"], new StringWriter())
            .Should().BeFalse("a step whose starter does not build runs no test");
    }

    [Fact]
    public void Exercises_report_passes_when_every_goal_fails()
    {
        TrackReport.Exercises([Outcome("01-x.Tests", "Failed"), Outcome("01-x.Tests", "Failed")], ["01-x.Tests"], new StringWriter())
            .Should().BeTrue();
    }

    private static TestOutcome Outcome(string module, string outcome) => new(module, $"T.{Guid.NewGuid():N}", outcome);
}
