using System.Diagnostics;
using System.Globalization;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// A chat message reaches everyone, the sender included, numbered in the one order every client sees.
/// It needs the whole server: the connection (TODO 1), the join (2), the outbox (3), the broadcast (4) and the
/// receiver that reads what a client sends (5).
/// </summary>
[Todo(1, 2, 3, 4, 5)]
public sealed class BroadcastTests(SharedChatServer shared) : IClassFixture<SharedChatServer>
{
    private ChatServer Server => shared.Server;

    [Fact]
    public async Task Message_reaches_every_client_including_its_sender()
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "bc-Ana");
        await using var bo = await ChatPeer.JoinAsync(Server, "bc-Bo");
        await using var eva = await ChatPeer.JoinAsync(Server, "bc-Eva");

        await ana.SendMessageAsync("hola a todos");

        foreach (var peer in new[] { ana, bo, eva })
        {
            var message = await peer.ReceiveUntilAsync<ChatMessage>(m => m.Text == "hola a todos", "with Ana's text");
            message.From.Should().Be(ana.Me, "{0} got the message with its author: the user who sent it", peer.Name);
        }
    }

    [Fact]
    public async Task Message_carries_id_author_trimmed_text_and_server_time()
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "bc-Ana2");
        var before = DateTimeOffset.UtcNow;

        await ana.SendTextAsync("""{"type":"message","text":"  ¿qué tal? 👋\n "}""");
        var message = await ana.ReceiveUntilAsync<ChatMessage>(m => ana.IsNew(m), "sent after Ana joined");

        var raw = ana.Taken[^1];
        message.Id.Should().BeGreaterThan(0, "chat messages are numbered from 1; the server sent {0}", raw);
        message.From.Should().Be(ana.Me, "`from` is the sender as the welcome named it: {0}", raw);
        message.Text.Should().Be("¿qué tal? 👋", "the text is the client's, trimmed of surrounding white space: {0}", raw);
        message.SentAt.Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$",
            "`sentAt` is ISO 8601 with its UTC offset, such as 2026-12-01T06:00:00.123+00:00: {0}", raw);
        var sentAt = DateTimeOffset.Parse(message.SentAt, CultureInfo.InvariantCulture);
        sentAt.Should().BeCloseTo(before, TimeSpan.FromMinutes(1), "`sentAt` is the server's clock when it accepted the message");
    }

    [Fact]
    public async Task Messages_of_one_sender_get_consecutive_ids_in_the_order_sent()
    {
        await using var ana = await ChatPeer.JoinAsync(Server, "bc-Ana3");

        for (var i = 1; i <= 5; i++)
        {
            await ana.SendMessageAsync($"number {i}");
        }
        var messages = await ana.ReceiveManyAsync<ChatMessage>(5, m => ana.IsNew(m));

        messages.Select(m => m.Text).Should().Equal(["number 1", "number 2", "number 3", "number 4", "number 5"],
            "one client's messages come back in the order it sent them");
        messages.Select(m => m.Id - messages[0].Id).Should().Equal([0, 1, 2, 3, 4],
            "with nobody else talking, the server numbers them one after another: {0}", string.Join(", ", messages.Select(m => m.Id)));
    }

    [Fact]
    public async Task Concurrent_senders_reach_every_client_in_one_order()
    {
        const int Clients = 20;
        const int PerClient = 50;
        // A burst of 1,000 messages at once is about what a client's default queue holds (Chat:QueueLength 1000);
        // this test is about the order, so every client's queue gets room for the whole burst and more.
        await using var server = ChatServer.Start(new Dictionary<string, string?> { ["Chat:QueueLength"] = "1200" });
        var peers = new List<ChatPeer>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                peers.Add(await ChatPeer.JoinAsync(server, $"crowd-{i}"));
            }
            // Everyone knows everyone before the talking starts: the last newcomer's joined has reached them all.
            var last = peers[^1].Me;
            await Task.WhenAll(peers[..^1].Select(peer => peer.ReceiveUntilAsync<Joined>(j => j.User == last, $"for {last}")));

            var clock = Stopwatch.StartNew();
            var received = peers.Select(peer => peer.ReceiveManyAsync<ChatMessage>(Clients * PerClient, TimeSpan.FromSeconds(60))).ToArray();
            await Task.WhenAll(peers.Select(async (peer, index) =>
            {
                for (var n = 0; n < PerClient; n++)
                {
                    await peer.SendMessageAsync($"{index}:{n}");
                }
            }));
            var sequences = await Task.WhenAll(received);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{Clients} clients x {PerClient} messages: every client had all {Clients * PerClient} after {clock.ElapsedMilliseconds} ms");

            var first = sequences[0].Select(m => $"{m.Id} {m.Text}").ToList();
            for (var i = 1; i < Clients; i++)
            {
                sequences[i].Select(m => $"{m.Id} {m.Text}").Should().Equal(first,
                    "every client receives the same messages with the same ids in the same order; {0} differs from {1}",
                    peers[i].Name, peers[0].Name);
            }
            sequences[0].Select(m => m.Id).Should().BeInAscendingOrder("ids follow the order the server accepted the messages in")
                .And.OnlyHaveUniqueItems("each message has its own id");
            (sequences[0][^1].Id - sequences[0][0].Id).Should().Be(Clients * PerClient - 1, "the {0} messages are numbered without gaps", Clients * PerClient);
            foreach (var (peer, index) in peers.Select((peer, index) => (peer, index)))
            {
                sequences[0].Where(m => m.From == peer.Me).Select(m => m.Text)
                    .Should().Equal(Enumerable.Range(0, PerClient).Select(n => $"{index}:{n}"),
                        "each sender's own messages keep the order it sent them in ({0})", peer.Name);
            }
        }
        finally
        {
            await Task.WhenAll(peers.Select(peer => peer.DisposeAsync().AsTask()));
        }
    }
}
