using System.Diagnostics;
using System.Globalization;
using Workshop.Testing;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// One client that stops reading must not slow the room down: every client has its own bounded queue and its own
/// sender (the outbox, TODO 2), and the broadcast only enqueues (TODO 5). When the stalled client's queue overflows,
/// it is closed and announced as left. It needs the whole server: TODOs 1 to 5.
/// </summary>
[RunsLong(2.3)]
public sealed class SlowConsumerTests
{
    private const int QueueLength = 8;
    private const int InFlight = 4;
    private const int Cap = 60_000;
    private static readonly TimeSpan SendingLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(5);

    [Fact]
    [Todo(1, 2, 3, 4, 5)]
    public async Task Client_that_never_reads_is_dropped_without_delaying_the_others()
    {
        await using var server = ChatServer.Start(new Dictionary<string, string?>
        {
            ["Chat:QueueLength"] = QueueLength.ToString(CultureInfo.InvariantCulture),
        });
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        await using var bo = await ChatPeer.JoinAsync(server, "Bo");
        await using var eva = await ChatPeer.JoinAsync(server, "Eva");
        // A raw client with a tiny TCP receive window that reads its handshake's answer and then nothing at all.
        using var stalled = await RawChatPeer.OpenAsync(server, "nickname=Stalled", receiveBufferSize: 1024);
        var stalledUser = (await ana.ReceiveUntilAsync<Joined>(j => j.User.Nickname == "Stalled", "for Stalled")).User;
        await Task.WhenAll(bo.ReceiveUntilAsync<Joined>(j => j.User == stalledUser), eva.ReceiveUntilAsync<Joined>(j => j.User == stalledUser));

        // Bo and Eva read all the time, and check each message as it comes: in order, and how long it took.
        var sentAt = new long[Cap];
        var finished = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new int[2];
        var following = new[] { bo, eva }.Select((peer, i) => FollowAsync(peer, stalledUser, sentAt, finished.Task, () => Interlocked.Increment(ref received[i]))).ToArray();

        // Ana talks: messages of ~1,900 characters, a few in flight at a time, until the stalled client is announced as
        // left, or the limits are reached. In flight means not yet back to Ana, or not yet read by Bo or Eva: however
        // busy the machine, an honest reader is never more than InFlight messages behind, well inside its queue of
        // QueueLength, so only the client that reads nothing can overflow its queue.
        var padding = new string('x', 1900);
        var sent = 0;
        var inFlight = 0;
        var dropped = false;
        var clock = Stopwatch.StartNew();
        try
        {
            while (!dropped && sent < Cap && clock.Elapsed < SendingLimit)
            {
                var slowestReader = Math.Min(Volatile.Read(ref received[0]), Volatile.Read(ref received[1]));
                if (inFlight < InFlight && sent - slowestReader < InFlight)
                {
                    Volatile.Write(ref sentAt[sent], Stopwatch.GetTimestamp());
                    await ana.SendMessageAsync($"{sent}:{padding}");
                    sent++;
                    inFlight++;
                    continue;
                }
                if (inFlight == 0)
                {
                    // Ana has all her copies back; Bo or Eva is still reading.
                    await Task.Delay(1, TestContext.Current.CancellationToken);
                    continue;
                }
                var next = await NextForAnaAsync(ana, sent);
                ana.ForgetTaken();
                if (next.Is<ChatMessage>())
                {
                    inFlight--;
                }
                else if (next.Is<Left>() && next.As<Left>().User == stalledUser)
                {
                    dropped = true;
                }
            }
        }
        finally
        {
            finished.TrySetResult(sent);
        }
        var droppedAfter = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Stalled client {(dropped ? "dropped" : "NOT dropped")} after {sent} messages ({sent * 1.9 / 1000:0.0} MB) in {droppedAfter.TotalMilliseconds:0} ms");

        dropped.Should().BeTrue(
            "with Chat:QueueLength {0}, a client that reads nothing fills its TCP buffers, then its queue, and is closed (1008) and announced " +
            "as `left`; after {1} messages ({2:0.0} MB, {3:0.0} s) it still had not been", QueueLength, sent, sent * 1.9 / 1000, droppedAfter.TotalSeconds);
        foreach (var (peer, delays) in new[] { bo, eva }.Zip(await Task.WhenAll(following)))
        {
            delays.Sort();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{peer.Name} got all {delays.Count}: delivery median {delays[delays.Count / 2].TotalMilliseconds:0.0} ms, " +
                $"99th percentile {delays[delays.Count * 99 / 100].TotalMilliseconds:0.0} ms, slowest {delays[^1].TotalMilliseconds:0.0} ms");
            delays[^1].Should().BeLessThan(DeliveryBound,
                "the stalled client must not hold up the others: no message to {0} should take seconds (a broadcast that waits for " +
                "each client's send would stall everyone behind the slowest)", peer.Name);
        }
    }

    /// <summary>
    /// Reads <paramref name="peer"/>'s messages as they come until it has every one Ana sent and the stalled client's
    /// `left`; checks their order on the way, calls <paramref name="readOne"/> for each message, and returns each
    /// message's delivery time.
    /// </summary>
    private static async Task<List<TimeSpan>> FollowAsync(ChatPeer peer, User stalledUser, long[] sentAt, Task<int> finished, Action readOne)
    {
        var delays = new List<TimeSpan>();
        var sawLeft = false;
        var quiet = Stopwatch.StartNew();
        while (!(sawLeft && finished.IsCompleted && delays.Count == await finished))
        {
            var next = await peer.TryReceiveAsync(TimeSpan.FromMilliseconds(200), $"Ana's message {delays.Count}");
            if (next is null)
            {
                quiet.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30),
                    "{0} reads all the time and should get every message Ana sent, and the stalled client's `left`; it has {1} messages {2}",
                    peer.Name, delays.Count, sawLeft ? "and the `left`" : "and no `left`");
                continue;
            }
            quiet.Restart();
            peer.ForgetTaken();
            if (next.Is<ChatMessage>())
            {
                var index = int.Parse(next.As<ChatMessage>().Text.Split(':')[0], CultureInfo.InvariantCulture);
                index.Should().Be(delays.Count,
                    "{0} receives every one of Ana's messages, in the order she sent them, whatever the stalled client does", peer.Name);
                delays.Add(Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[index]), next.At));
                readOne();
            }
            else if (next.Is<Left>() && next.As<Left>().User == stalledUser)
            {
                sawLeft = true;
            }
        }
        return delays;
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
