using System.Net.WebSockets;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// Who is here: `joined` and `left` to the others, and `presence` to everyone whenever the count changes.
/// Joining needs TODOs 1 to 3; staying connected while others come and go needs the receive loop (TODO 4), which
/// also notices when a client has gone.
/// Each test has a server of its own, so the counts are the test's own.
/// </summary>
public sealed class PresenceTests
{
    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Newcomer_is_announced_as_joined_to_the_others_only()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");

        await using var bo = await ChatPeer.JoinAsync(server, "Bo");
        var joined = await ana.ReceiveUntilAsync<Joined>();
        await using var eva = await ChatPeer.JoinAsync(server, "Eva");
        await bo.ReceiveUntilAsync<Joined>(j => j.User == eva.Me, "for Eva");

        joined.User.Should().Be(bo.Me, "the others learn who came: the newcomer's id and nickname");
        bo.Taken.Where(message => message.Is<Joined>()).Select(message => message.As<Joined>().User)
            .Should().Equal([eva.Me], "the newcomer is not told it joined (its welcome says so), only of those who come after it");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Presence_counts_everyone_after_each_join_newcomer_included()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        var anaAlone = await ana.ReceiveAsync<Presence>();

        await using var bo = await ChatPeer.JoinAsync(server, "Bo");
        var boCount = await bo.ReceiveAsync<Presence>();
        var anaJoined = await ana.ReceiveAsync<Joined>();
        var anaCount = await ana.ReceiveAsync<Presence>();

        anaAlone.Count.Should().Be(1, "the newcomer gets `presence` too, after its welcome; Ana is alone");
        boCount.Count.Should().Be(2, "Bo's welcome is followed by the count with Bo: 2 (no catch-up without `after`)");
        anaJoined.User.Should().Be(bo.Me, "the others get `joined` first...");
        anaCount.Count.Should().Be(2, "...then `presence` with the new count");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Client_that_closes_is_announced_as_left_with_the_new_count()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        await using var bo = await ChatPeer.JoinAsync(server, "Bo");
        await ana.ReceiveUntilAsync<Presence>(p => p.Count == 2, "of 2, once Bo is in");

        await bo.CloseAsync();
        var left = await ana.ReceiveAsync<Left>();
        var presence = await ana.ReceiveAsync<Presence>();

        left.User.Should().Be(bo.Me, "when a client closes, everyone still connected learns who left");
        presence.Count.Should().Be(1, "and the new count follows `left`");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Client_close_is_answered_with_1000()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");

        await ana.CloseAsync();
        await ana.ExpectCloseAsync(1000, "1000 normal closure is the answer to the client's own close");

        ana.Socket.State.Should().Be(WebSocketState.Closed, "a close frame went each way: the closing handshake is complete");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Client_that_vanishes_is_announced_as_left()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        await using var bo = await ChatPeer.JoinAsync(server, "Bo");
        await ana.ReceiveUntilAsync<Presence>(p => p.Count == 2, "of 2, once Bo is in");

        // No close frame: the connection just ends, as when a laptop's lid shuts or a page is killed.
        bo.Abort();
        var left = await ana.ReceiveAsync<Left>();
        var presence = await ana.ReceiveAsync<Presence>();

        left.User.Should().Be(bo.Me, "a connection that ends without a close frame is a client gone too");
        presence.Count.Should().Be(1, "and the count drops");
    }

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Online_list_forgets_who_left()
    {
        await using var server = ChatServer.Start();
        await using var ana = await ChatPeer.JoinAsync(server, "Ana");
        await using var bo = await ChatPeer.JoinAsync(server, "Bo");
        await using var eva = await ChatPeer.JoinAsync(server, "Eva");
        await bo.CloseAsync();
        await ana.ReceiveUntilAsync<Left>(l => l.User == bo.Me, "for Bo");

        await using var dan = await ChatPeer.JoinAsync(server, "Dan");

        dan.Welcome!.Online.Should().Equal([ana.Me, eva.Me, dan.Me], "`online` lists those connected now: Bo has left");
        dan.Me.Id.Should().Be("u4", "ids are never reused: Dan is the fourth connection");
    }
}
