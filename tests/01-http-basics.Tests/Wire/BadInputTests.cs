using System.Text;
using Workshop.Testing;

namespace HttpBasics.Tests.Wire;

/// <summary>Bad input gets a clear status and a sentence explaining it, and the server keeps serving.</summary>
[RunsLong(2.3)]
public sealed class BadInputTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int> BadRequests => new()
    {
        { "a malformed request line", "GET /\r\nHost: localhost\r\n\r\n", 400 },
        { "a header line without a colon", "GET / HTTP/1.1\r\nHost localhost\r\n\r\n", 400 },
        { "a header value with a bare CR in it", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Note: a\rSet-Cookie: evil=1\r\n\r\n", 400 },
        { "two Host headers", "GET / HTTP/1.1\r\nHost: localhost\r\nHost: example.com\r\n\r\n", 400 },
        { "an HTTP/1.1 request without Host", "GET / HTTP/1.1\r\n\r\n", 400 },
        { "a Content-Length that is not a number", "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: lots\r\n\r\n", 400 },
        { "a body over 1 MiB", "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2097152\r\n\r\n", 413 },
        { "Transfer-Encoding: chunked", "POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 501 },
        { "HTTP/2.0 in the request line", "GET / HTTP/2.0\r\nHost: localhost\r\n\r\n", 505 },
        { "headers over 8 KiB", $"GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: {new string('a', 9000)}\r\n\r\n", 431 },
    };

    [Theory]
    [Todo(1, 2, 3, 4, 5)]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_request_gets_its_status_code_and_a_reason(string what, string request, int expectedStatus)
    {
        await using var server = RunningServer.Start();

        var response = await RawHttpClient.SendAsync(server.EndPoint, request, Cancel);

        response.StatusCode.Should().Be(expectedStatus, "a request with {0} gets {1}; the server sent:\n{2}", what, expectedStatus, response);
        response.Body.Should().NotBeNullOrWhiteSpace("the body should say in words what was wrong with the request");
        response.ClosedByServer.Should().BeTrue("after refusing a request the server closes the connection");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6, 7)]
    public async Task Server_keeps_serving_after_bad_requests()
    {
        await using var server = RunningServer.Start();
        foreach (var request in BadRequests.Select(row => (string)row.Data.Item2))
        {
            await RawHttpClient.SendAsync(server.EndPoint, request, Cancel);
        }
        await RawHttpClient.SendAsync(server.EndPoint, Encoding.UTF8.GetBytes("\u0001\u0002garbage\r\n\r\n"), RawHttpClient.DefaultTimeout, Cancel);

        var response = await RawHttpClient.SendAsync(server.EndPoint, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n", Cancel);

        response.StatusCode.Should().Be(200, "one bad client must never break the server for the next one; the server sent:\n{0}", response);
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6, 7)]
    public async Task Silent_client_is_dropped_after_the_timeout_while_others_are_served()
    {
        var timeout = TimeSpan.FromSeconds(1);
        await using var server = RunningServer.Start(requestTimeout: timeout);
        using var silent = await RawHttpClient.ConnectAsync(server.EndPoint, Cancel);

        var other = await RawHttpClient.SendAsync(server.EndPoint, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n", Cancel);
        var dropped = await RawHttpClient.ReadUntilClosedAsync(silent, timeout * 10, Cancel);

        other.StatusCode.Should().Be(200, "a client that sends nothing must not keep the server from serving others; the other client got:\n{0}", other);
        dropped.ClosedByServer.Should().BeTrue("a client that sends nothing is disconnected once the request timeout ({0}) passes", timeout);
        dropped.Bytes.Should().BeEmpty("an idle connection is simply closed: there is no request to answer");
    }

    [Fact]
    [Todo(5)]
    public async Task Client_that_stops_in_the_middle_of_a_request_gets_408()
    {
        var timeout = TimeSpan.FromSeconds(1);
        await using var server = RunningServer.Start(requestTimeout: timeout);
        using var slow = await RawHttpClient.ConnectAsync(server.EndPoint, Cancel);
        await slow.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /hello HTTP/1.1\r\nHost: loc"), Cancel);

        var response = await RawHttpClient.ReadUntilClosedAsync(slow, timeout * 10, Cancel);

        response.StatusCode.Should().Be(408, "a request that does not arrive whole within the timeout gets 408 Request Timeout; the server sent:\n{0}", response);
    }
}
