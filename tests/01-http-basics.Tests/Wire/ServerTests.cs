using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Workshop.Testing;

namespace HttpBasics.Tests.Wire;

/// <summary>The whole server, over a real TCP connection, with the clients real programs use.</summary>
[Todo(1, 2, 3, 4, 5, 6, 7)]
public sealed class ServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HttpClient_gets_a_greeting_over_a_real_socket()
    {
        await using var server = RunningServer.Start();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/hello?name=Ana", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "GET /hello?name=Ana is a route; the server answered: {0}", body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        body.Should().Be("Hello, Ana!");
    }

    [Fact]
    public async Task HttpClient_posts_a_body_and_gets_it_echoed()
    {
        await using var server = RunningServer.Start();
        using var client = server.CreateClient();
        using var content = new StringContent("¡hola!", Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync("/echo", content, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "POST /echo is a route; the server answered: {0}", body);
        body.Should().Be("¡hola!", "the server reads exactly Content-Length body bytes after the blank line and sends them back");
    }

    [Fact]
    public async Task Response_follows_the_http_wire_format()
    {
        await using var server = RunningServer.Start();

        var response = await RawHttpClient.SendAsync(server.EndPoint, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n", Cancel);

        response.StatusLine.Should().Be("HTTP/1.1 200 OK", "the first line of a response is its status line; the server sent:\n{0}", response);
        DateTimeOffset.TryParseExact(response.Header("Date"), "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            .Should().BeTrue("the Date header must be an IMF-fixdate such as 'Wed, 25 Nov 2026 12:00:00 GMT'; the server sent:\n{0}", response);
        response.Header("Content-Length").Should().Be(Encoding.UTF8.GetByteCount(response.Body).ToString(CultureInfo.InvariantCulture),
            "Content-Length must count the body's bytes exactly; the server sent:\n{0}", response);
        response.Body.Should().Be("Hello, world!");
    }

    [Fact]
    public async Task Server_closes_the_connection_after_one_response()
    {
        await using var server = RunningServer.Start();

        var response = await RawHttpClient.SendAsync(server.EndPoint, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n", Cancel);

        response.StatusCode.Should().Be(200, "the server should answer before it closes; it sent:\n{0}", response);
        response.Header("Connection").Should().Be("close", "the server announces that it will close the connection");
        response.ClosedByServer.Should().BeTrue("HTTP here is connectionless: one request, one response, then the server hangs up");
    }

    [Fact]
    public async Task Http10_request_without_host_gets_a_greeting_over_the_wire()
    {
        await using var server = RunningServer.Start();

        var response = await RawHttpClient.SendAsync(server.EndPoint, "GET /hello?name=Ana HTTP/1.0\r\n\r\n", Cancel);

        response.StatusCode.Should().Be(200, "HTTP/1.0 does not require Host, so a 1.0 request without one is served; the server sent:\n{0}", response);
        response.Body.Should().Be("Hello, Ana!");
    }

    [Fact]
    public async Task Head_over_the_wire_sends_headers_without_a_body()
    {
        await using var server = RunningServer.Start();

        var response = await RawHttpClient.SendAsync(server.EndPoint, "HEAD /hello?name=Ana HTTP/1.1\r\nHost: localhost\r\n\r\n", Cancel);

        response.StatusCode.Should().Be(200, "HEAD is allowed wherever GET is; the server sent:\n{0}", response);
        response.Header("Content-Length").Should().Be("11", "HEAD announces the length the GET body would have");
        response.Body.Should().BeEmpty("a response to HEAD has no body");
    }

    [Fact]
    public async Task Request_split_across_many_packets_is_understood()
    {
        await using var server = RunningServer.Start();
        using var client = await RawHttpClient.ConnectAsync(server.EndPoint, Cancel);
        var stream = client.GetStream();

        // TCP is a stream of bytes, not of messages: a request may arrive a few bytes at a time.
        foreach (var piece in new[] { "GE", "T /hello?na", "me=Ana HTTP/1.1\r", "\nHost: localhost\r\n", "\r\n" })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(piece), Cancel);
            await stream.FlushAsync(Cancel);
            await Task.Delay(50, Cancel);
        }
        var response = await RawHttpClient.ReadUntilClosedAsync(client, RawHttpClient.DefaultTimeout, Cancel);

        response.StatusCode.Should().Be(200, "the server must wait for the blank line however the bytes are split; it sent:\n{0}", response);
        response.Body.Should().Be("Hello, Ana!");
    }

    [Fact]
    public async Task Program_started_with_port_0_prints_its_address_and_serves()
    {
        // The program as a learner runs it, with the option every step takes: 'dotnet run --project 01-http-basics -- --urls http://127.0.0.1:0'.
        var program = Path.Combine(AppContext.BaseDirectory, "HttpBasics.dll");
        await using var server = await ServerProcess.StartAsync(program, ["--urls", "http://127.0.0.1:0"], TimeSpan.FromSeconds(30), Cancel);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        using var response = await client.GetAsync("/hello?name=Ana", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the program listens where it says it does; it answered: {0}\nIts console:\n{1}", body, server.Output);
        body.Should().Be("Hello, Ana!");
    }
}
