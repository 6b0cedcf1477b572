using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workshop.Tools.Mutation;

/// <summary>One mutant of a Stryker.NET run: where it is, what it changed, and what the tests made of it.</summary>
public sealed record Mutant(string File, int Line, string Mutator, string Status, string? Reason, string Original, string Replacement)
{
    /// <summary>The status, with Stryker's reason where it skipped the mutant: skips have several causes.</summary>
    public string Outcome => Status == "Ignored" && Reason is not null ? $"{Status} ({Reason})" : Status;
}

/// <summary>
/// Reads the JSON report of a Stryker.NET run (the mutation-testing-report-schema) and sums up the mutants inside
/// the lesson regions.
/// </summary>
public static partial class MutationReport
{
    /// <summary>The statuses that count towards the score: the tests either noticed the mutant or they did not.</summary>
    private static readonly string[] Detected = ["Killed", "Timeout"];
    private static readonly string[] Undetected = ["Survived", "NoCoverage"];

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex LineBreak();

    /// <summary>Every mutant of the report, with file paths relative to <paramref name="stepFolder"/>.</summary>
    public static IReadOnlyList<Mutant> Read(string reportPath, string stepFolder)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var mutants = new List<Mutant>();
        foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
        {
            var relative = Path.GetRelativePath(stepFolder, file.Name).Replace(Path.DirectorySeparatorChar, '/');
            var lines = file.Value.GetProperty("source").GetString()!.Split('\n');
            foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
            {
                var location = mutant.GetProperty("location");
                var (startLine, startColumn) = Position(location.GetProperty("start"));
                var (endLine, endColumn) = Position(location.GetProperty("end"));
                mutants.Add(new Mutant(
                    relative,
                    startLine,
                    mutant.GetProperty("mutatorName").GetString()!,
                    mutant.GetProperty("status").GetString()!,
                    mutant.TryGetProperty("statusReason", out var reason) ? reason.GetString() : null,
                    OneLine(Excerpt(lines, startLine, startColumn, endLine, endColumn)),
                    OneLine(mutant.TryGetProperty("replacement", out var replacement) ? replacement.GetString() ?? "" : "")));
            }
        }
        return mutants;
    }

    /// <summary>
    /// A table of the mutants inside the regions by status, the mutation score, and every surviving mutant with its
    /// original and mutated code. Mutants outside the regions are not counted: the run does not test them.
    /// </summary>
    public static void Summarize(IReadOnlyList<Mutant> mutants, IReadOnlyList<RegionFile> scope, TextWriter output)
    {
        var inside = mutants
            .Where(mutant => scope.Any(file => file.RelativePath == mutant.File && file.Covers(mutant.Line)))
            .OrderBy(mutant => mutant.File, StringComparer.Ordinal).ThenBy(mutant => mutant.Line)
            .ToList();
        output.WriteLine($"Mutants inside the TODO regions: {inside.Count}");
        output.WriteLine("| status | mutants |");
        output.WriteLine("|---|---:|");
        foreach (var status in inside.GroupBy(mutant => mutant.Outcome).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"| {status.Key} | {status.Count()} |");
        }

        var detected = inside.Count(mutant => Detected.Contains(mutant.Status));
        var undetected = inside.Count(mutant => Undetected.Contains(mutant.Status));
        output.WriteLine(detected + undetected == 0
            ? "Mutation score: none, no mutant was tested."
            : $"Mutation score: {100.0 * detected / (detected + undetected):0.00} % ({detected} killed or timed out of {detected + undetected})");

        var survivors = inside.Where(mutant => Undetected.Contains(mutant.Status)).ToList();
        output.WriteLine(survivors.Count == 0 ? "No mutant survived." : $"Surviving mutants ({survivors.Count}):");
        foreach (var mutant in survivors)
        {
            output.WriteLine($"  {mutant.File}:{mutant.Line} [{mutant.Status}] {mutant.Mutator}: `{mutant.Original}` -> `{mutant.Replacement}`");
        }
    }

    // The report's lines and columns are 1-based; the end column is just past the last character.
    private static (int Line, int Column) Position(JsonElement position) =>
        (position.GetProperty("line").GetInt32(), position.GetProperty("column").GetInt32());

    private static string Excerpt(string[] lines, int startLine, int startColumn, int endLine, int endColumn)
    {
        if (startLine == endLine)
        {
            return lines[startLine - 1][(startColumn - 1)..(endColumn - 1)];
        }
        var middle = lines[startLine..(endLine - 1)];
        return string.Join('\n', [lines[startLine - 1][(startColumn - 1)..], .. middle, lines[endLine - 1][..(endColumn - 1)]]);
    }

    private static string OneLine(string code) => LineBreak().Replace(code.TrimEnd('\r'), " ");
}
