using Workshop.Bench.Servers;
using Xunit;

namespace Workshop.Bench.Tests;

/// <summary>
/// The reference solutions of steps 02, 03 and 05, each started once, as the benchmark starts them, when a test first
/// needs it, and stopped after the last test of the collection.
/// </summary>
public sealed class ReferenceServers : IAsyncDisposable
{
    private readonly Dictionary<string, Task<ServerUnderTest>> _servers = [];

    public Task<ServerUnderTest> OfStepAsync(string step)
    {
        lock (_servers)
        {
            if (!_servers.TryGetValue(step, out var server))
            {
                // Shared by the collection's tests, so started without any one test's cancellation.
                server = ServerUnderTest.StartStepAsync(step, CancellationToken.None);
                _servers[step] = server;
            }
            return server;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<ServerUnderTest>[] servers;
        lock (_servers)
        {
            servers = [.. _servers.Values];
        }
        foreach (var server in servers)
        {
            try
            {
                await (await server).DisposeAsync();
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or FileNotFoundException)
            {
                // It never started; the test that needed it has said why.
            }
        }
    }
}

/// <summary>
/// The tests that run rounds against the reference solutions: one collection, so they share the servers and run one at
/// a time (a round measures the machine it runs on; two at once would only slow each other down).
/// </summary>
[CollectionDefinition(nameof(ReferenceServers))]
public sealed class ReferenceServersCollection : ICollectionFixture<ReferenceServers>;
