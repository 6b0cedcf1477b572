using System.Text.Json;
using FluentAssertions;
using Workshop.Tools.Mutation;
using Workshop.Tools.Starters;
using Xunit;

namespace Workshop.Tools.Tests;

public sealed class MutationReportTests : IDisposable
{
    private readonly string _step = Directory.CreateTempSubdirectory("step-").FullName;

    [Fact]
    public void Summary_counts_only_the_regions_scores_them_and_lists_each_survivor_with_its_code()
    {
        const string source = "int F(int a)\n{\n    // BEGIN TODO 1: Compare.\n    return a < 3 ? 1 : 2;\n    // END TODO\n}\n";
        var report = Path.Combine(_step, "mutation-report.json");
        var mutants = new object[]
        {
            Mutant("Equality mutation", "a <= 3", "Survived", (4, 12), (4, 17)),
            Mutant("Conditional (true) mutation", "(true?1 :2)", "Killed", (4, 12), (4, 25)),
            Mutant("Block removal mutation", "{}", "Ignored", (2, 1), (6, 2)),
        };
        var files = new Dictionary<string, object> { [Path.Combine(_step, "F.cs")] = new { source, mutants } };
        File.WriteAllText(report, JsonSerializer.Serialize(new { files }));
        var scope = new[] { new RegionFile("F.cs", TodoRegions.Find("F.cs", source)) };
        var output = new StringWriter();

        MutationReport.Summarize(MutationReport.Read(report, _step), scope, output);

        output.ToString().Should()
            .Contain("Mutants inside the TODO regions: 2")
            .And.Contain("Mutation score: 50.00 %")
            .And.Contain("F.cs:4 [Survived] Equality mutation: `a < 3` -> `a <= 3`")
            .And.NotContain("Block removal", "the method's body is not inside the region");
    }

    private static object Mutant(string mutatorName, string replacement, string status, (int Line, int Column) start, (int Line, int Column) end) => new
    {
        mutatorName,
        replacement,
        status,
        location = new { start = new { line = start.Line, column = start.Column }, end = new { line = end.Line, column = end.Column } },
    };

    public void Dispose() => Directory.Delete(_step, recursive: true);
}
