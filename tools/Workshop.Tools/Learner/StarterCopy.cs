using System.Text;
using Workshop.Tools.Starters;

namespace Workshop.Tools.Learner;

/// <summary>A file that differs between two versions of a step; null text where one of them has no such file.</summary>
public sealed record FileChange(string RelativePath, string? Before, string? After);

/// <summary>
/// The learner's copy of a step next to its original starter. The original is not kept anywhere: it is generated
/// again, in memory, from the solution (<see cref="StarterFolders.ExpectedStarter"/>), exactly as the maintainers
/// generate the starter that is committed.
/// </summary>
public sealed class StarterCopy(string root, Step step)
{
    private readonly StarterFolders _folders = new(root);

    /// <summary>Every file where the learner's folder differs from the original starter (the README aside).</summary>
    public IReadOnlyList<FileChange> LearnerChanges()
    {
        var starter = OriginalStarter();
        var learner = Files(step.Folder);
        return Compare(starter, learner);
    }

    /// <summary>
    /// Every file where the solution differs from the original starter: the lesson's answer, without the region
    /// markers that only the maintainers' generator reads (<see cref="TodoRegions.ToAnswer"/>).
    /// </summary>
    public IReadOnlyList<FileChange> SolutionChanges()
    {
        var starter = OriginalStarter();
        var solution = Files(step.SolutionFolder).ToDictionary(
            file => file.Key,
            file => TodoRegions.Applies(file.Key) ? Encoding.UTF8.GetBytes(TodoRegions.ToAnswer(file.Key, Encoding.UTF8.GetString(file.Value))) : file.Value);
        return Compare(starter, solution);
    }

    /// <summary>
    /// Copies the learner's files to <paramref name="backupFolder"/>, then puts the original starter back: every
    /// starter file rewritten, every file the starter does not have removed. The README and build outputs stay.
    /// </summary>
    public IReadOnlyList<string> Reset(string backupFolder)
    {
        foreach (var file in StarterFolders.SourceFiles(step.Folder))
        {
            var target = Path.Combine(backupFolder, Path.GetRelativePath(step.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        var restored = new List<string>();
        var expected = _folders.ExpectedStarter(step.Name).ToDictionary(file => file.RelativePath, file => file.Content);
        foreach (var (relative, content) in expected)
        {
            var target = Path.Combine(step.Folder, relative);
            if (File.Exists(target) && StarterFolders.SameContent(File.ReadAllBytes(target), content))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
            restored.Add(relative);
        }
        foreach (var file in StarterFolders.SourceFiles(step.Folder).ToList())
        {
            var relative = Path.GetRelativePath(step.Folder, file);
            if (relative != StarterFolders.StarterOnlyFile && !expected.ContainsKey(relative))
            {
                File.Delete(file);
                restored.Add($"{relative} (removed)");
            }
        }
        return restored;
    }

    /// <summary>The changes as one unified diff, paths written as <c>a/NN-step/...</c> and <c>b/NN-step/...</c>.</summary>
    public static string Unified(IEnumerable<FileChange> changes, string step, string beforeLabel, string afterLabel)
    {
        var text = new StringBuilder();
        foreach (var change in changes)
        {
            var path = $"{step}/{change.RelativePath.Replace('\\', '/')}";
            text.Append(TextDiff.Unified(
                change.Before ?? "", change.After ?? "",
                change.Before is null ? "/dev/null" : $"{beforeLabel}/{path}",
                change.After is null ? "/dev/null" : $"{afterLabel}/{path}"));
        }
        return text.ToString();
    }

    private Dictionary<string, byte[]> OriginalStarter() =>
        _folders.ExpectedStarter(step.Name).ToDictionary(file => file.RelativePath, file => file.Content);

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.Exists(folder)
            ? StarterFolders.SourceFiles(folder)
                .Select(file => (Relative: Path.GetRelativePath(folder, file), File: file))
                .Where(file => file.Relative != StarterFolders.StarterOnlyFile)
                .ToDictionary(file => file.Relative, file => File.ReadAllBytes(file.File))
            : [];

    private static List<FileChange> Compare(Dictionary<string, byte[]> before, Dictionary<string, byte[]> after) =>
        before.Keys.Union(after.Keys)
            .Order(StringComparer.Ordinal)
            .Where(path => !(before.TryGetValue(path, out var b) && after.TryGetValue(path, out var a) && StarterFolders.SameContent(a, b)))
            .Select(path => new FileChange(
                path,
                before.TryGetValue(path, out var b) ? Text(b) : null,
                after.TryGetValue(path, out var a) ? Text(a) : null))
            .ToList();

    private static string Text(byte[] content) =>
        content.Contains((byte)0) ? "(binary file)\n" : Encoding.UTF8.GetString(content);
}
