using Microsoft.Playwright;
using Workshop.Testing;

namespace WebSocketHandshake.Tests.Browser;

/// <summary>A real browser opens the page, which opens a WebSocket to your server: the proof that your handshake and frames speak RFC 6455.</summary>
[Todo(1, 2, 3, 4, 5, 6, 7, 8, 10)]
[RunsLong(2.7)]
public sealed class EchoPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Browser_sends_a_message_and_shows_the_echo()
    {
        await using var server = EchoServer.Start();
        await using var page = await browser.OpenPageAsync();

        await page.Page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForAsync(
            () => Assertions.Expect(page.Page.Locator("#status")).ToHaveAttributeAsync("data-state", "open"),
            "the page's WebSocket to open (the status says 'open')");
        await page.Page.FillAsync("#message", "¡hola, servidor!");
        await page.Page.PressAsync("#message", "Enter");

        await page.WaitForAsync(
            () => Assertions.Expect(page.Page.Locator("#messages li.received")).ToHaveTextAsync("¡hola, servidor!"),
            "the echo of '¡hola, servidor!' in the list of messages");
        (await page.Page.Locator("#frames li").CountAsync()).Should().BeGreaterThanOrEqualTo(2, "the log shows the frame that went out and the one that came back");
    }
}
