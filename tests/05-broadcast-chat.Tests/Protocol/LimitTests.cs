using System.Net.WebSockets;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// The receiver (TODO 4) reads whole messages within the limits: a text over Chat:MaxMessageLength characters or a
/// message over Chat:MaxFrameBytes bytes (all its fragments together) closes the connection with 1009, a binary
/// message with 1003. Closing needs an accepted and joined connection (TODOs 1 to 3); a message that goes through
/// needs the broadcast (TODO 5).
/// </summary>
public sealed class LimitTests(SharedChatServer shared) : IClassFixture<SharedChatServer>
{
    private const int FrameLimit = 1024;

    private ChatServer Server => shared.Server;

    /// <summary>A server with a small frame limit, and a text limit small enough that only the bytes can break it.</summary>
    private static ChatServer StartWithSmallFrames() => ChatServer.Start(new Dictionary<string, string?>
    {
        ["Chat:MaxFrameBytes"] = FrameLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chat:MaxMessageLength"] = "100",
    });

    /// <summary>A valid chat message of exactly <paramref name="bytes"/> bytes: a short text, padded with JSON white space.</summary>
    private static byte[] PaddedMessage(string text, int bytes)
    {
        var json = ClientMessages.Message(text);
        var padded = "{" + new string(' ', bytes - json.Length) + json[1..];
        return Encoding.UTF8.GetBytes(padded);
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5)]
    public async Task Text_of_MaxMessageLength_characters_is_broadcast()
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "lim-Ana");
        var text = new string('a', 1999) + "!";

        await ana.SendMessageAsync(text);
        var message = await ana.ReceiveUntilAsync<ChatMessage>(m => ana.IsNew(m), "sent after Ana joined");

        message.Text.Should().Be(text, "2000 characters is the default Chat:MaxMessageLength: the longest text allowed, not too long");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Text_over_MaxMessageLength_is_closed_with_1009()
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "lim-Ana2");

        await ana.SendMessageAsync(new string('a', 2001));

        await ana.ExpectCloseAsync(1009, "a text of 2001 characters is over the default Chat:MaxMessageLength of 2000: 1009 message too big");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Text_over_MaxMessageLength_counts_its_spaces_before_trimming()
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "lim-Ana3");

        await ana.SendMessageAsync("  " + new string('a', 1999) + "  ");

        await ana.ExpectCloseAsync(1009, "the limit counts the text as it arrived, before trimming: 1999 letters and four spaces are 2003 characters, " +
            "over the default Chat:MaxMessageLength of 2000 (check the length first, then trim what you broadcast)");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Message_over_MaxFrameBytes_is_closed_with_1009()
    {
        await using var server = StartWithSmallFrames();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");

        await ana.SendAsync(PaddedMessage("hola", FrameLimit + 1), WebSocketMessageType.Text, endOfMessage: true);

        await ana.ExpectCloseAsync(1009,
            $"a message of {FrameLimit + 1} bytes is over Chat:MaxFrameBytes {FrameLimit}, even with a short text: 1009 message too big");
    }

    [Theory]
    [InlineData(new[] { 400, 400, 400 })]
    [InlineData(new[] { FrameLimit / 2, FrameLimit / 2, 1 })]
    [Todo(1, 2, 3, 4)]
    public async Task Fragments_over_MaxFrameBytes_together_are_closed_with_1009(int[] fragments)
    {
        await using var server = StartWithSmallFrames();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        var message = PaddedMessage("hola", fragments.Sum());

        // Each fragment is small; together they are over the limit. The second case reaches the limit exactly with its
        // second fragment, and goes over it by one byte with the third: the message is not over until its last fragment.
        var start = 0;
        for (var i = 0; i < fragments.Length; i++)
        {
            await ana.SendAsync(message[start..(start + fragments[i])], WebSocketMessageType.Text, endOfMessage: i == fragments.Length - 1);
            start += fragments[i];
        }

        await ana.ExpectCloseAsync(1009,
            $"Chat:MaxFrameBytes {FrameLimit} limits a whole message, all its fragments together: {string.Join(" + ", fragments)} bytes is over it");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5)]
    public async Task Fragments_within_MaxFrameBytes_are_one_message()
    {
        await using var server = StartWithSmallFrames();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        var message = PaddedMessage("in three pieces", FrameLimit);

        for (var i = 0; i < 3; i++)
        {
            var end = i == 2 ? message.Length : (i + 1) * 300;
            await ana.SendAsync(message[(i * 300)..end], WebSocketMessageType.Text, endOfMessage: i == 2);
        }
        var received = await ana.ReceiveUntilAsync<ChatMessage>();

        received.Text.Should().Be("in three pieces",
            "three fragments of one message of exactly Chat:MaxFrameBytes ({0}) bytes are read as one whole message, within the limit", FrameLimit);
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Binary_message_is_closed_with_1003()
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "lim-Ana3");

        await ana.SendAsync(Encoding.UTF8.GetBytes(ClientMessages.Message("hola")), WebSocketMessageType.Binary, endOfMessage: true);

        await ana.ExpectCloseAsync(1003, "the chat speaks JSON in text messages: a binary message is unsupported data, 1003");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Client_closed_for_a_limit_is_announced_as_left()
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "lim-Ana4");
        await using var bo = await ChatPeer.JoinAsync(Server, "lim-Bo4");

        await bo.SendMessageAsync(new string('b', 2001));
        await bo.ExpectCloseAsync(1009, "its text is over Chat:MaxMessageLength");
        var left = await ana.ReceiveUntilAsync<Left>(l => l.User.Id == bo.Me.Id, $"for {bo.Me.Id}");

        left.User.Should().Be(bo.Me, "a client the server closed has left like any other, and the others are told");
    }
}
