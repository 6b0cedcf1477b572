using FluentAssertions;
using Xunit;

namespace Workshop.Bench.Tests;

public sealed class BenchSettingsTests
{
    [Fact]
    public void No_options_give_the_documented_defaults()
    {
        var settings = BenchSettings.Parse([]);

        settings.Clients.Should().Be(100, "the usage says 100 subscribers by default");
        settings.Messages.Should().Be(200);
        settings.Rate.Should().Be(10);
        settings.Repeats.Should().Be(3);
        settings.Quick.Should().BeFalse();
        settings.FanOut.Should().BeFalse();
        settings.Only.Should().BeEmpty("every approach runs unless some are chosen");
        settings.Servers.Should().BeEmpty("the benchmark starts its own servers unless it is given some");
        settings.Counts.Should().Equal(100, 500, 1000, 2000, 5000, 10000);
        settings.Broadcasts.Should().Be(50);
        settings.BroadcastRate.Should().Be(10);
        settings.BoundMilliseconds.Should().Be(250);
        settings.SkipHub.Should().BeFalse();
    }

    [Fact]
    public void Quick_is_a_short_run_for_class()
    {
        var settings = BenchSettings.Parse(["--quick"]);

        settings.Quick.Should().BeTrue();
        settings.Clients.Should().Be(20, "the usage promises 20 clients, 20 messages at 20 a second, 1 round");
        settings.Messages.Should().Be(20);
        settings.Rate.Should().Be(20);
        settings.Repeats.Should().Be(1);
        settings.Counts.Should().Equal(100, 500);
    }

    [Fact]
    public void An_option_given_with_quick_wins_wherever_it_stands()
    {
        var before = BenchSettings.Parse(["--clients", "7", "--quick"]);
        var after = BenchSettings.Parse(["--quick", "--clients", "7"]);

        before.Clients.Should().Be(7, "--quick sets the defaults, and an explicit option overrides them even when it comes first");
        after.Clients.Should().Be(7);
        before.Messages.Should().Be(20, "the rest is still the quick run's");
    }

    [Fact]
    public void Every_option_is_read()
    {
        var settings = BenchSettings.Parse(
        [
            "--fanout", "--clients", "5", "--messages", "6", "--rate", "2.5", "--repeats", "4",
            "--only", "long-polling, websocket", "--server", "02=http://127.0.0.1:5002", "--server", "05=https://example.test:8443/chat-app",
            "--out", "some-folder", "--counts", "10,20,30", "--broadcasts", "8", "--broadcast-rate", "3.5", "--bound", "125", "--no-hub",
            "--render", "a-run.json",
        ]);

        settings.FanOut.Should().BeTrue();
        settings.Clients.Should().Be(5);
        settings.Messages.Should().Be(6);
        settings.Rate.Should().Be(2.5);
        settings.Repeats.Should().Be(4);
        settings.Only.Should().Equal(["long-polling", "websocket"], "the list is split on commas and trimmed");
        settings.Servers.Should().BeEquivalentTo(new Dictionary<string, Uri>
        {
            ["02"] = new("http://127.0.0.1:5002"),
            ["05"] = new("https://example.test:8443/chat-app"),
        }, "each --server adds one step's server");
        settings.Output.Should().Be(Path.GetFullPath("some-folder"), "the output folder is made absolute");
        settings.Counts.Should().Equal(10, 20, 30);
        settings.Broadcasts.Should().Be(8);
        settings.BroadcastRate.Should().Be(3.5);
        settings.BoundMilliseconds.Should().Be(125);
        settings.SkipHub.Should().BeTrue();
        settings.Render.Should().Be(Path.GetFullPath("a-run.json"), "the run to draw again is found from where the command was given");
    }

    [Theory]
    [InlineData("--clients")]
    [InlineData("--messages")]
    [InlineData("--rate")]
    [InlineData("--only")]
    [InlineData("--server")]
    [InlineData("--out")]
    [InlineData("--counts")]
    [InlineData("--bound")]
    [InlineData("--render")]
    public void An_option_without_its_value_is_refused_by_name(string option)
    {
        var parsing = () => BenchSettings.Parse(["--quick", option]);

        parsing.Should().Throw<ArgumentException>("the value is missing")
            .Which.Message.Should().Contain(option, "the message must say which option lacks its value");
    }

    [Fact]
    public void An_unknown_option_is_refused_by_name()
    {
        var parsing = () => BenchSettings.Parse(["--clients", "5", "--clinets", "6"]);

        parsing.Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain("--clinets", "the message must name the option it does not know");
    }

    [Theory]
    [InlineData("07=http://127.0.0.1:5007")]
    [InlineData("05=ftp://x")]
    [InlineData("05")]
    [InlineData("05=not a url")]
    public void A_server_that_is_not_step_equals_http_url_is_refused(string value)
    {
        var parsing = () => BenchSettings.Parse(["--server", value]);

        parsing.Should().Throw<ArgumentException>("only steps 02, 03 and 05 have a server, at an http or https URL")
            .Which.Message.Should().Contain("--server").And.Contain(value, "the message names the option and the value it refused");
    }

    [Theory]
    [InlineData("--clients", "0")]
    [InlineData("--clients", "-3")]
    [InlineData("--clients", "many")]
    [InlineData("--messages", "0")]
    [InlineData("--repeats", "1.5")]
    [InlineData("--rate", "0")]
    [InlineData("--rate", "NaN")]
    [InlineData("--rate", "Infinity")]
    [InlineData("--counts", "100,0")]
    [InlineData("--broadcasts", "0")]
    [InlineData("--bound", "-1")]
    public void A_count_or_rate_that_is_not_above_zero_is_refused_by_name(string option, string value)
    {
        var parsing = () => BenchSettings.Parse([option, value]);

        parsing.Should().Throw<ArgumentException>($"{option} {value} cannot be run")
            .Which.Message.Should().Contain(option, "the message must say which option is wrong");
    }
}
