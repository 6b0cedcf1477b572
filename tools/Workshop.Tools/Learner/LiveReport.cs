using System.Diagnostics;

namespace Workshop.Tools.Learner;

/// <summary>
/// What the learner sees while a step's goals run: each failed goal the moment it fails, and which goal is running.
/// On a terminal one line is rewritten in place every second; when the output is redirected, a line is written for a
/// goal that has run for more than a few seconds, so a log shows where a run spent its time.
/// </summary>
public sealed class LiveReport(Terminal terminal, bool interactive) : IDisposable
{
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly Dictionary<string, Stopwatch> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private int _done;
    private bool _lineShown;
    private Timer? _timer;

    public static bool IsInteractive => !Console.IsOutputRedirected;

    public void Start() => _timer = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public void On(LiveEvent happened)
    {
        lock (_gate)
        {
            switch (happened)
            {
                case LiveEvent.Started started:
                    _running.TryAdd(started.Method, Stopwatch.StartNew());
                    break;
                case LiveEvent.Finished { Outcome: var outcome }:
                    _running.Remove(outcome.Method);
                    _done++;
                    if (outcome.Failed && outcome.Given is null && _failed.Add(outcome.Method))
                    {
                        ClearLine();
                        var todo = outcome.Goal is { } n ? $" (TODO {n})" : "";
                        terminal.Line($"  {terminal.Red("FAIL")}  {outcome.Method}{terminal.Dim(todo)}");
                    }
                    break;
            }
        }
    }

    /// <summary>Writes something of its own between the live lines.</summary>
    public void Pause(Action write)
    {
        lock (_gate)
        {
            ClearLine();
            write();
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_running.Count == 0)
            {
                return;
            }
            var longest = _running.MaxBy(pair => pair.Value.Elapsed);
            var seconds = (int)longest.Value.Elapsed.TotalSeconds;
            if (interactive)
            {
                var others = _running.Count > 1 ? $" and {_running.Count - 1} more" : "";
                var failed = _failed.Count > 0 ? $", {_failed.Count} failed" : "";
                var text = $"  {_done} done{failed} · running {longest.Key} ({seconds} s){others}";
                var width = Console.IsOutputRedirected ? 120 : Math.Max(40, Console.WindowWidth - 1);
                terminal.Output.Write("\r" + terminal.Dim(text.Length > width ? text[..(width - 1)] + "…" : text.PadRight(width)));
                _lineShown = true;
            }
            else if (longest.Value.Elapsed > QuietFor && _announced.Add(longest.Key))
            {
                terminal.Line(terminal.Dim($"  still running: {longest.Key} ({seconds} s)"));
            }
        }
    }

    private void ClearLine()
    {
        if (_lineShown)
        {
            var width = Console.IsOutputRedirected ? 120 : Math.Max(40, Console.WindowWidth - 1);
            terminal.Output.Write("\r" + new string(' ', width) + "\r");
            _lineShown = false;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            ClearLine();
        }
    }
}
