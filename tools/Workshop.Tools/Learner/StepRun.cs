using System.Diagnostics;
using System.Text.RegularExpressions;
using Workshop.Tools.Reports;

namespace Workshop.Tools.Learner;

/// <summary>A compiler error in the learner's code, with the place it points at (relative to the workshop's root).</summary>
public sealed record BuildError(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): error {Code}: {Message}";
}

/// <summary>What building a step's test project gave: nothing to say, or the errors to fix first.</summary>
public sealed record BuildResult(bool Succeeded, IReadOnlyList<BuildError> Errors, string Output);

/// <summary>
/// Builds and runs a step's tests on one track and reads the results: the one way every command judges a step
/// (check, status and watch on the learner's code; verify on the untouched starters and the solutions).
/// The results are the xUnit XML reports that <see cref="TestResults"/> reads, so the learner's progress and CI's
/// verdict come from the same files.
/// </summary>
public static partial class StepRun
{
    [GeneratedRegex(@"^\s*(?<file>.+?)\((?<line>[0-9]+),(?<column>[0-9]+)\): error (?<code>[A-Z]+[0-9]+): (?<message>.*?)(\s+\[[^\]]+\])?\s*$")]
    private static partial Regex ErrorPattern();

    /// <summary>
    /// <c>dotnet build</c> of a step's test project on <paramref name="track"/>, quietly; the compiler's errors,
    /// each once, in the order they came.
    /// </summary>
    /// <param name="warm">
    /// For the learner's loop: skip the restore when it is current, and keep .NET's build servers warm between builds
    /// (MSBuild's nodes and server, the compiler server), as a development machine does by default. A build after a
    /// one-line edit then takes about a second instead of five. <c>dotnet build-server shutdown</c> stops them.
    /// </param>
    public static async Task<BuildResult> BuildAsync(string root, Step step, string track, CancellationToken cancel = default, bool warm = false)
    {
        List<string> arguments = ["build", step.TestsProject, $"-p:Track={track}", "-v", "q", "-nologo", "-clp:NoSummary"];
        if (warm && RestoreIsCurrent(root, step, track))
        {
            arguments.Add("--no-restore");
        }
        var (exit, output) = await DotnetAsync(root, arguments, cancel, warm ? WarmBuildServers : null);
        var errors = ParseErrors(root, output);
        return new BuildResult(exit == 0, errors, output);
    }

    /// <summary>Every distinct <c>error CS....</c> line of a build's output (MSBuild repeats them), paths made relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<BuildError> ParseErrors(string root, string buildOutput) =>
        buildOutput.ReplaceLineEndings("\n").Split('\n')
            .Select(line => ErrorPattern().Match(line))
            .Where(match => match.Success)
            .Select(match => new BuildError(
                Relative(root, match.Groups["file"].Value),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["code"].Value,
                match.Groups["message"].Value))
            .Distinct()
            .ToList();

    /// <summary>
    /// Runs the built tests of a step on <paramref name="track"/> and reads their outcomes from the xUnit XML report
    /// written to <paramref name="resultsFolder"/> (emptied first). Failing tests are expected: the outcomes judge.
    /// </summary>
    public static async Task<IReadOnlyList<TestOutcome>> TestAsync(
        string root, Step step, string track, string resultsFolder, CancellationToken cancel = default)
    {
        if (Directory.Exists(resultsFolder))
        {
            Directory.Delete(resultsFolder, recursive: true);
        }
        Directory.CreateDirectory(resultsFolder);
        var (_, output) = await DotnetAsync(root,
            ["test", "--project", step.TestsProject, "--no-build", $"-p:Track={track}", "--report-xunit-xml", "--results-directory", resultsFolder], cancel);
        File.WriteAllText(Path.Combine(resultsFolder, "test-output.log"), output);
        return TestResults.Read(resultsFolder);
    }

    /// <summary>
    /// True when the last restore of the step's test project and of the code under test is newer than every project
    /// and build settings file: a build can skip it. The learner edits code, not projects, so this is the usual case.
    /// </summary>
    public static bool RestoreIsCurrent(string root, Step step, string track)
    {
        string[] assets =
        [
            Path.Combine(step.TestsProject, "obj", track, "project.assets.json"),
            Path.Combine(track == "solutions" ? step.SolutionFolder : step.Folder, "obj", "project.assets.json"),
            Path.Combine(root, "tests", "Workshop.Testing", "obj", "project.assets.json"),
        ];
        if (!assets.All(File.Exists))
        {
            return false;
        }
        var restored = assets.Min(File.GetLastWriteTimeUtc);
        var inputs = new[] { step.TestsProject, track == "solutions" ? step.SolutionFolder : step.Folder, Path.Combine(root, "tests", "Workshop.Testing") }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj"))
            .Concat(new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" }.Select(file => Path.Combine(root, file)))
            .Where(File.Exists);
        return inputs.All(input => File.GetLastWriteTimeUtc(input) < restored);
    }

    /// <summary>
    /// Undoes what a CI machine or a container may set to keep builds cold (no node reuse, no compiler server), and asks
    /// for the MSBuild server: the defaults of a development machine, and then some.
    /// </summary>
    private static void WarmBuildServers(IDictionary<string, string?> environment)
    {
        environment.Remove("MSBUILDDISABLENODEREUSE");
        environment.Remove("UseSharedCompilation");
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "1";
    }

    /// <summary>Runs the dotnet CLI in the workshop's root and returns its exit code and output (standard output and error, interleaved).</summary>
    public static async Task<(int Exit, string Output)> DotnetAsync(string root, IEnumerable<string> arguments, CancellationToken cancel = default,
        Action<IDictionary<string, string?>>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The track is chosen on the command line; a WORKSHOP_TRACK left in the environment must not change it.
        start.Environment.Remove("WORKSHOP_TRACK");
        environment?.Invoke(start.Environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started; is the .NET SDK on PATH?");
        var output = new System.Text.StringBuilder();
        void Collect(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancel);
            process.WaitForExit(); // and the last lines of output have been read
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string Relative(string root, string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return path;
        }
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
