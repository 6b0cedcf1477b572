using System.Text.RegularExpressions;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// The first message on every connection: who you are, who is here, the newest message id and the server's id.
/// A welcome needs the accepted WebSocket (TODO 1), the join (TODO 3) and the outbox that sends it (TODO 2); a list of
/// several people needs them to stay connected, which takes the receive loop (TODO 4).
/// </summary>
public sealed partial class WelcomeTests
{
    [GeneratedRegex("^guest-[0-9]+$")]
    private static partial Regex GuestPattern();

    [Fact]
    [Todo(1, 2, 3)]
    public async Task Welcome_comes_first_with_you_online_lastId_and_serverId()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.ConnectAsync(server, "nickname=Ana", name: "Ana");

        var first = await ana.ReceiveAsync("a `welcome` first");

        first.Type.Should().Be("welcome", "the server's first message on every connection is the welcome; it sent: {0}", first);
        var welcome = first.As<Welcome>();
        welcome.You.Should().Be(new User("u1", "Ana"),
            "the first connection of a server's lifetime is u1, and its nickname is the one asked for with ?nickname=Ana");
        welcome.Online.Should().Equal([new User("u1", "Ana")], "`online` lists everyone connected, you included, and Ana is alone");
        welcome.LastId.Should().Be(0, "no chat message was sent yet, so the newest id is 0");
        welcome.ServerId.Should().NotBeNullOrWhiteSpace("the welcome names the running server, so a page can tell when it restarted");
        welcome.Text.Should().Contain("Ana", "the welcome's text greets the newcomer by name, for the page to show");
    }

    [Fact]
    [Todo(1, 2, 3)]
    public async Task User_ids_are_u1_u2_u3_in_connection_order()
    {
        await using var server = ChatServer.Start();

        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        await using var bo = await ChatPeer.JoinAsync(server, "Bo");
        await using var eva = await ChatPeer.JoinAsync(server, "Eva");

        new[] { ana.Me.Id, bo.Me.Id, eva.Me.Id }.Should().Equal(["u1", "u2", "u3"],
            "users are numbered u1, u2, u3... in the order they connect, for the server's lifetime");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Welcome_lists_everyone_online_in_joining_order()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        await using var bo = await ChatPeer.JoinAsync(server, "Bo");

        await using var eva = await ChatPeer.JoinAsync(server, "Eva");
        // Ana and Bo are still connected: they hear of Eva.
        await Task.WhenAll(ana.ReceiveUntilAsync<Joined>(j => j.User == eva.Me, "for Eva"), bo.ReceiveUntilAsync<Joined>(j => j.User == eva.Me, "for Eva"));

        eva.Welcome!.Online.Should().Equal([ana.Me, bo.Me, eva.Me],
            "`online` lists everyone connected, in the order they joined, the newcomer last");
        eva.Welcome.Text.Should().Contain("3", "the welcome's text says how many people are here");
    }

    [Fact]
    [Todo(1, 2, 3)]
    public async Task Nickname_from_the_query_is_trimmed()
    {
        await using var server = ChatServer.Start();

        await using var ana = await ChatPeer.JoinAsync(server, "  Ana María \t");

        ana.Me.Nickname.Should().Be("Ana María", "the nickname is trimmed of surrounding white space, and kept as it is inside");
    }

    [Fact]
    [Todo(1, 2, 3)]
    public async Task Nickname_of_24_characters_is_accepted()
    {
        await using var server = ChatServer.Start();
        var nickname = new string('n', 23) + "ñ";

        await using var peer = await ChatPeer.JoinAsync(server, nickname);

        peer.Me.Nickname.Should().Be(nickname, "24 characters is the longest nickname allowed, not too long");
    }

    [Theory]
    [Todo(1, 2, 3)]
    [InlineData(null)]
    [InlineData("nickname=")]
    public async Task Client_without_a_nickname_is_called_guest_n(string? query)
    {
        await using var server = ChatServer.Start();
        await using var peer = await ChatPeer.ConnectAsync(server, query);

        var welcome = await peer.ReceiveAsync<Welcome>();

        welcome.You.Nickname.Should().MatchRegex(GuestPattern(),
            "with no nickname, or an empty one (?{0}), the server picks `guest-<n>` itself", query ?? "");
    }
}
