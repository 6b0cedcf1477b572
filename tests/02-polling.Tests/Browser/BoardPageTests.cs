using Microsoft.Playwright;
using Workshop.Testing;
using static Microsoft.Playwright.Assertions;

namespace Polling.Tests.Browser;

/// <summary>
/// Real browsers on the page at '/': what the board shows, from the poll loop of TODO 4 against the server's read
/// (TODOs 1 and 3), and the sending of TODO 2 for the tests that type a message.
/// </summary>
[RunsLong(7)]
public sealed class BoardPageTests(BrowserFixture browser) : BoardPageGoals(browser)
{
    [Fact]
    [Todo(1, 3, 4)]
    public async Task Page_shows_the_messages_already_on_the_board()
    {
        await using var board = RunningBoard.Start();
        board.Seed(2);
        await using var page = await OpenAsync(board);

        await page.WaitForAsync(() => Expect(Messages(page)).ToHaveCountAsync(2, new() { Timeout = Wait }),
            "the two messages already on the board in #messages");

        (await Texts(page)).Should().Equal(["message 1", "message 2"], "the first poll asks for everything after id 0 and shows it oldest first");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Message_sent_in_one_browser_appears_in_another()
    {
        await using var board = RunningBoard.Start();
        await using var ana = await OpenAsync(board);
        await using var eva = await OpenAsync(board);

        await SendAsync(ana, "Ana", "hola, Eva");

        await eva.WaitForAsync(() => Expect(Messages(eva)).ToHaveCountAsync(1, new() { Timeout = Wait }),
            "Ana's message in Eva's #messages, brought by Eva's polling");
        (await Texts(eva)).Should().Equal(["hola, Eva"]);
        (await Messages(eva).First.Locator("strong").TextContentAsync()).Should().Be("Ana", "each message shows its author");
        await ana.WaitForAsync(() => Expect(Messages(ana)).ToHaveCountAsync(1, new() { Timeout = Wait }),
            "Ana's own message in her #messages: she sees it through her polling too");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Html_in_a_message_shows_as_text_in_both_browsers()
    {
        const string attack = "<img src=x onerror=alert(1)>";
        await using var board = RunningBoard.Start();
        await using var ana = await OpenAsync(board);
        await using var eva = await OpenAsync(board);
        var alerts = 0;
        foreach (var page in new[] { ana, eva })
        {
            page.Page.Dialog += async (_, dialog) =>
            {
                Interlocked.Increment(ref alerts);
                await dialog.DismissAsync();
            };
        }

        await SendAsync(ana, "Mallory", attack);

        foreach (var (page, who) in new[] { (ana, "the sender's"), (eva, "the other browser's") })
        {
            await page.WaitForAsync(() => Expect(Messages(page)).ToHaveCountAsync(1, new() { Timeout = Wait }),
                $"the message in {who} #messages");
            (await Texts(page)).Should().Equal([attack], "a message is text: {0} page must show the characters that were typed, not turn them into an element", who);
            (await page.Page.Locator("#messages img").CountAsync()).Should().Be(0,
                "{0} page put the message in as HTML (innerHTML), so the browser built an <img> from it; use textContent", who);
        }
        alerts.Should().Be(0, "no script of a message may ever run");
    }

    [Fact]
    [Todo(1, 3, 4)]
    public async Task Page_appends_each_message_once()
    {
        await using var board = RunningBoard.Start();
        board.Seed(1);
        await using var page = await OpenAsync(board);
        await page.WaitForAsync(() => Expect(Messages(page)).ToHaveCountAsync(1, new() { Timeout = Wait }), "the first message in #messages");
        // Mark the element on the page: a list that is rebuilt on every poll loses the mark.
        await Messages(page).First.EvaluateAsync("item => item.dataset.testMark = 'first'");

        board.Store.Add("Seed", "message 2");
        await page.WaitForAsync(() => Expect(Messages(page)).ToHaveCountAsync(2, new() { Timeout = Wait }), "the second message in #messages");
        await WaitForMorePollsAsync(page, 3);

        (await Texts(page)).Should().Equal(["message 1", "message 2"],
            "each poll adds only what is new: after several more polls every message is still there exactly once");
        (await Messages(page).First.GetAttributeAsync("data-test-mark")).Should().Be("first",
            "the page appends new messages to the list it has, and leaves the ones it shows alone");
    }
}
