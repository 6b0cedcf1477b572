namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// A page that reconnects asks for what it missed with `after` (and `serverId`): the kept messages come right after
/// the welcome, before the count. It needs messages sent (TODO 4) and kept by the broadcast (TODO 5), and the join
/// (TODO 3) that sends them, through the outbox (TODO 2), on an accepted connection (TODO 1).
/// Each test has a server of its own, so the ids are the test's own.
/// </summary>
[Todo(1, 2, 3, 4, 5)]
public sealed class CatchUpTests
{
    private static async Task<List<ChatMessage>> SendAsync(ChatPeer sender, params string[] texts)
    {
        foreach (var text in texts)
        {
            await sender.SendMessageAsync(text);
        }
        return await sender.ReceiveManyAsync<ChatMessage>(texts.Length);
    }

    /// <summary>What a newcomer got between its welcome and its count, by type and id.</summary>
    private static async Task<List<Received>> CatchUpAsync(ChatPeer peer)
    {
        var between = new List<Received>();
        while (true)
        {
            var next = await peer.ReceiveAsync("the catch-up, then a `presence`");
            if (next.Is<Presence>())
            {
                return between;
            }
            between.Add(next);
        }
    }

    private static string Show(IEnumerable<Received> messages) => string.Join(", ", messages.Select(m => m.ToString()));

    [Fact]
    public async Task Catch_up_sends_the_messages_after_the_given_id_between_welcome_and_presence()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        var sent = await SendAsync(ana, "one", "two", "three");

        await using var back = await ChatPeer.JoinAsync(server, "Bo", $"after={sent[0].Id}&serverId={Uri.EscapeDataString(ana.Welcome!.ServerId)}");
        var between = await CatchUpAsync(back);

        back.Welcome!.LastId.Should().Be(sent[^1].Id, "`lastId` in the welcome is the id of the newest message");
        between.Should().AllSatisfy(m => m.Type.Should().Be("message", "only chat messages come between the welcome and the count"));
        between.Select(m => m.As<ChatMessage>()).Should().BeEquivalentTo(sent[1..], options => options.WithStrictOrdering(),
            "with after={0}, the kept messages with a greater id come, oldest first, exactly as they were first sent; got: {1}",
            sent[0].Id, Show(between));
    }

    [Fact]
    public async Task Catch_up_after_the_last_id_sends_nothing()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        var sent = await SendAsync(ana, "one", "two");

        await using var back = await ChatPeer.JoinAsync(server, "Bo", $"after={sent[^1].Id}&serverId={Uri.EscapeDataString(ana.Welcome!.ServerId)}");
        var between = await CatchUpAsync(back);

        between.Should().BeEmpty("the page has seen every message up to {0}, the newest: nothing to catch up; got: {1}", sent[^1].Id, Show(between));
    }

    [Fact]
    public async Task Only_the_last_HistoryLength_messages_are_kept_for_catch_up()
    {
        await using var server = ChatServer.Start(new Dictionary<string, string?> { ["Chat:HistoryLength"] = "5" });
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        var sent = await SendAsync(ana, "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8");

        await using var back = await ChatPeer.JoinAsync(server, "Bo", $"after=0&serverId={Uri.EscapeDataString(ana.Welcome!.ServerId)}");
        var between = await CatchUpAsync(back);

        between.Where(m => m.Is<ChatMessage>()).Select(m => m.As<ChatMessage>().Text).Should().Equal(["m4", "m5", "m6", "m7", "m8"],
            "with Chat:HistoryLength 5 the server keeps the 5 newest messages only, and sends those; got: {0}", Show(between));
    }

    [Fact]
    public async Task Different_serverId_gets_every_kept_message()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        var sent = await SendAsync(ana, "one", "two", "three");
        var otherServer = ana.Welcome!.ServerId == "an-older-server" ? "yet-another-server" : "an-older-server";

        // The page saw up to id 2 of a server that has since restarted: its ids mean nothing here.
        await using var back = await ChatPeer.JoinAsync(server, "Bo", $"after=2&serverId={otherServer}");
        var between = await CatchUpAsync(back);

        between.Where(m => m.Is<ChatMessage>()).Select(m => m.As<ChatMessage>().Id).Should().Equal(sent.Select(m => m.Id),
            "a serverId other than the running server's ({0}) means the server restarted and its ids began again: `after` is ignored " +
            "and every kept message is sent; got: {1}", ana.Welcome.ServerId, Show(between));
    }
}
