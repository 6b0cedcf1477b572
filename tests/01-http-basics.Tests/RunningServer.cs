using System.Net;
using HttpBasics.Server;

namespace HttpBasics.Tests;

/// <summary>The step's real server on a loopback port the operating system picks, stopped when disposed.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly HttpServer _server;

    private RunningServer(HttpServer server) => _server = server;

    public IPEndPoint EndPoint => _server.EndPoint;
    public Uri BaseAddress => _server.BaseAddress;

    public static RunningServer Start(TimeSpan? requestTimeout = null) => new(HttpServer.Start(new ServerOptions
    {
        Address = IPAddress.Loopback,
        Port = 0,
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
        Log = _ => { },
    }));

    /// <summary>An HttpClient that talks to this server, with a timeout so that a hung server fails the test instead of hanging it.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
