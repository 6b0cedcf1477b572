using System.Text.Json;
using FluentAssertions;
using Workshop.Tools.Learner;
using Workshop.Tools.Reports;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

public sealed class LiveTestRunTests
{
    [Fact]
    public void Failure_of_an_unfinished_todo_reads_as_the_xunit_report_writes_it()
    {
        var failed = JsonDocument.Parse("""
            {"$type":"test-failed","ExceptionParentIndices":[-1],"ExceptionTypes":["System.NotImplementedException"],
             "Messages":["TODO 7: Find name=value in the query."],"StackTraces":["   at Router.QueryValue()"]}
            """).RootElement;

        LiveTestRun.FailureMessage(failed).Should().Be("System.NotImplementedException : TODO 7: Find name=value in the query.",
            "the lesson's reports find a goal's TODO in the message as '--report-xunit-xml' writes it");
    }

    [Fact]
    public void Failed_assertion_reads_without_its_type_and_inner_exceptions_follow_indented()
    {
        var failed = JsonDocument.Parse("""
            {"$type":"test-failed","ExceptionParentIndices":[-1,0],
             "ExceptionTypes":["Xunit.Sdk.XunitException","System.IO.IOException"],
             "Messages":["Expected 200, but found 500.","Broken pipe"]}
            """).RootElement;

        LiveTestRun.FailureMessage(failed).Should().Be("Expected 200, but found 500.\n---- System.IO.IOException : Broken pipe");
    }

    [Fact]
    public void Outcomes_written_as_a_report_read_back_the_same()
    {
        using var folder = new TempFolder();
        TestOutcome[] outcomes =
        [
            new("03-long-polling.Tests", "A.Goal_one", "Goal_one", "Pass", "", [1], null),
            new("03-long-polling.Tests", "A.Goal_two(x: 1)", "Goal_two", "Fail", "Did not finish within 30 s, \"the bound\" <of> each goal.", [1, 2], null),
            new("03-long-polling.Tests", "A.Given_one", "Given_one", "Pass", "", [], "step 02's contract"),
        ];

        LiveTestRun.WriteReport(Path.Combine(folder.Path, "03-long-polling.Tests.xunit.xml"), "03-long-polling.Tests", outcomes);

        TestResults.Read(folder.Path).Should().BeEquivalentTo(outcomes, options => options.WithStrictOrdering());
    }
}
