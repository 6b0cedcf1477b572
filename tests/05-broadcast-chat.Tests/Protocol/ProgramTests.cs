using Workshop.Testing;

namespace BroadcastChat.Tests.Protocol;

/// <summary>The program as a learner runs it, with its settings from the command line.</summary>
[RunsLong(2.5)]
public sealed class ProgramTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "BroadcastChat.dll");

    [Fact]
    [Todo(1, 2, 3)]
    public async Task Program_started_with_urls_on_port_0_prints_its_address_and_welcomes_a_client()
    {
        // 'dotnet run --project 05-broadcast-chat -- --urls http://127.0.0.1:0'
        await using var server = await ServerProcess.StartAsync(ProgramPath, ["--urls", "http://127.0.0.1:0"], TimeSpan.FromSeconds(30), Cancel);

        await using var ana = await ChatPeer.JoinAsync(server.BaseAddress, "Ana");

        ana.Me.Nickname.Should().Be("Ana", "the program listens where it says it does, and welcomes a client of /chat; its console:\n{0}", server.Output);
    }

    [Theory]
    [InlineData("Chat:QueueLength", "0")]
    [InlineData("Chat:MaxMessageLength", "0")]
    [InlineData("Chat:MaxFrameBytes", "100")]
    [InlineData("Chat:KeepAliveInterval", "00:00:00")]
    [InlineData("Chat:KeepAliveTimeout", "00:00:00")]
    [InlineData("Chat:HistoryLength", "-1")]
    [Given("the settings are given: checked as the program starts")]
    public async Task Chat_setting_out_of_range_stops_the_app_at_start_naming_it(string key, string value)
    {
        // The real program, as 'dotnet run' starts it: what the learner reads is what it prints before it exits.
        var start = () => ServerProcess.StartAsync(ProgramPath,
            ["--urls", "http://127.0.0.1:0", $"--{key}", value], TimeSpan.FromSeconds(30), Cancel);

        (await start.Should().ThrowAsync<InvalidOperationException>(
                "{0} = {1} cannot work, and the program says so and exits before it serves anyone", key, value))
            .Which.Message.Should().Contain(key, "the message names the setting to fix");
    }
}
