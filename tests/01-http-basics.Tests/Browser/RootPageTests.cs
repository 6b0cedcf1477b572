using Workshop.Testing;

namespace HttpBasics.Tests.Browser;

/// <summary>A real browser talks to the server: the page at '/' shows the browser its own request.</summary>
[Todo(1, 2, 3, 4, 5, 6)]
[RunsLong(3)]
public sealed class RootPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Browser_sees_the_request_it_sent_on_the_root_page()
    {
        await using var server = RunningServer.Start();
        var (context, page) = await browser.NewPageAsync();
        await using var _ = context;

        var response = await page.GotoAsync(server.BaseAddress.ToString());
        response!.Status.Should().Be(200, "the browser asked for '/', which is the home page; it got: {0}", await page.InnerTextAsync("body"));
        var shown = await page.Locator("#raw-request").TextContentAsync(new() { Timeout = 10_000 });

        shown.Should().StartWith("GET / HTTP/1.1", "the page shows the request line the browser sent");
        shown.Should().Contain("User-Agent:", "browsers always say who they are, and the page shows every header it received");
    }
}
