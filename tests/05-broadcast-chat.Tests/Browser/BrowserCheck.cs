using System.Net;
using Microsoft.Playwright;
using Workshop.Testing;

namespace BroadcastChat.Tests.Browser;

/// <summary>
/// One two-browser check: the chat under test, the people in it, and what the check leaves behind. A check saves a
/// picture of its browsers side by side in <c>artifacts/screenshots/05-&lt;check&gt;.png</c> when it fails, and when
/// pictures are wanted (<see cref="PicturesWanted"/>); a check that fails also keeps each person's Playwright trace in <c>artifacts/traces/05-&lt;check&gt;-&lt;who&gt;.zip</c> and
/// names the files in its failure message.
/// </summary>
internal sealed class BrowserCheck
{
    private readonly BrowserFixture _browser;
    private readonly string _name;
    private readonly List<ChatPerson> _people = [];

    private BrowserCheck(BrowserFixture browser, ChatUnderTest chat, string name)
    {
        _browser = browser;
        Chat = chat;
        _name = name;
    }

    public ChatUnderTest Chat { get; }

    /// <summary>
    /// Runs <paramref name="check"/> against the chat under test (<see cref="ChatUnderTest.Start"/>, or a server of
    /// its own when <paramref name="ownServer"/>), then saves its screenshot, and its traces when it failed.
    /// </summary>
    public static async Task RunAsync(BrowserFixture browser, string name, Func<BrowserCheck, Task> check, bool ownServer = false)
    {
        await using var chat = ownServer ? ChatUnderTest.StartOwn() : ChatUnderTest.Start();
        var run = new BrowserCheck(browser, chat, name);
        try
        {
            await check(run);
            if (PicturesWanted(chat))
            {
                await run.SaveScreenshotAsync();
            }
            run.DeleteOldTraces();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            var kept = await run.KeepWhatHappenedAsync();
            throw new BrowserCheckException($"{failure.Message}\n{kept}", failure);
        }
        finally
        {
            foreach (var person in run._people)
            {
                await person.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A picture of a check that passed costs two seconds of a busy machine: it is taken when someone will look at it
    /// (an instructor's run on a learner's chat, a visible browser, <c>SCREENSHOTS=1</c>), and always when a check fails.
    /// </summary>
    private static bool PicturesWanted(ChatUnderTest chat) =>
        chat.IsShared
        || Environment.GetEnvironmentVariable("HEADED") is "1" or "true"
        || Environment.GetEnvironmentVariable("SCREENSHOTS") is "1" or "true";

    /// <summary>Opens the chat's page for a new person, called <paramref name="name"/> (with the run's mark in a shared chat).</summary>
    public async Task<ChatPerson> OpenAsync(string name, string query = "")
    {
        var person = await ChatPerson.OpenAsync(_browser, Chat, Chat.Nickname(name), name.ToLowerInvariant(), query);
        _people.Add(person);
        return person;
    }

    /// <summary>Opens the page for two people, one after the other, and waits until both are connected.</summary>
    public async Task<(ChatPerson First, ChatPerson Second)> OpenTwoAsync(string first, string second, string query = "")
    {
        var one = await OpenAsync(first, query);
        await one.WaitUntilConnectedAsync();
        var two = await OpenAsync(second, query);
        await two.WaitUntilConnectedAsync();
        return (one, two);
    }

    /// <summary>Every person's page side by side, each with its nickname above it, in one picture.</summary>
    private async Task<string> SaveScreenshotAsync()
    {
        var path = Path.Combine(Artifacts.Screenshots, $"05-{_name}.png");
        var figures = new StringBuilder();
        foreach (var person in _people)
        {
            var picture = await person.ScreenshotAsync();
            var caption = WebUtility.HtmlEncode(person.Nickname) + (person.IsOpen ? "" : " <small>(just before closing the page)</small>");
            figures.Append($"""<figure><figcaption>{caption}</figcaption><img src="data:image/png;base64,{Convert.ToBase64String(picture)}"></figure>""");
        }
        var html = $$"""
            <!doctype html>
            <html><head><meta charset="utf-8"><style>
              body { margin: 0; padding: 18px 24px 24px; width: max-content; background: #0f172a; color: #e2e8f0; font: 18px system-ui, sans-serif; }
              h1 { margin: 0 0 14px; font-size: 20px; font-weight: 600; color: #94a3b8; }
              main { display: flex; gap: 24px; align-items: flex-start; }
              figure { margin: 0; }
              figcaption { margin: 0 0 8px; font-weight: 700; font-size: 20px; }
              figcaption small { font-weight: 400; color: #94a3b8; font-size: 15px; }
              img { display: block; border-radius: 8px; box-shadow: 0 0 0 1px #334155, 0 12px 30px rgb(0 0 0 / 0.4); }
            </style></head>
            <body><h1>Step 05 · {{WebUtility.HtmlEncode(_name)}} · {{WebUtility.HtmlEncode(Chat.Address.ToString())}}</h1><main>{{figures}}</main></body></html>
            """;
        var page = await (await _browser.GetBrowserAsync()).NewPageAsync(new() { ViewportSize = new() { Width = 800, Height = 600 } });
        try
        {
            await page.SetContentAsync(html);
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        }
        finally
        {
            await page.CloseAsync();
        }
        return path;
    }

    /// <summary>A check that passes keeps no trace: those of an earlier failure of it would only mislead.</summary>
    private void DeleteOldTraces()
    {
        foreach (var old in Directory.EnumerateFiles(Artifacts.Traces, $"05-{_name}-*.zip"))
        {
            File.Delete(old);
        }
    }

    /// <summary>After a failure: the screenshot and every person's trace, and lines that say where they are.</summary>
    private async Task<string> KeepWhatHappenedAsync()
    {
        var lines = new List<string>();
        if (_people.Count == 0)
        {
            return "No browser had opened the chat yet: no screenshot, no trace.";
        }
        try
        {
            lines.Add($"Screenshot of the browsers: {await SaveScreenshotAsync()}");
        }
        catch (Exception exception) when (exception is PlaywrightException or IOException)
        {
            lines.Add($"No screenshot: {exception.Message.Split('\n')[0]}");
        }
        foreach (var person in _people)
        {
            var path = Path.Combine(Artifacts.Traces, $"05-{_name}-{person.Who}.zip");
            try
            {
                await person.StopTracingAsync(path);
                lines.Add($"Trace of {person.Nickname}'s browser: {path}");
            }
            catch (Exception exception) when (exception is PlaywrightException or IOException)
            {
                lines.Add($"No trace of {person.Nickname}'s browser: {exception.Message.Split('\n')[0]}");
            }
        }
        lines.Add("Open a trace with 'pwsh tests/05-broadcast-chat.Tests/bin/<track>/Debug/net10.0/playwright.ps1 show-trace <file>', or drop it on https://trace.playwright.dev");
        return string.Join('\n', lines);
    }
}

/// <summary>A browser check that failed; its message ends with where its screenshot and traces are.</summary>
public sealed class BrowserCheckException(string message, Exception inner) : Exception(message, inner);
