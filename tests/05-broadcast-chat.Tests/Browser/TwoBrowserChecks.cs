using Workshop.Testing;
using static Microsoft.Playwright.Assertions;

namespace BroadcastChat.Tests.Browser;

/// <summary>
/// Two people, each in a browser of their own, on the same chat: what a class sees when two laptops open the page.
/// The whole chat works together here: the server's TODOs 1 to 5 and the page's TODO 6 (<see cref="ReconnectChecks"/> adds
/// TODO 7, reconnecting).
/// </summary>
/// <remarks>
/// Instructors: these checks also run against any running chat, a learner's say, given its address, and can run
/// slowly in a visible browser for the projector:
/// <c>CHAT_URL=http://192.168.1.20:5005 HEADED=1 SLOWMO=500 dotnet test --project tests/05-broadcast-chat.Tests -p:Track=solutions --filter-trait "Check=TwoBrowsers"</c>
/// (or <c>check-chat.sh</c>, <c>check-chat.ps1</c>, <c>check-chat.cmd</c> next to this project). The restart check
/// stops and starts its server, so it always runs its own (<c>--filter-trait "Check=Restart"</c>).
/// Each check leaves a picture of both browsers in <c>artifacts/screenshots/</c>.
/// </remarks>
[RunsLong(9)]
public sealed class TwoBrowserChecks(BrowserFixture browser)
{
    public const string Trait = "Check";
    public const string TwoBrowsers = "TwoBrowsers";
    public const string Restart = "Restart";

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    [Trait(Trait, TwoBrowsers)]
    public Task Both_pages_show_the_welcome_as_soon_as_they_open() => BrowserCheck.RunAsync(browser, "welcome", async check =>
    {
        var (ana, eva) = await check.OpenTwoAsync("Ana", "Eva");

        foreach (var person in new[] { ana, eva })
        {
            await person.WaitForSystemLineAsync("the server's welcome", person.Nickname);
            (await person.Page.Locator("#messages li.system.welcome").CountAsync()).Should().Be(1,
                "the welcome is the first message of a connection, shown once as a system line (li.system.welcome)");
            (await person.Page.InputValueAsync("#nickname")).Should().Be(person.Nickname,
                "the page asked for the nickname it remembered (?nickname=), and the welcome's 'you' confirms it");
            (await person.OnlineNowAsync()).Should().BeGreaterThanOrEqualTo(1, "#online counts this person at least");
        }
    });

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    [Trait(Trait, TwoBrowsers)]
    public Task Message_typed_in_one_page_appears_in_both_with_its_author() => BrowserCheck.RunAsync(browser, "message", async check =>
    {
        var (ana, eva) = await check.OpenTwoAsync("Ana", "Eva");

        await ana.SendAsync("¡Hola, Eva! ¿Qué tal?");
        await eva.WaitForMessageAsync(ana.Nickname, "¡Hola, Eva! ¿Qué tal?", ": the server sends every message to everyone");
        await ana.WaitForMessageAsync(ana.Nickname, "¡Hola, Eva! ¿Qué tal?", ": the sender gets its own message back from the server, like everyone else");
        await eva.SendAsync("Muy bien, gracias.");
        await ana.WaitForMessageAsync(eva.Nickname, "Muy bien, gracias.");
        await eva.WaitForMessageAsync(eva.Nickname, "Muy bien, gracias.");

        await Expect(ana.MessagesOf(ana.Nickname, "¡Hola, Eva! ¿Qué tal?")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bown\b"));
        await Expect(eva.MessagesOf(ana.Nickname, "¡Hola, Eva! ¿Qué tal?")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bown\b"));
        (await ana.Page.InputValueAsync("#text")).Should().BeEmpty("the page clears the field once the message is sent");
    });

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    [Trait(Trait, TwoBrowsers)]
    public Task Online_count_goes_up_when_a_second_page_opens_and_down_when_it_closes() => BrowserCheck.RunAsync(browser, "presence", async check =>
    {
        var ana = await check.OpenAsync("Ana");
        await ana.WaitUntilConnectedAsync();
        // In a shared chat other people come and go; what counts is one more, then one less, than Ana saw alone.
        if (!check.Chat.IsShared)
        {
            await ana.WaitForOnlineAsync(1, "Ana is alone on the new server");
        }
        var before = await ana.OnlineNowAsync();

        var eva = await check.OpenAsync("Eva");
        await eva.WaitUntilConnectedAsync();
        await ana.WaitForOnlineAsync(before + 1, "Eva joined, and the server sends everyone a presence message");
        await eva.WaitForOnlineAsync(before + 1, "Eva counts herself and Ana (her welcome's online list, then presence)");
        await ana.WaitForSystemLineAsync("the line that says Eva joined", eva.Nickname, "joined");

        await eva.CloseAsync();
        await ana.WaitForOnlineAsync(before, "Eva closed her page, and the server tells everyone still there");
        await ana.WaitForSystemLineAsync("the line that says Eva left", eva.Nickname, "left");
    });

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    [Trait(Trait, TwoBrowsers)]
    public Task Html_in_a_message_shows_as_text_in_both_pages_and_runs_nothing() => BrowserCheck.RunAsync(browser, "html-as-text", async check =>
    {
        const string image = "<img src=x onerror=alert(1)>";
        const string bold = "<b>bold</b>";
        var (mallory, eva) = await check.OpenTwoAsync("Mallory", "Eva");

        await mallory.SendAsync(image);
        await mallory.SendAsync(bold);
        // One more message through the server: time for a script of the messages above to run, if one could.
        await mallory.SendAsync("That was all.");

        foreach (var person in new[] { mallory, eva })
        {
            await person.WaitForMessageAsync(mallory.Nickname, image, ": a message is text, shown with the very characters that were typed");
            await person.WaitForMessageAsync(mallory.Nickname, bold);
            await person.WaitForMessageAsync(mallory.Nickname, "That was all.");
            (await person.Page.Locator("#messages img, #messages b").CountAsync()).Should().Be(0,
                "{0}'s page put a message in as HTML (innerHTML), so the browser built elements from it; use textContent", person.Nickname);
            person.Dialogs.Should().Be(0, "no script of a message may ever run, in {0}'s page or anyone's", person.Nickname);
        }
    });

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    [Trait(Trait, TwoBrowsers)]
    public Task Html_in_a_nickname_shows_as_text_in_the_renamed_left_and_joined_lines() => BrowserCheck.RunAsync(browser, "html-nickname", async check =>
    {
        // 21 characters: a valid nickname, and a script if a page ever reads it as HTML.
        const string attack = "<svg onload=alert(1)>";
        var (ana, eva) = await check.OpenTwoAsync("Ana", "Eva");

        await AfterOneMoreLineAsync(ana, "renamed", "the line that says Eva renamed herself", () => eva.RenameAsync(attack));
        await AfterOneMoreLineAsync(ana, "left", "the line that says she left", () => eva.Page.ClickAsync("#leave"));
        await AfterOneMoreLineAsync(ana, "joined", "the line that says she joined again, with the nickname she chose",
            () => eva.Page.ClickAsync("#leave"));

        (await ana.Page.Locator("#messages svg").CountAsync()).Should().Be(0,
            "Ana's page put a nickname into a system line as HTML (innerHTML or insertAdjacentHTML), so the browser built an " +
            "<svg> from it; the joined, left and renamed lines are text too: showSystem(text, kind) sets textContent");
        (ana.Dialogs + eva.Dialogs).Should().Be(0, "no script of a nickname may ever run");
        foreach (var kind in new[] { "renamed", "left", "joined" })
        {
            (await ana.Page.Locator($"#messages li.system.{kind}").Filter(new() { HasText = attack }).CountAsync()).Should().BeGreaterThan(0,
                "the {0} line names the nickname with the very characters Eva chose", kind);
        }
    });

    /// <summary>Does <paramref name="action"/>, then waits until <paramref name="person"/>'s page shows one more system line of <paramref name="kind"/>.</summary>
    private static async Task AfterOneMoreLineAsync(ChatPerson person, string kind, string what, Func<Task> action)
    {
        var lines = person.Page.Locator($"#messages li.system.{kind}");
        var before = await lines.CountAsync();
        await action();
        await person.Watched.WaitForAsync(() => Expect(lines).ToHaveCountAsync(before + 1, new() { Timeout = ChatPerson.Wait }),
            $"{what} in {person.Nickname}'s #messages (one more li.system.{kind})");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    [Trait(Trait, TwoBrowsers)]
    public Task Rename_in_one_page_shows_in_the_other() => BrowserCheck.RunAsync(browser, "rename", async check =>
    {
        var (ana, eva) = await check.OpenTwoAsync("Ana", "Eva");
        var before = ana.Nickname;
        var after = check.Chat.Nickname("Ana María");

        await ana.RenameAsync(after);

        await eva.WaitForSystemLineAsync("the line that says Ana renamed herself", before, after);
        await ana.WaitForSystemLineAsync("the rename in Ana's own page too", before, after);
        await ana.SendAsync("Ahora con mi nombre completo.");
        await eva.WaitForMessageAsync(after, "Ahora con mi nombre completo.", ": messages after a rename carry the new nickname");
        (await ana.Page.InputValueAsync("#nickname")).Should().Be(after, "Ana's field keeps the nickname the server confirmed");
        (await ana.Page.EvaluateAsync<string>("() => localStorage.getItem('broadcast-chat.nickname')")).Should().Be(after,
            "the page remembers the new nickname for the next visit");
    });
}
