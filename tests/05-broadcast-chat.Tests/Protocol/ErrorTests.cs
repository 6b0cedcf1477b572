namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// A client that sends something the chat does not understand gets an `error` with a code, to itself only, and stays
/// connected. The receiver (TODO 4) reads and judges what comes in; a later message shows the connection still works
/// (the broadcast, TODO 5), on top of the connection, join and outbox (TODOs 1 to 3).
/// </summary>
[Todo(1, 2, 3, 4, 5)]
public sealed class ErrorTests(SharedChatServer shared) : IClassFixture<SharedChatServer>
{
    private ChatServer Server => shared.Server;

    [Theory]
    [InlineData("this is not JSON", "invalid-json")]
    [InlineData("{\"type\":\"message\",\"text\":", "invalid-json")]
    [InlineData("[\"message\",\"hola\"]", "invalid-json")]
    [InlineData("\"message\"", "invalid-json")]
    [InlineData("{\"text\":\"hola\"}", "invalid-json")]
    [InlineData("{\"type\":42,\"text\":\"hola\"}", "invalid-json")]
    [InlineData("{\"type\":\"shout\",\"text\":\"hola\"}", "unknown-type")]
    [InlineData("{\"type\":\"welcome\"}", "unknown-type")]
    [InlineData("{\"type\":\"message\",\"text\":\"\"}", "empty-text")]
    [InlineData("{\"type\":\"message\",\"text\":\" \\t\\n \"}", "empty-text")]
    [InlineData("{\"type\":\"message\"}", "empty-text")]
    public async Task Bad_input_gets_an_error_to_its_sender_only_and_the_connection_stays_usable(string sent, string code)
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "err-Ana");
        await using var bo = await ChatPeer.JoinAsync(Server, "err-Bo");

        await ana.SendTextAsync(sent);
        var error = await ana.ReceiveUntilAsync<ChatError>();
        await ana.SendMessageAsync("and now a good one");
        var anaGot = await ana.ReceiveUntilAsync<ChatMessage>(m => ana.IsNew(m), "with Ana's good text");
        var boGot = await bo.ReceiveUntilAsync<ChatMessage>(m => bo.IsNew(m), "with Ana's good text");

        error.Code.Should().Be(code, "the server's answer to {0} is the error `{1}`", sent, code);
        error.Text.Should().NotBeNullOrWhiteSpace("the error's text explains it for a person");
        anaGot.Text.Should().Be("and now a good one", "after an error the sender stays connected, and its next message goes through");
        anaGot.From.Should().Be(ana.Me);
        bo.Taken.Where(m => m.Is<ChatError>()).Should().BeEmpty("an error goes to the client that caused it, nobody else");
        boGot.Should().Be(anaGot, "nothing of the bad input reached the others: the first new message they get is the good one");
    }
}
