using System.Net.WebSockets;

namespace WebSocketHandshake.Tests.Wire;

/// <summary>The closing handshake: the client says goodbye with a code, the server answers with the same, and hangs up.</summary>
[Todo(1, 2, 3, 4, 5, 6, 7, 9, 10)]
public sealed class CloseWireTests(SharedEchoServer shared) : IClassFixture<SharedEchoServer>
{
    [Fact]
    public async Task Close_from_ClientWebSocket_is_answered_with_its_code_and_reason()
    {
        using var client = await shared.Server.ConnectAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));

        await client.CloseAsync((WebSocketCloseStatus)4001, "done for today", timeout.Token);

        client.State.Should().Be(WebSocketState.Closed, "the closing handshake completed: a close frame each way");
        ((int?)client.CloseStatus).Should().Be(4001, "the server echoes the code it received (RFC 6455 §5.5.1)");
        client.CloseStatusDescription.Should().Be("done for today", "and the reason with it");
    }

    [Fact]
    public async Task Server_closes_tcp_after_answering_a_close()
    {
        using var socket = await shared.Server.OpenRawAsync();

        await socket.SendAsync(ClientFrames.Close(1000, "bye"));
        var frames = await socket.ReceiveUntilCloseAsync();

        frames.Should().ContainSingle("the server answers a close with exactly one close frame; it sent: {0}", RawWebSocket.Describe(frames));
        frames[0].CloseCode.Should().Be(1000, "the server echoes 1000; it sent: {0}", RawWebSocket.Describe(frames));
        frames[0].CloseReason.Should().Be("bye");
        (await socket.ServerClosesAsync(TimeSpan.FromSeconds(2))).Should().BeTrue(
            "after the closing handshake the server closes the TCP connection first (RFC 6455 §7.1.1), at once");
    }

    [Fact]
    public async Task Empty_close_on_the_wire_gets_an_empty_close()
    {
        using var socket = await shared.Server.OpenRawAsync();

        await socket.SendAsync(ClientFrames.Frame(0x8, []));
        var frames = await socket.ReceiveUntilCloseAsync();

        frames.Should().ContainSingle("the server sent: {0}", RawWebSocket.Describe(frames));
        frames[0].IsClose.Should().BeTrue("the server sent: {0}", RawWebSocket.Describe(frames));
        frames[0].Payload.Should().BeEmpty("a close without a code is answered without one; the server sent: {0}", RawWebSocket.Describe(frames));
    }

    [Fact]
    public async Task Messages_before_a_close_are_echoed_first()
    {
        using var socket = await shared.Server.OpenRawAsync();

        await socket.SendAsync([.. ClientFrames.Text("last words"), .. ClientFrames.Close(1000)]);
        var frames = await socket.ReceiveUntilCloseAsync();

        frames.Select(frame => frame.ToString()).Should().Equal(["text \"last words\"", "close 1000 \"\""],
            "frames are handled in order: the echo, then the answer to the close");
    }
}
