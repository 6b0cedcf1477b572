using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using BroadcastChat.Chat;

namespace BroadcastChat.Tests.Sending;

/// <summary>
/// One client's outbox (TODO 2) on its own: a real WebSocket pair over a loopback TCP connection, the server's end
/// made by the same runtime code that AcceptWebSocketAsync uses, and nothing else of the chat.
/// </summary>
public sealed class OutboxTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    [Todo(2)]
    public async Task Outbox_sends_what_is_queued_in_order_as_whole_text_messages()
    {
        await using var pair = await SocketPair.OpenAsync();
        var outbox = new Outbox(pair.Server, capacity: 10);

        foreach (var text in new[] { "one", "two", "three" })
        {
            outbox.TryEnqueue(Encoding.UTF8.GetBytes(text)).Should().BeTrue("a queue of 10 has room for {0}", text);
        }
        var sending = outbox.SendAllAsync();

        var received = new[] { await pair.ReceiveTextAsync(), await pair.ReceiveTextAsync(), await pair.ReceiveTextAsync() };
        received.Should().Equal(["one", "two", "three"], "the sender loop sends the queue in the order it was filled, each as one text message");
        sending.IsCompleted.Should().BeFalse("the sender loop waits for more until the outbox closes");
        outbox.Close(WebSocketCloseStatus.NormalClosure, "", dropQueued: true);
        await sending.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
    }

    [Fact]
    [Todo(2)]
    public async Task Outbox_sends_a_message_queued_while_its_loop_waits()
    {
        await using var pair = await SocketPair.OpenAsync();
        var outbox = new Outbox(pair.Server, capacity: 10);
        var sending = outbox.SendAllAsync();

        await Task.Delay(TimeSpan.FromMilliseconds(100), Cancel);
        outbox.TryEnqueue("later"u8.ToArray()).Should().BeTrue();

        (await pair.ReceiveTextAsync()).Should().Be("later", "a sender loop that found its queue empty waits for the next message, it does not end");
        outbox.Close(WebSocketCloseStatus.NormalClosure, "", dropQueued: true);
        await sending.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
    }

    [Fact]
    [Todo(2)]
    public async Task Closed_outbox_sends_what_was_queued_then_the_close_frame()
    {
        await using var pair = await SocketPair.OpenAsync();
        var outbox = new Outbox(pair.Server, capacity: 10);
        outbox.TryEnqueue("last words"u8.ToArray());
        outbox.Close(WebSocketCloseStatus.EndpointUnavailable, "the server is shutting down", dropQueued: false);

        var sending = outbox.SendAllAsync();

        (await pair.ReceiveTextAsync()).Should().Be("last words", "a close that keeps the queue sends what was queued first");
        await pair.ReceiveCloseAsync(WebSocketCloseStatus.EndpointUnavailable, "the server is shutting down");
        await sending.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        outbox.TryEnqueue("too late"u8.ToArray()).Should().BeFalse("nothing is queued once the outbox is closing");
    }

    [Fact]
    [Todo(2)]
    public async Task Full_outbox_refuses_the_message_and_closes_the_client_with_1008()
    {
        await using var pair = await SocketPair.OpenAsync();
        var outbox = new Outbox(pair.Server, capacity: 2);

        var first = outbox.TryEnqueue("1"u8.ToArray());
        var second = outbox.TryEnqueue("2"u8.ToArray());
        var third = outbox.TryEnqueue("3"u8.ToArray());

        (first, second).Should().Be((true, true), "a queue of 2 holds two messages");
        third.Should().BeFalse("a third message does not fit, and TryEnqueue answers at once instead of waiting for room");
        outbox.IsClosing.Should().BeTrue("a client whose queue is full reads too slowly for the chat: its outbox closes");
        var sending = outbox.SendAllAsync();
        var reason = await pair.ReceiveCloseAsync(WebSocketCloseStatus.PolicyViolation, because: "a client too slow for the chat is told so with 1008, and what was queued for it is dropped, not sent first");
        reason.Should().Contain("too slow", "the close reason says why");
        await sending.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
    }

    [Fact]
    [Todo(2)]
    public async Task Two_outboxes_send_the_same_bytes_each_at_its_own_pace()
    {
        await using var reading = await SocketPair.OpenAsync();
        await using var stalled = await SocketPair.OpenAsync();
        var shared = "shared by everyone"u8.ToArray();
        var fast = new Outbox(reading.Server, capacity: 10);
        var slow = new Outbox(stalled.Server, capacity: 10);
        _ = slow.SendAllAsync();
        var sending = fast.SendAllAsync();

        fast.TryEnqueue(shared).Should().BeTrue();
        slow.TryEnqueue(shared).Should().BeTrue();

        (await reading.ReceiveTextAsync()).Should().Be("shared by everyone",
            "each outbox sends from its own loop: one client not reading does not hold back the other");
        fast.Close(WebSocketCloseStatus.NormalClosure, "", dropQueued: true);
        await sending.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        shared.Should().Equal("shared by everyone"u8.ToArray(), "the bytes queued for everyone are sent as they are, never changed");
    }

    /// <summary>A server WebSocket and a client WebSocket, talking over a real loopback TCP connection.</summary>
    private sealed class SocketPair : IAsyncDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        private SocketPair(WebSocket server, WebSocket client)
        {
            Server = server;
            Client = client;
        }

        /// <summary>The server's end, as AcceptWebSocketAsync would give it: what the outbox sends on.</summary>
        public WebSocket Server { get; }

        /// <summary>The client's end, where the tests read what arrived.</summary>
        public WebSocket Client { get; }

        public static async Task<SocketPair> OpenAsync()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var client = new TcpClient();
            await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint, Cancel);
            var server = await listener.AcceptTcpClientAsync(Cancel);
            return new SocketPair(
                WebSocket.CreateFromStream(server.GetStream(), new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero }),
                WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero }));
        }

        public async Task<string> ReceiveTextAsync()
        {
            var (type, text) = await ReceiveAsync();
            type.Should().Be(WebSocketMessageType.Text, "the outbox sends every message as text; it received {0} {1}", type, text);
            return text;
        }

        /// <summary>Reads until the close frame, checks its code, and returns its reason.</summary>
        public async Task<string> ReceiveCloseAsync(WebSocketCloseStatus status, string? reason = null, string because = "")
        {
            var (type, text) = await ReceiveAsync();
            type.Should().Be(WebSocketMessageType.Close, "the outbox ends with a close frame {0} {1}; it sent a {2} message \"{3}\" instead. {4}",
                (int)status, status, type, text, because);
            Client.CloseStatus.Should().Be(status, because);
            if (reason is not null)
            {
                Client.CloseStatusDescription.Should().Be(reason);
            }
            return Client.CloseStatusDescription ?? "";
        }

        private async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync()
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            patience.CancelAfter(Patience);
            var buffer = new byte[4096];
            var length = 0;
            ValueWebSocketReceiveResult received;
            try
            {
                do
                {
                    received = await Client.ReceiveAsync(buffer.AsMemory(length), patience.Token);
                    length += received.Count;
                }
                while (!received.EndOfMessage);
            }
            catch (OperationCanceledException) when (!Cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"Nothing arrived from the outbox within {Patience.TotalSeconds} s: is its sender loop sending?");
            }
            return (received.MessageType, Encoding.UTF8.GetString(buffer, 0, length));
        }

        public ValueTask DisposeAsync()
        {
            Server.Abort();
            Client.Abort();
            Server.Dispose();
            Client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
