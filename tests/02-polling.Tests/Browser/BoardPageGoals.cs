using Microsoft.Playwright;
using Workshop.Testing;
using static Microsoft.Playwright.Assertions;

namespace Polling.Tests.Browser;

/// <summary>
/// What the browser goals of the board share: a browser, the board's page opened on a running board, and ways to read
/// it. On a page whose poll loop is not written yet, every wait fails at once with that TODO's message
/// (<see cref="WatchedPage"/>). The goals are split in two classes, <see cref="BoardPageTests"/> and
/// <see cref="PollLoopTests"/>, so that they run side by side.
/// </summary>
public abstract class BoardPageGoals(BrowserFixture browser)
{
    /// <summary>Short polls keep the tests quick; the waits stay generous for a busy machine.</summary>
    protected const int PollIntervalMs = 200;
    protected const float Wait = 20_000;

    protected BrowserFixture Browser => browser;

    /// <summary>Opens the board's page in a new browser context (its own cookies and storage), polling every 200 ms.</summary>
    private protected async Task<WatchedPage> OpenAsync(RunningBoard board, Action<WatchedPage>? beforeLoading = null)
    {
        var page = await browser.OpenPageAsync();
        beforeLoading?.Invoke(page);
        var response = await page.Page.GotoAsync(new Uri(board.BaseAddress, $"/?pollIntervalMs={PollIntervalMs}").ToString());
        response!.Status.Should().Be(200, "'/' serves the board's page");
        return page;
    }

    protected static ILocator Messages(WatchedPage page) => page.Page.Locator("#messages li");

    protected static async Task<IReadOnlyList<string>> Texts(WatchedPage page) =>
        await page.Page.Locator("#messages li .text").AllTextContentsAsync();

    protected static async Task SendAsync(WatchedPage page, string author, string text)
    {
        await page.Page.FillAsync("#author", author);
        await page.Page.FillAsync("#text", text);
        await page.Page.ClickAsync("#send button[type=submit]");
    }

    /// <summary>Waits until the page has polled <paramref name="polls"/> more times than it has now.</summary>
    protected static async Task WaitForMorePollsAsync(WatchedPage page, int polls)
    {
        var now = int.Parse(await page.Page.Locator("#polls").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await page.WaitForAsync(() => page.Page.WaitForFunctionAsync($"() => Number(document.querySelector('#polls').textContent) >= {now + polls}",
            null, new() { Timeout = Wait }), $"{polls} more polls (#polls)");
    }
}
