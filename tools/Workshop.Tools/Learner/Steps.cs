using System.Text.RegularExpressions;

namespace Workshop.Tools.Learner;

/// <summary>
/// One step of the workshop as a learner meets it: the folder they edit, the tests that judge it, the lesson.
/// </summary>
/// <param name="Name">The folder's name, such as <c>01-http-basics</c>.</param>
/// <param name="Title">The lesson's title from the first heading of its README, such as <c>HTTP basics</c>.</param>
public sealed record Step(string Root, string Name, string Title)
{
    public string Number => Name[..2];
    public string Folder => Path.Combine(Root, Name);
    public string SolutionFolder => Path.Combine(Root, "solutions", Name);
    public string TestsModule => $"{Name}.Tests";
    public string TestsProject => Path.Combine(Root, "tests", TestsModule);
    public string ReadmePath => Path.Combine(Folder, "README.md");
    public string? Readme => File.Exists(ReadmePath) ? File.ReadAllText(ReadmePath) : null;

    /// <summary>Where this step's test results, stamps and hint memory live: <c>artifacts/progress/NN-step/</c>.</summary>
    public string ProgressFolder => Path.Combine(Root, "artifacts", "progress", Name);

    public override string ToString() => $"{Name} ({Title})";
}

/// <summary>
/// The steps, found the way a new step is added: a folder <c>NN-name/</c> at the root with a test project
/// <c>tests/NN-name.Tests/</c>. Nothing lists them by hand, so a step that lands later shows up without a code change.
/// </summary>
public static partial class Steps
{
    [GeneratedRegex(@"^[0-9]{2}-.+\.Tests$")]
    private static partial Regex TestsFolderPattern();

    [GeneratedRegex(@"^#\s+(Step\s+[0-9]+\s*[·:.\-–]\s*)?(?<title>.+?)\s*$")]
    private static partial Regex TitlePattern();

    /// <summary>Every step that has a test project, in order.</summary>
    public static IReadOnlyList<Step> All(string root)
    {
        var tests = Path.Combine(root, "tests");
        if (!Directory.Exists(tests))
        {
            return [];
        }
        return Directory.EnumerateDirectories(tests)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => TestsFolderPattern().IsMatch(name))
            .Select(name => name[..^".Tests".Length])
            .Order(StringComparer.Ordinal)
            .Select(name => new Step(root, name, Title(root, name)))
            .ToList();
    }

    /// <summary>
    /// The step a learner means: <c>05</c>, <c>5</c> and <c>05-broadcast-chat</c> all name step 05.
    /// Returns null with a message that says what went wrong and which steps there are.
    /// </summary>
    public static Step? Find(string root, string argument, out string? problem)
    {
        var steps = All(root);
        var wanted = argument.Trim().TrimEnd('/', '\\');
        wanted = Path.GetFileName(wanted);
        if (wanted.EndsWith(".Tests", StringComparison.Ordinal))
        {
            wanted = wanted[..^".Tests".Length];
        }
        var number = wanted.All(char.IsAsciiDigit) && wanted.Length is 1 or 2 ? wanted.PadLeft(2, '0') : null;
        var step = steps.FirstOrDefault(step => number is not null ? step.Number == number : step.Name == wanted);
        var list = string.Join(", ", steps.Select(step => step.Name));
        if (step is null)
        {
            problem = steps.Count == 0
                ? "No steps found: run this from the workshop, where tests/NN-step.Tests/ folders hold each step's goals."
                : $"There is no step '{argument}'. The steps are: {list} (give the number, like 01, or the folder's name).";
            return null;
        }
        if (!Directory.Exists(step.Folder))
        {
            problem = $"The folder of step {step.Number}, {step.Name}/, is missing (renamed or deleted?). " +
                $"Its tests expect it there; bring it back with: git checkout -- {step.Name}";
            return null;
        }
        problem = null;
        return step;
    }

    /// <summary>The README's first heading without "Step NN ·"; the folder's name when there is no README.</summary>
    public static string Title(string root, string name)
    {
        var readme = Path.Combine(root, name, "README.md");
        if (!File.Exists(readme))
        {
            return name[3..].Replace('-', ' ');
        }
        var heading = File.ReadLines(readme).Select(line => TitlePattern().Match(line)).FirstOrDefault(match => match.Success);
        return heading?.Groups["title"].Value ?? name[3..].Replace('-', ' ');
    }
}
