using System.Net;
using System.Net.Sockets;
using Workshop.Testing;

namespace WebSocketHandshake.Tests;

/// <summary>
/// A WebSocket client over a raw TCP connection: it sends any bytes at all, broken frames included, and reads the
/// server's frames with the tests' own code. What ClientWebSocket would refuse to send, this sends.
/// </summary>
internal sealed class RawWebSocket : IDisposable
{
    private readonly TcpClient _client;
    private readonly List<byte> _received;

    private RawWebSocket(TcpClient client, string responseHead, byte[] afterHandshake)
    {
        _client = client;
        ResponseHead = responseHead;
        _received = [.. afterHandshake];
    }

    /// <summary>Does the handshake; fails with what the server sent when the answer is not a 101.</summary>
    public static async Task<RawWebSocket> OpenAsync(EchoServer server, string? extraHeaders = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var client = await RawHttpClient.ConnectAsync(server.EndPoint, cancellationToken);
        try
        {
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(server.Handshake(extraHeaders)), cancellationToken);
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

    public async Task SendAsync(byte[] bytes) =>
        await _client.GetStream().WriteAsync(bytes, TestContext.Current.CancellationToken);

    /// <summary>The next frame from the server; null when the server closed the connection or sent none in time.</summary>
    public async Task<ServerFrame?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout ?? RawHttpClient.DefaultTimeout);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var frame = ServerFrame.TryRead(_received.ToArray(), out var length);
            if (frame is not null)
            {
                _received.RemoveRange(0, length);
                return frame;
            }
            try
            {
                var read = await _client.GetStream().ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    return null;
                }
                _received.AddRange(buffer.AsSpan(0, read));
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (IOException)
            {
                return null;
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
