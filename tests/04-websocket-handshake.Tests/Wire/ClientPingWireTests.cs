using System.Net.WebSockets;
using Workshop.Testing;

namespace WebSocketHandshake.Tests.Wire;

/// <summary>
/// Keep-alive the other way round: .NET's own client pings the server, and a server that answers every ping with its
/// pong keeps the connection. A class of its own so that its four seconds of watching run beside
/// <see cref="KeepAliveWireTests"/>.
/// </summary>
[RunsLong(4)]
public sealed class ClientPingWireTests
{
    [Fact]
    [Todo(1, 2, 3, 4, 5, 6, 7, 10)]
    public async Task Pings_of_ClientWebSocket_are_answered_with_matching_pongs()
    {
        await using var server = EchoServer.Start();
        // With a keep-alive timeout, .NET's client sends pings of its own and aborts unless the matching pong comes back.
        using var client = await server.ConnectAsync(options =>
        {
            options.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
            // Generous for a busy machine; still well inside the wait below, so a server that never answers is caught.
            options.KeepAliveTimeout = TimeSpan.FromSeconds(2);
        });
        var receiving = EchoWireTests.ReceiveMessageAsync(client);

        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);

        var ended = !receiving.IsCompleted ? "nothing"
            : receiving.IsCompletedSuccessfully ? Describe(await receiving)
            : receiving.Exception?.InnerException?.Message ?? "an error";
        client.State.Should().Be(WebSocketState.Open,
            "ClientWebSocket sent a ping every 100 ms and aborts when a pong with the same payload is not back within 2 s; the receive ended with: {0}",
            ended);
    }

    private static string Describe((WebSocketMessageType Type, byte[] Payload, WebSocketCloseStatus? Close, string? Reason) received) =>
        received.Type == WebSocketMessageType.Close ? $"close {(int?)received.Close} \"{received.Reason}\"" : $"{received.Type} \"{Encoding.UTF8.GetString(received.Payload)}\"";
}
