using System.Globalization;
using Workshop.Tools.Reports;
using Workshop.Tools.Starters;

namespace Workshop.Tools.Learner;

/// <summary>
/// What the command keeps between runs, in <c>artifacts/progress/NN-step/</c> (ignored by git):
/// the last test run's results, a stamp of the sources they were run on, and which hint was shown last.
/// Progress is always computed from a test run's results; the stamps only say when a run can be skipped because
/// nothing it depends on has changed since.
/// </summary>
public sealed class ProgressStore(Step step)
{
    private const string BuildStampFile = "build.stamp";
    private const string ResultsStampFile = "results.stamp";
    private const string HintFile = "hint";

    public string ResultsFolder => Path.Combine(step.ProgressFolder, "results");

    /// <summary>
    /// A fingerprint of the files a step's test build depends on: the learner's folder, the test project, the shared test
    /// helpers and the build settings; build outputs and Markdown are not inputs. Every file's path, size and write time
    /// count, so a file put back with an older time (an undo, a checkout) or two saves within one tick still change it.
    /// </summary>
    public static string SourceStamp(Step step)
    {
        string[] folders = [step.Folder, step.TestsProject, Path.Combine(step.Root, "tests", "Workshop.Testing")];
        string[] files = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];
        var inputs = folders.Where(Directory.Exists).SelectMany(StarterFolders.SourceFiles)
            .Concat(files.Select(file => Path.Combine(step.Root, file)).Where(File.Exists))
            .Where(file => !file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var fingerprint = new System.Text.StringBuilder();
        foreach (var file in inputs)
        {
            var info = new FileInfo(file);
            fingerprint.Append(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(step.Root, file)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n");
        }
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fingerprint.ToString())));
    }

    /// <summary>True when the last successful build was made from the sources as they are now, and its output is still there.</summary>
    public bool BuildIsCurrent(string stamp) =>
        Read(BuildStampFile) == stamp && Directory.Exists(Path.Combine(step.TestsProject, "bin", "exercises"));

    public void BuildSucceeded(string stamp) => Write(BuildStampFile, stamp);

    public void BuildFailed() => Delete(BuildStampFile);

    /// <summary>The results of the last test run, when it ran on the sources as they are now; otherwise null.</summary>
    public IReadOnlyList<TestOutcome>? CurrentResults(string stamp)
    {
        if (Read(ResultsStampFile) != stamp)
        {
            return null;
        }
        var results = TestResults.Read(ResultsFolder);
        return results.Count > 0 ? results : null;
    }

    /// <summary>When the last results were written (local time); <see cref="DateTime.MinValue"/> when there are none.</summary>
    public DateTime ResultsTime
    {
        get
        {
            var path = Path.Combine(step.ProgressFolder, ResultsStampFile);
            return File.Exists(path) ? File.GetLastWriteTime(path) : DateTime.MinValue;
        }
    }

    public void ResultsWritten(string stamp) => Write(ResultsStampFile, stamp);

    public void ResultsInvalid() => Delete(ResultsStampFile);

    /// <summary>The hint shown last: its TODO and its index among that TODO's hints.</summary>
    public (int Todo, int Index)? LastHint()
    {
        var text = Read(HintFile)?.Split(' ');
        return text is [var todo, var index]
            && int.TryParse(todo, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? (t, i) : null;
    }

    public void HintShown(int todo, int index) => Write(HintFile, string.Create(CultureInfo.InvariantCulture, $"{todo} {index}"));

    private string? Read(string name)
    {
        var path = Path.Combine(step.ProgressFolder, name);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private void Write(string name, string text)
    {
        Directory.CreateDirectory(step.ProgressFolder);
        File.WriteAllText(Path.Combine(step.ProgressFolder, name), text + "\n");
    }

    private void Delete(string name) => File.Delete(Path.Combine(step.ProgressFolder, name));
}
