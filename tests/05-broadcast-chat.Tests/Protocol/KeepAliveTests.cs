using System.Diagnostics;
using Workshop.Testing;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// Keep-alive, with short settings: the server pings every Chat:KeepAliveInterval, and drops a client whose pong does
/// not come within Chat:KeepAliveTimeout. The endpoint accepts the WebSocket with these settings (TODO 1); the others
/// hear of the dropped client through the join and leave (TODO 3) and their outboxes (TODO 2), and its receive loop
/// (TODO 4) is what ends when keep-alive gives up on it.
/// </summary>
[RunsLong(5)]
public sealed class KeepAliveTests
{
    private static ChatServer StartWithShortKeepAlive() => ChatServer.Start(new Dictionary<string, string?>
    {
        ["Chat:KeepAliveInterval"] = "00:00:00.5",
        ["Chat:KeepAliveTimeout"] = "00:00:01",
    });

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Client_that_never_answers_pings_is_dropped_and_announced_as_left()
    {
        await using var server = StartWithShortKeepAlive();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        // A raw client: it completes the handshake, reads what comes, and answers nothing, not even a ping.
        using var silent = await RawChatPeer.OpenAsync(server, "nickname=Silent");
        var clock = Stopwatch.StartNew();

        var (frames, ended) = await silent.ReadWithoutAnsweringAsync(TimeSpan.FromSeconds(15));
        var droppedAfter = clock.Elapsed;
        var left = await ana.ReceiveUntilAsync<Left>(l => l.User.Nickname == "Silent", "for Silent");
        TestContext.Current.TestOutputHelper?.WriteLine($"The silent client was dropped after {droppedAfter.TotalMilliseconds:0} ms; it got: {RawWebSocket.Describe(frames)}");

        frames.Should().Contain(frame => frame.IsPing,
            "with Chat:KeepAliveInterval 0.5 s the server pings a quiet client; the silent client got: {0}", RawWebSocket.Describe(frames));
        ended.Should().BeTrue(
            "with Chat:KeepAliveTimeout 1 s, a client that never answers the ping is dropped well within 15 s; it got: {0}", RawWebSocket.Describe(frames));
        left.User.Nickname.Should().Be("Silent", "the others learn that the dropped client has left");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5)]
    public async Task Client_that_answers_pings_stays_connected()
    {
        await using var server = StartWithShortKeepAlive();
        // ClientWebSocket answers every ping with a pong by itself, while it reads, as a browser does.
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await ana.SendMessageAsync("still here");
        var message = await ana.ReceiveUntilAsync<ChatMessage>();

        message.Text.Should().Be("still here",
            "a client that answers pings survives rounds of keep-alive (0.5 s interval, 1 s timeout) and can still talk");
        ana.Taken.Should().NotContain(m => m.Is<Left>(), "nobody was dropped");
    }
}
