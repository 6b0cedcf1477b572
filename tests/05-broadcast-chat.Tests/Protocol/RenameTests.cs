namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// A client changes its nickname: everyone hears of it, and its later messages carry the new one. A rename is a
/// message from the client (TODO 4) announced to everyone by the room (TODO 3), on an accepted connection (TODO 1),
/// through the outboxes (TODO 2); the messages that show the new nickname are broadcasts (TODO 5).
/// </summary>
public sealed class RenameTests(SharedChatServer shared) : IClassFixture<SharedChatServer>
{
    private ChatServer Server => shared.Server;

    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Rename_is_announced_to_everyone_including_the_renamer()
    {
        await using var bo = await ChatPeer.JoinAsync(Server, "rn-Bo");
        await using var ana = await ChatPeer.JoinAsync(Server, "rn-Ana");

        await bo.RenameAsync("rn-Bobby");

        foreach (var peer in new[] { bo, ana })
        {
            var renamed = await peer.ReceiveUntilAsync<Renamed>(r => r.User.Id == bo.Me.Id, $"for {bo.Me.Id}");
            renamed.User.Should().Be(new User(bo.Me.Id, "rn-Bobby"), "{0} learns the renamer's new nickname, with its same id", peer.Name);
            renamed.Previous.Should().Be("rn-Bo", "`previous` is the nickname it had, so a page can say who became whom");
        }
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5)]
    public async Task Messages_after_a_rename_carry_the_new_nickname()
    {
        await using var bo = await ChatPeer.JoinAsync(Server, "rn-Bo2");
        await using var ana = await ChatPeer.JoinAsync(Server, "rn-Ana2");

        await bo.RenameAsync("  rn-Bobby2  ");
        await bo.SendMessageAsync("now with my new name");
        await bo.ReceiveUntilAsync<ChatMessage>(m => m.Text == "now with my new name", "with its own text, back");
        var message = await ana.ReceiveUntilAsync<ChatMessage>(m => m.Text == "now with my new name", "with Bo's text");
        await using var eva = await ChatPeer.JoinAsync(Server, "rn-Eva2");

        message.From.Should().Be(new User(bo.Me.Id, "rn-Bobby2"), "a message sent after the rename names its author by the new, trimmed nickname");
        eva.Welcome!.Online.Should().Contain(new User(bo.Me.Id, "rn-Bobby2"), "a newcomer's `online` list has the new nickname too");
    }

    [Theory]
    [Todo(1, 2, 3, 4, 5)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("this nickname is far too long")]
    [InlineData("bell\u0007")]
    public async Task Invalid_rename_gets_invalid_nickname_and_keeps_the_old_one(string nickname)
    {
        await using var bo = await ChatPeer.JoinAsync(Server, "rn-Bo3");

        await bo.RenameAsync(nickname);
        var error = await bo.ReceiveUntilAsync<ChatError>();
        await bo.SendMessageAsync("still rn-Bo3?");
        var message = await bo.ReceiveUntilAsync<ChatMessage>(m => bo.IsNew(m), "with Bo's text");

        error.Code.Should().Be("invalid-nickname",
            "a nickname must be 1 to 24 characters after trimming, without control characters; \"{0}\" is not", nickname);
        message.From.Nickname.Should().Be("rn-Bo3", "a refused rename leaves the nickname as it was, and the connection usable");
        bo.Taken.Where(m => m.Is<Renamed>()).Should().BeEmpty("a refused rename is announced to nobody");
    }
}
