using Microsoft.Playwright;
using Xunit;

namespace Workshop.Testing;

/// <summary>
/// One browser shared by a test class (start it with <c>IClassFixture&lt;BrowserFixture&gt;</c>);
/// each test opens its own page in a fresh context, so no test sees another's cookies or storage.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started yet.");

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserLauncher.LaunchAsync(_playwright);
    }

    /// <summary>A new page in a new browser context; dispose the context when done.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync();
        return (context, await context.NewPageAsync());
    }

    /// <summary>A new page in a new context that records its console errors; dispose it when done.</summary>
    public Task<WatchedPage> OpenPageAsync() => WatchedPage.OpenAsync(Browser);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
