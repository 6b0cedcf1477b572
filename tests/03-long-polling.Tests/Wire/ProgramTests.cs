using System.Net;
using System.Net.Http.Json;
using Workshop.Testing;

namespace LongPolling.Tests.Wire;

/// <summary>The program as a learner runs it, with its settings from the command line.</summary>
[RunsLong(2.3)]
public sealed class ProgramTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "LongPolling.dll");

    [Fact]
    [Todo(1, 2)]
    public async Task Program_started_with_urls_on_port_0_prints_its_address_and_answers_a_wait()
    {
        // 'dotnet run --project 03-long-polling -- --urls http://127.0.0.1:0 --LongPolling:Timeout 00:00:00.5'
        await using var server = await ServerProcess.StartAsync(ProgramPath,
            ["--urls", "http://127.0.0.1:0", "--LongPolling:Timeout", "00:00:00.5"], TimeSpan.FromSeconds(30), Cancel);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var posted = await client.PostAsJsonAsync("/api/messages", new { author = "Ana", text = "hola" }, Cancel);
        posted.StatusCode.Should().Be(HttpStatusCode.Created, "the program listens where it says it does; its console:\n{0}", server.Output);

        using var news = await client.GetAsync("/api/messages/wait?after=0", Cancel);
        var newsText = await Board.DescribeAsync(news);
        using var nothing = await client.GetAsync("/api/messages/wait?after=1", Cancel);

        news.StatusCode.Should().Be(HttpStatusCode.OK, "message 1 is newer than 0; the server answered {0}", newsText);
        nothing.StatusCode.Should().Be(HttpStatusCode.NoContent,
            "--LongPolling:Timeout 00:00:00.5 on the command line ends a wait with nothing new in half a second; the server answered {0}",
            await Board.DescribeAsync(nothing));
    }

    [Theory]
    [InlineData("LongPolling:Timeout", "00:00:00")]
    [InlineData("LongPolling:Timeout", "-00:00:05")]
    [InlineData("LongPolling:MaxWaiting", "0")]
    [Given("the settings are given: checked as the program starts")]
    public async Task Setting_out_of_range_stops_the_app_at_start_naming_it(string key, string value)
    {
        // The real program, as 'dotnet run' starts it: what the learner reads is what it prints before it exits.
        var start = () => ServerProcess.StartAsync(ProgramPath,
            ["--urls", "http://127.0.0.1:0", $"--{key}", value], TimeSpan.FromSeconds(30), Cancel);

        (await start.Should().ThrowAsync<InvalidOperationException>(
                "{0} = {1} cannot work, and the program says so and exits before it serves anyone", key, value))
            .Which.Message.Should().Contain(key, "the message names the setting to fix");
    }
}
