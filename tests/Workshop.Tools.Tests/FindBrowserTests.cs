using FluentAssertions;
using Workshop.Tools.Browsers;
using Xunit;

namespace Workshop.Tools.Tests;

public sealed class FindBrowserTests
{
    [Fact]
    public async Task Without_a_browser_it_fails_with_the_launchers_explanation()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var found = await FindBrowser.RunAsync(output, error, name => name == "WORKSHOP_BROWSER" ? "no-such-browser" : null);

        found.Should().BeFalse("the only browser allowed does not exist");
        error.ToString().Should().Contain("WORKSHOP_BROWSER=no-such-browser", "the launcher says what it tried")
            .And.Contain("apt-get install chromium", "and how to get a browser");
        output.ToString().Should().BeEmpty();
    }
}
