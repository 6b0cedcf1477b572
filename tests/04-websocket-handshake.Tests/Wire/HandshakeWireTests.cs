using System.Net;
using System.Net.WebSockets;
using Workshop.Testing;

namespace WebSocketHandshake.Tests.Wire;

/// <summary>The handshake over a real TCP connection to the running app: what the server answers, and to whom.</summary>
public sealed class HandshakeWireTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    [Given("the page is given: only the server side is the lesson")]
    public async Task Root_serves_the_echo_page()
    {
        await using var server = EchoServer.Start();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var page = await client.GetStringAsync("/", Cancel);

        page.Should().Contain("app.mjs", "the page at / loads the script that opens the WebSocket");
    }

    [Fact]
    [Todo(1, 2, 3)]
    public async Task Upgrade_answers_101_with_the_accept_key_of_the_rfc_sample()
    {
        await using var server = EchoServer.Start();

        using var socket = await server.OpenRawAsync();

        var head = socket.ResponseHead;
        head.Should().StartWith("HTTP/1.1 101 Switching Protocols", "a valid handshake switches protocols; the server answered:\n{0}", head);
        head.Should().MatchRegex("(?im)^Upgrade: websocket\r?$", "the 101 says what it switches to; the server answered:\n{0}", head);
        head.Should().MatchRegex("(?im)^Connection: Upgrade\r?$", "the 101 says the connection is upgraded; the server answered:\n{0}", head);
        head.Should().Contain("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
            "the key dGhlIHNhbXBsZSBub25jZQ== has the accept value of RFC 6455 §1.3; the server answered:\n{0}", head);
    }

    [Fact]
    [Todo(1, 2, 3)]
    public async Task ClientWebSocket_opens_a_connection()
    {
        await using var server = EchoServer.Start();

        using var client = await server.ConnectAsync(options => options.CollectHttpResponseDetails = true);

        client.State.Should().Be(WebSocketState.Open, ".NET's own client checked the 101 and the accept value, and is satisfied");
        client.HttpStatusCode.Should().Be(HttpStatusCode.SwitchingProtocols);
    }

    public static TheoryData<string, string> BadHandshakes => new()
    {
        { "no Upgrade header", "GET /ws HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n" },
        { "no Upgrade token in Connection", "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: keep-alive\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n" },
        { "no Sec-WebSocket-Key", "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n" },
        { "a key of 8 bytes", "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAA=\r\nSec-WebSocket-Version: 13\r\n\r\n" },
        { "a POST", "POST /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n" },
        { "a plain GET (no upgrade at all)", "GET /ws HTTP/1.1\r\nHost: localhost\r\n\r\n" },
    };

    [Theory]
    [Todo(2)]
    [MemberData(nameof(BadHandshakes))]
    public async Task Bad_handshake_gets_400_with_a_one_line_reason(string what, string request)
    {
        await using var server = EchoServer.Start();

        var response = await RawHttpClient.SendAsync(server.EndPoint, request, Cancel);

        response.StatusCode.Should().Be(400, "a handshake with {0} is refused with 400; the server sent:\n{1}", what, response);
        response.Body.Trim().Should().NotBeEmpty("the body says in one line what was wrong; the server sent:\n{0}", response);
        response.Body.Trim().Should().NotContain("\n", "the reason is one line; the server sent:\n{0}", response);
    }

    [Fact]
    [Todo(2)]
    public async Task Wrong_version_gets_426_naming_version_13()
    {
        await using var server = EchoServer.Start();

        var response = await RawHttpClient.SendAsync(server.EndPoint, server.Handshake().Replace("Version: 13", "Version: 8", StringComparison.Ordinal), Cancel);

        response.StatusCode.Should().Be(426, "version 8 is an old draft; the server speaks 13 only; the server sent:\n{0}", response);
        response.Header("Sec-WebSocket-Version").Should().Be("13",
            "RFC 6455 §4.4: the 426 lists the versions the server speaks, so the client can try again; the server sent:\n{0}", response);
    }

    [Fact]
    [Todo(2, 3)]
    public async Task Page_from_another_site_gets_403()
    {
        await using var server = EchoServer.Start();

        var response = await RawHttpClient.SendAsync(server.EndPoint, server.Handshake("Origin: http://evil.example\r\n"), Cancel);

        response.StatusCode.Should().Be(403,
            "a page on http://evil.example may not talk to this server through the user's browser (cross-site WebSocket hijacking); the server sent:\n{0}", response);
    }

    [Fact]
    [Todo(1, 2, 3)]
    public async Task Page_of_the_server_itself_is_upgraded()
    {
        await using var server = EchoServer.Start();

        using var socket = await server.OpenRawAsync($"Origin: http://{server.EndPoint}\r\n");

        socket.ResponseHead.Should().StartWith("HTTP/1.1 101", "the page the server itself serves must be able to connect");
    }

    [Fact]
    [Todo(1, 2, 3)]
    public async Task Configured_origin_is_upgraded()
    {
        await using var server = EchoServer.Start(new Dictionary<string, string?> { ["WebSocket:AllowedOrigins:0"] = "http://localhost:3000" });

        using var socket = await server.OpenRawAsync("Origin: http://localhost:3000\r\n");

        socket.ResponseHead.Should().StartWith("HTTP/1.1 101", "WebSocket:AllowedOrigins lets in pages from http://localhost:3000");
    }
}
