using System.Diagnostics;

namespace Workshop.Bench.Measuring;

/// <summary>
/// The bookkeeping of one run: when each message was sent, and when each subscriber had it. Message <c>n</c> (from 0)
/// to subscriber <c>s</c> is one delivery; its latency is the time from the moment before the sender handed the
/// message to its client to the moment the subscriber had parsed it. Both ends run in this process, so both times come
/// from one clock (<see cref="Stopwatch.GetTimestamp"/>).
/// </summary>
public sealed class DeliveryLog
{
    private readonly long[] _sentAt;
    private readonly long[] _deliveredAt;
    private long _delivered;
    private long _duplicates;
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeliveryLog(int messages, int subscribers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subscribers);
        Messages = messages;
        Subscribers = subscribers;
        _sentAt = new long[messages];
        _deliveredAt = new long[(long)messages * subscribers];
    }

    public int Messages { get; }

    public int Subscribers { get; }

    public long Expected => (long)Messages * Subscribers;

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Messages a subscriber was given twice; a correct server gives none.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Completes once every subscriber has every message.</summary>
    public Task Complete => _complete.Task;

    /// <summary>Notes that message <paramref name="message"/> leaves now. Call it just before sending.</summary>
    public void Sending(int message) => Sending(message, Stopwatch.GetTimestamp());

    public void Sending(int message, long timestamp) => Volatile.Write(ref _sentAt[message], timestamp);

    /// <summary>
    /// Notes that <paramref name="subscriber"/> has <paramref name="message"/> at <paramref name="timestamp"/>. A message
    /// number outside the run (another run's message, a warm-up's) is ignored.
    /// </summary>
    public void Received(int message, int subscriber, long timestamp)
    {
        if ((uint)message >= (uint)Messages || (uint)subscriber >= (uint)Subscribers)
        {
            return;
        }
        ref var slot = ref _deliveredAt[(long)message * Subscribers + subscriber];
        if (Interlocked.CompareExchange(ref slot, timestamp, 0) != 0)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        if (Interlocked.Increment(ref _delivered) == Expected)
        {
            _complete.TrySetResult();
        }
    }

    /// <summary>The latency of every delivery that happened, in milliseconds, in no particular order.</summary>
    public double[] LatenciesInMilliseconds()
    {
        var latencies = new List<double>((int)Math.Min(Expected, int.MaxValue));
        for (var message = 0; message < Messages; message++)
        {
            var sent = Volatile.Read(ref _sentAt[message]);
            for (var subscriber = 0; subscriber < Subscribers; subscriber++)
            {
                var delivered = Volatile.Read(ref _deliveredAt[(long)message * Subscribers + subscriber]);
                if (delivered != 0 && sent != 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, delivered).TotalMilliseconds);
                }
            }
        }
        return [.. latencies];
    }
}
