using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workshop.Testing;

/// <summary>
/// A browser page that keeps what went wrong inside it: console errors and uncaught exceptions. A learner's
/// unfinished JavaScript TODO throws inside an event handler, where only the console sees it; a browser test that
/// waits through <see cref="WaitForAsync"/> fails at once with that TODO's message instead of sitting out a timeout,
/// and with the console's errors when it does time out.
/// </summary>
public sealed partial class WatchedPage : IAsyncDisposable
{
    /// <summary>How long a browser test waits for the page to show something before it fails.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> _problems = new();
    private readonly TaskCompletionSource<string> _todoThrown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WatchedPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // A browser asks every site for /favicon.ico; the steps serve none, and its 404 is no problem of the page.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                Record($"console.error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"uncaught exception: {error}");
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>The console errors and uncaught exceptions so far, oldest first.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    [GeneratedRegex(@"TODO [0-9]+[a-z]?:")]
    private static partial Regex TodoPattern();

    /// <summary>Opens a page in a new context of <paramref name="browser"/>: no cookies or storage shared with other pages.</summary>
    public static async Task<WatchedPage> OpenAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync();
        try
        {
            return new WatchedPage(context, await context.NewPageAsync());
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs a Playwright wait (<c>() =&gt; page.Locator("#count").WaitForAsync()</c>, an <c>Expect</c> assertion...)
    /// and fails with <paramref name="what"/> and what the page's console showed: at once when a TODO's stub throws
    /// in the page, or when the wait itself fails.
    /// </summary>
    public async Task WaitForAsync(Func<Task> wait, string what)
    {
        var waiting = wait();
        var first = await Task.WhenAny(waiting, _todoThrown.Task);
        if (first == _todoThrown.Task)
        {
            // The abandoned wait ends when the page closes; its outcome no longer matters.
            throw new BrowserPageException($"Waited for {what}, but the page threw: {await _todoThrown.Task}\n{Describe()}");
        }
        try
        {
            await waiting;
        }
        catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
        {
            throw new BrowserPageException($"Waited for {what}, but it did not happen: {FirstLine(exception.Message)}\n{Describe()}", exception);
        }
    }

    /// <summary>The page's problems as lines for a test's failure message.</summary>
    public string Describe()
    {
        var problems = Problems;
        return problems.Count == 0
            ? "The page's console showed no errors."
            : "The page's console showed:\n" + string.Join('\n', problems.Select(problem => $"  - {problem}"));
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();

    private void Record(string problem)
    {
        _problems.Enqueue(problem);
        if (TodoPattern().IsMatch(problem))
        {
            _todoThrown.TrySetResult(problem);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

/// <summary>A browser test's expectation that the page did not meet; the message says what the page showed.</summary>
public sealed class BrowserPageException : Exception
{
    public BrowserPageException(string message) : base(message)
    {
    }

    public BrowserPageException(string message, Exception inner) : base(message, inner)
    {
    }
}
