using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using Xunit;

namespace Workshop.Testing.Tests;

public sealed class RawHttpClientTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_the_whole_answer_until_the_server_closes()
    {
        using var listener = new TcpListener(IPAddress.Loopback, Loopback.FreePort());
        listener.Start();
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(Cancel);
            var buffer = new byte[1024];
            _ = await client.GetStream().ReadAsync(buffer, Cancel);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Test: yes\r\n\r\nhi"), Cancel);
        }, Cancel);

        var response = await RawHttpClient.SendAsync((IPEndPoint)listener.LocalEndpoint, "GET / HTTP/1.1\r\n\r\n", Cancel);
        await server;

        response.StatusCode.Should().Be(200);
        response.Header("x-test").Should().Be("yes", "header names are found whatever their case");
        response.Body.Should().Be("hi");
        response.ClosedByServer.Should().BeTrue();
    }

    [Fact]
    public async Task Gives_up_after_the_timeout_when_the_server_stays_silent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = await RawHttpClient.ConnectAsync((IPEndPoint)listener.LocalEndpoint, Cancel);
        using var accepted = await listener.AcceptTcpClientAsync(Cancel);

        var response = await RawHttpClient.ReadUntilClosedAsync(client, TimeSpan.FromMilliseconds(200), Cancel);

        response.ClosedByServer.Should().BeFalse("the server never closed; the client stopped waiting");
        response.StatusCode.Should().Be(0, "no status line arrived");
        response.ToString().Should().Be("(the server sent nothing)");
    }
}
