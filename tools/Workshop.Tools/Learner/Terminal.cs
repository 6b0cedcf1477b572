namespace Workshop.Tools.Learner;

/// <summary>
/// Writes for a person at a terminal: colours when the output is a terminal and <c>NO_COLOR</c> is not set
/// (https://no-color.org), plain text when it is redirected to a file or a pipe.
/// </summary>
public sealed class Terminal(TextWriter output, bool colours)
{
    public static Terminal Console() => new(System.Console.Out,
        !System.Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public TextWriter Output => output;

    public string Green(string text) => Paint("32", text);
    public string Red(string text) => Paint("31", text);
    public string Yellow(string text) => Paint("33", text);
    public string Bold(string text) => Paint("1", text);
    public string Dim(string text) => Paint("2", text);

    public void Line(string text = "") => output.WriteLine(text);

    /// <summary>A bar of <paramref name="width"/> cells: <c>[######....]</c>.</summary>
    public string Bar(int done, int total, int width = 20)
    {
        var filled = total == 0 ? 0 : (int)Math.Round(width * (double)done / total);
        var bar = new string('#', filled) + new string('.', width - filled);
        return "[" + (done == total && total > 0 ? Green(bar) : bar) + "]";
    }

    private string Paint(string code, string text) => colours ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
