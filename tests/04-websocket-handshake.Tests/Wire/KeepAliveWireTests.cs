using System.Net.WebSockets;
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

        frame.Should().NotBeNull("with WebSocket:KeepAliveInterval {0}, a quiet connection gets a ping from keep-alive (TODO 11) well within 5 s", Interval);
        frame!.Opcode.Should().Be(0x9, "keep-alive asks with a ping; the server sent: {0}", frame);
    }

    [Fact]
    [Todo(1, 2, 3, 7, 11)]
    public async Task Client_that_never_pongs_is_closed_with_1001()
    {
        await using var server = StartWithShortKeepAlive();
        using var socket = await server.OpenRawAsync();

        var frames = await socket.ReceiveUntilCloseAsync(TimeSpan.FromSeconds(5));

        frames.Should().NotBeEmpty("a client that does not answer the ping is closed with a close frame, not dropped");
        frames[0].Opcode.Should().Be(0x9, "first the ping; the server sent: {0}", RawWebSocket.Describe(frames));
        frames[^1].CloseCode.Should().Be(1001,
            "no pong within WebSocket:KeepAliveTimeout ({0}): the server gives up on the client with 1001 going away; the server sent: {1}",
            Timeout, RawWebSocket.Describe(frames));
        (await socket.ServerClosesAsync(TimeSpan.FromSeconds(5))).Should().BeTrue("and then it closes the TCP connection");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6, 7, 8, 10, 11)]
    public async Task Client_that_answers_pings_stays_connected()
    {
        await using var server = StartWithShortKeepAlive();
        // ClientWebSocket answers pings by itself while a receive is waiting.
        using var client = await server.ConnectAsync();
        var receiving = EchoWireTests.ReceiveMessageAsync(client);

        await Task.Delay((Interval + Timeout) * 3, TestContext.Current.CancellationToken);
        receiving.IsCompleted.Should().BeFalse("the client answered every ping, so the connection should still be open, but it ended: {0}",
            receiving.IsCompleted ? Describe(await receiving) : "");
        await client.SendAsync("still here"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);
        var echo = await receiving;

        Encoding.UTF8.GetString(echo.Payload).Should().Be("still here", "after several rounds of ping and pong the echo still works; the client got: {0}", Describe(echo));
    }

    private static string Describe((WebSocketMessageType Type, byte[] Payload, WebSocketCloseStatus? Close, string? Reason) received) =>
        received.Type == WebSocketMessageType.Close ? $"close {(int?)received.Close} \"{received.Reason}\"" : $"{received.Type} \"{Encoding.UTF8.GetString(received.Payload)}\"";
}
