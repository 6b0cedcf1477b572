using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Workshop.Tools.Starters;

namespace Workshop.Tools.Learner;

/// <summary>
/// Times the learner's loop as a learner lives it: in a fresh clone of the workshop with each step solved (the
/// solution copied over the starter), <c>./workshop check NN</c> when nothing changed, and after a one-line edit
/// inside a TODO region. Each figure is the median of several runs; the table is what the tools' README keeps.
/// <c>dotnet run --project tools/Workshop.Tools -- measure-loop [NN ...] [--runs 5]</c>
/// </summary>
public sealed partial class LoopTimer(string root, TextWriter output)
{
    [GeneratedRegex(@"^(?<indent>[ \t]*)//\s*END TODO", RegexOptions.Multiline)]
    private static partial Regex CSharpRegionEnd();

    public async Task<int> RunAsync(IReadOnlyList<string> stepArguments, int runs, CancellationToken cancel)
    {
        var clone = Path.Combine(Path.GetTempPath(), $"workshop-loop-{Environment.ProcessId}");
        output.WriteLine($"Cloning the workshop's committed main into {clone} ...");
        var (cloned, cloneOutput) = await RunAsync("git", ["clone", "--quiet", "--no-hardlinks", root, clone], root, cancel);
        if (cloned != 0)
        {
            output.WriteLine(cloneOutput);
            return 1;
        }
        try
        {
            var steps = Steps.All(clone);
            var chosen = stepArguments.Count == 0 ? steps : stepArguments.Select(argument => Steps.Find(clone, argument, out _)).OfType<Step>().ToList();
            var rows = new List<string>();
            foreach (var step in chosen)
            {
                Solve(step);
                var edited = StarterFolders.SourceFiles(step.Folder).FirstOrDefault(file => file.EndsWith(".cs", StringComparison.Ordinal) && CSharpRegionEnd().IsMatch(File.ReadAllText(file)));
                if (edited is null)
                {
                    output.WriteLine($"{step.Name}: no C# TODO region to edit; skipped.");
                    continue;
                }
                output.WriteLine($"{step.Name}: first check (builds everything once; not timed)...");
                await CheckAsync(clone, step, cancel);
                var unchanged = new List<double>();
                var afterEdit = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    EditInsideRegion(edited, run);
                    afterEdit.Add(await CheckAsync(clone, step, cancel));
                    unchanged.Add(await CheckAsync(clone, step, cancel));
                    output.WriteLine($"  run {run + 1}: after an edit {afterEdit[^1]:0.0} s, nothing changed {unchanged[^1]:0.0} s");
                }
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {step.Number} | {Median(unchanged):0.0} s | {Median(afterEdit):0.0} s | {afterEdit.Min():0.0}-{afterEdit.Max():0.0} s |"));
            }
            output.WriteLine();
            output.WriteLine($"`./workshop check NN` on a solved step, median of {runs} ({Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd}):");
            output.WriteLine();
            output.WriteLine("| step | nothing changed | after a one-line edit | range after an edit |");
            output.WriteLine("|---|---:|---:|---:|");
            foreach (var row in rows)
            {
                output.WriteLine(row);
            }
            return 0;
        }
        finally
        {
            await RunAsync("dotnet", ["build-server", "shutdown"], clone, CancellationToken.None);
            try
            {
                Directory.Delete(clone, recursive: true);
            }
            catch (IOException)
            {
                output.WriteLine($"(the clone stays in {clone})");
            }
        }
    }

    /// <summary>Copies the step's solution over its starter: the step as a learner who finished it has it.</summary>
    private static void Solve(Step step)
    {
        foreach (var file in StarterFolders.SourceFiles(step.SolutionFolder))
        {
            var target = Path.Combine(step.Folder, Path.GetRelativePath(step.SolutionFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>A one-line edit a learner might make: a comment line added just before a region's END TODO.</summary>
    private static void EditInsideRegion(string file, int run)
    {
        var text = File.ReadAllText(file);
        var end = CSharpRegionEnd().Match(text);
        File.WriteAllText(file, text.Insert(end.Index, $"{end.Groups["indent"].Value}// edit {run + 1}\n"));
    }

    private async Task<double> CheckAsync(string clone, Step step, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var command = OperatingSystem.IsWindows() ? Path.Combine(clone, "workshop.cmd") : Path.Combine(clone, "workshop");
        var (_, text) = await RunAsync(command, ["check", step.Number], clone, cancel);
        clock.Stop();
        if (!text.Contains("goals passed", StringComparison.Ordinal))
        {
            output.WriteLine(text);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, IEnumerable<string> arguments, string folder, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        return (process.ExitCode, await stdout + await stderr);
    }
}
