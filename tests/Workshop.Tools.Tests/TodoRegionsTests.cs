using FluentAssertions;
using Workshop.Tools.Starters;
using Xunit;

namespace Workshop.Tools.Tests;

public sealed class TodoRegionsTests
{
    private const string Solution = """
        public static int Answer()
        {
            // BEGIN TODO 4: Return the answer.
            //   It is a number.
            var answer = 42;
            return answer;
            // END TODO
        }

        """;

    [Fact]
    public void Region_becomes_its_todo_comment_and_a_stub_that_throws_with_the_todo()
    {
        TodoRegions.ToStarter("Answer.cs", Solution).Should().Be("""
            public static int Answer()
            {
                // TODO 4: Return the answer.
                //   It is a number.
                throw new NotImplementedException("TODO 4: Return the answer.");
            }

            """);
    }

    [Fact]
    public void Stub_lines_replace_the_default_stub()
    {
        const string solution = """
            class C
            {
                // BEGIN TODO 1: Pick the comparer.
                // STUB: private readonly HashSet<string> _names = new();
                private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
                // END TODO
            }
            """;

        TodoRegions.ToStarter("C.cs", solution).Should().Be("""
            class C
            {
                // TODO 1: Pick the comparer.
                private readonly HashSet<string> _names = new();
            }
            """);
    }

    [Fact]
    public void JavaScript_stub_throws_an_error_with_quotes_escaped()
    {
        const string solution = "function f() {\n  // BEGIN TODO 2: Say \"hi\".\n  return 'hi';\n  // END TODO\n}\n";

        TodoRegions.ToStarter("page.js", solution).Should().Be(
            "function f() {\n  // TODO 2: Say \"hi\".\n  throw new Error(\"TODO 2: Say \\\"hi\\\".\");\n}\n");
    }

    [Fact]
    public void Crlf_solution_gives_a_crlf_starter()
    {
        var solution = Solution.ReplaceLineEndings("\r\n");

        var starter = TodoRegions.ToStarter("Answer.cs", solution);

        starter.Should().Be("""
            public static int Answer()
            {
                // TODO 4: Return the answer.
                //   It is a number.
                throw new NotImplementedException("TODO 4: Return the answer.");
            }

            """.ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public void File_without_regions_is_unchanged()
    {
        const string text = "namespace A;\n\n// A comment that mentions TODO in passing.\npublic sealed class B;\n";

        TodoRegions.ToStarter("B.cs", text).Should().Be(text);
    }

    [Theory]
    [InlineData("// BEGIN TODO 1: Open.\nvar x = 1;\n", "without an END TODO")]
    [InlineData("var x = 1;\n// END TODO\n", "END TODO without a BEGIN TODO")]
    [InlineData("// BEGIN TODO 1: A.\n// BEGIN TODO 2: B.\n// END TODO\n", "BEGIN TODO inside the region")]
    public void Unbalanced_regions_are_reported_with_their_line(string solution, string expected)
    {
        var generate = () => TodoRegions.ToStarter("Broken.cs", solution);

        generate.Should().Throw<FormatException>().WithMessage($"Broken.cs:*{expected}*");
    }
}
