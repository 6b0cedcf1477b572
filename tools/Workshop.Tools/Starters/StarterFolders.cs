namespace Workshop.Tools.Starters;

/// <summary>
/// Maps every step of <c>solutions/</c> to its starter folder at the root: <c>solutions/01-http-basics</c> to
/// <c>01-http-basics</c>. The solution is the one source of truth; the starter is what <see cref="TodoRegions"/> makes of it.
/// </summary>
public sealed class StarterFolders(string workshopRoot)
{
    /// <summary>Written by hand in the starter folder only: the step's lesson.</summary>
    public const string StarterOnlyFile = "README.md";

    private static readonly string[] BuildFolders = ["bin", "obj", "TestResults"];

    public IEnumerable<string> Steps() =>
        Directory.EnumerateDirectories(Path.Combine(workshopRoot, "solutions"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name.Length > 3 && char.IsAsciiDigit(name[0]) && char.IsAsciiDigit(name[1]) && name[2] == '-')
            .Order(StringComparer.Ordinal);

    /// <summary>Every file the starter of <paramref name="step"/> should hold, with its expected text or bytes.</summary>
    public IEnumerable<(string RelativePath, byte[] Content)> ExpectedStarter(string step)
    {
        var solution = Path.Combine(workshopRoot, "solutions", step);
        foreach (var file in SourceFiles(solution))
        {
            var relative = Path.GetRelativePath(solution, file);
            if (relative == StarterOnlyFile)
            {
                continue;
            }
            var name = Path.Combine("solutions", step, relative);
            if (!TodoRegions.Applies(file))
            {
                var content = File.ReadAllBytes(file);
                TodoRegions.RejectRegions(name, content);
                yield return (relative, content);
                continue;
            }
            var starter = TodoRegions.ToStarter(name, File.ReadAllText(file));
            yield return (relative, System.Text.Encoding.UTF8.GetBytes(starter));
        }
    }

    /// <summary>
    /// Writes every starter from its solution, and deletes starter files that no solution file explains.
    /// Nothing is written when any solution file is malformed (<see cref="FormatException"/>).
    /// </summary>
    public IReadOnlyList<string> Generate()
    {
        var written = new List<string>();
        var steps = Steps().Select(step => (Step: step, Expected: ExpectedStarter(step).ToDictionary(file => file.RelativePath, file => file.Content))).ToList();
        foreach (var (step, expected) in steps)
        {
            var starter = Path.Combine(workshopRoot, step);
            foreach (var (relative, content) in expected)
            {
                var target = Path.Combine(starter, relative);
                if (File.Exists(target) && SameContent(File.ReadAllBytes(target), content))
                {
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, content);
                written.Add(Path.Combine(step, relative));
            }
            foreach (var extra in ExtraFiles(step, expected.Keys))
            {
                File.Delete(Path.Combine(starter, extra));
                written.Add($"{Path.Combine(step, extra)} (deleted)");
            }
        }
        return written;
    }

    /// <summary>
    /// One line for each starter file that differs from what <see cref="Generate"/> would write.
    /// Throws <see cref="FormatException"/> when a solution file is malformed.
    /// </summary>
    public IReadOnlyList<string> Drift()
    {
        var problems = new List<string>();
        foreach (var step in Steps())
        {
            var starter = Path.Combine(workshopRoot, step);
            if (!Directory.Exists(starter))
            {
                problems.Add($"{step}/ is missing: its solution exists but its starter does not.");
                continue;
            }
            if (!File.Exists(Path.Combine(starter, StarterOnlyFile)))
            {
                problems.Add($"{step}/{StarterOnlyFile} is missing: every step needs its lesson.");
            }
            var expected = ExpectedStarter(step).ToDictionary(file => file.RelativePath, file => file.Content);
            foreach (var (relative, content) in expected)
            {
                var target = Path.Combine(starter, relative);
                if (!File.Exists(target))
                {
                    problems.Add($"{step}/{relative} is missing from the starter.");
                }
                else if (!SameContent(File.ReadAllBytes(target), content))
                {
                    problems.Add($"{step}/{relative} differs from what its solution generates.");
                }
            }
            problems.AddRange(ExtraFiles(step, expected.Keys).Select(extra => $"{step}/{extra} is in the starter but not in the solution."));
        }
        return problems;
    }

    /// <summary>
    /// Equal bytes, or equal text whatever its line endings. Git stores text with LF (.gitattributes: text=auto) and a
    /// Windows checkout may hold CRLF, so a starter is clean in either checkout; only content differences are drift.
    /// A file with a NUL byte is binary, as git judges it, and must match byte for byte.
    /// </summary>
    internal static bool SameContent(ReadOnlySpan<byte> starter, ReadOnlySpan<byte> expected)
    {
        if (starter.SequenceEqual(expected))
        {
            return true;
        }
        if (starter.Contains((byte)0) || expected.Contains((byte)0))
        {
            return false;
        }
        return WithLineFeeds(starter).AsSpan().SequenceEqual(WithLineFeeds(expected));
    }

    private static byte[] WithLineFeeds(ReadOnlySpan<byte> text)
    {
        var result = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\r' && i + 1 < text.Length && text[i + 1] == (byte)'\n')
            {
                continue;
            }
            result.Add(text[i]);
        }
        return [.. result];
    }

    private IEnumerable<string> ExtraFiles(string step, ICollection<string> expected)
    {
        var starter = Path.Combine(workshopRoot, step);
        if (!Directory.Exists(starter))
        {
            return [];
        }
        return SourceFiles(starter)
            .Select(file => Path.GetRelativePath(starter, file))
            .Where(relative => relative != StarterOnlyFile && !expected.Contains(relative));
    }

    /// <summary>Every file below <paramref name="folder"/> except build outputs, in ordinal order.</summary>
    internal static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).Any(BuildFolders.Contains))
            .Order(StringComparer.Ordinal);
}
