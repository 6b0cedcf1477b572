using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HttpBasics.Server;

/// <summary>
/// Accepts TCP connections and serves each one on its own asynchronous <see cref="Connection"/>:
/// no thread waits on a slow client, and a slow client never delays the others.
/// </summary>
public sealed class HttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly ServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly Task _acceptLoop;

    private HttpServer(ServerOptions options)
    {
        _options = options;
        _slots = new SemaphoreSlim(options.MaxConnections);
        _listener = new TcpListener(options.Address, options.Port);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
    }

    /// <summary>The address and port actually bound: with port 0 the operating system chose the port.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The server's address as a browser wants it, such as <c>http://127.0.0.1:5001/</c>.</summary>
    public Uri BaseAddress => new UriBuilder(Uri.UriSchemeHttp, EndPoint.Address.ToString(), EndPoint.Port).Uri;

    /// <summary>Binds the socket and starts accepting. Throws <see cref="SocketException"/> when the port is taken.</summary>
    public static HttpServer Start(ServerOptions options) => new(options);

    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await _slots.WaitAsync(stopping);
                var client = await _listener.AcceptTcpClientAsync(stopping);
                var connection = new Connection(client, _options).RunAsync(stopping);
                _connections[connection] = true;
                _ = connection.ContinueWith(done =>
                {
                    _connections.TryRemove(done, out bool _);
                    _slots.Release();
                }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // DisposeAsync asked the loop to stop.
        }
    }

    /// <summary>Stops accepting, cancels the connections in progress and waits for them to close.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_connections.Keys);
        _stopping.Dispose();
        _slots.Dispose();
    }
}
