using FluentAssertions;
using Workshop.Tools.Starters;
using Xunit;

namespace Workshop.Tools.Tests;

/// <summary>Generation and the drift check, on a small workshop laid out in a temporary folder.</summary>
public sealed class StarterFoldersTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public StarterFoldersTests()
    {
        _temp.Write("solutions/01-demo/Demo.csproj", "<Project />\n");
        _temp.Write("solutions/01-demo/Answer.cs", "class A\n{\n    int F()\n    {\n        // BEGIN TODO 1: Answer.\n        return 42;\n        // END TODO\n    }\n}\n");
        _temp.Write("solutions/01-demo/bin/Debug/ignored.cs", "build output is never copied\n");
        _temp.Write("01-demo/README.md", "# The lesson\n");
    }

    [Fact]
    public void Generated_starters_have_no_drift()
    {
        var folders = new StarterFolders(_temp.Path);

        folders.Generate();

        folders.Drift().Should().BeEmpty();
        File.ReadAllText(Path.Combine(_temp.Path, "01-demo/Answer.cs")).Should().Contain("throw new NotImplementedException(\"TODO 1: Answer.\");");
        File.Exists(Path.Combine(_temp.Path, "01-demo/bin/Debug/ignored.cs")).Should().BeFalse("build outputs are not sources");
        File.ReadAllText(Path.Combine(_temp.Path, "01-demo/README.md")).Should().Be("# The lesson\n", "the lesson is written in the starter folder and kept");
    }

    [Fact]
    public void Starter_edited_by_hand_is_reported_as_drift()
    {
        var folders = new StarterFolders(_temp.Path);
        folders.Generate();
        _temp.Write("01-demo/Answer.cs", "class A { int F() => 42; }\n");
        _temp.Write("01-demo/Extra.cs", "class Extra;\n");

        folders.Drift().Should().BeEquivalentTo(
            "01-demo/Answer.cs differs from what its solution generates.",
            "01-demo/Extra.cs is in the starter but not in the solution.");
    }

    [Fact]
    public void Missing_starter_and_missing_lesson_are_reported()
    {
        _temp.Write("solutions/02-more/More.cs", "class M;\n");

        new StarterFolders(_temp.Path).Drift().Should().Contain("02-more/ is missing: its solution exists but its starter does not.");
    }

    [Fact]
    public void Starter_generated_from_a_crlf_solution_has_crlf_line_endings()
    {
        _temp.Write("solutions/01-demo/Answer.cs", _temp.Read("solutions/01-demo/Answer.cs").ReplaceLineEndings("\r\n"));

        new StarterFolders(_temp.Path).Generate();

        var starter = _temp.Read("01-demo/Answer.cs");
        starter.Should().Contain("throw new NotImplementedException(\"TODO 1: Answer.\");\r\n");
        starter.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n", "a CRLF checkout of the starter holds CRLF only");
    }

    [Fact]
    public void Starter_whose_line_endings_differ_from_its_solutions_is_not_drift()
    {
        var folders = new StarterFolders(_temp.Path);
        folders.Generate();
        _temp.Write("01-demo/Answer.cs", _temp.Read("01-demo/Answer.cs").ReplaceLineEndings("\r\n"));
        _temp.Write("01-demo/Demo.csproj", _temp.Read("01-demo/Demo.csproj").ReplaceLineEndings("\r\n"));

        folders.Drift().Should().BeEmpty("git stores both with LF: they are the same content");
        folders.Generate().Should().BeEmpty();
    }

    [Fact]
    public void Region_in_a_json_file_fails_generation_and_the_drift_check_and_nothing_is_written()
    {
        _temp.Write("solutions/01-demo/appsettings.json", "{\n  \"Port\": 5001\n  // BEGIN TODO 1: Pick a port.\n}\n");
        var folders = new StarterFolders(_temp.Path);

        var generate = () => folders.Generate();
        var drift = () => folders.Drift();

        var expected = $"{Path.Combine("solutions", "01-demo", "appsettings.json")}:3: BEGIN TODO in a kind of file that cannot hold a lesson region (.json)*";
        generate.Should().Throw<FormatException>().WithMessage(expected);
        drift.Should().Throw<FormatException>().WithMessage(expected);
        File.Exists(Path.Combine(_temp.Path, "01-demo/Answer.cs")).Should().BeFalse("a starter with the solution inside must not be written");
    }

    public void Dispose() => _temp.Dispose();
}
