using FluentAssertions;
using Workshop.Tools.Lessons;
using Workshop.Tools.Reports;
using Xunit;

namespace Workshop.Tools.Tests;

public sealed class LessonReadmeTests
{
    [Fact]
    public void Checked_by_lists_are_read_per_todo_section_including_deeper_headings()
    {
        const string readme = """
            # Step 01

            - `Not_in_a_todo_section`

            ## The TODOs, in order

            ### TODO 1 · Headers

            **Checked by** `HeaderMapTests`:

            - `Header_names_are_case_insensitive`
            - `Repeated_header_keeps_every_value_in_order` (also checks `Count`)
              continued on an indented line

            <details><summary>Hint</summary>

            - `Dictionary` takes a comparer: a hint, not a test.

            </details>

            ### TODO 2 · Request line

            **Checked by** `RequestLineTests`:

            - `Request_line_is_split`

            #### Milestone: the whole server

            **Checked by**, once TODOs 1 and 2 are done:

            * `Server_answers`

            ```text
            - `Inside_a_code_block`
            ```

            ## Limits

            **Checked by**:

            - `Not_a_goal_section`
            """;

        var lists = LessonReadme.CheckedBy(readme);

        lists.Should().BeEquivalentTo(new Dictionary<int, IReadOnlyList<string>>
        {
            [1] = ["Header_names_are_case_insensitive", "Repeated_header_keeps_every_value_in_order"],
            [2] = ["Request_line_is_split", "Server_answers"],
        });
    }

    [Fact]
    public void Readme_written_with_crlf_line_endings_reads_the_same()
    {
        const string readme = "### TODO 3 · Host\r\n\r\n**Checked by**:\r\n\r\n- `Host_is_required`\r\n";

        LessonReadme.CheckedBy(readme).Should().ContainKey(3).WhoseValue.Should().Equal("Host_is_required");
    }

    [Fact]
    public void Agreement_reports_a_goal_missing_from_the_readme_and_a_listed_test_that_does_not_exist()
    {
        const string readme = "### TODO 1 · A\n\n**Checked by**:\n\n- `Listed_but_gone`\n";
        TestOutcome[] outcomes = [new("01-x.Tests", "X.Unlisted_goal", "Unlisted_goal", "Fail", "TODO 1: x", [1], null)];

        LessonAgreement.Check(outcomes, readme).Should().BeEquivalentTo(
            "Unlisted_goal checks TODO 1, but the README lists it under no TODO's \"Checked by\".",
            "The README lists Listed_but_gone under TODO 1, but no test of that name ran.");
    }

    [Fact]
    public void Agreement_reports_two_test_methods_that_share_a_name()
    {
        const string readme = "### TODO 1 · A\n\n**Checked by**:\n\n- `Same_name`\n";
        TestOutcome[] outcomes =
        [
            new("01-x.Tests", "X.UnitTests.Same_name", "Same_name", "Fail", "TODO 1: x", [1], null),
            new("01-x.Tests", "X.Wire.ServerTests.Same_name(value: 1)", "Same_name", "Fail", "TODO 1: x", [1], null),
        ];

        LessonAgreement.Check(outcomes, readme).Should().ContainSingle()
            .Which.Should().StartWith("Same_name is the name of test methods in X.UnitTests and X.Wire.ServerTests");
    }
}
