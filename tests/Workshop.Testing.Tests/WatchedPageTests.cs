using FluentAssertions;
using Xunit;

namespace Workshop.Testing.Tests;

public sealed class WatchedPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_todo_thrown_in_the_page_fails_the_wait_at_once_with_its_message()
    {
        await using var app = KestrelApp<Program>.Start();
        await using var page = await browser.OpenPageAsync();
        await page.Page.GotoAsync(app.BaseAddress.ToString());
        await page.Page.ClickAsync("#fail");
        var started = DateTime.UtcNow;

        var wait = () => page.WaitForAsync(() => page.Page.Locator("#never").WaitForAsync(new() { Timeout = 30_000 }), "an element that never comes");

        (await wait.Should().ThrowAsync<BrowserPageException>()).Which.Message.Should()
            .Contain("TODO 9: Wire up the button.", "the stub's message is what the learner must read")
            .And.Contain("an element that never comes");
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(20), "a thrown TODO ends the wait without sitting out its timeout");
    }

    [Fact]
    public async Task A_wait_that_times_out_says_what_the_console_showed()
    {
        await using var app = KestrelApp<Program>.Start();
        await using var page = await browser.OpenPageAsync();
        await page.Page.GotoAsync(app.BaseAddress.ToString());
        await page.Page.ClickAsync("#log");

        var wait = () => page.WaitForAsync(() => page.Page.Locator("#never").WaitForAsync(new() { Timeout = 500 }), "an element that never comes");

        (await wait.Should().ThrowAsync<BrowserPageException>()).Which.Message.Should()
            .Contain("console.error: something went wrong");
    }

    [Fact]
    public async Task A_wait_that_succeeds_returns_quietly()
    {
        await using var app = KestrelApp<Program>.Start();
        await using var page = await browser.OpenPageAsync();
        await page.Page.GotoAsync(app.BaseAddress.ToString());

        await page.WaitForAsync(() => page.Page.Locator("#greeting").WaitForAsync(), "the greeting");

        page.Problems.Should().BeEmpty();
    }
}
