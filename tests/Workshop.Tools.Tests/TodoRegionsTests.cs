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

    [Theory]
    [InlineData("page.js")]
    [InlineData("chat.mjs")]
    public void JavaScript_stub_throws_an_error_with_quotes_escaped(string fileName)
    {
        const string solution = "function f() {\n  // BEGIN TODO 2: Say \"hi\".\n  return 'hi';\n  // END TODO\n}\n";

        TodoRegions.ToStarter(fileName, solution).Should().Be(
            "function f() {\n  // TODO 2: Say \"hi\".\n  throw new Error(\"TODO 2: Say \\\"hi\\\".\");\n}\n");
    }

    [Fact]
    public void Html_region_becomes_its_todo_comment_its_explanation_and_its_stub_lines()
    {
        const string solution = """
            <body>
              <!-- BEGIN TODO 1: Add the button that sends the message. -->
              <!--   It posts the form with fetch; see the README. -->
              <!-- STUB: <p>No button yet.</p> -->
              <button id="send">Send</button>
              <!-- END TODO -->
            </body>

            """;

        TodoRegions.ToStarter("wwwroot/index.html", solution).Should().Be("""
            <body>
              <!-- TODO 1: Add the button that sends the message. -->
              <!--   It posts the form with fetch; see the README. -->
              <p>No button yet.</p>
            </body>

            """);
    }

    [Fact]
    public void Css_region_becomes_its_todo_comment_and_its_stub_lines()
    {
        const string solution = """
            .message {
              /* BEGIN TODO 2: Show new messages in bold. */
              /* STUB: font-weight: normal; */
              font-weight: bold;
              /* END TODO */
            }

            """;

        TodoRegions.ToStarter("wwwroot/site.css", solution).Should().Be("""
            .message {
              /* TODO 2: Show new messages in bold. */
              font-weight: normal;
            }

            """);
    }

    [Theory]
    [InlineData("index.html", "<p>\n<!-- BEGIN TODO 1: A. -->\n<b>a</b>\n<!-- END TODO -->\n</p>\n")]
    [InlineData("site.css", "p {\n/* BEGIN TODO 1: A. */\ncolor: red;\n/* END TODO */\n}\n")]
    public void Html_or_css_region_without_stub_lines_is_reported_with_its_line(string fileName, string solution)
    {
        var generate = () => TodoRegions.ToStarter(fileName, solution);

        generate.Should().Throw<FormatException>().WithMessage($"{fileName}:2: *has no default stub*STUB: ...*");
    }

    [Fact]
    public void Marker_in_another_languages_comment_is_reported_with_its_line()
    {
        const string solution = "<script>\n  // BEGIN TODO 1: Connect.\n  connect();\n  // END TODO\n</script>\n";

        var generate = () => TodoRegions.ToStarter("index.html", solution);

        generate.Should().Throw<FormatException>().WithMessage("index.html:2: *is not one*<!-- BEGIN TODO 1: ... -->*");
    }

    [Theory]
    [InlineData("appsettings.json", "{\n  \"BEGIN TODO 1: Pick a port\": 5001\n}\n", 2)]
    [InlineData("notes.txt", "BEGIN TODO 1: Write it.\n", 1)]
    public void Region_in_a_kind_of_file_that_cannot_hold_one_is_reported(string fileName, string solution, int line)
    {
        var generate = () => TodoRegions.ToStarter(fileName, solution);

        generate.Should().Throw<FormatException>().WithMessage($"{fileName}:{line}: BEGIN TODO in a kind of file that cannot hold a lesson region*");
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

    [Fact]
    public void Find_gives_each_region_its_lines_and_the_characters_from_begin_to_end()
    {
        const string solution = "class C\n{\n    // BEGIN TODO 1: One.\n    int a = 1;\n    // END TODO\n    int b = 2;\n    // BEGIN TODO 2a: Two.\n    int c = 3;\n    // END TODO\n}\n";

        var regions = TodoRegions.Find("C.cs", solution);

        regions.Select(region => (region.Id, region.FirstLine, region.LastLine)).Should().Equal(("1", 3, 5), ("2a", 7, 9));
        regions.Select(region => solution[region.Start..region.End]).Should().Equal(
            "    // BEGIN TODO 1: One.\n    int a = 1;\n    // END TODO",
            "    // BEGIN TODO 2a: Two.\n    int c = 3;\n    // END TODO");
    }

    [Fact]
    public void Find_counts_characters_the_same_with_windows_line_endings()
    {
        const string solution = "int F()\r\n{\r\n    // BEGIN TODO 1: One.\r\n    return 1;\r\n    // END TODO\r\n}\r\n";

        var region = TodoRegions.Find("F.cs", solution).Should().ContainSingle().Subject;

        solution[region.Start..region.End].Should().Be("    // BEGIN TODO 1: One.\r\n    return 1;\r\n    // END TODO");
    }

    [Theory]
    [InlineData("// BEGIN TODO 1: Open.\nvar x = 1;\n", "without an END TODO")]
    [InlineData("var x = 1;\n// END TODO\n", "END TODO without a BEGIN TODO")]
    [InlineData("// BEGIN TODO 1: A.\n// BEGIN TODO 2: B.\n// END TODO\n", "BEGIN TODO inside the region")]
    public void Unbalanced_regions_are_reported_with_their_line(string solution, string expected)
    {
        var generate = () => TodoRegions.ToStarter("Broken.cs", solution);
        var find = () => TodoRegions.Find("Broken.cs", solution);

        generate.Should().Throw<FormatException>().WithMessage($"Broken.cs:*{expected}*");
        find.Should().Throw<FormatException>().WithMessage($"Broken.cs:*{expected}*");
    }
}
