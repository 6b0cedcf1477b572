using System.Diagnostics;
using System.Net;
using Workshop.Testing;

namespace LongPolling.Tests.Wire;

/// <summary>GET /api/messages/wait over real HTTP: it answers when there is news, and holds the request until there is.</summary>
[Todo(1, 2)]
[GoalBound(10)]
[RunsLong(2.5)]
public sealed class WaitEndpointTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wait_answers_at_once_when_newer_messages_exist()
    {
        // A short timeout: a wait that waits anyway ends in 204 soon, and fails, instead of holding the test.
        await using var board = Board.Start(timeout: TimeSpan.FromSeconds(3));
        var first = await board.PostAsync("one");
        await board.PostAsync("two");

        var messages = await Board.MessagesOfAsync(board.WaitAsync(first.Id),
            $"message 2 is newer than {first.Id}, so the wait has news to answer with at once");

        messages.Select(message => message.Text).Should().Equal(["two"]);
    }

    [Fact]
    public async Task Wait_answers_within_a_second_of_a_post_made_while_it_waits()
    {
        await using var board = Board.Start(timeout: LongWait);
        var wait = board.WaitAsync(0);
        await board.UntilWaitingAsync(1, [wait]);

        var clock = Stopwatch.StartNew();
        var posted = await board.PostAsync("hola");
        var messages = await Board.MessagesOfAsync(wait.WaitAsync(LongWait, Cancel), "a post wakes the wait that waits for it");
        var latency = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"The wait answered {latency.TotalMilliseconds:0.0} ms after the post was sent.");

        messages.Should().ContainSingle().Which.Id.Should().Be(posted.Id);
        latency.Should().BeLessThan(TimeSpan.FromSeconds(1), "the post itself wakes the waiting request; nothing polls on a timer");
    }

    [Fact]
    public async Task Wait_that_times_out_answers_204_no_content()
    {
        await using var board = Board.Start(timeout: TimeSpan.FromMilliseconds(300));
        var seen = await board.PostAsync("seen already");

        using var response = await board.WaitAsync(seen.Id).WaitAsync(LongWait, Cancel);
        var described = await Board.DescribeAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent,
            "nothing newer than {0} arrived within LongPolling:Timeout, and 204 No Content says so; the server answered {1}", seen.Id, described);
        (await response.Content.ReadAsByteArrayAsync(Cancel)).Should().BeEmpty("a 204 has no body; the server answered {0}", described);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [Todo(2)]
    public async Task Wait_with_a_bad_after_is_refused_with_400_naming_it(string after)
    {
        await using var board = Board.Start(timeout: TimeSpan.FromSeconds(3));

        using var response = await board.Client.GetAsync($"/api/messages/wait?after={after}", Cancel);
        var described = await Board.DescribeAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "'{0}' is not a message id; the server answered {1}", after, described);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", "refusals are problem details; the server answered {0}", described);
        described.Should().Contain("\"after\"", "the problem names the query parameter that is wrong");
    }

    [Fact]
    public async Task Thousand_concurrent_waits_all_receive_the_same_new_message()
    {
        await using var board = Board.Start(timeout: TimeSpan.FromSeconds(60));
        var waits = Enumerable.Range(0, 1000).Select(_ => board.WaitAsync(0)).ToList();
        await board.UntilWaitingAsync(1000, waits);

        var posted = await board.PostAsync("for everyone");
        var answered = await Task.WhenAll(waits.Select(wait => Board.MessagesOfAsync(wait.WaitAsync(LongWait, Cancel), "the post wakes every waiting request")));

        answered.Count(messages => messages.Count == 1 && messages[0].Id == posted.Id).Should().Be(1000,
            "one post must wake every one of the 1,000 waiting requests, each with that one message");
    }

    [Fact]
    public async Task Post_racing_a_wait_is_never_lost()
    {
        // Each round, a wait for what comes after the newest message and a post start together. Whichever arrives
        // first, the wait must answer that message: a short timeout turns a lost message into a 204 here.
        const int rounds = 200;
        await using var board = Board.Start(timeout: TimeSpan.FromSeconds(3));
        var newest = 0L;
        for (var round = 1; round <= rounds; round++)
        {
            var wait = board.WaitAsync(newest);
            var posted = await board.PostAsync($"round {round}");
            var messages = await Board.MessagesOfAsync(wait.WaitAsync(LongWait, Cancel),
                $"in round {round} of {rounds}, message {posted.Id} was posted as the wait after {newest} started");
            messages.Should().ContainSingle($"round {round} posted one message").Which.Id.Should().Be(posted.Id);
            newest = posted.Id;
        }
    }

    [Fact]
    public async Task Waits_in_progress_are_counted_in_the_stats()
    {
        await using var board = Board.Start(timeout: LongWait);
        var waits = Enumerable.Range(0, 3).Select(_ => board.WaitAsync(0)).ToList();

        await board.UntilWaitingAsync(3, waits);
        await board.PostAsync("news");
        await Task.WhenAll(waits.Select(wait => Board.MessagesOfAsync(wait.WaitAsync(LongWait, Cancel), "the post wakes the three waits")));
        var after = await board.StatsWhenAsync(stats => stats.Waiting == 0, TimeSpan.FromSeconds(5));

        after.Waiting.Should().Be(0, "the three waits were answered, so none is in progress any more");
    }

    [Fact]
    public async Task Answered_waits_are_counted_as_requests_and_timeouts_as_empty_responses()
    {
        await using var board = Board.Start(timeout: TimeSpan.FromMilliseconds(300));
        var posted = await board.PostAsync("one");
        var before = await board.StatsAsync();

        await Board.MessagesOfAsync(board.WaitAsync(0), "message 1 is newer than 0");
        using var empty = await board.WaitAsync(posted.Id).WaitAsync(LongWait, Cancel);
        empty.StatusCode.Should().Be(HttpStatusCode.NoContent, "nothing newer than {0} arrives; the server answered {1}", posted.Id, await Board.DescribeAsync(empty));
        var after = await board.StatsAsync();

        (after.Requests - before.Requests).Should().Be(2, "each answered wait is a request, the 200 and the 204 alike");
        (after.EmptyResponses - before.EmptyResponses).Should().Be(1, "the 204 brought nothing new; the 200 did");
    }
}
