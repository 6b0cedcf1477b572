using Microsoft.Playwright;
using Workshop.Testing;

namespace LongPolling.Tests.Browser;

/// <summary>Two people on the board, each in a browser of their own: a message reaches the other through a wait.</summary>
[Todo(1, 2, 3)]
[RunsLong(9)]
public sealed class TwoPagesTests(BrowserFixture browser)
{
    private static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Message_sent_from_one_page_appears_in_the_other_through_a_wait()
    {
        await using var board = Board.Start(ServerTimeout);
        await using var ana = await browser.OpenPageAsync();
        await using var eva = await browser.OpenPageAsync();
        var evaNews = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        eva.Page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/messages/wait", StringComparison.Ordinal) && response.Status == 200)
            {
                evaNews.TrySetResult();
            }
        };
        await ana.Page.GotoAsync(board.App.BaseAddress.ToString());
        await eva.Page.GotoAsync(board.App.BaseAddress.ToString());
        await ana.WaitForAsync(() => Assertions.Expect(ana.Page.Locator("#server-waiting")).ToHaveTextAsync("2"),
            "the stats to show two reads waiting, one for each page");

        await SendAsync(ana, "hola, Eva");

        await eva.WaitForAsync(() => Assertions.Expect(eva.Page.Locator("#messages li .text")).ToHaveTextAsync(["hola, Eva"]),
            "Ana's message in Eva's page");
        evaNews.Task.IsCompleted.Should().BeTrue("Eva's page must learn of the message from the answer to its wait, GET /api/messages/wait");
    }

    [Fact]
    public async Task Stats_on_the_page_count_the_answered_wait_and_the_next_one_waiting()
    {
        await using var board = Board.Start(ServerTimeout);
        await using var page = await browser.OpenPageAsync();
        await page.Page.GotoAsync(board.App.BaseAddress.ToString());
        await page.WaitForAsync(() => Assertions.Expect(page.Page.Locator("#server-waiting")).ToHaveTextAsync("1"),
            "the stats to show the page's read waiting");

        await board.PostAsync("news");

        await page.WaitForAsync(() => Assertions.Expect(page.Page.Locator("#waits")).ToHaveTextAsync("1"), "the page to count its answered wait");
        await page.WaitForAsync(() => Assertions.Expect(page.Page.Locator("#server-requests")).ToHaveTextAsync("1"),
            "the server's stats to count the answered wait");
        await page.WaitForAsync(() => Assertions.Expect(page.Page.Locator("#server-waiting")).ToHaveTextAsync("1"),
            "the page to be waiting again after its answer");
    }

    [Fact]
    public async Task Message_with_html_shows_as_text_in_both_pages()
    {
        const string attack = """<img src="x" onerror="window.hacked = true"><b>bold?</b>""";
        await using var board = Board.Start(ServerTimeout);
        await using var ana = await browser.OpenPageAsync();
        await using var eva = await browser.OpenPageAsync();
        await ana.Page.GotoAsync(board.App.BaseAddress.ToString());
        await eva.Page.GotoAsync(board.App.BaseAddress.ToString());
        await ana.WaitForAsync(() => Assertions.Expect(ana.Page.Locator("#server-waiting")).ToHaveTextAsync("2"),
            "the stats to show two reads waiting, one for each page");

        await SendAsync(ana, attack);

        foreach (var (page, name) in new[] { (ana, "Ana"), (eva, "Eva") })
        {
            await page.WaitForAsync(() => Assertions.Expect(page.Page.Locator("#messages li .text")).ToHaveTextAsync([attack]),
                $"the message, as text, in {name}'s page");
            (await page.Page.Locator("#messages img, #messages b").CountAsync()).Should().Be(0,
                "{0}'s page must show the message as text, never turn it into elements", name);
            (await page.Page.EvaluateAsync<bool>("() => window.hacked === true")).Should().BeFalse("no script from a message may run in {0}'s page", name);
        }
    }

    private static async Task SendAsync(WatchedPage page, string text)
    {
        await page.Page.FillAsync("#author", "Ana");
        await page.Page.FillAsync("#text", text);
        await page.Page.ClickAsync("#send button");
    }
}
