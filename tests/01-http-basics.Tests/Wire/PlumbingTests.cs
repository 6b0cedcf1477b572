using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HttpBasics.Server;
using Workshop.Testing;
using Workshop.Testing.Goals;

namespace HttpBasics.Tests.Wire;

/// <summary>
/// The given plumbing around your code, seen from the clients' side: connection slots, clients that hang up,
/// stopping the server, and the page that shows a request back.
/// </summary>
[RunsLong(1.3)]
public sealed class PlumbingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6, 7)]
    public async Task Clients_beyond_the_connection_limit_wait_for_a_free_slot_and_are_then_served()
    {
        var timeout = TimeSpan.FromSeconds(1);
        await using var server = StartServer(requestTimeout: timeout, maxConnections: 1);
        using var silent = await RawHttpClient.ConnectAsync(server.EndPoint, Cancel);
        await Task.Delay(200, Cancel);
        var clock = Stopwatch.StartNew();

        var waited = await RawHttpClient.SendAsync(server.EndPoint, Hello, Cancel);
        var waitedFor = clock.Elapsed;
        var next = await RawHttpClient.SendAsync(server.EndPoint, Hello, Cancel);
        var last = await RawHttpClient.SendAsync(server.EndPoint, Hello, Cancel);

        waited.StatusCode.Should().Be(200, "a client that waited for the only slot is served once it is free; it got:\n{0}", waited);
        waitedFor.Should().BeGreaterThan(timeout / 2,
            "with one slot, held by a silent client, the next client waits until the request timeout drops the silent one");
        next.StatusCode.Should().Be(200, "every finished connection gives its slot back; the next client got:\n{0}", next);
        last.StatusCode.Should().Be(200, "every finished connection gives its slot back; the last client got:\n{0}", last);
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Client_that_hangs_up_in_the_middle_of_its_body_gets_no_answer()
    {
        await using var server = StartServer();
        using var client = await RawHttpClient.ConnectAsync(server.EndPoint, Cancel);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\nabc"), Cancel);
        // "No more from me": the server sees the end of the stream where 7 more body bytes should have come.
        client.Client.Shutdown(SocketShutdown.Send);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(RawHttpClient.DefaultTimeout);
        var received = new MemoryStream();
        await stream.CopyToAsync(received, deadline.Token);
        var response = RawResponse.From(received.ToArray(), closedByServer: true);

        response.Bytes.Should().BeEmpty("3 of 10 body bytes, then the client hung up: nobody is left to read an answer, so the server " +
            "hangs up without one. It sent:\n{0}", response);
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Stopping_the_server_closes_a_connection_that_waits_for_its_body_and_refuses_new_ones()
    {
        var server = StartServer(requestTimeout: TimeSpan.FromSeconds(30));
        using var client = await RawHttpClient.ConnectAsync(server.EndPoint, Cancel);
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\nabc"), Cancel);
        var beforeStopping = await RawHttpClient.ReadUntilClosedAsync(client, TimeSpan.FromMilliseconds(300), Cancel);

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();
        var stoppedIn = clock.Elapsed;
        var response = await RawHttpClient.ReadUntilClosedAsync(client, RawHttpClient.DefaultTimeout, Cancel);
        var connect = () => RawHttpClient.ConnectAsync(server.EndPoint, Cancel);

        beforeStopping.Bytes.Should().BeEmpty("3 of the 10 body bytes have arrived, so the server is still waiting for the rest; " +
            "it sent:\n{0}", beforeStopping);
        stoppedIn.Should().BeLessThan(TimeSpan.FromSeconds(5), "stopping cancels the connections in progress instead of waiting out their 30 s");
        response.ClosedByServer.Should().BeTrue("stopping the server closes every connection");
        response.Bytes.Should().BeEmpty("the request never arrived whole, so there is nothing to answer; the server sent:\n{0}", response);
        await connect.Should().ThrowAsync<SocketException>("a stopped server no longer listens");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    public async Task Root_page_lists_every_header_field_in_arrival_order_and_escapes_them()
    {
        await using var server = StartServer();

        var response = await RawHttpClient.SendAsync(server.EndPoint,
            "GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nX-Note: <b>hi</b>\r\naccept: text/plain\r\n\r\n", Cancel);

        response.StatusCode.Should().Be(200, "GET / is the home page; the server sent:\n{0}", response);
        var table = response.Body[response.Body.IndexOf("<table id=\"headers\">", StringComparison.Ordinal)..];
        table.Should().ContainAll(
            ["<tr><th>Host</th><td>localhost</td></tr>", "<tr><th>Accept</th><td>text/html</td></tr>",
             "<tr><th>X-Note</th><td>&lt;b&gt;hi&lt;/b&gt;</td></tr>", "<tr><th>accept</th><td>text/plain</td></tr>"],
            "the table shows each field as it was sent");
        table.IndexOf("Host", StringComparison.Ordinal).Should().BeLessThan(table.IndexOf("X-Note", StringComparison.Ordinal));
        table.IndexOf("X-Note", StringComparison.Ordinal).Should().BeLessThan(table.IndexOf("text/plain", StringComparison.Ordinal),
            "the fields appear in the order they arrived, not grouped by name");
        response.Body.Should().NotContain("<b>hi</b>", "what a client sends is text to show, never markup for the page");
    }

    private const string Hello = "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /// <summary>The step's server on a free loopback port, with the limits a test needs.</summary>
    private static HttpServer StartServer(TimeSpan? requestTimeout = null, int maxConnections = 100) => HttpServer.Start(new ServerOptions
    {
        Address = IPAddress.Loopback,
        Port = 0,
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
        MaxConnections = maxConnections,
        Log = _ => { },
    });
}
