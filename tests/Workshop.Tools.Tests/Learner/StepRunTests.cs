using FluentAssertions;
using Workshop.Tools.Learner;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

public sealed class StepRunTests
{
    [Fact]
    public void Build_errors_are_read_once_each_with_their_file_and_line_relative_to_the_workshop()
    {
        var root = Path.Combine(Path.GetTempPath(), "workshop");
        var file = Path.Combine(root, "01-http-basics", "Http", "HttpHeaders.cs");
        var project = Path.Combine(root, "01-http-basics", "HttpBasics.csproj");
        var output = $"""
              {file}(12,34): error CS1002: ; expected [{project}]
              {file}(20,9): error CS0103: The name 'fields' does not exist in the current context [{project}]
              {file}(12,34): error CS1002: ; expected [{project}]
              {file}(3,1): warning CS8321: The local function 'F' is declared but never used [{project}]
            Build FAILED.
            """;

        StepRun.ParseErrors(root, output).Should().Equal(
            new BuildError(Path.Combine("01-http-basics", "Http", "HttpHeaders.cs"), 12, 34, "CS1002", "; expected"),
            new BuildError(Path.Combine("01-http-basics", "Http", "HttpHeaders.cs"), 20, 9, "CS0103", "The name 'fields' does not exist in the current context"));
    }
}
