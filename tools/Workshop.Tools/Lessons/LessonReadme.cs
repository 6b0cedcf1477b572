using System.Text.RegularExpressions;

namespace Workshop.Tools.Lessons;

/// <summary>
/// What a step's README (the lesson) says about its goals: for each TODO, the tests listed under "Checked by".
/// The lesson is written for people, so the format it is read in is the one a person writes anyway:
/// <code>
/// ### TODO 4 · How long is the body?
/// ...
/// **Checked by** `BodyLengthTests`:
///
/// - `Content_length_gives_the_body_size`
/// - `Different_content_lengths_are_rejected_with_400`, tried with ...
/// </code>
/// A section runs from its <c>## </c> or <c>### TODO n</c> heading to the next heading of level 2 or 3; deeper
/// headings (a milestone, say) stay in it. Each list that follows a line with <c>**Checked by**</c> names tests by
/// the method name in backticks that starts each item.
/// </summary>
public static partial class LessonReadme
{
    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.*)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^TODO (?<todo>[0-9]+)\b")]
    private static partial Regex TodoTitlePattern();

    [GeneratedRegex(@"^\s*[-*] `(?<test>[A-Za-z_][A-Za-z0-9_]*)`")]
    private static partial Regex TestItemPattern();

    /// <summary>For each TODO with a section, the test methods its "Checked by" lists name, in the order they are listed.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> CheckedBy(string readmeText)
    {
        var lists = new Dictionary<int, List<string>>();
        int? section = null;
        var inList = false;
        var inFence = false;
        foreach (var line in readmeText.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                continue;
            }
            var heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                inList = false;
                if (heading.Groups["level"].Length <= 3)
                {
                    var todo = TodoTitlePattern().Match(heading.Groups["title"].Value);
                    section = todo.Success ? int.Parse(todo.Groups["todo"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
                }
                continue;
            }
            if (section is null)
            {
                continue;
            }
            if (line.Contains("**Checked by**", StringComparison.Ordinal))
            {
                inList = true;
                continue;
            }
            if (!inList || line.Length == 0 || char.IsWhiteSpace(line[0]))
            {
                // Blank lines and indented continuations do not end a list.
                continue;
            }
            var item = TestItemPattern().Match(line);
            if (item.Success)
            {
                if (!lists.TryGetValue(section.Value, out var tests))
                {
                    lists[section.Value] = tests = [];
                }
                tests.Add(item.Groups["test"].Value);
            }
            else if (!line.TrimStart().StartsWith('-') && !line.TrimStart().StartsWith('*'))
            {
                inList = false;
            }
        }
        return lists.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value);
    }

    [GeneratedRegex(@"^TODO (?<todo>[0-9]+)\s*[·:.\-–]?\s*(?<title>.*)$")]
    private static partial Regex TodoTitleWithTextPattern();

    /// <summary>For each TODO with a section, its title: "### TODO 4 · How long is the body?" gives "How long is the body?".</summary>
    public static IReadOnlyDictionary<int, string> TodoTitles(string readmeText)
    {
        var titles = new Dictionary<int, string>();
        var inFence = false;
        foreach (var line in readmeText.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            var heading = HeadingPattern().Match(line);
            if (inFence || !heading.Success || heading.Groups["level"].Length > 3)
            {
                continue;
            }
            var todo = TodoTitleWithTextPattern().Match(heading.Groups["title"].Value);
            if (todo.Success)
            {
                titles.TryAdd(int.Parse(todo.Groups["todo"].Value, System.Globalization.CultureInfo.InvariantCulture), todo.Groups["title"].Value.Trim());
            }
        }
        return titles;
    }

    /// <summary>
    /// For each TODO with a section, its hints in the order written: the text of every
    /// <c>&lt;details&gt;&lt;summary&gt;Hint&lt;/summary&gt;</c> ... <c>&lt;/details&gt;</c> block in the section, trimmed.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Hints(string readmeText)
    {
        var hints = new Dictionary<int, List<string>>();
        int? section = null;
        List<string>? hint = null;
        var inFence = false;
        foreach (var line in readmeText.ReplaceLineEndings("\n").Split('\n'))
        {
            if (hint is not null)
            {
                if (!inFence && line.Trim() == "</details>")
                {
                    if (section is { } todo)
                    {
                        if (!hints.TryGetValue(todo, out var list))
                        {
                            hints[todo] = list = [];
                        }
                        list.Add(string.Join('\n', hint).Trim('\n', ' '));
                    }
                    hint = null;
                    continue;
                }
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                hint.Add(line);
                continue;
            }
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                continue;
            }
            var heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                if (heading.Groups["level"].Length <= 3)
                {
                    var todo = TodoTitlePattern().Match(heading.Groups["title"].Value);
                    section = todo.Success ? int.Parse(todo.Groups["todo"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
                }
                continue;
            }
            if (line.Contains("<summary>Hint", StringComparison.OrdinalIgnoreCase))
            {
                hint = [];
            }
        }
        return hints.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value);
    }
}
