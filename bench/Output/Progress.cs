namespace Workshop.Bench.Output;

/// <summary>
/// A progress line while a run goes: rewritten in place on a terminal, a line every few seconds when the output is
/// redirected (to a file, or in CI), so a log stays readable.
/// </summary>
public sealed class Progress(TextWriter output, bool interactive)
{
    private static readonly TimeSpan RedirectedEvery = TimeSpan.FromSeconds(5);
    private DateTime _lastLine = DateTime.MinValue;
    private int _width;
    private readonly Lock _lock = new();

    public static Progress ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    /// <summary>Shows <paramref name="status"/>, replacing the last one.</summary>
    public void Update(string status)
    {
        lock (_lock)
        {
            if (interactive)
            {
                output.Write('\r' + status.PadRight(_width));
                _width = status.Length;
            }
            else if (DateTime.UtcNow - _lastLine >= RedirectedEvery)
            {
                output.WriteLine(status);
                _lastLine = DateTime.UtcNow;
            }
        }
    }

    /// <summary>Ends the progress line with a line that stays.</summary>
    public void Done(string line)
    {
        lock (_lock)
        {
            if (interactive)
            {
                output.Write('\r' + new string(' ', _width) + '\r');
                _width = 0;
            }
            output.WriteLine(line);
            _lastLine = DateTime.MinValue;
        }
    }
}
