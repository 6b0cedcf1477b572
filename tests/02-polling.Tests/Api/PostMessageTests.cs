using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Polling.Tests.Api;

/// <summary>TODO 2: POST /api/messages accepts a message, stores it, and says where it is; bad input gets a 4xx that says why.</summary>
[Todo(2)]
public sealed class PostMessageTests
{
    [Fact]
    public async Task Posted_message_is_answered_201_with_its_id_author_text_and_time()
    {
        await using var board = RunningBoard.Start();
        var before = DateTimeOffset.UtcNow;

        var answer = await board.PostAsync(new { author = "Ana", text = "hola" });

        answer.Status.Should().Be(HttpStatusCode.Created, "a POST that creates something answers 201 Created, not 200; the server answered: {0}", answer);
        answer.MediaType.Should().Be("application/json", "the stored message comes back as JSON; the server answered: {0}", answer);
        using var json = JsonDocument.Parse(answer.Body);
        var message = json.RootElement;
        message.GetProperty("id").GetInt64().Should().Be(1, "the first message of a new board gets id 1; the server answered: {0}", answer);
        message.GetProperty("author").GetString().Should().Be("Ana");
        message.GetProperty("text").GetString().Should().Be("hola");
        var sentAt = message.GetProperty("sentAt").GetString();
        sentAt.Should().EndWith("Z", "sentAt is an ISO-8601 time in UTC, such as 2026-11-25T12:00:00Z; the server answered: {0}", answer);
        DateTimeOffset.Parse(sentAt!, CultureInfo.InvariantCulture).Should().BeCloseTo(before, TimeSpan.FromMinutes(5),
            "sentAt is when the board received the message");
    }

    [Fact]
    public async Task Posted_message_gets_a_location_that_points_to_it()
    {
        await using var board = RunningBoard.Start();

        var posted = await board.PostAsync(new { author = "Ana", text = "where am I?" });
        posted.Status.Should().Be(HttpStatusCode.Created, "the message is valid; the server answered: {0}", posted);
        posted.Location.Should().NotBeNull("a 201 says where the new resource lives, in the Location header; the server answered: {0}", posted);
        var id = posted.Json<SentMessage>().Id;
        posted.Location!.OriginalString.Should().EndWith($"/api/messages/{id}",
            "the Location of message {0} is the address of that one message, /api/messages/{0}, not of the whole board", id);
        var found = await board.GetAsync(new Uri(board.BaseAddress, posted.Location!).PathAndQuery);

        found.Status.Should().Be(HttpStatusCode.OK, "GET on the Location of a new message finds it (/api/messages/<id>); it answered: {0}", found);
        found.Json<SentMessage>().Should().Be(posted.Json<SentMessage>(), "the Location points to the message that was just stored");
    }

    [Fact]
    public async Task Ids_start_at_1_and_grow_by_one()
    {
        await using var board = RunningBoard.Start();

        var ids = new List<long>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            var answer = await board.PostAsync(new { author = "Ana", text });
            answer.Status.Should().Be(HttpStatusCode.Created, "'{0}' is a valid message; the server answered: {1}", text, answer);
            ids.Add(answer.Json<SentMessage>().Id);
        }

        ids.Should().Equal([1L, 2L, 3L], "each message gets the next id, in the order the messages arrive");
    }

    [Theory]
    [InlineData("""{"text": "hola"}""")]
    [InlineData("""{"author": "", "text": "hola"}""")]
    [InlineData("""{"author": "   ", "text": "hola"}""")]
    public async Task Blank_author_is_stored_as_anonymous(string body)
    {
        await using var board = RunningBoard.Start();

        var answer = await board.PostAsync(body, "application/json");

        answer.Status.Should().Be(HttpStatusCode.Created, "the author is optional: {0} is a valid message; the server answered: {1}", body, answer);
        answer.Json<SentMessage>().Author.Should().Be(MessageRules.DefaultAuthor, "a message without an author is signed 'Anonymous'");
    }

    [Theory]
    [InlineData("""{"author": "Ana"}""")]
    [InlineData("""{"author": "Ana", "text": null}""")]
    [InlineData("""{"author": "Ana", "text": ""}""")]
    [InlineData("""{"author": "Ana", "text": "  \t "}""")]
    public async Task Missing_or_blank_text_is_refused_with_400_naming_text(string body)
    {
        await using var board = RunningBoard.Start();

        var answer = await board.PostAsync(body, "application/json");

        ShouldBeRefused(answer, "text", $"a message needs some text, and {body} has none");
    }

    [Fact]
    public async Task Text_over_500_characters_is_refused_with_400_naming_text()
    {
        await using var board = RunningBoard.Start();

        var answer = await board.PostAsync(new { author = "Ana", text = new string('a', MessageRules.MaxTextLength + 1) });

        ShouldBeRefused(answer, "text", "a text of 501 characters is one over the limit of 500");
    }

    [Fact]
    public async Task Text_of_500_characters_is_accepted()
    {
        await using var board = RunningBoard.Start();
        var text = new string('a', MessageRules.MaxTextLength);

        var answer = await board.PostAsync(new { author = "Ana", text });

        answer.Status.Should().Be(HttpStatusCode.Created, "500 characters is the limit itself, and the limit is allowed; the server answered: {0}", answer);
        answer.Json<SentMessage>().Text.Should().Be(text);
    }

    [Fact]
    public async Task Author_over_40_characters_is_refused_with_400_naming_author()
    {
        await using var board = RunningBoard.Start();

        var answer = await board.PostAsync(new { author = new string('b', MessageRules.MaxAuthorLength + 1), text = "hola" });

        ShouldBeRefused(answer, "author", "an author of 41 characters is one over the limit of 40");
    }

    [Fact]
    public async Task Author_of_40_characters_is_accepted()
    {
        await using var board = RunningBoard.Start();
        var author = new string('b', MessageRules.MaxAuthorLength);

        var answer = await board.PostAsync(new { author, text = "hola" });

        answer.Status.Should().Be(HttpStatusCode.Created, "40 characters is the limit itself, and the limit is allowed; the server answered: {0}", answer);
        answer.Json<SentMessage>().Author.Should().Be(author);
    }

    [Theory]
    [InlineData("hola")]
    [InlineData("""{"text": "hola" """)]
    [InlineData("""["hola"]""")]
    [InlineData("null")]
    [InlineData("""{"text": 5}""")]
    public async Task Body_that_is_not_a_json_message_is_refused_with_400(string body)
    {
        await using var board = RunningBoard.Start();

        var answer = await board.PostAsync(body, "application/json");

        answer.Status.Should().Be(HttpStatusCode.BadRequest, "the body {0} is not a JSON object with a text; that is the client's mistake (400), not the server's (500); the server answered: {1}", body, answer);
        answer.MediaType.Should().Be("application/problem+json", "a refusal explains itself as problem details; the server answered: {0}", answer);
        answer.Explanation.Should().Contain("JSON object", "the problem's detail tells the client what to send instead: a JSON object "
            + "with a text; the server answered: {0}", answer);
        board.Store.Count.Should().Be(0, "nothing invalid is stored");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Body_that_is_not_sent_as_json_is_refused_with_415(string? contentType)
    {
        await using var board = RunningBoard.Start();

        var answer = await board.PostAsync("""{"author": "Ana", "text": "hola"}""", contentType);

        answer.Status.Should().Be(HttpStatusCode.UnsupportedMediaType,
            "the board reads only JSON, and a body sent as {0} is not announced as JSON: 415 Unsupported Media Type; the server answered: {1}",
            contentType ?? "no Content-Type at all", answer);
        answer.MediaType.Should().Be("application/problem+json", "a refusal explains itself as problem details; the server answered: {0}", answer);
        answer.Explanation.Should().Contain("Content-Type: application/json", "the problem's detail tells the client the header to send; "
            + "the server answered: {0}", answer);
        board.Store.Count.Should().Be(0, "nothing refused is stored");
    }

    [Fact]
    public async Task Body_over_64_kib_is_refused_with_413()
    {
        await using var board = RunningBoard.Start();

        var answer = await board.PostAsync(new { author = "Ana", text = new string('a', 70_000) });

        answer.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge,
            "the server reads at most 64 KiB of body; the read of a larger one fails, and the client hears 413, not 500; the server answered: {0}", answer);
        board.Store.Count.Should().Be(0, "nothing refused is stored");
    }

    [Fact]
    public async Task Refused_messages_are_not_stored_and_use_up_no_id()
    {
        await using var board = RunningBoard.Start();

        foreach (var bad in new object[] { new { text = "" }, new { text = new string('a', 501) }, new { author = new string('b', 41), text = "hola" } })
        {
            var refused = await board.PostAsync(bad);
            refused.Status.Should().Be(HttpStatusCode.BadRequest, "{0} breaks a rule; the server answered: {1}", JsonSerializer.Serialize(bad), refused);
        }
        var accepted = await board.PostAsync(new { author = "Ana", text = "hola" });

        board.Store.Count.Should().Be(1, "only the valid message is kept");
        accepted.Json<SentMessage>().Id.Should().Be(1, "check before you store: a refused message never reaches the store, so the first valid one is still message 1");
    }

    [Fact]
    public async Task Posts_from_many_clients_at_once_get_unique_increasing_ids()
    {
        await using var board = RunningBoard.Start();
        const int clients = 16;
        const int postsEach = 10;

        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var ids = new List<long>();
            for (var i = 0; i < postsEach; i++)
            {
                var answer = await board.PostAsync(new { author = $"client {client}", text = $"post {i}" });
                answer.Status.Should().Be(HttpStatusCode.Created, "every post is valid; the server answered: {0}", answer);
                ids.Add(answer.Json<SentMessage>().Id);
            }
            return ids;
        }));

        results.SelectMany(ids => ids).Should().OnlyHaveUniqueItems("two messages never share an id, however many arrive at once")
            .And.BeEquivalentTo(Enumerable.Range(1, clients * postsEach).Select(id => (long)id), "{0} posts give ids 1 to {0}, none skipped", clients * postsEach);
        results.Should().OnlyContain(ids => ids.SequenceEqual(ids.Order()), "each client's later message gets a larger id than its earlier one");
        board.Store.Count.Should().Be(clients * postsEach, "no message is lost");
    }

    [Fact]
    public async Task Message_posted_to_a_full_board_gets_the_next_id()
    {
        await using var board = RunningBoard.Start();
        board.Seed(MessageStore.Capacity + 5);

        var answer = await board.PostAsync(new { author = "Ana", text = "one more" });

        answer.Status.Should().Be(HttpStatusCode.Created, "a full board still takes messages and forgets its oldest; the server answered: {0}", answer);
        answer.Json<SentMessage>().Id.Should().Be(MessageStore.Capacity + 6, "ids keep growing after old messages are forgotten, so no id is ever given twice");
        board.Store.Count.Should().Be(MessageStore.Capacity, "the board keeps only the newest {0}", MessageStore.Capacity);
    }

    private static void ShouldBeRefused(Answer answer, string field, string why)
    {
        answer.Status.Should().Be(HttpStatusCode.BadRequest, "{0}: 400 Bad Request; the server answered: {1}", why, answer);
        answer.MediaType.Should().Be("application/problem+json", "a refusal explains itself as problem details; the server answered: {0}", answer);
        answer.ErrorFields.Should().Contain(field, "the problem's \"errors\" name the field that is wrong, '{0}', so the page can say what to fix; the server answered: {1}", field, answer);
    }
}
