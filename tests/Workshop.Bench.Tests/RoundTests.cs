using FluentAssertions;
using FluentAssertions.Execution;
using Workshop.Bench.Approaches;
using Workshop.Bench.Comparison;
using Workshop.Bench.Servers;
using Xunit;

namespace Workshop.Bench.Tests;

/// <summary>
/// Small real rounds: three subscribers, five messages at 50 a second, against each reference solution started as the
/// benchmark starts it. Only counts are checked: CI machines are too busy for any timing to mean something.
/// </summary>
[Collection(nameof(ReferenceServers))]
public sealed class RoundTests(ReferenceServers servers)
{
    private const int Subscribers = 3, Messages = 5;
    private const double Rate = 50;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Approach ApproachOf(string key) => Approach.All.Single(a => a.Key == key);

    private async Task<RoundResult> RunAsync(Approach approach, Func<ServerUnderTest, ServerUnderTest>? via = null)
    {
        var server = await servers.OfStepAsync(approach.Step);
        var target = via?.Invoke(server) ?? server;
        return await new Round(approach, target, Subscribers, Messages, Rate).RunAsync(Cancel);
    }

    [Theory]
    [InlineData("polling-1000ms")]
    [InlineData("polling-250ms")]
    [InlineData("long-polling")]
    [InlineData("websocket")]
    public async Task Every_subscriber_gets_every_message_once(string key)
    {
        var result = await RunAsync(ApproachOf(key));

        using var _ = new AssertionScope();
        result.Subscribers.Should().Be(Subscribers);
        result.Messages.Should().Be(Messages);
        result.Delivered.Should().Be(Subscribers * Messages, "the reference solution delivers every message to every subscriber");
        result.Lost.Should().Be(0, "nothing is lost by a correct server");
        result.Duplicates.Should().Be(0, "each subscriber asks from the last id it has, so nothing comes twice");
        result.Latency.Count.Should().Be(Subscribers * Messages, "every delivery has a latency");
        result.LatencyPercentiles.Should().HaveCount(RoundResult.PercentilePoints.Count);
        result.FailedRequests.Should().Be(0, "the reference solution refuses nothing at this load");
        result.BytesSent.Should().BeGreaterThan(0);
        result.BytesReceived.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("polling-1000ms")]
    [InlineData("polling-250ms")]
    [InlineData("long-polling")]
    public async Task Each_post_and_each_poll_is_a_request(string key)
    {
        var result = await RunAsync(ApproachOf(key));

        result.Requests.Should().BeGreaterThanOrEqualTo(Subscribers + Messages,
            "each message is one POST, and each subscriber asks at least once before it has anything");
        result.Connections.Should().BeGreaterThanOrEqualTo(Subscribers + 1, "each subscriber and the sender is its own page with its own connection");
    }

    [Fact]
    public async Task Long_polling_is_never_refused_at_this_load()
    {
        var result = await RunAsync(ApproachOf("long-polling"));

        result.FailedRequests.Should().Be(0, "three waiting requests are far below the server's limit");
        result.Delivered.Should().Be(Subscribers * Messages);
    }

    [Fact]
    public async Task A_websocket_round_costs_one_request_and_one_connection_per_page()
    {
        var result = await RunAsync(ApproachOf("websocket"));

        result.Requests.Should().Be(Subscribers + 1,
            "each subscriber and the sender upgrade once; the probe that finds the starting point is not counted");
        result.Connections.Should().Be(Subscribers + 1, "each page keeps its one WebSocket for the whole round");
        result.EmptyResponses.Should().Be(0, "a WebSocket is only sent news");
    }

    [Theory]
    [InlineData("polling-250ms")]
    [InlineData("long-polling")]
    [InlineData("websocket")]
    public async Task A_started_server_has_its_cpu_and_memory_measured(string key)
    {
        var result = await RunAsync(ApproachOf(key));

        result.ServerCpuMilliseconds.Should().NotBeNull("the benchmark started this server, so it can see its process");
        result.ServerPeakMemoryBytes.Should().NotBeNull("the benchmark started this server, so it can see its process");
        result.ServerPeakMemoryBytes.Should().BeGreaterThan(0, "a running server has resident memory");
    }

    [Theory]
    [InlineData("polling-250ms")]
    [InlineData("websocket")]
    public async Task A_server_given_by_url_is_measured_without_its_cpu_and_memory(string key)
    {
        var result = await RunAsync(ApproachOf(key), server => ServerUnderTest.AtUrl(server.BaseAddress));

        result.ServerCpuMilliseconds.Should().BeNull("the benchmark cannot see the process of a server it did not start");
        result.ServerPeakMemoryBytes.Should().BeNull("the benchmark cannot see the process of a server it did not start");
        result.Delivered.Should().Be(Subscribers * Messages, "the round itself runs the same");
    }

    [Fact]
    public async Task A_server_given_by_url_has_no_process()
    {
        var started = await servers.OfStepAsync("05");

        var byUrl = ServerUnderTest.AtUrl(started.BaseAddress);

        byUrl.ProcessId.Should().BeNull("it was not started by the benchmark");
        started.ProcessId.Should().NotBeNull("the benchmark started it");
        byUrl.BaseAddress.Should().Be(started.BaseAddress);
    }

    [Fact]
    public async Task A_second_round_on_the_same_server_counts_only_its_own_messages()
    {
        var approach = ApproachOf("long-polling");

        await RunAsync(approach);
        var second = await RunAsync(approach);

        second.Delivered.Should().Be(Subscribers * Messages, "the first round's messages are before the second's starting point");
        second.Duplicates.Should().Be(0);
    }
}
