using System.Net;

namespace Polling.Tests.Api;

/// <summary>GET /api/stats is the lesson's evidence: how many reads polling costs, and how many of them brought nothing.</summary>
public sealed class StatsTests
{
    [Fact]
    [Todo(1, 3)]
    public async Task Stats_count_every_read_and_the_empty_ones()
    {
        await using var board = RunningBoard.Start();
        board.Seed(1);

        foreach (var path in new[] { "/api/messages?after=0", "/api/messages?after=1", "/api/messages?after=1" })
        {
            var read = await board.GetAsync(path);
            read.Status.Should().Be(HttpStatusCode.OK, "GET {0} is a valid read; the server answered: {1}", path, read);
        }
        var answer = await board.GetAsync("/api/stats");

        answer.Status.Should().Be(HttpStatusCode.OK, "the server answered: {0}", answer);
        answer.Json<SentStats>().Should().Be(new SentStats(Requests: 3, EmptyResponses: 2, Messages: 1, Waiting: 0),
            "three reads were answered (count each with stats.CountRead), two of them with no message; nothing waits in polling; the server answered: {0}", answer);
    }

    [Fact]
    [Todo(2)]
    public async Task Stats_count_the_messages_posted()
    {
        await using var board = RunningBoard.Start();

        foreach (var text in new[] { "one", "two" })
        {
            var posted = await board.PostAsync(new { author = "Ana", text });
            posted.Status.Should().Be(HttpStatusCode.Created, "'{0}' is a valid message; the server answered: {1}", text, posted);
        }
        var answer = await board.GetAsync("/api/stats");

        answer.Json<SentStats>().Messages.Should().Be(2, "the board keeps the two messages posted; the stats answered: {0}", answer);
    }
}
