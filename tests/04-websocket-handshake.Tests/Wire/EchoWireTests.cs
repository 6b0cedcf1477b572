using System.Net.WebSockets;

namespace WebSocketHandshake.Tests.Wire;

/// <summary>
/// .NET's own ClientWebSocket talks to the server: every message comes back, whole, whatever frames it travelled in.
/// These need the handshake, the codec, the assembler and the frame handler: TODOs 1 to 8 and 10.
/// </summary>
[Todo(1, 2, 3, 4, 5, 6, 7, 8, 10)]
public sealed class EchoWireTests(SharedEchoServer shared) : IClassFixture<SharedEchoServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static async Task<(WebSocketMessageType Type, byte[] Payload, WebSocketCloseStatus? Close, string? Reason)> ReceiveMessageAsync(ClientWebSocket client)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await client.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (result.MessageType, message.ToArray(), result.CloseStatus, result.CloseStatusDescription);
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, message.ToArray(), null, null);
            }
        }
    }

    private static string Describe((WebSocketMessageType Type, byte[] Payload, WebSocketCloseStatus? Close, string? Reason) received) =>
        received.Type == WebSocketMessageType.Close
            ? $"the server closed the connection with {(int?)received.Close} \"{received.Reason}\""
            : $"a {received.Type} message of {received.Payload.Length} bytes";

    [Fact]
    public async Task Text_message_is_echoed()
    {
        using var client = await shared.Server.ConnectAsync();

        await client.SendAsync("¡Hola, WebSocket! 👋"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, Cancel);
        var received = await ReceiveMessageAsync(client);

        received.Type.Should().Be(WebSocketMessageType.Text, "a text message comes back as text; the client got {0}", Describe(received));
        Encoding.UTF8.GetString(received.Payload).Should().Be("¡Hola, WebSocket! 👋");
    }

    [Fact]
    public async Task Binary_message_is_echoed()
    {
        using var client = await shared.Server.ConnectAsync();
        var payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        await client.SendAsync(payload, WebSocketMessageType.Binary, endOfMessage: true, Cancel);
        var received = await ReceiveMessageAsync(client);

        received.Type.Should().Be(WebSocketMessageType.Binary, "a binary message comes back as binary; the client got {0}", Describe(received));
        received.Payload.Should().Equal(payload);
    }

    [Theory]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    public async Task Message_up_to_the_limit_is_echoed(int length)
    {
        using var client = await shared.Server.ConnectAsync();
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        await client.SendAsync(payload, WebSocketMessageType.Binary, endOfMessage: true, Cancel);
        var received = await ReceiveMessageAsync(client);

        received.Payload.Should().Equal(payload,
            "a message of {0} bytes is within the default limit of 65,536 and must come back byte for byte; the client got {1}", length, Describe(received));
    }

    [Fact]
    public async Task Fragmented_message_is_echoed_whole()
    {
        using var client = await shared.Server.ConnectAsync();

        await client.SendAsync("Hel"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: false, Cancel);
        await client.SendAsync("lo, "u8.ToArray(), WebSocketMessageType.Text, endOfMessage: false, Cancel);
        await client.SendAsync("fragments"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, Cancel);
        var received = await ReceiveMessageAsync(client);

        Encoding.UTF8.GetString(received.Payload).Should().Be("Hello, fragments",
            "three frames (text without FIN, continuation, continuation with FIN) are one message; the client got {0}", Describe(received));
    }

    [Fact]
    public async Task Messages_come_back_in_order()
    {
        using var client = await shared.Server.ConnectAsync();
        var expected = Enumerable.Range(0, 20).Select(i => $"message {i}").ToList();
        var receiving = ReceiveTextsAsync(client, expected.Count);

        try
        {
            foreach (var text in expected)
            {
                await client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, Cancel);
            }
        }
        catch (WebSocketException)
        {
            // The server ended the connection before every message was sent: what it said is in what the client got.
        }
        var received = await receiving;

        received.Should().Equal(expected, "one connection keeps the order of its messages; the client got: {0}", string.Join(", ", received));
    }

    /// <summary>The texts of the next <paramref name="count"/> messages, or those before the server's close, and the close.</summary>
    private static async Task<List<string>> ReceiveTextsAsync(ClientWebSocket client, int count)
    {
        var received = new List<string>();
        while (received.Count < count)
        {
            var message = await ReceiveMessageAsync(client);
            if (message.Type == WebSocketMessageType.Close)
            {
                received.Add(Describe(message));
                break;
            }
            received.Add(Encoding.UTF8.GetString(message.Payload));
        }
        return received;
    }

    [Fact]
    public async Task Message_over_the_limit_is_closed_with_1009()
    {
        using var client = await shared.Server.ConnectAsync();

        await client.SendAsync(new byte[40_000], WebSocketMessageType.Binary, endOfMessage: false, Cancel);
        await client.SendAsync(new byte[40_000], WebSocketMessageType.Binary, endOfMessage: true, Cancel);
        var received = await ReceiveMessageAsync(client);

        received.Close.Should().Be(WebSocketCloseStatus.MessageTooBig,
            "80,000 bytes in two fragments is over the limit of 65,536: the server closes with 1009; the client got {0}", Describe(received));
    }
}
