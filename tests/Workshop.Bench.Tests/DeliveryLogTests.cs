using System.Diagnostics;
using FluentAssertions;
using Workshop.Bench.Measuring;
using Xunit;

namespace Workshop.Bench.Tests;

public sealed class DeliveryLogTests
{
    private const long Start = 1_000_000;

    private static long Milliseconds(double ms) => (long)(Stopwatch.Frequency / 1000.0 * ms);

    [Fact]
    public void A_latency_is_the_time_from_sending_to_receiving()
    {
        var log = new DeliveryLog(messages: 1, subscribers: 1);

        log.Sending(0, Start);
        log.Received(0, 0, Start + Stopwatch.Frequency / 1000 * 5);

        log.LatenciesInMilliseconds().Should().ContainSingle()
            .Which.Should().BeApproximately(5, 1e-9, "the message arrived 5 ms of stopwatch ticks after it was sent");
    }

    [Fact]
    public void Every_delivery_has_its_own_latency()
    {
        var log = new DeliveryLog(messages: 2, subscribers: 3);
        log.Sending(0, Start);
        log.Sending(1, Start + Milliseconds(100));
        for (var subscriber = 0; subscriber < 3; subscriber++)
        {
            log.Received(0, subscriber, Start + Milliseconds(1 + subscriber));
            log.Received(1, subscriber, Start + Milliseconds(100 + 10 * (subscriber + 1)));
        }

        log.LatenciesInMilliseconds().Should().BeEquivalentTo([1.0, 2.0, 3.0, 10.0, 20.0, 30.0],
            options => options.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-6)).WhenTypeIs<double>(),
            "each latency is measured from its own message's send");
        log.Delivered.Should().Be(6);
        log.Expected.Should().Be(6);
    }

    [Fact]
    public void A_delivery_without_a_send_counts_but_has_no_latency()
    {
        var log = new DeliveryLog(messages: 2, subscribers: 1);
        log.Sending(0, Start);

        log.Received(0, 0, Start + Milliseconds(5));
        log.Received(1, 0, Start + Milliseconds(6));

        log.Delivered.Should().Be(2, "the subscriber has both messages");
        log.LatenciesInMilliseconds().Should().ContainSingle("message 1 has no send time, so no latency can be measured for it");
    }

    [Fact]
    public void The_order_of_the_calls_does_not_matter_only_the_timestamps()
    {
        var log = new DeliveryLog(messages: 1, subscribers: 1);

        log.Received(0, 0, Start + Milliseconds(7));
        log.Sending(0, Start);

        log.LatenciesInMilliseconds().Should().ContainSingle()
            .Which.Should().BeApproximately(7, 1e-6, "the latency comes from the timestamps given, not from when they were noted");
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(2, 0)]
    [InlineData(int.MaxValue, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 3)]
    public void A_message_or_subscriber_outside_the_run_is_ignored(int message, int subscriber)
    {
        var log = new DeliveryLog(messages: 2, subscribers: 3);
        log.Sending(0, Start);

        log.Received(message, subscriber, Start + Milliseconds(1));

        log.Delivered.Should().Be(0, "another run's message, or a subscriber the run does not have, is no delivery of this run");
        log.Duplicates.Should().Be(0);
        log.LatenciesInMilliseconds().Should().BeEmpty();
    }

    [Fact]
    public void A_duplicate_is_counted_once_as_duplicate_and_not_as_delivered()
    {
        var log = new DeliveryLog(messages: 2, subscribers: 1);
        log.Sending(0, Start);

        log.Received(0, 0, Start + Milliseconds(5));
        log.Received(0, 0, Start + Milliseconds(9));

        log.Delivered.Should().Be(1, "the subscriber had message 0 once it first came; the second copy delivers nothing new");
        log.Duplicates.Should().Be(1, "the second copy is a duplicate");
        log.LatenciesInMilliseconds().Should().ContainSingle()
            .Which.Should().BeApproximately(5, 1e-6, "the latency is the first copy's");
    }

    [Fact]
    public void A_duplicate_does_not_complete_the_log()
    {
        var log = new DeliveryLog(messages: 2, subscribers: 1);

        log.Received(0, 0, Start);
        log.Received(0, 0, Start + 1);

        log.Complete.IsCompleted.Should().BeFalse("message 1 never came; two copies of message 0 are not two messages");
    }

    [Fact]
    public void The_log_completes_exactly_when_the_last_delivery_is_in()
    {
        var log = new DeliveryLog(messages: 2, subscribers: 2);

        log.Received(0, 0, Start);
        log.Received(0, 1, Start);
        log.Received(1, 0, Start);
        log.Complete.IsCompleted.Should().BeFalse("subscriber 1 does not have message 1 yet");

        log.Received(1, 1, Start);
        log.Complete.IsCompletedSuccessfully.Should().BeTrue("every subscriber has every message");
        log.Delivered.Should().Be(log.Expected);
    }

    [Fact]
    public async Task Deliveries_noted_at_once_from_many_threads_are_all_counted()
    {
        const int messages = 200, subscribers = 50;
        var log = new DeliveryLog(messages, subscribers);

        await Task.WhenAll(Enumerable.Range(0, subscribers).Select(subscriber => Task.Run(() =>
        {
            for (var message = 0; message < messages; message++)
            {
                log.Received(message, subscriber, Start + message);
                log.Received(message, subscriber, Start + message);
            }
        }, TestContext.Current.CancellationToken)));

        log.Delivered.Should().Be(messages * subscribers, "each delivery is counted once, whatever the threads");
        log.Duplicates.Should().Be(messages * subscribers, "each second copy is counted as a duplicate");
        log.Complete.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void A_log_needs_at_least_one_message_and_one_subscriber(int messages, int subscribers)
    {
        var making = () => new DeliveryLog(messages, subscribers);

        making.Should().Throw<ArgumentOutOfRangeException>();
    }
}
