using System.Net;

namespace Polling.Tests.Api;

/// <summary>
/// TODO 3: GET /api/messages?after=&lt;id&gt; answers what is new since that id. The messages are put in the store
/// directly, so these tests need the read of TODO 3 and the store's <c>After</c> of TODO 1, and no POST.
/// </summary>
public sealed class ReadMessagesTests
{
    [Fact]
    [Todo(1, 3)]
    public async Task Read_without_after_returns_every_message_oldest_first()
    {
        await using var board = RunningBoard.Start();
        board.Seed(3);

        var answer = await board.GetAsync("/api/messages");

        answer.Status.Should().Be(HttpStatusCode.OK, "GET /api/messages with no 'after' reads the whole board; the server answered: {0}", answer);
        answer.MediaType.Should().Be("application/json");
        answer.Json<List<SentMessage>>().Select(message => message.Text).Should().Equal(["message 1", "message 2", "message 3"],
            "without 'after' the client has nothing yet: every kept message, oldest first; the server answered: {0}", answer);
    }

    [Fact]
    [Todo(1, 3)]
    public async Task Read_after_an_id_returns_only_the_newer_messages()
    {
        await using var board = RunningBoard.Start();
        board.Seed(5);

        var answer = await board.GetAsync("/api/messages?after=2");

        answer.Status.Should().Be(HttpStatusCode.OK, "after=2 is a valid id; the server answered: {0}", answer);
        answer.Json<List<SentMessage>>().Select(message => message.Id).Should().Equal([3L, 4L, 5L],
            "a client that has message 2 gets 3, 4 and 5, oldest first; the server answered: {0}", answer);
    }

    [Fact]
    [Todo(1, 3)]
    public async Task Read_after_the_newest_id_returns_an_empty_array()
    {
        await using var board = RunningBoard.Start();
        board.Seed(2);

        var answer = await board.GetAsync("/api/messages?after=2");

        answer.Status.Should().Be(HttpStatusCode.OK, "'nothing new' is a normal answer, 200 with an empty list, not 204 or 404; the server answered: {0}", answer);
        answer.Body.Should().Be("[]", "the client has every message, so the list is empty");
    }

    [Theory]
    [Todo(3)]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("%201")]
    [InlineData("99999999999999999999")]
    public async Task Read_after_something_that_is_not_an_id_is_refused_with_400_naming_after(string after)
    {
        await using var board = RunningBoard.Start();

        var answer = await board.GetAsync($"/api/messages?after={after}");

        answer.Status.Should().Be(HttpStatusCode.BadRequest,
            "'{0}' is not a message id (a whole number, 0 or more): the client's mistake, 400; the server answered: {1}", Uri.UnescapeDataString(after), answer);
        answer.MediaType.Should().Be("application/problem+json", "a refusal explains itself as problem details; the server answered: {0}", answer);
        answer.ErrorFields.Should().Contain("after", "the problem's \"errors\" name the query parameter that is wrong; the server answered: {0}", answer);
        answer.Explanation.Should().Contain($"'{Uri.UnescapeDataString(after)}'", "the reason quotes the value that is not an id, so the client "
            + "sees what it sent; the server answered: {0}", answer);
    }

    [Fact]
    [Todo(1, 3)]
    public async Task Board_keeps_only_the_newest_1000_messages()
    {
        await using var board = RunningBoard.Start();
        board.Seed(MessageStore.Capacity + 5);

        var answer = await board.GetAsync("/api/messages?after=0");

        answer.Status.Should().Be(HttpStatusCode.OK, "after=0 is a valid read; the server answered: {0}", answer);
        var ids = answer.Json<List<SentMessage>>().Select(message => message.Id).ToList();
        ids.Should().HaveCount(MessageStore.Capacity, "the board keeps the newest {0} messages and forgets older ones", MessageStore.Capacity);
        ids[0].Should().Be(6, "messages 1 to 5 were the oldest, so they are the ones forgotten");
        ids[^1].Should().Be(MessageStore.Capacity + 5, "the newest message is kept");
    }
}
