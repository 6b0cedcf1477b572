namespace WebSocketHandshake.Tests.Wire;

/// <summary>
/// A client that goes away in the middle of a frame. The given connection loop frees what it held, whatever the
/// codec's TODOs do with the bytes that came: so this needs only a connection, TODOs 1 to 3.
/// </summary>
[Todo(1, 2, 3)]
public sealed class VanishedClientWireTests(SharedEchoServer shared) : IClassFixture<SharedEchoServer>
{
    [Fact]
    public async Task Client_that_vanishes_mid_frame_frees_its_connection()
    {
        var before = shared.Server.OpenConnections;
        var socket = await shared.Server.OpenRawAsync();
        var frame = ClientFrames.Text(new string('x', 1000));

        await socket.SendAsync(frame[..500]);
        socket.Dispose();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (shared.Server.OpenConnections > before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        shared.Server.OpenConnections.Should().BeLessThanOrEqualTo(before,
            "a client that closes TCP in the middle of a frame is gone: the server must end its connection and free what it held");
    }
}
