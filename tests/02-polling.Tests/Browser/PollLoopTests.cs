using Microsoft.Playwright;
using Workshop.Testing;
using static Microsoft.Playwright.Assertions;

namespace Polling.Tests.Browser;

/// <summary>
/// A real browser on the page at '/': how the poll loop of TODO 4 asks, counts and survives a failed answer, read from
/// the requests it makes and the figures it shows.
/// </summary>
[RunsLong(8)]
public sealed class PollLoopTests(BrowserFixture browser) : BoardPageGoals(browser)
{
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
        await using var page = await Browser.OpenPageAsync();
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
        await using var page = await Browser.OpenPageAsync();
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
}
