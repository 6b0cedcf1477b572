using System.Net;
using System.Net.Http.Json;

namespace LongPolling.Tests.Wire;

/// <summary>Step 02's board, which this step starts from finished: a few checks that it still works, untouched.</summary>
[Given("step 02's contract, finished in the starter")]
public sealed class BoardContractTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Posted_message_is_read_back_after_the_id_before_it()
    {
        await using var board = Board.Start(timeout: TimeSpan.FromSeconds(3));
        var first = await board.PostAsync("one");
        var second = await board.PostAsync("two", author: "Eva");

        var messages = await board.Client.GetFromJsonAsync<List<Message>>($"/api/messages?after={first.Id}", Cancel);

        messages.Should().ContainSingle().Which.Should().BeEquivalentTo(second, "GET /api/messages?after=1 answers what came after message 1");
    }

    [Fact]
    public async Task Message_without_text_is_refused_with_a_problem_naming_the_field()
    {
        await using var board = Board.Start(timeout: TimeSpan.FromSeconds(3));

        using var response = await board.Client.PostAsJsonAsync("/api/messages", new { author = "Ana", text = "   " }, Cancel);
        var described = await Board.DescribeAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a blank text is refused; the server answered {0}", described);
        described.Should().Contain("\"text\"", "the validation problem names the field that is wrong");
    }

    [Fact]
    public async Task Body_over_64_kib_is_refused_with_413()
    {
        await using var board = Board.Start(timeout: TimeSpan.FromSeconds(3));

        using var response = await board.Client.PostAsJsonAsync("/api/messages", new { author = "Ana", text = new string('a', 70_000) }, Cancel);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge,
            "the server reads at most 64 KiB of body, and a client's mistake is a 4xx: 413, not 500; the server answered {0}",
            await Board.DescribeAsync(response));
    }
}
