using FluentAssertions;
using Workshop.Tools.Learner;
using Workshop.Tools.Starters;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

/// <summary>The learner's copy against the starter regenerated from the solution, in a small workshop in a temporary folder.</summary>
public sealed class StarterCopyTests : IDisposable
{
    private const string Solution = "class A\n{\n    int F()\n    {\n        // BEGIN TODO 1: Answer.\n        return 42;\n        // END TODO\n    }\n}\n";

    private readonly TempFolder _temp = new();
    private readonly Step _step;

    public StarterCopyTests()
    {
        _temp.Write("solutions/01-demo/Demo.csproj", "<Project />\n");
        _temp.Write("solutions/01-demo/Answer.cs", Solution);
        _temp.Write("01-demo/README.md", "# Step 01 · Demo\n");
        _temp.Write("tests/01-demo.Tests/Tests.cs", "");
        new StarterFolders(_temp.Path).Generate();
        _step = Steps.Find(_temp.Path, "01", out _)!;
    }

    [Fact]
    public void Untouched_starter_has_no_changes()
    {
        new StarterCopy(_temp.Path, _step).LearnerChanges().Should().BeEmpty();
    }

    [Fact]
    public void Learners_edit_is_a_unified_diff_against_the_regenerated_starter()
    {
        var starter = _temp.Read("01-demo/Answer.cs");
        _temp.Write("01-demo/Answer.cs", starter.Replace("        throw new NotImplementedException(\"TODO 1: Answer.\");\n", "        return 41;\n", StringComparison.Ordinal));
        _temp.Write("01-demo/Notes.cs", "// mine\n");
        _temp.Write("01-demo/bin/Debug/Demo.dll", "build output is not an edit");

        var changes = new StarterCopy(_temp.Path, _step).LearnerChanges();

        changes.Select(change => change.RelativePath).Should().Equal("Answer.cs", "Notes.cs");
        StarterCopy.Unified(changes, "01-demo", "starter", "yours").Should().Be("""
            --- starter/01-demo/Answer.cs
            +++ yours/01-demo/Answer.cs
            @@ -3,6 +3,6 @@
                 int F()
                 {
                     // TODO 1: Answer.
            -        throw new NotImplementedException("TODO 1: Answer.");
            +        return 41;
                 }
             }
            --- /dev/null
            +++ yours/01-demo/Notes.cs
            @@ -0,0 +1 @@
            +// mine

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Solution_changes_are_the_answers_that_replace_the_stubs()
    {
        var diff = StarterCopy.Unified(new StarterCopy(_temp.Path, _step).SolutionChanges(), "01-demo", "starter", "solution");

        diff.Should().Contain("""
                     // TODO 1: Answer.
            -        throw new NotImplementedException("TODO 1: Answer.");
            +        return 42;
                 }
            """.ReplaceLineEndings("\n"), "the diff shows the answer, without the markers only the generator reads");
    }

    [Fact]
    public void Reset_restores_the_starter_and_keeps_the_learners_files_in_the_backup()
    {
        _temp.Write("01-demo/Answer.cs", "class A { int F() => 41; }\n");
        _temp.Write("01-demo/Notes.cs", "// mine\n");
        var backup = Path.Combine(_temp.Path, "artifacts/backup/01-demo-1");

        var restored = new StarterCopy(_temp.Path, _step).Reset(backup);

        restored.Should().Equal("Answer.cs", "Notes.cs (removed)");
        new StarterCopy(_temp.Path, _step).LearnerChanges().Should().BeEmpty();
        File.ReadAllText(Path.Combine(backup, "Answer.cs")).Should().Be("class A { int F() => 41; }\n");
        File.ReadAllText(Path.Combine(backup, "Notes.cs")).Should().Be("// mine\n");
        _temp.Read("01-demo/README.md").Should().Be("# Step 01 · Demo\n", "the lesson is never reset");
    }

    [Fact]
    public void Text_diff_of_equal_texts_is_empty_and_line_endings_do_not_count()
    {
        TextDiff.Unified("a\nb\n", "a\r\nb\r\n", "x", "y").Should().BeEmpty();
    }

    public void Dispose() => _temp.Dispose();
}
