using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Workshop.Testing;

/// <summary>
/// A WebSocket client over a raw TCP connection: it sends any bytes at all, broken frames included, and reads the
/// server's frames with the tests' own code. What ClientWebSocket would refuse to send, this sends; and it answers
/// nothing by itself (no pong, no close), so it can be the client that stops answering or stops reading.
/// </summary>
public sealed class RawWebSocket : IDisposable
{
    private readonly TcpClient _client;
    private readonly List<byte> _received;

    private RawWebSocket(TcpClient client, string responseHead, byte[] afterHandshake)
    {
        _client = client;
        ResponseHead = responseHead;
        _received = [.. afterHandshake];
    }

    /// <summary>
    /// Sends <paramref name="handshake"/> (a whole HTTP request) to <paramref name="server"/>; fails with what the server
    /// sent when the answer is not a 101. <paramref name="receiveBufferSize"/>, when given, is set before connecting, so
    /// the TCP window the client offers stays that small.
    /// </summary>
    public static async Task<RawWebSocket> OpenAsync(IPEndPoint server, string handshake, int? receiveBufferSize = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var client = new TcpClient(server.AddressFamily);
        try
        {
            if (receiveBufferSize is { } size)
            {
                client.Client.ReceiveBufferSize = size;
            }
            await client.ConnectAsync(server, cancellationToken);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(handshake), cancellationToken);
            var head = new List<byte>();
            var buffer = new byte[4096];
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(RawHttpClient.DefaultTimeout);
            while (IndexOfBlankLine(head) < 0)
            {
                var read = await client.GetStream().ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    break;
                }
                head.AddRange(buffer.AsSpan(0, read));
            }
            var end = IndexOfBlankLine(head);
            if (end < 0 || !Encoding.ASCII.GetString(head.ToArray(), 0, end).StartsWith("HTTP/1.1 101 ", StringComparison.Ordinal))
            {
                var rest = await RawHttpClient.ReadUntilClosedAsync(client, TimeSpan.FromSeconds(2), cancellationToken);
                throw new InvalidOperationException(
                    $"The server did not switch to WebSocket (101); it answered:\n{Encoding.UTF8.GetString([.. head, .. rest.Bytes])}");
            }
            return new RawWebSocket(client, Encoding.ASCII.GetString(head.ToArray(), 0, end), head.Skip(end + 4).ToArray());
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The server's 101 response: status line and headers.</summary>
    public string ResponseHead { get; }

    /// <summary>
    /// Sends raw bytes. When the server has closed the connection meanwhile ("Broken pipe", "Connection reset"), the
    /// failure says what the server sent before it closed, such as a close frame that names an unfinished TODO.
    /// </summary>
    public async Task SendAsync(byte[] bytes)
    {
        try
        {
            await _client.GetStream().WriteAsync(bytes, TestContext.Current.CancellationToken);
        }
        catch (IOException closed)
        {
            var before = new List<ServerFrame>();
            try
            {
                before.AddRange((await ReadWithoutAnsweringAsync(TimeSpan.FromSeconds(1))).Frames);
            }
            catch (IOException)
            {
                // Nothing more can be read either: the description below says so.
            }
            throw new IOException(
                $"The server closed the connection while the test was still sending ({closed.Message}). Before that it sent: {Describe(before)}",
                closed);
        }
    }

    /// <summary>The next frame from the server; null when the server closed the connection or sent none in time.</summary>
    public async Task<ServerFrame?> ReceiveAsync(TimeSpan? timeout = null) =>
        (await ReadFrameAsync(timeout ?? RawHttpClient.DefaultTimeout)).Frame;

    /// <summary>
    /// Reads frames, answering none of them (no pong, no close), until the server ends the connection or
    /// <paramref name="wait"/> passes. Returns the frames and whether the connection ended.
    /// </summary>
    public async Task<(List<ServerFrame> Frames, bool Ended)> ReadWithoutAnsweringAsync(TimeSpan wait)
    {
        var frames = new List<ServerFrame>();
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            var (frame, ended) = await ReadFrameAsync(until - DateTime.UtcNow);
            if (frame is null)
            {
                return (frames, ended);
            }
            frames.Add(frame);
        }
    }

    /// <summary>The next whole frame; or none, and whether that is because the connection ended (or the time ran out).</summary>
    private async Task<(ServerFrame? Frame, bool Ended)> ReadFrameAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var frame = ServerFrame.TryRead(_received.ToArray(), out var length);
            if (frame is not null)
            {
                _received.RemoveRange(0, length);
                return (frame, false);
            }
            try
            {
                var read = await _client.GetStream().ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    return (null, true);
                }
                _received.AddRange(buffer.AsSpan(0, read));
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                return (null, false);
            }
            catch (IOException)
            {
                // A reset: the server aborted the connection.
                return (null, true);
            }
        }
    }

    /// <summary>Every frame until the server's close frame (included), the end of the connection, or the timeout.</summary>
    public async Task<List<ServerFrame>> ReceiveUntilCloseAsync(TimeSpan? timeout = null)
    {
        var frames = new List<ServerFrame>();
        while (await ReceiveAsync(timeout) is { } frame)
        {
            frames.Add(frame);
            if (frame.IsClose)
            {
                break;
            }
        }
        return frames;
    }

    /// <summary>True when the server closes the TCP connection within <paramref name="timeout"/>.</summary>
    public async Task<bool> ServerClosesAsync(TimeSpan timeout)
    {
        var rest = await RawHttpClient.ReadUntilClosedAsync(_client, timeout, TestContext.Current.CancellationToken);
        return rest.ClosedByServer;
    }

    /// <summary>What a raw client saw, for a failure message.</summary>
    public static string Describe(IReadOnlyCollection<ServerFrame> frames) =>
        frames.Count == 0 ? "(no frame: the server closed the connection, or sent nothing)" : string.Join("; ", frames);

    public void Dispose() => _client.Dispose();

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }
        return -1;
    }
}
