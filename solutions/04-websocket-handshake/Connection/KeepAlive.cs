namespace WebSocketHandshake.Connection;

/// <summary>
/// Keep-alive: a connection can die without a word (a laptop lid closed, a cable pulled), and TCP alone may not notice
/// for hours. So the server asks, with a ping (RFC 6455 §5.5.2, https://www.rfc-editor.org/rfc/rfc6455#section-5.5.2),
/// and a peer that does not pong in time is let go. Pure decisions over times: tested with exact clocks.
/// </summary>
/// <remarks>
/// <code>
/// quiet since ──── interval ────► ping ──── timeout ────► no pong: give up
///                                  └── pong ──► quiet since = now, and it starts again
/// </code>
/// </remarks>
public static class KeepAlive
{
    /// <summary>What to do next, at <paramref name="now"/>.</summary>
    /// <param name="quietSince">When the connection opened, or when the last pong came.</param>
    /// <param name="pingSentAt">When the ping that has no pong yet went out; null when no ping is waiting.</param>
    /// <param name="interval">How long the connection may be quiet before the server pings.</param>
    /// <param name="timeout">How long the server waits for the pong.</param>
    public static KeepAliveStep Next(DateTimeOffset now, DateTimeOffset quietSince, DateTimeOffset? pingSentAt, TimeSpan interval, TimeSpan timeout)
    {
        // BEGIN TODO 11: Decide the next keep-alive step: wait until a time, send a ping, or give up on the client.
        //   A ping is waiting: past its timeout -> GiveUp; else wait until pingSentAt + timeout.
        //   No ping waiting: quiet for the whole interval -> SendPing; else wait until quietSince + interval.
        //   "Past" includes the very moment the time runs out.
        if (pingSentAt is { } sent)
        {
            return now >= sent + timeout ? KeepAliveStep.GiveUp : new KeepAliveStep.WaitUntil(sent + timeout);
        }
        return now >= quietSince + interval ? KeepAliveStep.SendPing : new KeepAliveStep.WaitUntil(quietSince + interval);
        // END TODO
    }
}

/// <summary>The next step of keep-alive (<see cref="KeepAlive.Next"/>).</summary>
public abstract record KeepAliveStep
{
    public static readonly KeepAliveStep SendPing = new Ping();
    public static readonly KeepAliveStep GiveUp = new Stop();

    /// <summary>Nothing to do before <paramref name="When"/>.</summary>
    public sealed record WaitUntil(DateTimeOffset When) : KeepAliveStep;

    /// <summary>Send a ping now.</summary>
    public sealed record Ping : KeepAliveStep;

    /// <summary>The ping went unanswered: close the connection.</summary>
    public sealed record Stop : KeepAliveStep;
}
