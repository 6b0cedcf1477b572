using Microsoft.Playwright;
using Workshop.Testing;
using static Microsoft.Playwright.Assertions;

namespace Polling.Tests.Browser;

/// <summary>
/// Real browsers on the page at '/': the poll loop of TODO 4, against the server's read (TODOs 1 and 3), and the
/// sending of TODO 2 for the tests that type a message. On a page whose poll loop is not written yet, every wait fails
/// at once with that TODO's message (<see cref="WatchedPage"/>).
/// </summary>
public sealed class BoardPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Short polls keep the tests quick; the waits stay generous for a busy machine.</summary>
    private const int PollIntervalMs = 200;
    private const float Wait = 20_000;

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

    [Fact]
    [Todo(1, 3, 4)]
    public async Task Page_asks_only_for_messages_after_the_last_one_it_has()
    {
        await using var board = RunningBoard.Start();
        board.Seed(2);
        var asked = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var page = await OpenAsync(board, beforeLoading: watched => watched.Page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.AbsolutePath == "/api/messages")
            {
                asked.Enqueue(url.Query);
            }
        });

        await page.WaitForAsync(() => Expect(Messages(page)).ToHaveCountAsync(2, new() { Timeout = Wait }), "the two messages in #messages");
        await WaitForMorePollsAsync(page, 3);

        var queries = asked.ToList();
        queries.Should().NotBeEmpty("the page polls GET /api/messages");
        queries[0].Should().Be("?after=0", "the first poll has nothing yet, so it asks for everything after 0; the page asked: {0}", string.Join(" ", queries));
        queries.Skip(1).Should().OnlyContain(query => query == "?after=2",
            "once the page shows messages 1 and 2, it remembers the last id and asks only for what came after it; the page asked: {0}", string.Join(" ", queries));
    }

    [Fact]
    [Todo(1, 3, 4)]
    public async Task Page_remembers_the_id_of_the_last_message_not_how_many_it_got()
    {
        // Ids need not be 1, 2, 3...: a board that forgot its oldest messages answers with ids 5 and 9. The test plays
        // the server's answers (Playwright's route): those two first, then nothing new, and reads what the page asks.
        await using var board = RunningBoard.Start();
        var asked = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var page = await browser.OpenPageAsync();
        await page.Page.RouteAsync("**/api/messages?*", async route =>
        {
            var query = new Uri(route.Request.Url).Query;
            asked.Enqueue(query);
            var body = query == "?after=0"
                ? """[{"id":5,"author":"Ana","text":"five","sentAt":"2026-12-01T10:00:00Z"},{"id":9,"author":"Eva","text":"nine","sentAt":"2026-12-01T10:00:01Z"}]"""
                : "[]";
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = body });
        });
        await page.Page.GotoAsync(new Uri(board.BaseAddress, $"/?pollIntervalMs={PollIntervalMs}").ToString());

        await page.WaitForAsync(() => Expect(Messages(page)).ToHaveCountAsync(2, new() { Timeout = Wait }), "messages 5 and 9 in #messages");
        await page.WaitForAsync(() => page.Page.WaitForFunctionAsync("() => Number(document.querySelector('#polls').textContent) >= 3",
            null, new() { Timeout = Wait }), "#polls to count three polls");

        var queries = asked.ToList();
        queries.Skip(1).Should().NotBeEmpty().And.OnlyContain(query => query == "?after=9",
            "the last message shown has id 9, so every poll after the first asks for what came after 9; remember the last " +
            "message's id (message.id), not how many messages came (2); the page asked: {0}", string.Join(" ", queries.Take(6)));
    }

    [Fact]
    [Todo(1, 3, 4)]
    public async Task Failed_poll_is_neither_shown_nor_counted()
    {
        // The test plays the server: the first poll gets a 500 with problem details, the next three an empty list, and
        // the fifth no answer at all, so the page's figures stand still while they are read.
        await using var board = RunningBoard.Start();
        var requests = 0;
        var fifth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var page = await browser.OpenPageAsync();
        await page.Page.RouteAsync("**/api/messages?*", async route =>
        {
            switch (Interlocked.Increment(ref requests))
            {
                case 1:
                    await route.FulfillAsync(new()
                    {
                        Status = 500,
                        ContentType = "application/problem+json",
                        Body = """{"title":"The board is down","status":500}""",
                    });
                    break;
                case <= 4:
                    await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "[]" });
                    break;
                default:
                    fifth.TrySetResult(); // and no answer: the poll waits
                    break;
            }
        });
        await page.Page.GotoAsync(new Uri(board.BaseAddress, $"/?pollIntervalMs={PollIntervalMs}").ToString());

        await page.WaitForAsync(() => fifth.Task.WaitAsync(TimeSpan.FromMilliseconds(Wait)), "the page to poll five times, through a failed answer");

        ((await page.Page.Locator("#polls").TextContentAsync()) ?? "").Trim().Should().Be("3",
            "three polls were answered (200); the first got a 500, which is no poll's answer: when response.ok is false, " +
            "throw before reading the body or counting, and the loop logs it and polls again");
        (await Messages(page).CountAsync()).Should().Be(0, "a failed answer shows nothing");
    }

    [Fact]
    [Todo(1, 3, 4)]
    public async Task Page_counts_its_polls_and_the_empty_ones()
    {
        await using var board = RunningBoard.Start();
        await using var page = await OpenAsync(board);
        await page.WaitForAsync(() => page.Page.WaitForFunctionAsync("() => Number(document.querySelector('#empty-polls').textContent) >= 2",
            null, new() { Timeout = Wait }), "#empty-polls to count at least two polls that brought nothing");

        board.Store.Add("Seed", "news");
        await page.WaitForAsync(() => Expect(Messages(page)).ToHaveCountAsync(1, new() { Timeout = Wait }), "the new message in #messages");
        await WaitForMorePollsAsync(page, 2);
        var counts = await page.Page.EvaluateAsync<int[]>("() => ['#polls', '#empty-polls'].map(id => Number(document.querySelector(id).textContent))");

        (counts[0] - counts[1]).Should().Be(1,
            "exactly one poll brought a message, and every other poll came back empty; the page shows {0} polls and {1} empty ones", counts[0], counts[1]);
    }

    [Fact]
    [Todo(1, 3, 4)]
    public async Task Page_shows_the_servers_figures_moving()
    {
        await using var board = RunningBoard.Start();
        await using var page = await OpenAsync(board);

        await page.WaitForAsync(() => page.Page.WaitForFunctionAsync(
            "() => Number(document.querySelector('#server-requests').textContent) >= 3 && Number(document.querySelector('#server-empty').textContent) >= 3",
            null, new() { Timeout = Wait }),
            "the server's figures on the page (#server-requests, #server-empty) to count this page's empty polls");
    }

    /// <summary>Opens the board's page in a new browser context (its own cookies and storage), polling every 200 ms.</summary>
    private async Task<WatchedPage> OpenAsync(RunningBoard board, Action<WatchedPage>? beforeLoading = null)
    {
        var page = await browser.OpenPageAsync();
        beforeLoading?.Invoke(page);
        var response = await page.Page.GotoAsync(new Uri(board.BaseAddress, $"/?pollIntervalMs={PollIntervalMs}").ToString());
        response!.Status.Should().Be(200, "'/' serves the board's page");
        return page;
    }

    private static ILocator Messages(WatchedPage page) => page.Page.Locator("#messages li");

    private static async Task<IReadOnlyList<string>> Texts(WatchedPage page) =>
        await page.Page.Locator("#messages li .text").AllTextContentsAsync();

    private static async Task SendAsync(WatchedPage page, string author, string text)
    {
        await page.Page.FillAsync("#author", author);
        await page.Page.FillAsync("#text", text);
        await page.Page.ClickAsync("#send button[type=submit]");
    }

    /// <summary>Waits until the page has polled <paramref name="polls"/> more times than it has now.</summary>
    private static async Task WaitForMorePollsAsync(WatchedPage page, int polls)
    {
        var now = int.Parse(await page.Page.Locator("#polls").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await page.WaitForAsync(() => page.Page.WaitForFunctionAsync($"() => Number(document.querySelector('#polls').textContent) >= {now + polls}",
            null, new() { Timeout = Wait }), $"{polls} more polls (#polls)");
    }
}
