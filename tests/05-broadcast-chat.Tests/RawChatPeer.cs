using System.Buffers.Binary;
using System.Net.Sockets;
using Workshop.Testing;

namespace BroadcastChat.Tests;

/// <summary>
/// A chat client over a raw TCP connection, for the misbehaviour ClientWebSocket never shows: a client that never
/// answers a ping, or one that stops reading altogether. It does the handshake itself and reads frames only when
/// the test asks.
/// </summary>
internal sealed class RawChatPeer : IDisposable
{
    private readonly TcpClient _client;
    private readonly List<byte> _received;

    private RawChatPeer(TcpClient client, byte[] afterHandshake)
    {
        _client = client;
        _received = [.. afterHandshake];
    }

    /// <summary>
    /// Connects to /chat with <paramref name="query"/> and does the handshake; fails with the server's answer when it
    /// is not a 101. <paramref name="receiveBufferSize"/>, when given, is set before connecting, so the TCP window the
    /// client offers stays that small.
    /// </summary>
    public static async Task<RawChatPeer> OpenAsync(ChatServer server, string query, int? receiveBufferSize = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var client = new TcpClient(server.EndPoint.AddressFamily);
        try
        {
            if (receiveBufferSize is { } size)
            {
                client.Client.ReceiveBufferSize = size;
            }
            await client.ConnectAsync(server.EndPoint, cancellationToken);
            var handshake =
                $"GET /chat?{query} HTTP/1.1\r\nHost: {server.EndPoint}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(handshake), cancellationToken);

            // Read the answer's head only: anything after it is already the server's first frames.
            var head = new List<byte>();
            var buffer = new byte[1024];
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
            if (end < 0 || !Encoding.ASCII.GetString([.. head], 0, end).StartsWith("HTTP/1.1 101 ", StringComparison.Ordinal))
            {
                var rest = await RawHttpClient.ReadUntilClosedAsync(client, TimeSpan.FromSeconds(2), cancellationToken);
                throw new ChatProtocolException(
                    $"The server did not switch /chat?{query} to WebSocket (101); it answered:\n{Encoding.UTF8.GetString([.. head, .. rest.Bytes])}");
            }
            return new RawChatPeer(client, [.. head.Skip(end + 4)]);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads frames, answering none of them (no pong, no close), until the server ends the connection or
    /// <paramref name="wait"/> passes. Returns the frames and whether the connection ended.
    /// </summary>
    public async Task<(List<RawFrame> Frames, bool Ended)> ReadWithoutAnsweringAsync(TimeSpan wait)
    {
        var frames = new List<RawFrame>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(wait);
        var buffer = new byte[16 * 1024];
        while (true)
        {
            while (RawFrame.TryRead(_received.ToArray(), out var length) is { } frame)
            {
                _received.RemoveRange(0, length);
                frames.Add(frame);
            }
            try
            {
                var read = await _client.GetStream().ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    return (frames, true);
                }
                _received.AddRange(buffer.AsSpan(0, read));
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                return (frames, false);
            }
            catch (IOException)
            {
                // A reset: the server aborted the connection.
                return (frames, true);
            }
        }
    }

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

/// <summary>A frame the server sent, as a raw client reads it off the wire.</summary>
internal sealed record RawFrame(bool Fin, int Opcode, byte[] Payload)
{
    public bool IsPing => Opcode == 0x9;

    public bool IsClose => Opcode == 0x8;

    public string Text => Encoding.UTF8.GetString(Payload);

    /// <summary>Reads one unmasked frame at the start of <paramref name="bytes"/>; null when they do not hold a whole frame.</summary>
    public static RawFrame? TryRead(ReadOnlySpan<byte> bytes, out int length)
    {
        length = 0;
        if (bytes.Length < 2)
        {
            return null;
        }
        var header = 2;
        var masked = (bytes[1] & 0x80) != 0;
        ulong payloadLength = (ulong)(bytes[1] & 0x7f);
        if (payloadLength == 126)
        {
            if (bytes.Length < 4)
            {
                return null;
            }
            payloadLength = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
            header = 4;
        }
        else if (payloadLength == 127)
        {
            if (bytes.Length < 10)
            {
                return null;
            }
            payloadLength = BinaryPrimitives.ReadUInt64BigEndian(bytes[2..]);
            header = 10;
        }
        var key = masked ? 4 : 0;
        if ((ulong)bytes.Length < (ulong)(header + key) + payloadLength)
        {
            return null;
        }
        var payload = bytes.Slice(header + key, (int)payloadLength).ToArray();
        length = header + key + (int)payloadLength;
        return new RawFrame((bytes[0] & 0x80) != 0, bytes[0] & 0x0f, payload);
    }

    public override string ToString() => Opcode switch
    {
        0x1 => $"text {(Text.Length > 80 ? Text[..80] + "..." : Text)}",
        0x8 => $"close {(Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(Payload) : null)} {(Payload.Length > 2 ? Encoding.UTF8.GetString(Payload.AsSpan(2)) : "")}",
        0x9 => "ping",
        0xA => "pong",
        _ => $"opcode 0x{Opcode:X} with {Payload.Length} bytes",
    };

    public static string Describe(IReadOnlyCollection<RawFrame> frames) =>
        frames.Count == 0 ? "(no frame)" : string.Join("; ", frames);
}
