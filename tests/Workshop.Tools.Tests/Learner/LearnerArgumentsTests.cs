using FluentAssertions;
using Workshop.Tools.Learner;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

public sealed class LearnerArgumentsTests
{
    [Fact]
    public void No_arguments_means_status()
    {
        LearnerArguments.Parse([], out _).Should().Be(new LearnerCommand("status"));
    }

    [Theory]
    [InlineData("check", "01")]
    [InlineData("hint", "5")]
    [InlineData("diff", "05-broadcast-chat")]
    [InlineData("watch", "02")]
    public void Command_with_a_step_keeps_the_step_as_typed(string command, string step)
    {
        LearnerArguments.Parse([command, step], out var problem).Should().Be(new LearnerCommand(command, step));
        problem.Should().BeNull();
    }

    [Fact]
    public void Watch_without_a_step_is_allowed()
    {
        LearnerArguments.Parse(["watch"], out _).Should().Be(new LearnerCommand("watch"));
    }

    [Fact]
    public void Solution_takes_force_and_reset_takes_yes_in_any_position()
    {
        LearnerArguments.Parse(["solution", "--force", "01"], out _).Should().Be(new LearnerCommand("solution", "01", Force: true));
        LearnerArguments.Parse(["reset", "01", "-y"], out _).Should().Be(new LearnerCommand("reset", "01", Yes: true));
        LearnerArguments.Parse(["verify", "--results", "out"], out _).Should().Be(new LearnerCommand("verify", Results: "out"));
    }

    [Theory]
    [InlineData(new[] { "check" }, "'check' needs a step, such as: check 01")]
    [InlineData(new[] { "check", "01", "02" }, "'check' takes one step, such as 01; it was given: 01 02.")]
    [InlineData(new[] { "status", "01" }, "'status' takes no step; it was given: 01.")]
    [InlineData(new[] { "check", "01", "--force" }, "'check' does not take the option '--force'.")]
    [InlineData(new[] { "grade", "01" }, "Unknown command 'grade'. The commands are: status, check, watch, hint, diff, solution, reset, verify, help.")]
    public void Bad_arguments_are_refused_with_a_sentence_that_says_why(string[] args, string expected)
    {
        LearnerArguments.Parse(args, out var problem).Should().BeNull();
        problem.Should().Be(expected);
    }

    [Fact]
    public void Check_takes_again_and_all_and_watch_takes_all()
    {
        LearnerArguments.Parse(["check", "03", "--again"], out _).Should().Be(new LearnerCommand("check", "03", Again: true));
        LearnerArguments.Parse(["check", "--all", "05"], out _).Should().Be(new LearnerCommand("check", "05", All: true));
        LearnerArguments.Parse(["watch", "05", "--all"], out _).Should().Be(new LearnerCommand("watch", "05", All: true));
        LearnerArguments.Parse(["hint", "05", "--again"], out var problem).Should().BeNull("only check runs again on demand");
        problem.Should().Contain("--again");
    }

    [Fact]
    public void Maintainer_commands_are_not_taken_for_learner_commands()
    {
        LearnerArguments.Handles(["check-starters"]).Should().BeFalse();
        LearnerArguments.Handles(["measure-loop"]).Should().BeFalse();
        LearnerArguments.Handles(["report", "solutions", "x"]).Should().BeFalse();
        LearnerArguments.Handles([]).Should().BeTrue();
        LearnerArguments.Handles(["verify"]).Should().BeTrue();
        LearnerArguments.Handles(["chek", "01"]).Should().BeTrue("a learner's typo gets the learner's usage");
    }
}
