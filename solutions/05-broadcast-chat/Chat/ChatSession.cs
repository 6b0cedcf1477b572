using System.Net.WebSockets;
using System.Text;

namespace BroadcastChat.Chat;

/// <summary>
/// One connection's life after the upgrade: it joins the room, its sender loop and its receive loop run side by side,
/// and whichever way it ends (the client closes, breaks a limit, reads too slowly, vanishes, or the server stops) it
/// leaves the room once, the close handshake is finished if it can be, and the socket is let go.
/// </summary>
internal static partial class ChatSession
{
    public static async Task RunAsync(ChatClient client, ChatRoom room, ChatReceiver receiver, JoinRequest request, ILogger log,
        CancellationToken aborted)
    {
        var socket = client.Socket;
        var sending = Task.CompletedTask;
        var why = "closed";
        try
        {
            room.Join(client, request);
            LogJoined(log, client.Id, client.Nickname, room.Count);
            sending = client.Outbox.SendAllAsync();
            var receiving = receiver.ReceiveAllAsync(client, aborted);
            if (await Task.WhenAny(sending, receiving) == sending)
            {
                // The outbox closed (too slow, the server stopping) or failed: the client has a moment to answer the
                // close, then the socket is aborted, which ends the receive loop too.
                if (sending.Exception?.InnerException is NotImplementedException unfinished)
                {
                    await CloseUnfinishedAsync(socket, unfinished);
                }
                if (await Task.WhenAny(receiving, Task.Delay(Outbox.CloseGracePeriod, CancellationToken.None)) != receiving)
                {
                    socket.Abort();
                }
            }
            await receiving;
        }
        catch (NotImplementedException unfinished)
        {
            // A TODO not written yet: the page and the tests hear which one, as the close reason (1011).
            why = unfinished.Message;
            if (sending.IsCompleted)
            {
                await CloseUnfinishedAsync(socket, unfinished);
            }
            else
            {
                client.Outbox.Close(WebSocketCloseStatus.InternalServerError, Reason(unfinished.Message), dropQueued: false);
            }
        }
        catch (Exception vanished) when (vanished is WebSocketException or OperationCanceledException)
        {
            // The connection broke, or keep-alive gave up on it: nothing to answer, the client is gone.
            why = "connection lost";
        }
        finally
        {
            await EndAsync(client, room, sending, log);
            LogLeft(log, client.Id, client.Nickname, why, room.Count);
        }
    }

    /// <summary>Takes the client out of the room and lets its sender loop finish, then waits briefly for its close.</summary>
    private static async Task EndAsync(ChatClient client, ChatRoom room, Task sending, ILogger log)
    {
        try
        {
            room.Leave(client);
        }
        catch (NotImplementedException unfinished)
        {
            LogUnfinished(log, unfinished.Message);
        }
        client.Outbox.Close(WebSocketCloseStatus.NormalClosure, "", dropQueued: true);
        try
        {
            await sending;
            await AwaitClientCloseAsync(client.Socket);
        }
        catch (Exception gone) when (gone is WebSocketException or OperationCanceledException or NotImplementedException)
        {
            // Already reported, or the client left without its half of the closing handshake.
        }
    }

    /// <summary>After the server's close frame, the client's answer ends the handshake; it gets a moment to send it.</summary>
    private static async Task AwaitClientCloseAsync(WebSocket socket)
    {
        using var patience = new CancellationTokenSource(Outbox.CloseGracePeriod);
        var discard = new byte[256];
        while (socket.State == WebSocketState.CloseSent)
        {
            var received = await socket.ReceiveAsync(discard.AsMemory(), patience.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private static async Task CloseUnfinishedAsync(WebSocket socket, NotImplementedException unfinished)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var patience = new CancellationTokenSource(Outbox.CloseGracePeriod);
            await socket.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, Reason(unfinished.Message), patience.Token);
        }
    }

    /// <summary>A close reason may have 123 bytes of UTF-8 (RFC 6455 §5.5: a control frame's payload is 125 bytes at most).</summary>
    private static string Reason(string text)
    {
        const int MaxBytes = 123;
        if (Encoding.UTF8.GetByteCount(text) <= MaxBytes)
        {
            return text;
        }
        var end = Math.Min(text.Length, MaxBytes - 3);
        while (Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > MaxBytes - 3)
        {
            end--;
        }
        return string.Concat(text.AsSpan(0, end), "...");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Id} ({Nickname}) joined; {Count} online")]
    private static partial void LogJoined(ILogger log, string id, string nickname, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Id} ({Nickname}) left: {Why}; {Count} online")]
    private static partial void LogLeft(ILogger log, string id, string nickname, string why, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Todo}")]
    private static partial void LogUnfinished(ILogger log, string todo);
}
