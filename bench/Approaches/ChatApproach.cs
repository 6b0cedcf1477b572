using Workshop.Bench.Wire;

namespace Workshop.Bench.Approaches;

/// <summary>
/// Step 05's page: one WebSocket to <c>/chat</c>, opened with the last id it has seen so that nothing old is sent again,
/// and every message pushed by the server as it happens. The sender is another page of the same chat.
/// </summary>
public sealed class ChatApproach : Approach
{
    public override string Key => "websocket";

    public override string Label => "05 WebSocket";

    public override string Step => "05";

    public override async Task<StartingPoint> FindStartingPointAsync(Uri server, CancellationToken cancellationToken)
    {
        await using var probe = await ChatSocket.ConnectAsync(server, "bench-probe", null, null, cancellationToken);
        while (await probe.ReceiveAsync(cancellationToken) is { } received)
        {
            var welcome = ChatFields.Read(received.Json.Span);
            if (welcome.Type == "welcome")
            {
                return new StartingPoint(welcome.LastId, welcome.ServerId);
            }
        }
        throw new InvalidOperationException($"The chat at {server} closed the connection before it sent its welcome.");
    }

    public override async Task RunSubscriberAsync(int index, RunContext run, CancellationToken cancellationToken)
    {
        await using var chat = await ChatSocket.ConnectAsync(run.Server, $"bench-{index}", run.Start, CountedClients.Invoker(run.Counters), cancellationToken);
        while (await chat.ReceiveAsync(cancellationToken) is { } received)
        {
            var fields = ChatFields.Read(received.Json.Span);
            switch (fields.Type)
            {
                case "welcome":
                    run.SubscriberReady();
                    break;
                case "message":
                    run.Log.Received(run.Tag.NumberOf(fields.Text), index, received.At);
                    break;
            }
        }
        throw new InvalidOperationException($"The chat closed subscriber {index}'s connection ({chat.Socket.CloseStatus} {chat.Socket.CloseStatusDescription}).");
    }

    public override async Task<IMessageSender> ConnectSenderAsync(RunContext run, CancellationToken cancellationToken)
    {
        var chat = await ChatSocket.ConnectAsync(run.Server, "bench-sender", run.Start, CountedClients.Invoker(run.Counters), cancellationToken);
        return new Talker(chat);
    }

    /// <summary>Sends, and reads everything the chat sends back (its own messages among them), as a page does.</summary>
    private sealed class Talker : IMessageSender
    {
        private readonly ChatSocket _chat;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _draining;

        public Talker(ChatSocket chat)
        {
            _chat = chat;
            _draining = DrainAsync();
        }

        public Task SendAsync(string text, CancellationToken cancellationToken) => _chat.SendAsync(text, cancellationToken);

        private async Task DrainAsync()
        {
            try
            {
                while (await _chat.ReceiveAsync(_stop.Token) is not null)
                {
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or System.Net.WebSockets.WebSocketException)
            {
                // Stopped at the end of the run, or the chat went away: the run's own checks say which.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _draining;
            await _chat.DisposeAsync();
            _stop.Dispose();
        }
    }
}
