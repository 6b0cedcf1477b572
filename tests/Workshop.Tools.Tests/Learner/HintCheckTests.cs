using FluentAssertions;
using Workshop.Tools.Learner;
using Workshop.Tools.Reports;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

/// <summary>verify's hint check on a small workshop: every TODO of the solution and of the tests needs a hint.</summary>
public sealed class HintCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Todo_of_the_solution_or_of_a_test_without_a_hint_is_reported()
    {
        _temp.Write("solutions/01-demo/A.cs", "class A\n{\n    // BEGIN TODO 1: One.\n    // END TODO\n    // BEGIN TODO 2: Two.\n    // END TODO\n}\n");
        _temp.Write("01-demo/README.md", "# Step 01 · Demo\n\n### TODO 1 · One\n\n<details><summary>Hint</summary>\n\nThis.\n\n</details>\n\n### TODO 2 · Two\n\nNo hint here.\n");
        _temp.Write("tests/01-demo.Tests/T.cs", "");
        var steps = Steps.All(_temp.Path);
        TestOutcome[] outcomes = [new("01-demo.Tests", "T.Third", "Third", "Fail", "TODO 3: x", [3], null)];

        var problems = new Verify(_temp.Path, new Terminal(TextWriter.Null, colours: false)).MissingHints(steps, outcomes);

        problems.Should().Equal(
            "01-demo: TODO 2 has no hint in 01-demo/README.md.",
            "01-demo: TODO 3 has no hint in 01-demo/README.md.");
    }

    public void Dispose() => _temp.Dispose();
}
