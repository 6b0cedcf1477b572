using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Workshop.Testing.Tests;

public sealed class BrowserLauncherTests
{
    [Fact]
    public async Task Launch_failure_lists_what_was_tried_and_how_to_get_a_browser()
    {
        using var playwright = await Playwright.CreateAsync();
        var environment = Environment(("WORKSHOP_BROWSER", "no-such-browser"));

        var launch = () => BrowserLauncher.LaunchAsync(playwright, environment);

        var failure = await launch.Should().ThrowAsync<InvalidOperationException>();
        failure.Which.Message.Should().Contain("WORKSHOP_BROWSER=no-such-browser", "the message names what was tried")
            .And.Contain("apt-get install chromium", "the message says how to get a browser")
            .And.Contain("playwright.ps1 install chromium");
    }

    [Fact]
    public void Chosen_browser_is_the_only_one_tried()
    {
        var candidates = BrowserLauncher.Candidates(Environment(("WORKSHOP_BROWSER", "msedge"))).ToList();

        candidates.Should().ContainSingle("a browser chosen on purpose should not be silently replaced by another")
            .Which.Options.Channel.Should().Be("msedge");
    }

    [Fact]
    public void Without_a_choice_playwrights_own_browser_is_the_last_resort()
    {
        var candidates = BrowserLauncher.Candidates(Environment()).ToList();

        candidates.Should().HaveCountGreaterThanOrEqualTo(3);
        candidates[^1].Description.Should().Be("Playwright's own Chromium");
        candidates.Select(candidate => candidate.Options.Channel).Should().Contain(["chrome", "msedge"]);
    }

    [Fact]
    public void Headless_by_default_headed_and_slowed_down_on_request()
    {
        var quiet = BrowserLauncher.Candidates(Environment()).First().Options;
        var projector = BrowserLauncher.Candidates(Environment(("HEADED", "1"), ("SLOWMO", "500"))).First().Options;

        quiet.Headless.Should().BeTrue();
        quiet.SlowMo.Should().BeNull();
        projector.Headless.Should().BeFalse("HEADED=1 shows the browser window");
        projector.SlowMo.Should().Be(500, "SLOWMO=500 waits 500 ms before each action");
    }

    [Fact]
    public void A_browser_for_the_projector_is_never_the_headless_shell()
    {
        var projector = BrowserLauncher.Candidates(Environment(("HEADED", "1"))).ToList();

        projector.Should().NotContain(candidate => candidate.Description.Contains("headless-shell"),
            "the headless shell has no window to show; HEADED=1 needs a full browser");
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;
}
