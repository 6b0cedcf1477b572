using FluentAssertions;
using Workshop.Tools.Mutation;
using Xunit;

namespace Workshop.Tools.Tests;

/// <summary>The mutation scope of a step, on a small solution laid out in a temporary folder.</summary>
public sealed class MutationScopeTests : IDisposable
{
    private const string Answer = "class A\n{\n    int F()\n    {\n        // BEGIN TODO 1: Answer.\n        return 42;\n        // END TODO\n    }\n}\n";

    private readonly TempFolder _temp = new("step-");

    [Fact]
    public void Scope_is_every_region_of_every_cs_file_as_character_spans_and_nothing_else()
    {
        _temp.Write("Demo.csproj", "<Project />\n");
        _temp.Write("Server/Answer.cs", Answer);
        _temp.Write("Plain.cs", "class P;\n");
        _temp.Write("obj/Debug/Answer.cs", Answer);

        var scope = MutationScope.Find(_temp.Path);

        var file = scope.Should().ContainSingle("only Server/Answer.cs has regions; obj/ is build output").Subject;
        file.RelativePath.Should().Be("Server/Answer.cs");
        file.MutatePattern.Should().Be("Server/Answer.cs{28..99}");
        Answer[28..99].Should().StartWith("        // BEGIN TODO 1").And.EndWith("// END TODO");
        file.Covers(6).Should().BeTrue("line 6 is the region's code");
        file.Covers(8).Should().BeFalse("line 8 closes the method, outside the region");
    }

    public void Dispose() => _temp.Dispose();
}
