using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workshop.Testing;

namespace LongPolling.Tests.Browser;

/// <summary>
/// The page's loop, with the server's answers to its waits played by the test (Playwright's routes): an empty answer,
/// news, failures. Only the page's code is under test here; the server just serves the page.
/// </summary>
[Todo(3)]
[RunsLong(10)]
public sealed partial class PageLoopTests(BrowserFixture browser)
{
    [GeneratedRegex("/api/messages/wait")]
    private static partial Regex WaitUrl();

    /// <summary>The page's timers (setTimeout, and so any delay) never fire: only what needs no timer happens.</summary>
    private static async Task StopTimersAsync(IPage page)
    {
        var start = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        await page.Clock.InstallAsync(new() { TimeDate = start });
        await page.Clock.PauseAtAsync(start.AddSeconds(1));
    }

    // "At once" is told from "after a pause" without a clock in the test: the page's own timers stand still (Playwright's
    // clock, installed and paused before the page loads). A page that asks again at once needs no timer and makes its
    // twenty waits well within the bound, even on a busy machine; a page that pauses after an answer, even briefly
    // (await delay(1000)), never asks a second time. The page's pause after a failure is set to a minute, too.
    private const string PausesOfAMinute = "/?retryMs=60000&maxRetryMs=60000";
    private static readonly TimeSpan AtOnceBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Page_asks_again_at_once_after_an_empty_answer()
    {
        await using var board = Board.Start(TimeSpan.FromSeconds(30));
        await using var page = await browser.OpenPageAsync();
        var waits = new Waits(20);
        await page.Page.RouteAsync(WaitUrl(), route => waits.Answer(route, _ => route.FulfillAsync(new() { Status = 204 })));

        await StopTimersAsync(page.Page);
        await page.Page.GotoAsync(new Uri(board.App.BaseAddress, PausesOfAMinute).ToString());

        await page.WaitForAsync(() => waits.Enough.WaitAsync(AtOnceBound),
            "20 waits in a row, each answered 204 at once: a 204 only means 'nothing new yet', so the page asks again at once " +
            "(the page's timers stand still in this test, so a page that pauses after an answer, even with a short delay, never asks again)");
    }

    [Fact]
    public async Task Page_asks_again_at_once_for_the_messages_after_the_last_one_it_showed()
    {
        await using var board = Board.Start(TimeSpan.FromSeconds(30));
        await using var page = await browser.OpenPageAsync();
        var waits = new Waits(20);
        await page.Page.RouteAsync(WaitUrl(), route => waits.Answer(route, after => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = $$"""[{"id":{{after + 1}},"author":"Ana","text":"message {{after + 1}}","sentAt":"2026-11-25T10:00:00Z"}]""",
        })));

        await StopTimersAsync(page.Page);
        await page.Page.GotoAsync(new Uri(board.App.BaseAddress, PausesOfAMinute).ToString());

        await page.WaitForAsync(() => waits.Enough.WaitAsync(AtOnceBound),
            "20 waits in a row, each answered 200 with one new message at once (the page's timers stand still in this test: " +
            "a page that pauses after an answer never asks again)");
        waits.Afters.Take(20).Should().Equal(Enumerable.Range(0, 20).Select(id => (long)id),
            "each wait asks for the messages after the last one the page has shown (after=0, then 1, 2...)");
        await page.WaitForAsync(() => Assertions.Expect(page.Page.Locator("#messages li").Nth(19)).ToHaveTextAsync(new Regex("message 20")),
            "the twenty messages in the list");
    }

    [Fact]
    public async Task Page_pauses_longer_after_each_failure_in_a_row()
    {
        await using var board = Board.Start(TimeSpan.FromSeconds(30));
        await using var page = await browser.OpenPageAsync();
        var waits = new Waits(1);
        await page.Page.RouteAsync(WaitUrl(), route => waits.Answer(route, _ => route.FulfillAsync(new() { Status = 503 })));

        await page.Page.GotoAsync(new Uri(board.App.BaseAddress, "/?retryMs=20").ToString());
        await page.WaitForAsync(() => waits.Enough.WaitAsync(TimeSpan.FromSeconds(5)), "the page's first wait");
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        var tries = waits.Within(TimeSpan.FromSeconds(1.5));
        tries.Should().BeInRange(2, 10, "with every answer a 503 and pauses of 20 ms doubling after each failure "
            + "(20, 40, 80, 160, 320, 640 ms), the page tries about 7 times in its first 1.5 s; a page that tries again "
            + "after the same pause each time hammers a server that is already in trouble; the gaps between tries, in ms: {0}",
            waits.Gaps());
    }

    [Fact]
    public async Task Page_pauses_no_longer_than_the_longest_pause()
    {
        await using var board = Board.Start(TimeSpan.FromSeconds(30));
        await using var page = await browser.OpenPageAsync();
        var waits = new Waits(14);
        await page.Page.RouteAsync(WaitUrl(), route => waits.Answer(route, _ => route.AbortAsync()));

        await page.Page.GotoAsync(new Uri(board.App.BaseAddress, "/?retryMs=20&maxRetryMs=100").ToString());

        await page.WaitForAsync(() => waits.Enough.WaitAsync(TimeSpan.FromSeconds(6)),
            "14 tries while the server cannot be reached, with pauses doubling from 20 ms up to at most 100 ms "
            + "(about 1.3 s in all; doubling without a limit would take minutes)");
    }

    [Fact]
    public async Task Page_starts_again_from_the_first_pause_after_a_success()
    {
        await using var board = Board.Start(TimeSpan.FromSeconds(30));
        await using var page = await browser.OpenPageAsync();
        // Four failures (pauses of 100, 200, 400 and 800 ms), one empty answer, then failures again.
        var waits = new Waits(7);
        await page.Page.RouteAsync(WaitUrl(), route => waits.Answer(route, _ =>
            route.FulfillAsync(new() { Status = waits.Count == 5 ? 204 : 503 })));

        await page.Page.GotoAsync(new Uri(board.App.BaseAddress, "/?retryMs=100").ToString());
        await page.WaitForAsync(() => waits.Enough.WaitAsync(TimeSpan.FromSeconds(10)),
            "seven tries: four failures, a success, then failures again");

        waits.GapList()[6].Should().BeLessThan(TimeSpan.FromMilliseconds(800), "after the success (try 5), the next failure "
            + "(try 6) is followed by the first pause again, 100 ms, not the 1,600 ms that would follow 800; the gaps between tries, in ms: {0}",
            waits.Gaps());
    }

    /// <summary>The page's waits as the route sees them: when each came and which 'after' it asked for.</summary>
    private sealed class Waits(int enough)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConcurrentQueue<(TimeSpan At, long After)> _seen = new();
        private readonly TaskCompletionSource _enough = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Ends when <c>enough</c> waits have come.</summary>
        public Task Enough => _enough.Task;

        public int Count => _seen.Count;

        public IEnumerable<long> Afters => _seen.Select(wait => wait.After);

        public Task Answer(IRoute route, Func<long, Task> answer)
        {
            var query = new Uri(route.Request.Url).Query.TrimStart('?').Split('&')
                .Select(pair => pair.Split('=', 2)).FirstOrDefault(pair => pair[0] == "after");
            var after = query is [_, var value] && long.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : -1;
            _seen.Enqueue((_clock.Elapsed, after));
            var answered = answer(after);
            if (_seen.Count >= enough)
            {
                _enough.TrySetResult();
            }
            return answered;
        }

        /// <summary>How many waits came within <paramref name="span"/> of the first.</summary>
        public int Within(TimeSpan span)
        {
            var times = _seen.Select(wait => wait.At).ToList();
            return times.Count == 0 ? 0 : times.Count(at => at - times[0] <= span);
        }

        /// <summary>The time between each wait and the one before it; [0] is zero.</summary>
        public List<TimeSpan> GapList()
        {
            var times = _seen.Select(wait => wait.At).ToList();
            return [.. times.Select((at, i) => i == 0 ? TimeSpan.Zero : at - times[i - 1])];
        }

        public string Gaps() => string.Join(", ", GapList().Skip(1).Select(gap => gap.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)));
    }
}
