using Workshop.Testing;

namespace WebSocketHandshake.Tests.Wire;

/// <summary>Keep-alive on a live connection, with short settings: pings on a quiet connection, and a close when no pong comes.</summary>
[RunsLong(4)]
public sealed class KeepAliveWireTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(400);

    private static EchoServer StartWithShortKeepAlive() => EchoServer.Start(new Dictionary<string, string?>
    {
        ["WebSocket:KeepAliveInterval"] = Interval.ToString(),
        ["WebSocket:KeepAliveTimeout"] = Timeout.ToString(),
    });

    [Fact]
    [Todo(1, 2, 3, 7, 11)]
    public async Task Quiet_connection_is_pinged_after_the_interval()
    {
        await using var server = StartWithShortKeepAlive();
        using var socket = await server.OpenRawAsync();

        var frame = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));

        frame.Should().NotBeNull("with WebSocket:KeepAliveInterval at {0} ms, a quiet connection gets a ping from keep-alive (TODO 11) well within 5 s",
            Interval.TotalMilliseconds);
        frame!.Opcode.Should().Be(0x9, "keep-alive asks with a ping; the server sent: {0}", frame);
    }

    [Fact]
    [Todo(1, 2, 3, 7, 11)]
    public async Task Client_that_never_pongs_is_closed_with_1001()
    {
        await using var server = StartWithShortKeepAlive();
        using var socket = await server.OpenRawAsync();

        var frames = await socket.ReceiveUntilCloseAsync(TimeSpan.FromSeconds(5));

        frames.Should().NotBeEmpty("keep-alive (TODO 11) pings a quiet connection after {0} ms, and closes it with a close frame {1} ms later "
            + "when no pong came; the server sent nothing at all", Interval.TotalMilliseconds, Timeout.TotalMilliseconds);
        frames[0].Opcode.Should().Be(0x9, "first the ping; the server sent: {0}", RawWebSocket.Describe(frames));
        frames[^1].CloseCode.Should().Be(1001,
            "no pong within WebSocket:KeepAliveTimeout ({0} ms): the server gives up on the client with 1001 going away; the server sent: {1}",
            Timeout.TotalMilliseconds, RawWebSocket.Describe(frames));
        (await socket.ServerClosesAsync(TimeSpan.FromSeconds(5))).Should().BeTrue("and then it closes the TCP connection");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6, 7, 8, 10, 11)]
    public async Task Client_that_answers_pings_stays_connected()
    {
        await using var server = StartWithShortKeepAlive();
        using var socket = await server.OpenRawAsync();

        // Three rounds of ping and pong: each pong starts a new quiet interval, after which the next ping comes.
        for (var round = 1; round <= 3; round++)
        {
            var frame = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));
            frame.Should().NotBeNull("in round {0}, keep-alive (TODO 11) should ping the quiet connection {1} ms after the last pong", round,
                Interval.TotalMilliseconds);
            frame!.Opcode.Should().Be(0x9, "in round {0} keep-alive asks with a ping, and the client answered every ping before it; the server sent: {1}",
                round, frame);
            await socket.SendAsync(ClientFrames.Frame(0xA, frame.Payload));
        }
        await socket.SendAsync(ClientFrames.Text("still here"));
        var echo = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));

        echo.Should().NotBeNull("the client answered every ping, so the connection is open and echoes");
        echo!.Text.Should().Be("still here", "the client answered every ping with its pong: a pong moves the quiet time on and clears the "
            + "waiting ping, so keep-alive (TODO 11) must not give up on it; the server sent: {0}", echo);
    }
}
