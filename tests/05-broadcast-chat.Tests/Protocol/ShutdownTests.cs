using System.Diagnostics;

namespace BroadcastChat.Tests.Protocol;

/// <summary>
/// A server that stops says goodbye: every client gets a close 1001 going away before the server is gone, so a page
/// knows to reconnect rather than wonder. The clients must be connected, joined and still there (TODOs 1 to 3, and the
/// receive loop of TODO 4) to be closed.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    [Todo(1, 2, 3, 4)]
    public async Task Stopping_the_server_closes_every_client_with_1001()
    {
        var server = ChatServer.Start();
        var peers = new List<ChatPeer>();
        Task? stopping = null;
        try
        {
            foreach (var nickname in new[] { "Ana", "Bo", "Eva" })
            {
                peers.Add(await ChatPeer.JoinAsync(server, nickname));
            }
            await peers[0].ReceiveUntilAsync<Presence>(p => p.Count == 3, "of 3, once everyone is in");
            var clock = Stopwatch.StartNew();

            stopping = server.DisposeAsync().AsTask();
            var closes = await Task.WhenAll(peers.Select(peer =>
                peer.ExpectCloseAsync(1001, "1001 going away: the server is shutting down", TimeSpan.FromSeconds(20))));
            await stopping.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Every client had its 1001 ({string.Join(", ", closes.Select(reason => $"\"{reason}\""))}) and the server had stopped after {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            await Task.WhenAll(peers.Select(peer => peer.DisposeAsync().AsTask()));
            await (stopping ?? server.DisposeAsync().AsTask());
        }
    }
}
