using Microsoft.Playwright;
using Workshop.Testing;
using static Microsoft.Playwright.Assertions;

namespace BroadcastChat.Tests.Browser;

/// <summary>The chat page on its own, in one browser, against a server of the test's own.</summary>
[RunsLong(5.5)]
public sealed class ChatPageTests(BrowserFixture browser)
{
    private const float Wait = ChatPerson.Wait;

    [Fact]
    [Given("the page's given code: it loads whatever its TODOs, and its status says how the connection goes, or which TODO stops it")]
    public async Task Page_loads_and_its_status_says_how_the_connection_goes()
    {
        await using var server = ChatServer.Start();
        await using var page = await browser.OpenPageAsync();

        var response = await page.Page.GotoAsync(server.BaseAddress.ToString());

        response!.Status.Should().Be(200, "'/' serves the chat's page");
        await Expect(page.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Broadcast chat"));
        foreach (var selector in new[] { "#status", "#online", "#messages", "#nickname", "#text", "#send" })
        {
            await Expect(page.Page.Locator(selector)).ToBeAttachedAsync(new() { Timeout = Wait });
        }
        // Not through page.WaitForAsync: on the starter the page reports its missing TODO in the console, and that is fine here.
        // Connecting goes by quickly; then the status says where the page stands (read with its state, in one go).
        var settled = await page.Page.WaitForFunctionAsync(
            "() => { const status = document.querySelector('#status'); return status.dataset.state !== 'connecting' && status.textContent; }",
            null, new() { Timeout = Wait, PollingInterval = 50 });
        var status = await settled.JsonValueAsync<string>();
        status.Should().MatchRegex("^(connected|offline: .+|reconnecting in .+)$",
            "the status says that the page is connected, or why it is not, or when it tries again");
        page.Problems.Should().NotContain(problem => problem.StartsWith("uncaught exception", StringComparison.Ordinal) && !problem.Contains("TODO ", StringComparison.Ordinal),
            "the page loads without an uncaught exception, even where a TODO stands in its way");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    public async Task Enter_in_the_message_field_sends_the_message_and_clears_the_field()
    {
        await using var chat = ChatUnderTest.StartOwn();
        await using var ana = await ChatPerson.OpenAsync(browser, chat, "Ana", "ana");
        await ana.WaitUntilConnectedAsync();

        await ana.Page.FillAsync("#text", "Sent with Enter");
        await ana.Page.PressAsync("#text", "Enter");

        await ana.WaitForMessageAsync("Ana", "Sent with Enter", ": Enter in #text sends, as the Send button does");
        (await ana.Page.InputValueAsync("#text")).Should().BeEmpty("the field is cleared once the message is sent");
    }

    [Fact]
    [Todo(1, 2, 3, 4, 5, 6)]
    public async Task An_empty_message_is_not_sent()
    {
        await using var chat = ChatUnderTest.StartOwn();
        await using var ana = await ChatPerson.OpenAsync(browser, chat, "Ana", "ana");
        await ana.WaitUntilConnectedAsync();
        var frames = new System.Collections.Concurrent.ConcurrentQueue<string>();
        ana.Page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => frames.Enqueue(frame.Text ?? "");

        await ana.Page.PressAsync("#text", "Enter");
        await ana.Page.FillAsync("#text", "   ");
        await ana.Page.PressAsync("#text", "Enter");
        await ana.SendAsync("Not empty");

        await ana.WaitForMessageAsync("Ana", "Not empty");
        (await ana.TextsAsync()).Should().Equal(["Not empty"], "only the message with text in it went to the server");
        (await ana.Page.Locator("#messages li.system.error").CountAsync()).Should().Be(0,
            "the page did not send an empty message, so the server had no 'empty-text' error to answer");
    }

    [Fact]
    [Todo(7)]
    public async Task Reconnection_waits_double_from_half_a_second_up_to_ten_seconds_with_jitter()
    {
        await using var server = ChatServer.Start();
        await using var page = await browser.OpenPageAsync();
        await page.Page.GotoAsync(server.BaseAddress.ToString());

        // nextDelay(attempt, random) is exported by the page's module; importing it again gives the page's own instance.
        var delays = await page.Page.EvaluateAsync<double[][]>("""
            async () => {
              const { nextDelay } = await import("/chat.mjs");
              return [0, 1, 2, 3, 4, 5, 6, 10, 40].map(attempt => [0, 0.5, 0.999999].map(r => nextDelay(attempt, () => r)));
            }
            """);

        for (var attempt = 0; attempt < delays.Length; attempt++)
        {
            var number = new[] { 0, 1, 2, 3, 4, 5, 6, 10, 40 }[attempt];
            var backoff = Math.Min(10_000, 500 * Math.Pow(2, number));
            // Any reasonable jitter passes: half the backoff to all of it (the lesson's), or a little either side.
            delays[attempt].Should().OnlyContain(delay => delay >= backoff * 0.5 && delay <= backoff * 1.25,
                "attempt {0} waits about {1} ms (500 ms, doubled after each attempt, at most 10 s), less some random jitter; nextDelay gave {2} for random() = 0, 0.5 and 1",
                number, backoff, string.Join(", ", delays[attempt]));
            delays[attempt][0].Should().BeLessThan(delays[attempt][2],
                "the wait depends on random(): pages that lost the same server must not all come back at the same moment");
        }
    }
}
