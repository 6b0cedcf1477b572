using System.Text;
using System.Text.RegularExpressions;

namespace Workshop.Tools.Starters;

/// <summary>
/// Cuts the lesson out of a solution file. A lesson region looks like this in the solution:
/// <code>
///     // BEGIN TODO 3: Split "Name: value" at the first colon.
///     //   Comment lines right after BEGIN explain the TODO; they stay in the starter.
///     // STUB: return null;          (optional: what the starter has instead of the default stub)
///     ...the solution's code...
///     // END TODO
/// </code>
/// and becomes, in the starter, the TODO comment followed by the stub. The default stub throws
/// (<c>NotImplementedException</c> in C#, <c>Error</c> in JavaScript) with the TODO's text, so the starter compiles,
/// runs, and fails the step's tests with a message that names the TODO.
/// Every line keeps its line ending, and the lines a region becomes take the ending of its BEGIN line, so a CRLF
/// solution (a Windows checkout) gives a CRLF starter.
/// </summary>
public static partial class TodoRegions
{
    [GeneratedRegex(@"^(?<indent>\s*)(?<comment>//)\s*BEGIN TODO (?<id>[0-9]+[a-z]?): (?<text>.+?)\s*$")]
    private static partial Regex BeginPattern();

    [GeneratedRegex(@"^\s*//\s*END TODO\s*$")]
    private static partial Regex EndPattern();

    [GeneratedRegex(@"^\s*//\s*STUB: ?(?<code>.*)$")]
    private static partial Regex StubPattern();

    /// <summary>True when a file of this name can hold lesson regions.</summary>
    public static bool Applies(string fileName) => DefaultStub(fileName, "x") is not null;

    /// <summary>The starter's text for a solution file's text. Throws <see cref="FormatException"/> on an unbalanced region.</summary>
    public static string ToStarter(string fileName, string solutionText)
    {
        var output = new StringBuilder();
        var lines = Lines(solutionText);
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, ending) = lines[i];
            var begin = BeginPattern().Match(line);
            if (!begin.Success)
            {
                if (EndPattern().IsMatch(line))
                {
                    throw new FormatException($"{fileName}:{i + 1}: END TODO without a BEGIN TODO above it.");
                }
                output.Append(line).Append(ending);
                continue;
            }

            var indent = begin.Groups["indent"].Value;
            var comment = begin.Groups["comment"].Value;
            var todo = $"TODO {begin.Groups["id"].Value}: {begin.Groups["text"].Value}";
            output.Append(indent).Append(comment).Append(' ').Append(todo).Append(ending);

            var end = i + 1;
            // The comment lines right after BEGIN explain the TODO and stay.
            for (; end < lines.Count && IsExplanation(lines[end].Text); end++)
            {
                output.Append(lines[end].Text).Append(lines[end].Ending);
            }

            var stubs = new List<string>();
            for (; end < lines.Count && !EndPattern().IsMatch(lines[end].Text); end++)
            {
                if (BeginPattern().IsMatch(lines[end].Text))
                {
                    throw new FormatException($"{fileName}:{end + 1}: BEGIN TODO inside the region opened at line {i + 1}.");
                }
                var stub = StubPattern().Match(lines[end].Text);
                if (stub.Success)
                {
                    stubs.Add(indent + stub.Groups["code"].Value);
                }
            }
            if (end == lines.Count)
            {
                throw new FormatException($"{fileName}:{i + 1}: BEGIN TODO without an END TODO.");
            }

            if (stubs.Count == 0)
            {
                stubs.Add(indent + (DefaultStub(fileName, todo)
                    ?? throw new FormatException($"{fileName}:{i + 1}: this kind of file has no default stub; add a STUB: line.")));
            }
            foreach (var stub in stubs)
            {
                output.Append(stub).Append(ending);
            }
            i = end;
        }
        return output.ToString();
    }

    /// <summary>The lines of a text, each with its own line ending: "\r\n", "\n", or "" for the last one.</summary>
    private static List<(string Text, string Ending)> Lines(string text)
    {
        var lines = new List<(string, string)>();
        var start = 0;
        for (var newline = text.IndexOf('\n'); newline >= 0; start = newline + 1, newline = text.IndexOf('\n', start))
        {
            var crlf = newline > start && text[newline - 1] == '\r';
            lines.Add((text[start..(crlf ? newline - 1 : newline)], crlf ? "\r\n" : "\n"));
        }
        lines.Add((text[start..], ""));
        return lines;
    }

    private static bool IsExplanation(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("//", StringComparison.Ordinal)
            && !StubPattern().IsMatch(line) && !EndPattern().IsMatch(line) && !BeginPattern().IsMatch(line);
    }

    private static string? DefaultStub(string fileName, string todo)
    {
        var message = todo.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return Path.GetExtension(fileName) switch
        {
            ".cs" => $"throw new NotImplementedException(\"{message}\");",
            ".js" or ".mjs" or ".ts" => $"throw new Error(\"{message}\");",
            _ => null,
        };
    }
}
