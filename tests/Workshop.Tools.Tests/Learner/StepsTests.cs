using FluentAssertions;
using Workshop.Tools.Learner;
using Xunit;

namespace Workshop.Tools.Tests.Learner;

/// <summary>Finding the steps and the step a learner means, in a small workshop laid out in a temporary folder.</summary>
public sealed class StepsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public StepsTests()
    {
        _temp.Write("01-http-basics/README.md", "# Step 01 · HTTP basics\n\nText.\n");
        _temp.Write("tests/01-http-basics.Tests/X.cs", "");
        _temp.Write("05-broadcast-chat/README.md", "# Step 05 · Broadcast chat\n");
        _temp.Write("tests/05-broadcast-chat.Tests/X.cs", "");
        _temp.Write("tests/Workshop.Testing/X.cs", "");
        _temp.Write("02-draft/README.md", "# A step without tests is not a step yet\n");
    }

    [Fact]
    public void Steps_are_the_folders_with_a_test_project_titled_by_their_readme()
    {
        Steps.All(_temp.Path).Select(step => (step.Name, step.Title)).Should().Equal(
            ("01-http-basics", "HTTP basics"),
            ("05-broadcast-chat", "Broadcast chat"));
    }

    [Theory]
    [InlineData("05")]
    [InlineData("5")]
    [InlineData("05-broadcast-chat")]
    [InlineData("05-broadcast-chat/")]
    public void A_step_is_found_by_its_number_or_its_folder(string argument)
    {
        Steps.Find(_temp.Path, argument, out var problem)!.Name.Should().Be("05-broadcast-chat");
        problem.Should().BeNull();
    }

    [Fact]
    public void Unknown_step_is_refused_with_the_list_of_steps()
    {
        Steps.Find(_temp.Path, "07", out var problem).Should().BeNull();
        problem.Should().Be("There is no step '07'. The steps are: 01-http-basics, 05-broadcast-chat (give the number, like 01, or the folder's name).");
    }

    [Fact]
    public void Missing_step_folder_is_refused_with_how_to_get_it_back()
    {
        Directory.Move(Path.Combine(_temp.Path, "01-http-basics"), Path.Combine(_temp.Path, "01-renamed"));

        Steps.Find(_temp.Path, "01", out var problem).Should().BeNull();
        problem.Should().StartWith("The folder of step 01, 01-http-basics/, is missing (renamed or deleted?).");
    }

    public void Dispose() => _temp.Dispose();
}
