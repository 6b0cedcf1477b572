using FluentAssertions;
using Workshop.Bench.Wire;
using Xunit;

namespace Workshop.Bench.Tests;

/// <summary>The counted HTTP client against a raw server that knows exactly what crossed the wire.</summary>
public sealed class CountedHttpClientTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bytes_counted_are_the_bytes_the_server_read_and_wrote()
    {
        await using var peer = new RawHttpPeer();
        var counters = new WireCounters();
        using var http = peer.Mark(CountedClients.Http(peer.BaseAddress, counters));

        var body = await http.GetStringAsync("api/messages?after=0", Cancel);

        body.Should().Be("hello");
        counters.BytesSent.Should().Be(peer.BytesRead, "every byte the client wrote to its socket is a byte the server read");
        counters.BytesReceived.Should().Be(peer.BytesWritten, "every byte the server wrote is a byte the client read off its socket");
        counters.BytesReceived.Should().Be(RawHttpPeer.Response.Length, "status line, headers and body are all counted");
    }

    [Fact]
    public async Task One_request_opens_one_connection_and_counts_one_request()
    {
        await using var peer = new RawHttpPeer();
        var counters = new WireCounters();
        using var http = peer.Mark(CountedClients.Http(peer.BaseAddress, counters));

        await http.GetStringAsync("", Cancel);

        counters.Connections.Should().Be(1, "one request needs one TCP connection");
        peer.ConnectionsAccepted.Should().Be(1);
        counters.Requests.Should().Be(1, "one request was sent");
        counters.FailedRequests.Should().Be(0, "the server answered");
        counters.EmptyResponses.Should().Be(0, "the client alone never decides an answer is empty; the approach does");
    }

    [Fact]
    public async Task A_second_request_reuses_the_connection_and_is_counted_too()
    {
        await using var peer = new RawHttpPeer();
        var counters = new WireCounters();
        using var http = peer.Mark(CountedClients.Http(peer.BaseAddress, counters));

        await http.GetStringAsync("first", Cancel);
        await http.GetStringAsync("second", Cancel);

        counters.Connections.Should().Be(1, "a keep-alive connection is reused, as a browser tab reuses it");
        peer.ConnectionsAccepted.Should().Be(1);
        counters.Requests.Should().Be(2, "each request is counted, on a new connection or not");
        peer.RequestsRead.Should().Be(2);
        counters.BytesSent.Should().Be(peer.BytesRead, "both requests' bytes are counted");
        counters.BytesReceived.Should().Be(2 * RawHttpPeer.Response.Length, "both answers' bytes are counted");
    }

    [Fact]
    public async Task Each_counted_client_has_its_own_connection_as_each_page_does()
    {
        await using var peer = new RawHttpPeer();
        var counters = new WireCounters();
        using var first = peer.Mark(CountedClients.Http(peer.BaseAddress, counters));
        using var second = peer.Mark(CountedClients.Http(peer.BaseAddress, counters));

        await first.GetStringAsync("", Cancel);
        await second.GetStringAsync("", Cancel);

        counters.Connections.Should().Be(2, "two simulated pages do not share a connection pool");
        counters.Requests.Should().Be(2);
        counters.BytesSent.Should().Be(peer.BytesRead, "the counters are shared by every client of a run");
        counters.BytesReceived.Should().Be(peer.BytesWritten);
    }

    [Fact]
    public async Task A_request_the_server_never_answers_is_counted_as_failed()
    {
        await using var peer = new RawHttpPeer(answer: false);
        var counters = new WireCounters();
        using var http = peer.Mark(CountedClients.Http(peer.BaseAddress, counters));

        var asking = () => http.GetStringAsync("", Cancel);

        await asking.Should().ThrowAsync<HttpRequestException>("the server closed the connection without answering");
        counters.Requests.Should().Be(1, "the request was sent");
        counters.FailedRequests.Should().Be(1, "it got no answer");
        counters.BytesSent.Should().Be(peer.BytesRead, "the request's bytes crossed the wire all the same");
        counters.BytesReceived.Should().Be(0, "the server wrote nothing");
    }

    [Fact]
    public async Task A_request_cancelled_by_the_caller_is_not_counted_as_failed()
    {
        await using var peer = new RawHttpPeer(answer: false);
        var counters = new WireCounters();
        using var http = peer.Mark(CountedClients.Http(peer.BaseAddress, counters));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var asking = () => http.GetStringAsync("", cancelled.Token);

        await asking.Should().ThrowAsync<OperationCanceledException>();
        counters.FailedRequests.Should().Be(0, "a round that ends cancels its requests; that is no failure of the server");
    }

    [Fact]
    public async Task A_server_that_refuses_connections_counts_no_connection_and_a_failed_request()
    {
        // A port that was free a moment ago: nothing listens there now.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var counters = new WireCounters();
        using var http = CountedClients.Http(new Uri($"http://127.0.0.1:{port}/"), counters);

        var asking = () => http.GetStringAsync("", Cancel);

        await asking.Should().ThrowAsync<HttpRequestException>();
        counters.Connections.Should().Be(0, "a connection is counted once it is open, and this one never opened");
        counters.Requests.Should().Be(1);
        counters.FailedRequests.Should().Be(1, "the request got no answer");
        counters.BytesSent.Should().Be(0);
    }
}
