using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Workshop.Testing;

namespace BroadcastChat.Tests.Load;

/// <summary>
/// The chat under a classroom's worth of load and more: the server runs as its own process, as with 'dotnet run', so
/// its CPU time is its own, and a thousand real WebSocket clients listen while one of them talks.
/// </summary>
[Measurement]
public sealed class FanOutTests
{
    private const int Clients = 1000;
    private const int Messages = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "BroadcastChat.dll");

    [Fact]
    [Todo(1, 2, 3, 4, 5)]
    public async Task Broadcast_reaches_a_thousand_clients_in_order()
    {
        await using var server = await ServerProcess.StartAsync(ProgramPath,
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:BroadcastChat", "Warning"], TimeSpan.FromSeconds(30), Cancel);
        var chat = new Uri($"ws://{server.BaseAddress.Authority}/chat");
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        patience.CancelAfter(Patience);

        // Each client reads from the moment it is connected, as a page does: every join is announced to everyone, and
        // a client that read nothing while a thousand others joined would fill its queue and be closed as too slow.
        var connecting = Stopwatch.StartNew();
        var listeners = new List<Listener>(Clients);
        var listening = new List<Task<string[]>>(Clients);
        foreach (var batch in Enumerable.Range(0, Clients).Chunk(50))
        {
            var connected = await Task.WhenAll(batch.Select(i => Listener.ConnectAsync(server, chat, $"listener-{i}", patience.Token)));
            listeners.AddRange(connected);
            listening.AddRange(connected.Select(listener => listener.ListenAsync(Messages, patience.Token)));
        }
        connecting.Stop();
        // The last joins are still being announced; the count is taken once the room is quiet.
        await Task.Delay(TimeSpan.FromSeconds(2), patience.Token);

        var process = Process.GetProcessById(server.ProcessId);
        process.Refresh();
        var (cpuBefore, userBefore) = (process.TotalProcessorTime, process.UserProcessorTime);
        var delivering = Stopwatch.StartNew();
        var talker = listeners[0].Socket;
        for (var i = 1; i <= Messages; i++)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new { type = "message", text = $"broadcast {i}" });
            await talker.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, patience.Token);
            // Ten a second per talker is a lively chat; a hundred in total keeps the run short.
            await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
        }
        var received = await Task.WhenAll(listening);
        delivering.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var user = process.UserProcessorTime - userBefore;

        var deliveries = (double)Clients * Messages;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Clients} clients connected in {connecting.Elapsed.TotalSeconds:F1} s; {Messages} broadcasts = {deliveries:N0} deliveries in " +
            $"{delivering.Elapsed.TotalSeconds:F1} s; server CPU {cpu.TotalMilliseconds:N0} ms = {cpu.TotalMicroseconds / deliveries:F1} µs per delivery " +
            $"({user.TotalMicroseconds / deliveries:F1} µs in the server's code and .NET, the rest in the kernel's TCP) " +
            $"on {Environment.ProcessorCount} cores (a {(IsOptimized() ? "Release" : "Debug")} build; the clients share the machine).");
        var expected = Enumerable.Range(1, Messages).Select(i => $"broadcast {i}").ToArray();
        foreach (var (texts, index) in received.Select((texts, index) => (texts, index)))
        {
            texts.Should().Equal(expected,
                "listener-{0} is one of {1} clients, and every broadcast reaches every client in the order the server numbered them", index, Clients);
        }
        foreach (var listener in listeners)
        {
            listener.Socket.Abort();
            listener.Socket.Dispose();
        }
    }

    private static bool IsOptimized() =>
        typeof(Program).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];

    /// <summary>One client that keeps the texts of the chat messages it receives, in the order they came.</summary>
    private sealed class Listener(ClientWebSocket socket)
    {
        public ClientWebSocket Socket { get; } = socket;

        public static async Task<Listener> ConnectAsync(ServerProcess server, Uri chat, string nickname, CancellationToken cancellationToken)
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            try
            {
                await socket.ConnectAsync(new Uri(chat, $"?nickname={nickname}"), cancellationToken);
                return new Listener(socket);
            }
            catch (WebSocketException refused)
            {
                socket.Dispose();
                // ClientWebSocket only knows the status code; the same handshake over HttpClient shows what the server says.
                var answer = await ChatHandshake.SendAsync(server.BaseAddress, $"nickname={nickname}");
                throw new InvalidOperationException($"{nickname} could not open {chat}: {refused.Message}\nThe same handshake is answered: {answer}\nThe server printed:\n{server.Output}");
            }
        }

        /// <summary>The texts of the first <paramref name="count"/> chat messages; fails with what came instead.</summary>
        public async Task<string[]> ListenAsync(int count, CancellationToken cancellationToken)
        {
            var texts = new List<string>(count);
            // A welcome lists everyone online: with a thousand people it is tens of kilobytes.
            var buffer = new byte[4 * 1024];
            while (texts.Count < count)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                    received = await Socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                    length += received.Count;
                }
                while (!received.EndOfMessage);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException(
                        $"The server closed the connection after {texts.Count} of {count} messages: {(int?)Socket.CloseStatus} {Socket.CloseStatusDescription}");
                }
                using var json = JsonDocument.Parse(buffer.AsMemory(0, length));
                if (json.RootElement.GetProperty("type").GetString() == "message")
                {
                    texts.Add(json.RootElement.GetProperty("text").GetString()!);
                }
            }
            return [.. texts];
        }
    }
}
