using FluentAssertions;
using Workshop.Tools.Learner;
using Workshop.Tools.Lessons;
using Workshop.Tools.Reports;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

public sealed class LessonGoalsTests
{
    private const string Lesson = """
        # Step 01 · Demo

        ### TODO 1 · Headers

        **Checked by** `HeaderTests`:

        - `Second_in_the_lesson`
        - `First_in_the_alphabet_but_listed_last`

        <details><summary>Hint</summary>

        A `Dictionary` takes a comparer.

        </details>

        <details><summary>Hint</summary>

        Look it up with `TryGetValue`:

        ```csharp
        if (!map.TryGetValue(name, out var list)) { }
        ```

        </details>

        ### TODO 2 · Request line

        **Checked by**:

        - `Request_line_is_split`

        <details><summary>Hint</summary>
        Split on one space.
        </details>

        #### Milestone

        **Checked by**, once TODOs 1 and 2 are done:

        - `Whole_server_answers`

        ## Stuck?

        <details><summary>Hint</summary>

        Not the hint of any TODO.

        </details>
        """;

    [Fact]
    public void Goals_come_in_lesson_order_by_todo_then_as_the_readme_lists_them()
    {
        TestOutcome[] outcomes =
        [
            Outcome("Whole_server_answers", "Fail", [1, 2]),
            Outcome("Request_line_is_split", "Fail", [2]),
            Outcome("First_in_the_alphabet_but_listed_last", "Pass", [1]),
            Outcome("Not_listed", "Fail", [1]),
            Outcome("Second_in_the_lesson", "Fail", [1]),
            Outcome("Given_behaviour", "Pass", [], given: "step 00, finished"),
        ];

        LessonGoals.InLessonOrder(outcomes, Lesson).Select(goal => (goal.Method, goal.Todo)).Should().Equal(
            ("Second_in_the_lesson", 1),
            ("First_in_the_alphabet_but_listed_last", 1),
            ("Not_listed", 1),
            ("Request_line_is_split", 2),
            ("Whole_server_answers", 2));
    }

    [Fact]
    public void A_theory_is_one_goal_that_passes_only_when_every_case_passes()
    {
        TestOutcome[] outcomes =
        [
            Outcome("Request_line_is_split", "Pass", [2]),
            Outcome("Request_line_is_split", "Fail", [2], "Expected 400 for \"GET  / HTTP/1.1\""),
        ];

        var goal = LessonGoals.InLessonOrder(outcomes, Lesson).Should().ContainSingle().Subject;

        goal.Passed.Should().BeFalse();
        goal.Cases.Should().Be(2);
        goal.Message.Should().Be("Expected 400 for \"GET  / HTTP/1.1\"");
    }

    [Fact]
    public void Next_goal_is_the_first_failing_goal_of_the_first_unfinished_step_and_its_hint_is_its_todos_first()
    {
        var finished = new StepProgress(DemoStep("01-done"), [new Goal("A", 1, true, "", 1)]);
        var current = new StepProgress(DemoStep("02-current"), LessonGoals.InLessonOrder(
            [
                Outcome("Second_in_the_lesson", "Pass", [1]),
                Outcome("First_in_the_alphabet_but_listed_last", "Fail", [1], "TODO 1: store the value"),
                Outcome("Request_line_is_split", "Fail", [2], "TODO 2: split it"),
            ],
            Lesson));
        var later = new StepProgress(DemoStep("03-later"), [new Goal("B", 1, false, "TODO 1", 1)]);

        var next = LessonGoals.Next([finished, current, later]);

        next!.Value.Step.Should().BeSameAs(current);
        next.Value.Goal.Method.Should().Be("First_in_the_alphabet_but_listed_last");
        LessonReadme.Hints(Lesson)[next.Value.Goal.Todo][0].Should().Be("A `Dictionary` takes a comparer.");
    }

    [Fact]
    public void No_next_goal_when_every_step_is_finished()
    {
        LessonGoals.Next([new StepProgress(DemoStep("01-done"), [new Goal("A", 1, true, "", 1)])]).Should().BeNull();
    }

    [Fact]
    public void Hints_are_read_per_todo_with_their_code_and_without_hints_outside_todo_sections()
    {
        var hints = LessonReadme.Hints(Lesson);

        hints.Keys.Should().BeEquivalentTo([1, 2]);
        hints[1].Should().HaveCount(2);
        hints[1][1].Should().Contain("```csharp").And.Contain("TryGetValue(name, out var list)");
        hints[2].Should().Equal("Split on one space.");
        LessonReadme.TodoTitles(Lesson).Should().BeEquivalentTo(new Dictionary<int, string> { [1] = "Headers", [2] = "Request line" });
    }

    [Fact]
    public void Hints_are_shown_one_at_a_time_and_start_over_after_the_last()
    {
        var hints = LessonReadme.Hints(Lesson);

        Hints.Next(hints, 1, last: null)!.Value.Index.Should().Be(0);
        Hints.Next(hints, 1, last: (1, 0))!.Value.Should().Be((1, 2, hints[1][1]));
        Hints.Next(hints, 1, last: (1, 1))!.Value.Index.Should().Be(0, "after the last hint come the first again");
        Hints.Next(hints, 2, last: (1, 1))!.Value.Index.Should().Be(0, "a new TODO starts at its first hint");
        Hints.Next(hints, 3, last: null).Should().BeNull("TODO 3 has no hint");
    }

    [Fact]
    public void Hint_check_names_every_todo_without_a_hint()
    {
        Hints.Missing([1, 2, 2, 3, 1], LessonReadme.Hints(Lesson)).Should().Equal(3);
    }

    [Fact]
    public void Explanation_is_the_message_without_its_stack_trace_and_at_most_a_few_lines()
    {
        const string message = "Expected 200 because the server must answer; it sent:\nHTTP/1.1 500\nA\nB\nC\nD\n   at X.Y() in /x.cs:line 3";

        LessonGoals.Explanation(message, maxLines: 4).Should().Equal(
            "Expected 200 because the server must answer; it sent:", "HTTP/1.1 500", "A", "B", "...");
        LessonGoals.Explanation("TODO 1: a \\\"quoted\\\" word").Should().Equal("TODO 1: a \"quoted\" word");
    }

    private static Step DemoStep(string name) => new(Path.GetTempPath(), name, name);

    private static TestOutcome Outcome(string method, string result, int[] todos, string message = "", string? given = null) =>
        new("01-demo.Tests", $"Demo.Tests.{method}", method, result, message, todos, given);

    [Fact]
    public void Explanation_keeps_the_line_that_names_a_todo_past_its_first_lines()
    {
        var message = "Expected a 101\nthe server answered:\nHTTP/1.1 500 Internal Server Error\nContent-Type: text/plain\nDate: today\n\nTODO 4: Check the handshake.\nmore";

        LessonGoals.Explanation(message, 4).Should().Equal(
            "Expected a 101", "the server answered:", "HTTP/1.1 500 Internal Server Error", "Content-Type: text/plain", "...", "TODO 4: Check the handshake.", "...");
    }
}
