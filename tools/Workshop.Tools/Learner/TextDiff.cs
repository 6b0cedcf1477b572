using System.Text;

namespace Workshop.Tools.Learner;

/// <summary>
/// A unified diff of two texts, as <c>git diff</c> prints it: <c>---</c>/<c>+++</c> headers, then hunks of changed
/// lines with three lines of context. Small and dependency-free, for files the size of a workshop step's.
/// </summary>
public static class TextDiff
{
    private const int Context = 3;

    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>; empty when they have the same lines.</summary>
    public static string Unified(string before, string after, string beforeName, string afterName)
    {
        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);
        if (edits.All(edit => edit.Kind == ' '))
        {
            return "";
        }
        var text = new StringBuilder();
        text.Append("--- ").AppendLine(beforeName).Append("+++ ").AppendLine(afterName);
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }
            // A hunk: from Context lines before this change to Context lines after the last change within reach.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (true)
            {
                var next = end;
                while (next < edits.Count && edits[next].Kind != ' ')
                {
                    next++;
                }
                var following = next;
                while (following < edits.Count && edits[following].Kind == ' ')
                {
                    following++;
                }
                if (following < edits.Count && following - next <= 2 * Context)
                {
                    end = following;
                    continue;
                }
                end = Math.Min(edits.Count, next + Context);
                break;
            }
            var hunk = edits.GetRange(start, end - start);
            var oldStart = hunk.FirstOrDefault(edit => edit.Kind != '+').OldLine;
            var newStart = hunk.FirstOrDefault(edit => edit.Kind != '-').NewLine;
            var oldCount = hunk.Count(edit => edit.Kind != '+');
            var newCount = hunk.Count(edit => edit.Kind != '-');
            text.AppendLine($"@@ -{Range(oldStart, oldCount, edits, start, '+')} +{Range(newStart, newCount, edits, start, '-')} @@");
            foreach (var edit in hunk)
            {
                text.Append(edit.Kind).AppendLine(edit.Text);
            }
            i = end;
        }
        return text.ToString();
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);

    /// <summary>The lines of both texts as kept, removed and added lines, through their longest common subsequence.</summary>
    private static List<Edit> Edits(string[] a, string[] b)
    {
        // Common lines at both ends need no table; only the middle is compared line by line.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        var common = new int[n + 1, m + 1];
        for (var x = n - 1; x >= 0; x--)
        {
            for (var y = m - 1; y >= 0; y--)
            {
                common[x, y] = a[prefix + x] == b[prefix + y] ? common[x + 1, y + 1] + 1 : Math.Max(common[x + 1, y], common[x, y + 1]);
            }
        }
        var edits = new List<Edit>();
        for (var k = 0; k < prefix; k++)
        {
            edits.Add(new Edit(' ', a[k], k + 1, k + 1));
        }
        int i = 0, j = 0;
        while (i < n || j < m)
        {
            if (i < n && j < m && a[prefix + i] == b[prefix + j])
            {
                edits.Add(new Edit(' ', a[prefix + i], prefix + i + 1, prefix + j + 1));
                i++;
                j++;
            }
            else if (i < n && (j == m || common[i + 1, j] >= common[i, j + 1]))
            {
                // Removed lines before added ones, as git writes a replaced line.
                edits.Add(new Edit('-', a[prefix + i], prefix + i + 1, prefix + j + 1));
                i++;
            }
            else
            {
                edits.Add(new Edit('+', b[prefix + j], prefix + i + 1, prefix + j + 1));
                j++;
            }
        }
        for (var k = 0; k < suffix; k++)
        {
            edits.Add(new Edit(' ', a[a.Length - suffix + k], a.Length - suffix + k + 1, b.Length - suffix + k + 1));
        }
        return edits;
    }

    // A hunk with no old (or new) lines is written "-n,0" where n is the line before it, as git does.
    private static string Range(int start, int count, List<Edit> edits, int hunkStart, char absent) =>
        count == 0 ? $"{Math.Max(0, (absent == '+' ? edits[hunkStart].OldLine : edits[hunkStart].NewLine) - 1)},0" : count == 1 ? $"{start}" : $"{start},{count}";

    private static string[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
