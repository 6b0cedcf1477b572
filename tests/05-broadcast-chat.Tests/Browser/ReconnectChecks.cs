using Workshop.Testing;

namespace BroadcastChat.Tests.Browser;

/// <summary>
/// Two people in two browsers again, now through a lost connection: one leaves and comes back, then the server itself
/// restarts. The page's TODO 7 (reconnect and catch up) on top of the whole chat. A class of its own so that it runs
/// beside <see cref="TwoBrowserChecks"/>; instructors run both the same way (see there).
/// </summary>
[RunsLong(6)]
public sealed class ReconnectChecks(BrowserFixture browser)
{
    [Fact]
    [Todo(1, 2, 3, 4, 5, 6, 7)]
    [Trait(TwoBrowserChecks.Trait, TwoBrowserChecks.TwoBrowsers)]
    public Task A_page_that_comes_back_gets_what_it_missed_once() => BrowserCheck.RunAsync(browser, "catch-up", async check =>
    {
        var (ana, eva) = await check.OpenTwoAsync("Ana", "Eva");
        var addresses = new System.Collections.Concurrent.ConcurrentQueue<string>();
        eva.Page.WebSocket += (_, socket) => addresses.Enqueue(socket.Url);
        await ana.SendAsync("Are you there, Eva?");
        await eva.WaitForMessageAsync(ana.Nickname, "Are you there, Eva?");

        // Out and back with nothing missed: the page's place in the chat stays where it was, for the next time.
        await eva.Page.ClickAsync("#leave");
        await eva.WaitForStatusAsync("offline", "Eva clicked Leave, and the page closed its connection (1000)");
        await eva.Page.ClickAsync("#leave");
        await eva.WaitUntilConnectedAsync(": Eva clicked Join, with nothing missed");

        await eva.Page.ClickAsync("#leave");
        await eva.WaitForStatusAsync("offline", "Eva clicked Leave, and the page closed its connection (1000)");
        await ana.SendAsync("You missed this one.");
        await ana.SendAsync("And this one.");
        await ana.WaitForMessageAsync(ana.Nickname, "And this one.");
        await eva.Page.ClickAsync("#leave");
        await eva.WaitUntilConnectedAsync(": Eva clicked Join");

        await eva.WaitForMessageAsync(ana.Nickname, "You missed this one.", ": the server sends what came after the last message the page saw");
        await eva.WaitForMessageAsync(ana.Nickname, "And this one.");
        (await eva.MessagesOf(ana.Nickname, "Are you there, Eva?").CountAsync()).Should().Be(1,
            "the page asks only for what it missed (TODO 7: after=<the last id it saw>&serverId=<its welcome's>) and never shows a message twice");
        addresses.Should().HaveCount(2, "Eva joined again twice").And.AllSatisfy(address => address.Should()
            .MatchRegex(@"[?&]after=[1-9][0-9]*(&|$)", "each new connection says the id of the last message the page showed (TODO 7), "
                + "which a welcome from the same server does not change: only a welcome with another serverId starts again at 0")
            .And.MatchRegex(@"[?&]serverId=[^&]+", "each new connection says which server's ids those are: the welcome's serverId"));
    });

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6, 7)]
    [Trait(TwoBrowserChecks.Trait, TwoBrowserChecks.Restart)]
    public Task Both_pages_reconnect_after_a_server_restart_and_catch_up() => BrowserCheck.RunAsync(browser, "restart", async check =>
    {
        // Short waits between attempts (the page reads them from its address), so the check does not sit out a 10 s backoff.
        var (ana, eva) = await check.OpenTwoAsync("Ana", "Eva", query: "retryMs=250&maxRetryMs=2000");
        await ana.SendAsync("Before the restart.");
        await eva.WaitForMessageAsync(ana.Nickname, "Before the restart.");

        // Eva's network goes down with the server, and comes back later than it: she must catch up on what she missed.
        await eva.Watched.Context.SetOfflineAsync(true);
        await check.Chat.StopAsync();
        await ana.WaitForStatusAsync("reconnecting", "the server went away (1001), and the page tries again by itself");
        await eva.WaitForStatusAsync("reconnecting", "the server went away, and Eva is offline too");

        check.Chat.StartAgain();
        await ana.WaitUntilConnectedAsync(": the server is back at the same address, and the page's next attempt finds it");
        await ana.SendAsync("While you were away.");
        await ana.WaitForMessageAsync(ana.Nickname, "While you were away.");

        await eva.Watched.Context.SetOfflineAsync(false);
        await eva.WaitUntilConnectedAsync(": Eva's network is back, and her page's next attempt finds the server");
        await eva.WaitForMessageAsync(ana.Nickname, "While you were away.",
            ": Eva's page reconnects with after=<the last id she saw>&serverId=<the old server's>, and the new server sends her what she missed");
        await eva.WaitForOnlineAsync(2, "both are back");
        await ana.WaitForOnlineAsync(2, "both are back");

        foreach (var person in new[] { ana, eva })
        {
            (await person.TextsAsync()).Should().Equal(["Before the restart.", "While you were away."],
                "{0}'s page shows every message once: what it showed before the restart stays, and nothing comes twice", person.Nickname);
        }
    }, ownServer: true);
}
