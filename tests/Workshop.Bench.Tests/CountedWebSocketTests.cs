using System.Net;
using System.Net.WebSockets;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workshop.Bench.Wire;
using Xunit;

namespace Workshop.Bench.Tests;

/// <summary>A ClientWebSocket given the counted handler, against a tiny echo server on real Kestrel.</summary>
public sealed class CountedWebSocketTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _echo = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/echo", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                    return;
                }
                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
            }
        });
        await _app.StartAsync(Cancel);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _echo = new Uri(new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal)), "/echo");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri address, WireCounters counters)
    {
        // No keep-alive frames: the counts must be the test's frames alone, however slow the machine.
        var socket = new ClientWebSocket { Options = { KeepAliveInterval = TimeSpan.Zero } };
        await socket.ConnectAsync(address, new HttpMessageInvoker(CountedClients.Invoker(counters)), Cancel);
        return socket;
    }

    [Fact]
    public async Task The_upgrade_is_one_request_on_one_connection()
    {
        var counters = new WireCounters();

        using var socket = await ConnectAsync(_echo, counters);

        socket.State.Should().Be(WebSocketState.Open);
        counters.Requests.Should().Be(1, "a WebSocket costs one HTTP request, the upgrade");
        counters.Connections.Should().Be(1, "the WebSocket stays on the connection its upgrade came on");
        counters.FailedRequests.Should().Be(0);
        counters.BytesSent.Should().BeGreaterThan(0, "the upgrade request's bytes are counted");
        counters.BytesReceived.Should().BeGreaterThan(0, "the 101 answer's bytes are counted");
    }

    [Fact]
    public async Task A_message_sent_and_echoed_is_counted_with_its_frames()
    {
        var counters = new WireCounters();
        using var socket = await ConnectAsync(_echo, counters);
        var sentBefore = counters.BytesSent;
        var receivedBefore = counters.BytesReceived;
        var message = new byte[100];
        Random.Shared.NextBytes(message);

        await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, Cancel);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, Cancel);

        received.Count.Should().Be(100);
        received.EndOfMessage.Should().BeTrue();
        // A client's frame: 2 bytes of header, a 4-byte mask, the payload. The server's: 2 bytes of header, the payload.
        counters.BytesSent.Should().Be(sentBefore + 2 + 4 + 100, "the client's masked frame is counted whole, header and mask included");
        counters.BytesReceived.Should().Be(receivedBefore + 2 + 100, "the server's frame is counted whole, header included");
        counters.Requests.Should().Be(1, "frames are not requests");
        counters.Connections.Should().Be(1);
    }

    [Fact]
    public async Task A_refused_upgrade_is_a_failed_request()
    {
        var counters = new WireCounters();
        var nowhere = new Uri(_echo, "/nothing-here");

        var connecting = () => ConnectAsync(nowhere, counters);

        await connecting.Should().ThrowAsync<WebSocketException>("the server answers 404, not 101");
        counters.Requests.Should().Be(1, "the upgrade request was sent");
        counters.Connections.Should().Be(1);
    }
}
