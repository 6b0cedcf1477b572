using System.Net;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// What /chat answers before any upgrade: refusals with a status and problem details, and the origins it lets in.
/// All of it is the endpoint's own work (TODO 1).
/// </summary>
[Todo(1)]
public sealed class EndpointTests(SharedChatServer shared) : IClassFixture<SharedChatServer>
{
    private ChatServer Server => shared.Server;

    private string OwnOrigin => $"http://{Server.EndPoint}";

    [Fact]
    public async Task Plain_GET_of_chat_is_refused_with_400_naming_the_WebSocket_endpoint()
    {
        var answer = await ChatHandshake.SendAsync(Server, webSocket: false);

        answer.Status.Should().Be(HttpStatusCode.BadRequest, "/chat only speaks WebSocket: a plain GET is a bad request; the server answered {0}", answer);
        answer.Body.Should().Contain("/chat is a WebSocket endpoint", "the problem details say why, for whoever opened /chat in a browser tab");
    }

    [Fact]
    public async Task Foreign_Origin_is_refused_with_403()
    {
        var answer = await ChatHandshake.SendAsync(Server, "nickname=Mallory", origin: "http://evil.example");

        answer.Status.Should().Be(HttpStatusCode.Forbidden,
            "a browser on another site's page sends its own Origin; the chat refuses pages it did not serve (cross-site WebSocket " +
            "hijacking); the server answered {0}", answer);
    }

    [Fact]
    public async Task Own_Origin_is_accepted()
    {
        var answer = await ChatHandshake.SendAsync(Server, "nickname=Ana", origin: OwnOrigin);

        answer.Status.Should().Be(HttpStatusCode.SwitchingProtocols,
            "the server's own page, from {0}, is its own origin (scheme://Host) and is let in; the server answered {1}", OwnOrigin, answer);
    }

    [Fact]
    public async Task Handshake_without_Origin_is_accepted()
    {
        var answer = await ChatHandshake.SendAsync(Server, "nickname=curl");

        answer.Status.Should().Be(HttpStatusCode.SwitchingProtocols,
            "a client that is no browser (ClientWebSocket, curl, a script) sends no Origin and is let in; the server answered {0}", answer);
    }

    [Fact]
    public async Task Origin_listed_in_AllowedOrigins_is_accepted()
    {
        await using var server = ChatServer.Start(new Dictionary<string, string?>
        {
            ["Chat:AllowedOrigins:0"] = "https://chat.example",
            ["Chat:AllowedOrigins:1"] = "http://localhost:5173",
        });

        var listed = await ChatHandshake.SendAsync(server, "nickname=Ana", origin: "http://localhost:5173");
        var foreign = await ChatHandshake.SendAsync(server, "nickname=Mallory", origin: "http://evil.example");

        listed.Status.Should().Be(HttpStatusCode.SwitchingProtocols,
            "Chat:AllowedOrigins lists other origins the chat trusts, such as a page served by a dev server; the server answered {0}", listed);
        foreign.Status.Should().Be(HttpStatusCode.Forbidden, "an origin that is not in the list is still refused; the server answered {0}", foreign);
    }

    [Theory]
    [InlineData("nickname=ThisNicknameIsTooLong1234", "a nickname of 25 characters, over 24")]
    [InlineData("nickname=Ana%00", "a nickname with a control character (NUL)")]
    [InlineData("nickname=Ana%0ABo", "a nickname with a line break")]
    [InlineData("after=-1", "an `after` below 0")]
    [InlineData("after=abc", "an `after` that is not a number")]
    [InlineData("after=1.5", "an `after` that is not an integer")]
    public async Task Invalid_query_is_refused_with_400_before_the_upgrade(string query, string what)
    {
        var answer = await ChatHandshake.SendAsync(Server, query);

        answer.Status.Should().Be(HttpStatusCode.BadRequest,
            "{0} (?{1}) is refused before the upgrade, with problem details the page's developer can read; the server answered {2}", what, query, answer);
        answer.Body.Should().Contain("\"detail\"", "the refusal is problem details, whose `detail` says what is wrong");
    }
}
