namespace Workshop.Bench.Approaches;

/// <summary>
/// One way for a page to get new messages, played by real clients with the step's own protocol: the subscribers do
/// what the step's page does, the sender does what a page does when its user sends.
/// </summary>
public abstract class Approach
{
    /// <summary>A short name for the command line and the JSON: "polling-1s", "long-polling", "websocket".</summary>
    public abstract string Key { get; }

    /// <summary>The name in the table and the chart.</summary>
    public abstract string Label { get; }

    /// <summary>The step whose server it talks to: "02", "03" or "05".</summary>
    public abstract string Step { get; }

    /// <summary>Asks the server where its messages stand now, on a connection that is not counted.</summary>
    public abstract Task<StartingPoint> FindStartingPointAsync(Uri server, CancellationToken cancellationToken);

    /// <summary>
    /// Plays subscriber <paramref name="index"/> until <paramref name="cancellationToken"/> fires: connects, calls
    /// <see cref="RunContext.SubscriberReady"/> once it listens, and notes each of the run's messages in the log.
    /// </summary>
    public abstract Task RunSubscriberAsync(int index, RunContext run, CancellationToken cancellationToken);

    /// <summary>Connects the one client that sends the run's messages.</summary>
    public abstract Task<IMessageSender> ConnectSenderAsync(RunContext run, CancellationToken cancellationToken);

    /// <summary>Every approach the comparison knows, in the lesson's order.</summary>
    public static IReadOnlyList<Approach> All { get; } =
    [
        new PollingApproach(TimeSpan.FromSeconds(1)),
        new PollingApproach(TimeSpan.FromMilliseconds(250)),
        new LongPollingApproach(),
        new ChatApproach(),
    ];
}

/// <summary>The client that sends: one message at a time, each sent as the step's page sends it.</summary>
public interface IMessageSender : IAsyncDisposable
{
    Task SendAsync(string text, CancellationToken cancellationToken);
}
