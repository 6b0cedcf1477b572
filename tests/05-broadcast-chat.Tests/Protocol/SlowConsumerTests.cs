using System.Diagnostics;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// One client that stops reading must not slow the room down: every client has its own bounded queue and its own
/// sender (the outbox, TODO 3), and the broadcast only enqueues (TODO 4). When the stalled client's queue overflows,
/// it is closed and announced as left. It needs the whole server: TODOs 1 to 5.
/// </summary>
public sealed class SlowConsumerTests
{
    private const int QueueLength = 8;
    private const int InFlight = 4;
    private const int Cap = 50_000;
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(5);

    [Fact]
    [Todo(1, 2, 3, 4, 5)]
    public async Task Client_that_never_reads_is_dropped_without_delaying_the_others()
    {
        await using var server = ChatServer.Start(new Dictionary<string, string?>
        {
            ["Chat:QueueLength"] = QueueLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        await using var bo = await ChatPeer.JoinAsync(server, "Bo");
        await using var eva = await ChatPeer.JoinAsync(server, "Eva");
        // A raw client with a tiny TCP receive window that reads its handshake's answer and then nothing at all.
        using var stalled = await RawChatPeer.OpenAsync(server, "nickname=Stalled", receiveBufferSize: 1024);
        var stalledUser = (await ana.ReceiveUntilAsync<Joined>(j => j.User.Nickname == "Stalled", "for Stalled")).User;
        await Task.WhenAll(bo.ReceiveUntilAsync<Joined>(j => j.User == stalledUser), eva.ReceiveUntilAsync<Joined>(j => j.User == stalledUser));

        // Ana talks: messages of ~1,900 characters, a few in flight at a time (she waits for her own copies to come
        // back), until the stalled client is announced as left, or the cap is reached.
        var padding = new string('x', 1900);
        var sentAt = new List<long>();
        var inFlight = 0;
        Left? left = null;
        var clock = Stopwatch.StartNew();
        while (left is null && sentAt.Count < Cap)
        {
            if (inFlight < InFlight)
            {
                sentAt.Add(Stopwatch.GetTimestamp());
                await ana.SendMessageAsync($"{sentAt.Count - 1}:{padding}");
                inFlight++;
                continue;
            }
            var next = await NextForAnaAsync(ana, sentAt.Count);
            if (next.Is<ChatMessage>())
            {
                inFlight--;
            }
            else if (next.Is<Left>() && next.As<Left>().User == stalledUser)
            {
                left = next.As<Left>();
            }
        }
        var sent = sentAt.Count;
        var droppedAfter = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Stalled client {(left is null ? "NOT dropped" : "dropped")} after {sent} messages ({sent * 1.9 / 1000:0.0} MB) in {droppedAfter.TotalMilliseconds:0} ms");

        left.Should().NotBeNull(
            "with Chat:QueueLength {0}, a client that reads nothing fills its TCP buffers, then its queue, and is closed (1008) and announced " +
            "as `left`; after {1} messages ({2:0.0} MB) it still had not been", QueueLength, sent, sent * 1.9 / 1000);

        foreach (var peer in new[] { bo, eva })
        {
            var messages = await peer.ReceiveManyAsync<ChatMessage>(sent, TimeSpan.FromSeconds(30));
            messages.Select(m => m.Text.Split(':')[0]).Should().Equal(Enumerable.Range(0, sent).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "{0} reads all the time: it receives every one of Ana's {1} messages, in order, whatever the stalled client does", peer.Name, sent);
            var arrivals = peer.Taken.Where(m => m.Is<ChatMessage>()).TakeLast(sent).Select(m => m.At).ToList();
            var delays = arrivals.Select((at, i) => Stopwatch.GetElapsedTime(sentAt[i], at)).Order().ToList();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{peer.Name}: delivery median {delays[delays.Count / 2].TotalMilliseconds:0.0} ms, " +
                $"99th percentile {delays[delays.Count * 99 / 100].TotalMilliseconds:0.0} ms, slowest {delays[^1].TotalMilliseconds:0.0} ms");
            delays[^1].Should().BeLessThan(DeliveryBound,
                "the stalled client must not hold up the others: no message to {0} should take seconds (a broadcast that waits for " +
                "each client's send would stall everyone behind the slowest)", peer.Name);
            if (!peer.Taken.Any(m => m.Is<Left>() && m.As<Left>().User == stalledUser))
            {
                await peer.ReceiveUntilAsync<Left>(l => l.User == stalledUser, "for the stalled client");
            }
        }
    }

    /// <summary>Ana's next message; when none comes, says what that means here.</summary>
    private static async Task<Received> NextForAnaAsync(ChatPeer ana, int sent)
    {
        try
        {
            return await ana.ReceiveAsync("her own message back");
        }
        catch (ChatProtocolException exception)
        {
            throw new ChatProtocolException(
                $"After {sent} messages the sender stopped getting her own messages back while one client did not read: the broadcast " +
                $"seems to wait for the stalled client instead of leaving its messages in its own queue.\n{exception.Message}", exception);
        }
    }
}
