namespace WebSocketHandshake.Tests.Wire;

/// <summary>
/// Broken frames sent as raw bytes: each one is answered with a close frame with the right code, before the TCP
/// connection closes. Never a connection just dropped, never an answer to garbage. All the codec's TODOs, 1 to 10.
/// </summary>
[Todo(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]
public sealed class ProtocolErrorWireTests(SharedEchoServer shared) : IClassFixture<SharedEchoServer>
{
    private static readonly Dictionary<string, (byte[] Bytes, int Code)> Cases = new()
    {
        ["an unmasked text frame"] = (ClientFrames.Frame(0x1, "Hello"u8.ToArray(), mask: false), 1002),
        ["RSV1 set"] = (ClientFrames.Frame(0x1, "Hello"u8.ToArray(), rsv: 0b100), 1002),
        ["RSV3 set"] = (ClientFrames.Frame(0x2, [1], rsv: 0b001), 1002),
        ["reserved opcode 0x3"] = (ClientFrames.Frame(0x3, []), 1002),
        ["reserved control opcode 0xB"] = (ClientFrames.Frame(0xB, []), 1002),
        ["a ping of 126 bytes"] = (ClientFrames.Frame(0x9, new byte[126]), 1002),
        ["a fragmented ping"] = (ClientFrames.Frame(0x9, "Hel"u8.ToArray(), fin: false), 1002),
        ["a continuation with no message started"] = (ClientFrames.Frame(0x0, "lo"u8.ToArray()), 1002),
        ["a new text message inside a fragmented one"] = ([.. ClientFrames.Text("Hel", fin: false), .. ClientFrames.Text("Hello")], 1002),
        ["a close with a 1-byte payload"] = (ClientFrames.Frame(0x8, [0x03]), 1002),
        ["a close with code 1005"] = (ClientFrames.Close(1005), 1002),
        ["a close with code 999"] = (ClientFrames.Close(999), 1002),
        ["a 64-bit length with its top bit set"] = (ClientFrames.HeaderDeclaring(0x8000_0000_0000_0005), 1002),
        ["text that is not UTF-8"] = (ClientFrames.Frame(0x1, [0xCE, 0xBA, 0xE1, 0xBD, 0xB9, 0xED, 0xA0, 0x80, 0x65]), 1007),
        ["text whose last fragment cuts a character"] = ([.. ClientFrames.Frame(0x1, [0x48, 0xE2], fin: false), .. ClientFrames.Frame(0x0, [0x82])], 1007),
        ["a close reason that is not UTF-8"] = (ClientFrames.Frame(0x8, [0x03, 0xE8, 0xFF]), 1007),
        ["a frame of 65,537 bytes"] = ([.. ClientFrames.Frame(0x2, new byte[65537])], 1009),
        ["two fragments of 40,000 bytes"] = ([.. ClientFrames.Frame(0x2, new byte[40000], fin: false), .. ClientFrames.Frame(0x0, new byte[40000])], 1009),
        ["a frame that declares 2^62 bytes"] = (ClientFrames.HeaderDeclaring(1UL << 62), 1009),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Protocol_error_is_answered_with_its_close_code(string what)
    {
        var (bytes, code) = Cases[what];
        using var socket = await shared.Server.OpenRawAsync();

        await socket.SendAsync(bytes);
        var frames = await socket.ReceiveUntilCloseAsync();

        frames.Should().NotBeEmpty("after {0} the server must send a close frame before it closes TCP, not just drop the connection", what);
        var close = frames[^1];
        close.IsClose.Should().BeTrue("after {0} the server closes with a close frame; it sent: {1}", what, RawWebSocket.Describe(frames));
        close.CloseCode.Should().Be(code, "{0} is closed with {1}; the server sent: {2}", what, code, RawWebSocket.Describe(frames));
        close.Masked.Should().BeFalse("a server never masks its frames");
        frames.Should().ContainSingle("broken input gets no answer but the close frame; the server sent: {0}", RawWebSocket.Describe(frames));

        await socket.SendAsync(ClientFrames.Close((ushort)code));
        (await socket.ServerClosesAsync(TimeSpan.FromSeconds(5))).Should().BeTrue("once the closing handshake is done, the server closes the TCP connection");
    }

    [Fact]
    public async Task Frame_split_into_single_bytes_is_understood()
    {
        using var socket = await shared.Server.OpenRawAsync();

        foreach (var b in ClientFrames.Text("one byte at a time"))
        {
            await socket.SendAsync([b]);
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
        var echo = await socket.ReceiveAsync();

        echo.Should().NotBeNull("TCP may deliver a frame a byte at a time; the server must wait for the rest, not fail");
        echo!.IsClose.Should().BeFalse("TCP may deliver a frame a byte at a time: the server waits for the rest of it, then echoes it; "
            + "the server sent: {0}", echo);
        Encoding.UTF8.GetString(echo.Payload).Should().Be("one byte at a time", "the server sent: {0}", echo);
    }

    [Fact]
    public async Task Ping_is_answered_with_a_pong_carrying_its_payload_on_the_wire()
    {
        using var socket = await shared.Server.OpenRawAsync();

        await socket.SendAsync(ClientFrames.Frame(0x9, "Hello"u8.ToArray()));
        var pong = await socket.ReceiveAsync();

        pong.Should().NotBeNull("a ping is answered");
        pong!.Opcode.Should().Be(0xA, "the answer to a ping is a pong; the server sent: {0}", pong);
        pong.Payload.Should().Equal("Hello"u8.ToArray(), "the pong carries the ping's payload (RFC 6455 §5.5.3)");
        pong.Masked.Should().BeFalse();
    }

    [Fact]
    public async Task Ping_between_fragments_gets_its_pong_before_the_echo()
    {
        using var socket = await shared.Server.OpenRawAsync();

        await socket.SendAsync([
            .. ClientFrames.Text("Hel", fin: false),
            .. ClientFrames.Frame(0x9, "in between"u8.ToArray()),
            .. ClientFrames.Frame(0x0, "lo"u8.ToArray())]);
        var first = await socket.ReceiveAsync();
        var second = await socket.ReceiveAsync();

        first?.Opcode.Should().Be(0xA, "the ping is answered at once, in the middle of the message; the server sent: {0}", first);
        second.Should().NotBeNull();
        Encoding.UTF8.GetString(second!.Payload).Should().Be("Hello", "the message around the ping is still whole; the server sent: {0}", second);
    }

    [Fact]
    public async Task Character_split_between_fragments_is_echoed()
    {
        using var socket = await shared.Server.OpenRawAsync();
        var euro = "€"u8.ToArray();

        await socket.SendAsync([.. ClientFrames.Frame(0x1, [euro[0]], fin: false), .. ClientFrames.Frame(0x0, [euro[1], euro[2]])]);
        var echo = await socket.ReceiveAsync();

        echo.Should().NotBeNull();
        echo!.IsClose.Should().BeFalse("'€' split between two fragments is valid UTF-8 as a message; the server sent: {0}", echo);
        Encoding.UTF8.GetString(echo.Payload).Should().Be("€");
    }
}
