using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workshop.Testing;
using static Microsoft.Playwright.Assertions;

namespace BroadcastChat.Tests.Browser;

/// <summary>
/// One person in the chat: a page in a browser context of its own (its own storage, as a second browser would have),
/// opened with a nickname, and traced from the start so that a failing check can keep what happened.
/// The ids and classes it looks for are the page's own, listed at the top of <c>wwwroot/index.html</c>.
/// </summary>
internal sealed class ChatPerson : IAsyncDisposable
{
    /// <summary>Generous: two browsers, a server and the test share a busy machine.</summary>
    public const float Wait = 20_000;

    /// <summary>The size of each person's window: two of them side by side fit a projector.</summary>
    public static readonly ViewportSize Window = new() { Width = 760, Height = 620 };

    private int _dialogs;
    private bool _tracing;

    private ChatPerson(WatchedPage watched, string nickname, string who)
    {
        Watched = watched;
        Nickname = nickname;
        Who = who;
    }

    public WatchedPage Watched { get; }
    public IPage Page => Watched.Page;

    /// <summary>The nickname the person goes by (a rename changes it).</summary>
    public string Nickname { get; private set; }

    /// <summary>A short name for files: "ana", "eva".</summary>
    public string Who { get; }

    /// <summary>The alerts, confirms and prompts the page opened: a message's script that ran.</summary>
    public int Dialogs => _dialogs;

    /// <summary>False once the person closed their page.</summary>
    public bool IsOpen { get; private set; } = true;

    /// <summary>The last picture of the page, kept when the page closes.</summary>
    public byte[]? LastScreenshot { get; private set; }

    public ILocator Status => Page.Locator("#status");
    public ILocator Online => Page.Locator("#online");
    public ILocator Messages => Page.Locator("#messages li.message");
    public ILocator SystemLines => Page.Locator("#messages li.system");

    /// <summary>
    /// Opens the chat's page for a person called <paramref name="nickname"/>, as someone who chose that nickname on
    /// an earlier visit: the page finds it in its localStorage and asks the server for it (<c>?nickname=</c>).
    /// <paramref name="query"/> goes in the page's address (<c>retryMs=250</c>).
    /// </summary>
    public static async Task<ChatPerson> OpenAsync(BrowserFixture browser, ChatUnderTest chat, string nickname, string who, string query = "")
    {
        var watched = await browser.OpenPageAsync();
        var person = new ChatPerson(watched, nickname, who);
        try
        {
            // The trace keeps each action's page as it was (snapshots); a film of the screen would cost a second a check.
            await watched.Context.Tracing.StartAsync(new() { Title = $"{who} ({nickname})", Screenshots = false, Snapshots = true });
            person._tracing = true;
            await watched.Page.SetViewportSizeAsync(Window.Width, Window.Height);
            watched.Page.Dialog += async (_, dialog) =>
            {
                Interlocked.Increment(ref person._dialogs);
                await dialog.DismissAsync();
            };
            await watched.Context.AddInitScriptAsync(
                $"localStorage.getItem('broadcast-chat.nickname') ?? localStorage.setItem('broadcast-chat.nickname', {System.Text.Json.JsonSerializer.Serialize(nickname)})");
            var address = new UriBuilder(chat.Address) { Query = query }.Uri;
            IResponse? response;
            try
            {
                response = await watched.Page.GotoAsync(address.ToString());
            }
            catch (PlaywrightException exception)
            {
                throw new InvalidOperationException($"{nickname}'s browser could not open {chat}: {exception.Message.Split('\n')[0]}", exception);
            }
            response.Should().NotBeNull("{0} answers at {1}", chat, address);
            response!.Status.Should().Be(200, "{0} serves the chat's page at {1}", chat, address);
            return person;
        }
        catch
        {
            await person.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the status says "connected" (the welcome came).</summary>
    public Task WaitUntilConnectedAsync(string? why = null, float wait = Wait) =>
        Watched.WaitForAsync(() => Expect(Status).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = wait }),
            $"{Nickname}'s page to say it is connected (#status data-state=\"connected\"){why}");

    /// <summary>Waits until the status shows <paramref name="state"/> (connecting, reconnecting, offline).</summary>
    public Task WaitForStatusAsync(string state, string why) =>
        Watched.WaitForAsync(() => Expect(Status).ToHaveAttributeAsync("data-state", state, new() { Timeout = Wait }),
            $"{Nickname}'s page to say {state} (#status data-state=\"{state}\"): {why}");

    /// <summary>Types <paramref name="text"/> and clicks Send (it waits for the button to be enabled, on a connected page).</summary>
    public async Task SendAsync(string text)
    {
        await Page.FillAsync("#text", text);
        await Page.ClickAsync("#send", new() { Timeout = Wait });
    }

    /// <summary>The chat messages from <paramref name="author"/> whose text is exactly <paramref name="text"/>.</summary>
    public ILocator MessagesOf(string author, string text) =>
        Messages
            .Filter(new() { Has = Page.Locator("strong", new() { HasTextRegex = Exactly(author) }) })
            .Filter(new() { Has = Page.Locator(".text", new() { HasTextRegex = Exactly(text) }) });

    /// <summary>Waits until the page shows <paramref name="author"/>'s <paramref name="text"/> exactly once.</summary>
    public Task WaitForMessageAsync(string author, string text, string why = "") =>
        Watched.WaitForAsync(() => Expect(MessagesOf(author, text)).ToHaveCountAsync(1, new() { Timeout = Wait }),
            $"{author}'s message '{text}' once in {Nickname}'s #messages (li.message, author in <strong>, text in .text){why}");

    /// <summary>Waits until a system line (li.system) contains every one of <paramref name="parts"/>.</summary>
    public Task WaitForSystemLineAsync(string what, params string[] parts)
    {
        var line = SystemLines;
        foreach (var part in parts)
        {
            line = line.Filter(new() { HasText = part });
        }
        return Watched.WaitForAsync(() => Expect(line.Last).ToBeVisibleAsync(new() { Timeout = Wait }),
            $"{what} in {Nickname}'s #messages (an li.system line with '{string.Join("' and '", parts)}')");
    }

    /// <summary>Waits until #online shows <paramref name="count"/>.</summary>
    public Task WaitForOnlineAsync(int count, string why) =>
        Watched.WaitForAsync(() => Expect(Online).ToHaveTextAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = Wait }),
            $"{Nickname}'s #online to show {count}: {why}");

    /// <summary>The number #online shows now.</summary>
    public async Task<int> OnlineNowAsync()
    {
        var text = (await Online.TextContentAsync())?.Trim() ?? "";
        int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var count).Should().BeTrue("#online shows just the number of people online, not '{0}'", text);
        return count;
    }

    /// <summary>The texts of the .text of every chat message on the page, in order.</summary>
    public async Task<IReadOnlyList<string>> TextsAsync() => await Page.Locator("#messages li.message .text").AllTextContentsAsync();

    /// <summary>Renames: types the new nickname in #nickname and presses Enter.</summary>
    public async Task RenameAsync(string nickname)
    {
        await Page.FillAsync("#nickname", nickname);
        await Page.PressAsync("#nickname", "Enter");
        Nickname = nickname;
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        if (IsOpen)
        {
            LastScreenshot = await Page.ScreenshotAsync();
        }
        return LastScreenshot ?? [];
    }

    /// <summary>Closes the person's page (a browser tab closed): its picture is kept for the check's screenshot.</summary>
    public async Task CloseAsync()
    {
        await ScreenshotAsync();
        IsOpen = false;
        await Page.CloseAsync(new() { RunBeforeUnload = true });
    }

    /// <summary>Stops the trace: kept at <paramref name="path"/>, or thrown away when that is null.</summary>
    public async Task StopTracingAsync(string? path)
    {
        if (!_tracing)
        {
            return;
        }
        _tracing = false;
        await Watched.Context.Tracing.StopAsync(new() { Path = path });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopTracingAsync(path: null);
        }
        catch (PlaywrightException)
        {
            // A browser that went away takes its trace with it; there is nothing left to throw away.
        }
        await Watched.DisposeAsync();
    }

    private static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");
}
