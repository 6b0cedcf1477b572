using System.Net;
using LongPolling.Stats;
using LongPolling.Waiting;

namespace LongPolling.Tests.Wire;

/// <summary>What a waiting request holds, it gives back: when the client goes away, at the timeout, and past the limit.</summary>
[Todo(1, 2)]
[GoalBound(10)]
public sealed class WaitLimitsTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_that_goes_away_is_no_longer_counted_as_waiting()
    {
        await using var board = Board.Start(timeout: LongWait);

        var after = await WaitThenGoAwayAsync(board);

        after.Waiting.Should().Be(0, "the client closed its connection, and the server must stop waiting for it "
            + "(HttpContext.RequestAborted) and give its place back, not hold it until the {0} s timeout", LongWait.TotalSeconds);
    }

    [Fact]
    public async Task Client_that_goes_away_is_not_counted_as_an_answered_wait()
    {
        await using var board = Board.Start(timeout: LongWait);

        var after = await WaitThenGoAwayAsync(board);

        (after.Requests, after.EmptyResponses).Should().Be((0L, 0L), "the only wait ended because its client went away, " +
            "so nobody got an answer: count a wait only when the timeout ends it (204) or messages do (200). Catch the " +
            "cancellation only when it is the timeout's, catch (OperationCanceledException) when " +
            "(!context.RequestAborted.IsCancellationRequested), and let the client's go; the stats said {0}", after);
    }

    /// <summary>A client starts a wait and goes away while it waits; the stats once the server let the wait go (5 s at most).</summary>
    private static async Task<StatsEndpoints.Stats> WaitThenGoAwayAsync(Board board)
    {
        using var client = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var wait = board.WaitUntilGoneAsync(0, client.Token);
        await board.UntilWaitingAsync(1, [wait]);

        client.Cancel();
        return await board.StatsWhenAsync(stats => stats.Waiting == 0, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Wait_that_times_out_gives_its_place_back()
    {
        await using var board = Board.Start(timeout: TimeSpan.FromMilliseconds(200), maxWaiting: 1);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var response = await board.WaitAsync(0).WaitAsync(LongWait, Cancel);
            response.StatusCode.Should().Be(HttpStatusCode.NoContent,
                "wait {0} comes after the previous one timed out, and the only place (MaxWaiting = 1) must be free again; the server answered {1}",
                attempt, await Board.DescribeAsync(response));
        }
        var after = await board.StatsAsync();

        after.Waiting.Should().Be(0, "each wait gave its place back once, when it timed out: no more, no less");
    }

    [Fact]
    public async Task Answered_waits_give_their_place_back()
    {
        await using var board = Board.Start(timeout: TimeSpan.FromSeconds(3), maxWaiting: 1);
        await board.PostAsync("news");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Board.MessagesOfAsync(board.WaitAsync(0),
                $"wait {attempt} comes after the previous one was answered, and the only place (MaxWaiting = 1) must be free again");
        }
    }

    [Fact]
    public async Task Waits_beyond_the_limit_are_refused_with_503_and_retry_after()
    {
        await using var board = Board.Start(timeout: LongWait, maxWaiting: 2);
        using var clients = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var waits = Enumerable.Range(0, 2).Select(_ => board.WaitUntilGoneAsync(0, clients.Token)).ToList();
        await board.UntilWaitingAsync(2, waits);

        var third = board.WaitAsync(0);
        if (await Task.WhenAny(third, Task.Delay(TimeSpan.FromSeconds(5), Cancel)) != third)
        {
            await clients.CancelAsync();
            Assert.Fail("LongPolling:MaxWaiting is 2 and two waits are in progress, so a third must be refused at once with 503; after 5 s it was still waiting.");
        }
        using var refused = await third;
        var described = await Board.DescribeAsync(refused);
        var stats = await board.StatsAsync();
        await clients.CancelAsync();

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable,
            "LongPolling:MaxWaiting is 2 and two waits are in progress, so a third is refused at once; the server answered {0}", described);
        refused.Headers.RetryAfter.Should().NotBeNull("a 503 tells the client when to try again (Retry-After); the server answered {0}", described);
        (refused.Headers.RetryAfter!.Delta ?? TimeSpan.Zero).Should().BePositive("Retry-After is a number of seconds, such as 5");
        described.Should().Contain("2 requests are waiting", "the problem's detail says why, with the limit: how many requests are waiting "
            + "already; the server answered {0}", described).And.Contain($"Try again in {WaitingRoom.RetryAfterSeconds} seconds",
            "and when to come back, as Retry-After does for a program; the server answered {0}", described);
        stats.Waiting.Should().Be(2, "a refused wait takes no place");
    }
}
