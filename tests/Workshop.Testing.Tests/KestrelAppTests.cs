using System.Net.Sockets;
using FluentAssertions;
using Xunit;

namespace Workshop.Testing.Tests;

public sealed class KestrelAppTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task App_answers_on_a_real_loopback_socket()
    {
        await using var app = KestrelApp<Program>.Start();

        var response = await RawHttpClient.SendAsync(app.EndPoint, "GET /index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", Cancel);

        app.BaseAddress.Host.Should().Be("127.0.0.1", "the app listens on loopback only");
        response.StatusCode.Should().Be(200, "the page in the app's wwwroot/ is served over a real TCP connection; the app sent:\n{0}", response);
        response.Body.Should().Contain("Served from wwwroot.");
    }

    [Fact]
    public async Task Settings_override_the_apps_configuration_for_one_test()
    {
        await using var app = KestrelApp<Program>.Start(new Dictionary<string, string?> { ["Demo:Greeting"] = "hola" });
        using var client = app.CreateClient();

        var value = await client.GetStringAsync("/settings/Demo:Greeting", Cancel);

        value.Should().Be("hola");
    }

    [Fact]
    public async Task Two_apps_get_two_ports_and_disposing_one_stops_it()
    {
        var first = KestrelApp<Program>.Start();
        await using var second = KestrelApp<Program>.Start();
        var firstEndPoint = first.EndPoint;

        await first.DisposeAsync();

        firstEndPoint.Port.Should().NotBe(second.EndPoint.Port);
        var connect = async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(firstEndPoint, Cancel);
        };
        await connect.Should().ThrowAsync<SocketException>("a disposed app no longer listens");
        using var client = second.CreateClient();
        (await client.GetAsync("/", Cancel)).IsSuccessStatusCode.Should().BeTrue("the other app still serves");
    }

    [Fact]
    public async Task An_app_restarted_on_the_port_of_a_stopped_one_answers_there()
    {
        var first = KestrelApp<Program>.Start();
        var port = first.EndPoint.Port;
        await first.DisposeAsync();

        await using var second = KestrelApp<Program>.Start(port: port);
        using var client = second.CreateClient();

        second.EndPoint.Port.Should().Be(port, "clients of the first app find the second where they left the first");
        (await client.GetAsync("/", Cancel)).IsSuccessStatusCode.Should().BeTrue("the restarted app serves");
    }
}
