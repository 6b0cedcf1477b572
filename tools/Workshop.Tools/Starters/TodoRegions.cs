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
/// and becomes, in the starter, the TODO comment followed by the stub. The markers are written in the comments of
/// the file's language (<c>&lt;!-- BEGIN TODO 1: ... --&gt;</c> in HTML, <c>/* BEGIN TODO 1: ... */</c> in CSS), and
/// the TODO comment keeps them. The default stub throws (<c>NotImplementedException</c> in C#, <c>Error</c> in
/// JavaScript) with the TODO's text, so the starter compiles, runs, and fails the step's tests with a message that
/// names the TODO. HTML and CSS have no default stub: their regions need STUB lines.
/// Every line keeps its line ending, and the lines a region becomes take the ending of its BEGIN line, so a CRLF
/// solution (a Windows checkout) gives a CRLF starter.
/// </summary>
public static class TodoRegions
{
    /// <summary>How a kind of file writes a one-line comment, and what stands in a region that has no STUB lines.</summary>
    private sealed record CommentStyle(string Open, string Close, Func<string, string>? DefaultStub)
    {
        private static readonly Regex AnyMarker = new(@"\b(BEGIN|END) TODO\b", RegexOptions.CultureInvariant);

        public Regex Begin { get; } = Line(Open, @"BEGIN TODO (?<id>[0-9]+[a-z]?): (?<text>.+?)", Close);
        public Regex End { get; } = Line(Open, "END TODO", Close);
        public Regex Stub { get; } = Line(Open, "STUB: ?(?<code>.*?)", Close);

        public bool IsComment(string line) => line.TrimStart().StartsWith(Open, StringComparison.Ordinal);

        /// <summary>A line that names a marker without being one: in another language's comments, say.</summary>
        public bool IsMisspeltMarker(string line) => AnyMarker.IsMatch(line) && !Begin.IsMatch(line) && !End.IsMatch(line);

        public string Comment(string text) => Close.Length == 0 ? $"{Open} {text}" : $"{Open} {text} {Close}";

        public string Example => Comment("BEGIN TODO 1: ...");

        private static Regex Line(string open, string body, string close) =>
            new($@"^(?<indent>\s*){Regex.Escape(open)}\s*{body}\s*{Regex.Escape(close)}\s*$", RegexOptions.CultureInvariant);
    }

    private static readonly CommentStyle CSharp = new("//", "", todo => $"throw new NotImplementedException(\"{Escaped(todo)}\");");
    private static readonly CommentStyle JavaScript = new("//", "", todo => $"throw new Error(\"{Escaped(todo)}\");");
    private static readonly CommentStyle Html = new("<!--", "-->", DefaultStub: null);
    private static readonly CommentStyle Css = new("/*", "*/", DefaultStub: null);

    /// <summary>The kinds of file that can hold lesson regions. A region in any other file is an error.</summary>
    private static readonly Dictionary<string, CommentStyle> Styles = new(StringComparer.OrdinalIgnoreCase)
    {
        [".cs"] = CSharp,
        [".js"] = JavaScript,
        [".mjs"] = JavaScript,
        [".ts"] = JavaScript,
        [".html"] = Html,
        [".htm"] = Html,
        [".css"] = Css,
    };

    private static readonly byte[] BeginMarker = "BEGIN TODO"u8.ToArray();

    /// <summary>
    /// Every lesson region of a solution file, in order: its lines (1-based, the BEGIN and END lines included)
    /// and the characters they hold (<see cref="TodoRegion.Start"/> and <see cref="TodoRegion.End"/> index
    /// <paramref name="solutionText"/>). Throws <see cref="FormatException"/> on an unbalanced region.
    /// </summary>
    public static IReadOnlyList<TodoRegion> Find(string fileName, string solutionText)
    {
        if (!Styles.TryGetValue(Path.GetExtension(fileName), out var style))
        {
            RejectRegions(fileName, Encoding.UTF8.GetBytes(solutionText));
            return [];
        }

        var regions = new List<TodoRegion>();
        (string Id, int Line, int Start)? open = null;
        var offset = 0;
        var lines = Lines(solutionText);
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, ending) = lines[i];
            var begin = style.Begin.Match(line);
            if (begin.Success)
            {
                if (open is { } outer)
                {
                    throw new FormatException($"{fileName}:{i + 1}: BEGIN TODO inside the region opened at line {outer.Line}.");
                }
                open = (begin.Groups["id"].Value, i + 1, offset);
            }
            else if (style.End.IsMatch(line))
            {
                if (open is not { } region)
                {
                    throw new FormatException($"{fileName}:{i + 1}: END TODO without a BEGIN TODO above it.");
                }
                regions.Add(new TodoRegion(region.Id, region.Line, i + 1, region.Start, offset + line.Length));
                open = null;
            }
            offset += line.Length + ending.Length;
        }
        if (open is { } unclosed)
        {
            throw new FormatException($"{fileName}:{unclosed.Line}: BEGIN TODO without an END TODO.");
        }
        return regions;
    }

    /// <summary>True when a file of this name can hold lesson regions.</summary>
    public static bool Applies(string fileName) => Styles.ContainsKey(Path.GetExtension(fileName));

    /// <summary>
    /// Refuses a file that <see cref="Applies"/> not to but that marks a region anyway: copied as it is, it would
    /// give the learner the solution. Throws <see cref="FormatException"/>.
    /// </summary>
    public static void RejectRegions(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.IndexOf(BeginMarker) < 0)
        {
            return;
        }
        var line = content[..content.IndexOf(BeginMarker)].Count((byte)'\n') + 1;
        throw new FormatException(
            $"{fileName}:{line}: BEGIN TODO in a kind of file that cannot hold a lesson region ({Path.GetExtension(fileName)}); "
            + $"regions are for {string.Join(", ", Styles.Keys)} files.");
    }

    /// <summary>The starter's text for a solution file's text. Throws <see cref="FormatException"/> on a malformed region.</summary>
    public static string ToStarter(string fileName, string solutionText)
    {
        if (!Styles.TryGetValue(Path.GetExtension(fileName), out var style))
        {
            RejectRegions(fileName, Encoding.UTF8.GetBytes(solutionText));
            return solutionText;
        }

        // Find checks that the regions are balanced; here each one is replaced by its starter lines.
        var regions = Find(fileName, solutionText);
        var lines = Lines(solutionText);
        var output = new StringBuilder();
        var next = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (next < regions.Count && regions[next].FirstLine == i + 1)
            {
                AppendStarterRegion(output, fileName, lines, regions[next], style);
                i = regions[next].LastLine - 1;
                next++;
                continue;
            }
            RejectMisspeltMarker(fileName, i, lines[i].Text, style);
            output.Append(lines[i].Text).Append(lines[i].Ending);
        }
        return output.ToString();
    }

    /// <summary>
    /// The solution as a learner who finished the starter would have it: each region's BEGIN line becomes the starter's
    /// TODO comment, and its STUB and END lines go. Compared with the starter, only the stubs and the answers differ.
    /// </summary>
    public static string ToAnswer(string fileName, string solutionText)
    {
        if (!Styles.TryGetValue(Path.GetExtension(fileName), out var style))
        {
            return solutionText;
        }
        var regions = Find(fileName, solutionText);
        var lines = Lines(solutionText);
        var output = new StringBuilder();
        var next = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (next < regions.Count && regions[next].FirstLine == i + 1)
            {
                var begin = style.Begin.Match(lines[i].Text);
                output.Append(begin.Groups["indent"].Value)
                    .Append(style.Comment($"TODO {begin.Groups["id"].Value}: {begin.Groups["text"].Value}"))
                    .Append(lines[i].Ending);
                for (var line = i + 1; line < regions[next].LastLine - 1; line++)
                {
                    if (!style.Stub.IsMatch(lines[line].Text))
                    {
                        output.Append(lines[line].Text).Append(lines[line].Ending);
                    }
                }
                i = regions[next].LastLine - 1;
                next++;
                continue;
            }
            output.Append(lines[i].Text).Append(lines[i].Ending);
        }
        return output.ToString();
    }

    /// <summary>A region in the starter: its TODO comment, the explanation lines right after BEGIN, then the stub.</summary>
    private static void AppendStarterRegion(
        StringBuilder output, string fileName, List<(string Text, string Ending)> lines, TodoRegion region, CommentStyle style)
    {
        var (beginLine, ending) = lines[region.FirstLine - 1];
        var begin = style.Begin.Match(beginLine);
        var indent = begin.Groups["indent"].Value;
        var todo = $"TODO {begin.Groups["id"].Value}: {begin.Groups["text"].Value}";
        output.Append(indent).Append(style.Comment(todo)).Append(ending);

        // Lines are 0-based here; the END line (region.LastLine - 1) is dropped.
        var line = region.FirstLine;
        for (; line < region.LastLine - 1 && IsExplanation(lines[line].Text, style); line++)
        {
            output.Append(lines[line].Text).Append(lines[line].Ending);
        }

        var stubs = new List<string>();
        for (; line < region.LastLine - 1; line++)
        {
            RejectMisspeltMarker(fileName, line, lines[line].Text, style);
            var stub = style.Stub.Match(lines[line].Text);
            if (stub.Success)
            {
                stubs.Add(indent + stub.Groups["code"].Value);
            }
        }
        if (stubs.Count == 0)
        {
            stubs.Add(indent + (style.DefaultStub?.Invoke(todo)
                ?? throw new FormatException(
                    $"{fileName}:{region.FirstLine}: a {Path.GetExtension(fileName)} file has no default stub; add a {style.Comment("STUB: ...")} line to the region.")));
        }
        foreach (var stub in stubs)
        {
            output.Append(stub).Append(ending);
        }
    }

    private static bool IsExplanation(string line, CommentStyle style) =>
        style.IsComment(line) && !style.Stub.IsMatch(line) && !style.End.IsMatch(line) && !style.Begin.IsMatch(line);

    private static void RejectMisspeltMarker(string fileName, int index, string line, CommentStyle style)
    {
        if (style.IsMisspeltMarker(line))
        {
            throw new FormatException(
                $"{fileName}:{index + 1}: this line names a TODO marker but is not one; a {Path.GetExtension(fileName)} file writes {style.Example} and {style.Comment("END TODO")}.");
        }
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

    private static string Escaped(string todo) =>
        todo.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}

/// <summary>
/// One lesson region of a solution file: TODO <paramref name="Id"/> spans lines <paramref name="FirstLine"/> to
/// <paramref name="LastLine"/> (1-based, BEGIN and END included), which are the characters from
/// <paramref name="Start"/> up to, not including, <paramref name="End"/>.
/// </summary>
public sealed record TodoRegion(string Id, int FirstLine, int LastLine, int Start, int End);
