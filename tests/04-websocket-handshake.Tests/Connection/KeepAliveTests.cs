using WebSocketHandshake.Connection;

namespace WebSocketHandshake.Tests.Connection;

/// <summary>TODO 11: keep-alive's schedule: ping a quiet connection, give up on one that does not pong in time.</summary>
[Todo(11)]
public sealed class KeepAliveTests
{
    // A clock with a non-zero offset, so that local time cannot pass by accident.
    private static readonly DateTimeOffset Opened = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(-3));
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static KeepAliveStep At(TimeSpan sinceOpened, DateTimeOffset? quietSince = null, TimeSpan? pingSentAfter = null) =>
        KeepAlive.Next(Opened + sinceOpened, quietSince ?? Opened, pingSentAfter is { } sent ? Opened + sent : null, Interval, Timeout);

    [Fact]
    public void Quiet_connection_waits_until_the_interval_is_over()
    {
        At(TimeSpan.FromSeconds(12)).Should().Be(new KeepAliveStep.WaitUntil(Opened + Interval),
            "12 s into a 30 s interval, the next thing to do is at 30 s");
    }

    [Fact]
    public void Connection_quiet_for_the_whole_interval_is_pinged()
    {
        At(Interval).Should().Be(KeepAliveStep.SendPing, "the connection has been quiet for exactly the interval: time to ask");
        At(Interval + TimeSpan.FromSeconds(5)).Should().Be(KeepAliveStep.SendPing, "and still, if the check comes late");
    }

    [Fact]
    public void Unanswered_ping_waits_for_its_timeout()
    {
        At(TimeSpan.FromSeconds(35), pingSentAfter: Interval).Should().Be(new KeepAliveStep.WaitUntil(Opened + Interval + Timeout),
            "the ping went out at 30 s and may be answered until 40 s");
    }

    [Fact]
    public void Ping_without_a_pong_in_time_gives_up()
    {
        At(Interval + Timeout, pingSentAfter: Interval).Should().Be(KeepAliveStep.GiveUp,
            "10 s after the ping, still no pong: the client is gone, or too busy to matter");
    }

    [Fact]
    public void Pong_starts_a_new_interval()
    {
        var pongAt = Opened + TimeSpan.FromSeconds(33);

        At(TimeSpan.FromSeconds(50), quietSince: pongAt).Should().Be(new KeepAliveStep.WaitUntil(pongAt + Interval),
            "a pong came at 33 s and no ping is waiting: the next ping is due 30 s after the pong, not 30 s after the open");
    }
}
