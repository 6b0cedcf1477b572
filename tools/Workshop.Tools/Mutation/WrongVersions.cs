using System.Text.Json;
using System.Text.Json.Serialization;
using Workshop.Tools.Learner;
using Workshop.Tools.Reports;

namespace Workshop.Tools.Mutation;

/// <summary>
/// One mistake a learner makes, written as a change to the reference solution: in <see cref="File"/> (relative to
/// <c>solutions/NN-step/</c>), the text <see cref="Replace"/>, which occurs there once, becomes <see cref="With"/>.
/// </summary>
public sealed record WrongVersion(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("replace")] string Replace,
    [property: JsonPropertyName("with")] string With);

/// <summary>
/// The wrong versions learners write, kept beside each step's goals (<c>tests/NN-step.Tests/WrongVersions.json</c>),
/// and a run that proves each one turns a goal red: Stryker's mutants are small slips, these are the mistakes the
/// lessons warn about (a missing check, a race, HTML where text belongs). Each is put into the reference solution in
/// turn, the step is built and its goals run (through the learner's own runner, so a version that hangs is stopped),
/// and the solution is restored whatever happens.
/// </summary>
public sealed class WrongVersions(string workshopRoot, Step step)
{
    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string ListPath(Step step) => Path.Combine(step.TestsProject, "WrongVersions.json");

    public static IReadOnlyList<WrongVersion> Read(Step step) =>
        System.IO.File.Exists(ListPath(step))
            ? JsonSerializer.Deserialize<List<WrongVersion>>(System.IO.File.ReadAllText(ListPath(step)), Json) ?? []
            : [];

    /// <summary>The solution file a wrong version changes.</summary>
    public string SolutionFile(WrongVersion version) => Path.Combine(workshopRoot, "solutions", step.Name, version.File);

    /// <summary>Why <paramref name="version"/> cannot be put in, or null when its text occurs exactly once.</summary>
    public string? Problem(WrongVersion version)
    {
        var path = SolutionFile(version);
        if (!System.IO.File.Exists(path))
        {
            return $"solutions/{step.Name}/{version.File} does not exist";
        }
        var text = System.IO.File.ReadAllText(path);
        var first = text.IndexOf(version.Replace, StringComparison.Ordinal);
        return first < 0 ? $"its text is not in solutions/{step.Name}/{version.File}"
            : text.IndexOf(version.Replace, first + 1, StringComparison.Ordinal) >= 0 ? $"its text occurs more than once in {version.File}"
            : null;
    }

    /// <summary>Tries every wrong version of the step; prints what caught each. Exit code 0 when every one was caught.</summary>
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancel)
    {
        var versions = Read(step);
        if (versions.Count == 0)
        {
            output.WriteLine($"No wrong versions for {step.Name}: {Path.GetRelativePath(workshopRoot, ListPath(step))} is missing or empty.");
            return 2;
        }
        output.WriteLine($"{versions.Count} wrong versions of {step.Name}, each put into its reference solution in turn:");
        var rows = new List<string>();
        var missed = 0;
        foreach (var version in versions)
        {
            var verdict = await TryAsync(version, cancel);
            missed += verdict.Caught ? 0 : 1;
            output.WriteLine($"  {(verdict.Caught ? "caught" : "MISSED")}: {version.Name}: {verdict.Says}");
            rows.Add($"| {version.Name} | {(verdict.Caught ? "caught" : "**missed**")} | {verdict.Says.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
        // Leave the reference build as it was.
        await StepRun.BuildAsync(workshopRoot, step, "solutions", cancel);
        output.WriteLine();
        output.WriteLine("| wrong version | verdict | what turned red first |");
        output.WriteLine("|---|---|---|");
        rows.ForEach(output.WriteLine);
        output.WriteLine();
        output.WriteLine($"{versions.Count - missed} of {versions.Count} wrong versions turn a goal red.");
        return missed == 0 ? 0 : 1;
    }

    private async Task<(bool Caught, string Says)> TryAsync(WrongVersion version, CancellationToken cancel)
    {
        if (Problem(version) is { } problem)
        {
            return (false, $"cannot be put in: {problem}");
        }
        var path = SolutionFile(version);
        var original = System.IO.File.ReadAllText(path);
        try
        {
            System.IO.File.WriteAllText(path, original.Replace(version.Replace, version.With, StringComparison.Ordinal));
            var build = await StepRun.BuildAsync(workshopRoot, step, "solutions", cancel);
            if (!build.Succeeded)
            {
                // A version that does not compile is no version a learner can run: say so, do not count it as caught.
                return (false, $"does not compile: {build.Errors.FirstOrDefault()?.ToString() ?? "build failed"}");
            }
            var outcomes = await new LiveTestRun(step, "solutions").RunAsync(new LiveRunOptions(), _ => { }, cancel);
            var failed = outcomes.Where(outcome => outcome.Failed).ToList();
            return failed.Count == 0
                ? (false, $"all {outcomes.Count} goals pass")
                : (true, $"{failed.Count} goal(s), first {failed[0].Method}: {TrackReport.FirstLine(failed[0].Message)}");
        }
        finally
        {
            System.IO.File.WriteAllText(path, original);
        }
    }
}
