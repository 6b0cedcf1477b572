using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Workshop.Bench.Approaches;

/// <summary>
/// One client of step 05's chat: opens <c>/chat</c>, reads whole messages, and hands each one's <c>type</c> and top-level
/// fields to the caller. The JSON is read without building objects: a thousand clients read every broadcast, and the
/// clients share the machine with the server they measure.
/// </summary>
public sealed class ChatSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker? _invoker;
    private byte[] _buffer = new byte[16 * 1024];

    private ChatSocket(ClientWebSocket socket, HttpMessageInvoker? invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    public WebSocket Socket => _socket;

    /// <summary>
    /// Connects to the chat at <paramref name="server"/> as <paramref name="nickname"/>, catching up from
    /// <paramref name="start"/>. With <paramref name="handler"/>, every connection and byte goes through it (counted).
    /// </summary>
    public static async Task<ChatSocket> ConnectAsync(Uri server, string nickname, StartingPoint? start, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        var query = $"nickname={Uri.EscapeDataString(nickname)}";
        if (start is not null)
        {
            query += $"&after={start.LastId}&serverId={Uri.EscapeDataString(start.ServerId ?? "")}";
        }
        var address = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = "chat", Query = query }.Uri;
        var socket = new ClientWebSocket();
        var invoker = handler is null ? null : new HttpMessageInvoker(handler, disposeHandler: true);
        try
        {
            if (invoker is null)
            {
                await socket.ConnectAsync(address, cancellationToken);
            }
            else
            {
                await socket.ConnectAsync(address, invoker, cancellationToken);
            }
        }
        catch
        {
            socket.Dispose();
            invoker?.Dispose();
            throw;
        }
        return new ChatSocket(socket, invoker);
    }

    /// <summary>Sends a chat message, as the page's form does.</summary>
    public Task SendAsync(string text, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["type"] = "message", ["text"] = text });
        return _socket.SendAsync(json.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();
    }

    /// <summary>
    /// The next whole message and the moment it was complete; null when the server closed the connection.
    /// The bytes are valid until the next call.
    /// </summary>
    public async Task<(ReadOnlyMemory<byte> Json, long At)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return (_buffer.AsMemory(0, length), Stopwatch.GetTimestamp());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", patience.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Gone already, or too slow to say goodbye: the abort below ends it either way.
            }
        }
        _socket.Abort();
        _socket.Dispose();
        _invoker?.Dispose();
    }
}

/// <summary>The fields of a chat message the benchmark reads, found at the top level of its JSON.</summary>
public readonly record struct ChatFields(string? Type, string? Text, long LastId, string? ServerId, int Count)
{
    public static ChatFields Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? type = null, text = null, serverId = null;
        long lastId = 0;
        var count = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("type"u8))
            {
                type = reader.GetString();
            }
            else if (name.SequenceEqual("text"u8))
            {
                text = reader.GetString();
            }
            else if (name.SequenceEqual("lastId"u8))
            {
                lastId = reader.GetInt64();
            }
            else if (name.SequenceEqual("serverId"u8))
            {
                serverId = reader.GetString();
            }
            else if (name.SequenceEqual("count"u8))
            {
                count = reader.GetInt32();
            }
            else
            {
                reader.Skip();
            }
        }
        return new ChatFields(type, text, lastId, serverId, count);
    }
}
