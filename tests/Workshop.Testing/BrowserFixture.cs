using Microsoft.Playwright;
using Xunit;

namespace Workshop.Testing;

/// <summary>
/// One browser for a whole test run, shared by every browser test: each step's test project registers it as an
/// assembly fixture (see Directory.Build.props), and a test class takes it in its constructor. Each test opens its own
/// page in a fresh context, so no test sees another's cookies or storage. The browser starts when a test first asks
/// for a page, so a run of goals that need no browser starts none.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> _started = new(StartAsync);

    /// <summary>The browser, started on first use; every caller gets the same one, or the same reason none started.</summary>
    public async Task<IBrowser> GetBrowserAsync() => (await _started.Value).Browser;

    /// <summary>A new page in a new browser context; dispose the context when done.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync()
    {
        var context = await (await GetBrowserAsync()).NewContextAsync();
        return (context, await context.NewPageAsync());
    }

    /// <summary>A new page in a new context that records its console errors; dispose it when done.</summary>
    public async Task<WatchedPage> OpenPageAsync() => await WatchedPage.OpenAsync(await GetBrowserAsync());

    public async ValueTask DisposeAsync()
    {
        if (!_started.IsValueCreated || !_started.Value.IsCompletedSuccessfully)
        {
            return;
        }
        var (playwright, browser) = _started.Value.Result;
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private static async Task<(IPlaywright, IBrowser)> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            return (playwright, await BrowserLauncher.LaunchAsync(playwright));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
