using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Workshop.Bench.Approaches;
using Workshop.Bench.Measuring;

namespace Workshop.Bench.FanOut;

/// <summary>One connected client of the fan-out: it notes every broadcast of the current round, and can broadcast.</summary>
public abstract class Listener(int index, FanOutBoard board) : IAsyncDisposable
{
    protected int Index { get; } = index;

    protected FanOutBoard Board { get; } = board;

    /// <summary>How many clients the server last said were online (the chat's presence); 0 where it does not say.</summary>
    public abstract int OnlineSeen { get; }

    /// <summary>Why the server ended this client's connection, once it has (a full queue closes a slow client, say).</summary>
    public abstract string? ClosedBecause { get; }

    public abstract Task BroadcastAsync(string text, CancellationToken cancellationToken);

    protected void Heard(string? text, long at) => Board.Heard(text, Index, at);

    public abstract ValueTask DisposeAsync();
}

/// <summary>What every listener reports to: the round being measured now, if any.</summary>
public sealed class FanOutBoard
{
    private volatile FanOutRound? _current;

    public FanOutRound? Current
    {
        get => _current;
        set => _current = value;
    }

    public void Heard(string? text, int listener, long at)
    {
        if (_current is { } round && text is not null)
        {
            round.Log.Received(round.Tag.NumberOf(text), listener, at);
        }
    }
}

/// <summary>A round of broadcasts: its log, and the tag that marks its texts (so a late broadcast of another round never counts).</summary>
public sealed class FanOutRound(int broadcasts, int listeners)
{
    public DeliveryLog Log { get; } = new(broadcasts, listeners);

    public MessageTag Tag { get; } = new("fan");
}

/// <summary>A page of step 05's chat.</summary>
public sealed class ChatListener : Listener
{
    private readonly ChatSocket _chat;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private int _online;

    private ChatListener(int index, FanOutBoard board, ChatSocket chat) : base(index, board)
    {
        _chat = chat;
        _listening = ListenAsync();
    }

    public static async Task<Listener> ConnectAsync(Uri server, int index, FanOutBoard board, CancellationToken cancellationToken) =>
        new ChatListener(index, board, await ChatSocket.ConnectAsync(server, $"fan-{index}", null, null, cancellationToken));

    public override int OnlineSeen => Volatile.Read(ref _online);

    private string? _closedBecause;

    public override string? ClosedBecause => Volatile.Read(ref _closedBecause);

    public override Task BroadcastAsync(string text, CancellationToken cancellationToken) => _chat.SendAsync(text, cancellationToken);

    private async Task ListenAsync()
    {
        try
        {
            while (await _chat.ReceiveAsync(_stop.Token) is { } received)
            {
                var fields = ChatFields.Read(received.Json.Span);
                switch (fields.Type)
                {
                    case "message":
                        Heard(fields.Text, received.At);
                        break;
                    case "presence":
                        Volatile.Write(ref _online, fields.Count);
                        break;
                }
            }
            Volatile.Write(ref _closedBecause, $"the chat closed a client's connection: {_chat.Socket.CloseStatus} {_chat.Socket.CloseStatusDescription}");
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            if (!_stop.IsCancellationRequested)
            {
                Volatile.Write(ref _closedBecause, $"a client's connection failed: {exception.Message}");
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listening;
        await _chat.DisposeAsync();
        _stop.Dispose();
    }
}

/// <summary>A client of the SignalR hub: the SignalR .NET client, WebSocket transport.</summary>
public sealed class HubListener : Listener
{
    private readonly HubConnection _connection;

    private string? _closedBecause;

    private HubListener(int index, FanOutBoard board, HubConnection connection) : base(index, board)
    {
        _connection = connection;
        _connection.On<HubMessage>(HubMessage.Method, message => Heard(message.Text, Stopwatch.GetTimestamp()));
        _connection.Closed += error =>
        {
            Volatile.Write(ref _closedBecause, $"the hub closed a client's connection: {error?.Message ?? "no reason given"}");
            return Task.CompletedTask;
        };
    }

    public override string? ClosedBecause => Volatile.Read(ref _closedBecause);

    public static async Task<Listener> ConnectAsync(Uri server, int index, FanOutBoard board, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            // WebSockets only, so the client may skip the negotiate request: one connection, one upgrade, as the chat's page.
            .WithUrl(new Uri(server, HubServer.Path), HttpTransportType.WebSockets, options => options.SkipNegotiation = true)
            .Build();
        var listener = new HubListener(index, board, connection);
        try
        {
            await connection.StartAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return listener;
    }

    public override int OnlineSeen => 0;

    public override Task BroadcastAsync(string text, CancellationToken cancellationToken) =>
        _connection.SendAsync(nameof(BroadcastHub.Send), text, cancellationToken);

    public override ValueTask DisposeAsync() => _connection.DisposeAsync();
}
