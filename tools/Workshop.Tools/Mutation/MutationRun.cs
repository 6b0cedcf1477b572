using System.Diagnostics;
using System.Text.Json;

namespace Workshop.Tools.Mutation;

/// <summary>
/// Mutation testing of one step: Stryker.NET changes the reference solution's TODO regions one small change at a
/// time and runs the step's tests against each change. A change that no test notices is a goal the tests do not
/// really check. Everything goes to <c>artifacts/mutation/NN-step/</c>: the generated config, the log and the reports.
/// </summary>
public sealed class MutationRun(string workshopRoot, string step)
{
    /// <summary>The track the tests run against: the regions are mutated in the reference solution.</summary>
    private const string Track = "solutions";

    private string StepFolder => Path.Combine(workshopRoot, "solutions", step);
    private string TestProject => Path.Combine(workshopRoot, "tests", $"{step}.Tests", $"{step}.Tests.csproj");
    private string OutputFolder => Path.Combine(workshopRoot, "artifacts", "mutation", step);
    private string ConfigFile => Path.Combine(OutputFolder, "stryker-config.json");
    private string JsonReport => Path.Combine(OutputFolder, "reports", "mutation-report.json");

    /// <summary>Runs Stryker.NET on the step, then prints what happened inside the regions. Returns an exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> strykerOptions, TextWriter output)
    {
        if (!Directory.Exists(StepFolder) || !File.Exists(TestProject))
        {
            output.WriteLine($"No step '{step}': mutation testing needs solutions/{step}/ and tests/{step}.Tests/{step}.Tests.csproj.");
            return 2;
        }
        var projects = Directory.GetFiles(StepFolder, "*.csproj");
        if (projects.Length != 1)
        {
            output.WriteLine($"solutions/{step}/ must hold exactly one project to mutate; it holds {projects.Length}.");
            return 2;
        }
        var scope = MutationScope.Find(StepFolder);
        if (scope.Count == 0)
        {
            output.WriteLine($"solutions/{step}/ has no TODO regions: there is nothing to mutate.");
            return 2;
        }

        if (Directory.Exists(OutputFolder))
        {
            Directory.Delete(OutputFolder, recursive: true);
        }
        Directory.CreateDirectory(OutputFolder);
        File.WriteAllText(ConfigFile, Config(Path.GetFileName(projects[0]), scope));
        output.WriteLine($"Mutating {scope.Sum(file => file.Regions.Count)} TODO region(s) in {scope.Count} file(s) of solutions/{step}/:");
        foreach (var file in scope)
        {
            output.WriteLine($"  {file.RelativePath}: lines {string.Join(", ", file.Regions.Select(region => $"{region.FirstLine}-{region.LastLine} (TODO {region.Id})"))}");
        }

        var restore = await DotnetAsync(workshopRoot, ["tool", "restore"]);
        if (restore != 0)
        {
            output.WriteLine("dotnet tool restore failed: Stryker.NET (.config/dotnet-tools.json) could not be installed.");
            return restore;
        }
        // Stryker.NET runs from the project under test when it is given the test projects.
        var stryker = await DotnetAsync(StepFolder, ["stryker", "--config-file", ConfigFile, "--output", OutputFolder, .. strykerOptions]);
        if (!File.Exists(JsonReport))
        {
            output.WriteLine($"Stryker.NET exited with {stryker} and wrote no report.");
            return stryker == 0 ? 1 : stryker;
        }

        output.WriteLine();
        MutationReport.Summarize(MutationReport.Read(JsonReport, StepFolder), scope, output);
        output.WriteLine($"Report: {Path.GetRelativePath(workshopRoot, Path.ChangeExtension(JsonReport, ".html"))}");
        return stryker;
    }

    /// <summary>The Stryker.NET config of the run: the step's one project, its test project, and the regions to mutate.</summary>
    private string Config(string projectFileName, IReadOnlyList<RegionFile> scope)
    {
        var config = new Dictionary<string, object>
        {
            ["project"] = projectFileName,
            ["test-projects"] = new[] { TestProject },
            // xunit.v3 tests run on Microsoft.Testing.Platform, which Stryker.NET's default runner (VSTest) cannot drive.
            ["test-runner"] = "mtp",
            ["mutate"] = scope.Select(file => file.MutatePattern).ToArray(),
            ["reporters"] = new[] { "progress", "cleartext", "html", "json" },
        };
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["stryker-config"] = config }, new JsonSerializerOptions { WriteIndented = true });
    }

    private static async Task<int> DotnetAsync(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["WORKSHOP_TRACK"] = Track;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
