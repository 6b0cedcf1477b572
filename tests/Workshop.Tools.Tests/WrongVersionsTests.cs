using FluentAssertions;
using Workshop.Tools.Learner;
using Workshop.Tools.Mutation;
using Xunit;

namespace Workshop.Tools.Tests;

/// <summary>
/// The wrong versions kept beside each step's goals still fit the reference solutions: a solution that changes under
/// them would silently stop them from being tried (<c>wrong-versions NN</c> runs them; this only reads them).
/// </summary>
public sealed class WrongVersionsTests
{
    public static TheoryData<string> StepsWithWrongVersions =>
        [.. Steps.All(WorkshopFolder.Root()).Where(step => File.Exists(WrongVersions.ListPath(step))).Select(step => step.Name)];

    [Fact]
    public void Every_step_keeps_its_wrong_versions()
    {
        StepsWithWrongVersions.Should().HaveCount(Steps.All(WorkshopFolder.Root()).Count,
            "each step's tests folder holds a WrongVersions.json of the mistakes its goals must catch");
    }

    [Theory]
    [MemberData(nameof(StepsWithWrongVersions))]
    public void Each_wrong_version_still_fits_its_solution_once(string stepName)
    {
        var step = Steps.All(WorkshopFolder.Root()).Single(step => step.Name == stepName);
        var versions = WrongVersions.Read(step);
        var wrong = new WrongVersions(WorkshopFolder.Root(), step);

        versions.Should().NotBeEmpty();
        versions.Select(version => (version.Name, Problem: wrong.Problem(version))).Where(found => found.Problem is not null)
            .Should().BeEmpty("every wrong version's text must occur exactly once in its solution file, or it cannot be put in");
        versions.Should().OnlyContain(version => version.Replace != version.With, "a wrong version changes something");
    }
}
