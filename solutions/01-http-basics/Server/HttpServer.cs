using System.Net;
using System.Net.Sockets;

namespace HttpBasics.Server;

/// <summary>
/// Accepts TCP connections and serves each one on its own asynchronous <see cref="Connection"/>:
/// no thread waits on a slow client, and a slow client never delays the others.
/// </summary>
public sealed class HttpServer : IAsyncDisposable
{
    /// <summary>
    /// The pause after a failed accept. A failure that repeats at once (no file handles left, say) would otherwise
    /// spin the loop and flood the log; a short pause lets it pass while the clients wait in the backlog.
    /// </summary>
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly TcpListener _listener;
    private readonly ServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();

    // One slot per connection being served. A connection holds its slot from accept to close,
    // so "every slot is free" means "every connection has closed".
    private readonly SemaphoreSlim _slots;
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
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // A free slot first: past MaxConnections, new clients wait in the operating system's backlog.
                await _slots.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                // DisposeAsync asked the loop to stop.
                _slots.Release();
                return;
            }
            catch (Exception exception)
            {
                // One failed accept (a client that reset before it was taken, file handles running out) must not end
                // the loop: the program would still say it is listening while nobody answers.
                _slots.Release();
                _options.Log($"Accepting a connection failed, still listening: {exception.Message}");
                await Task.Delay(AcceptRetryDelay, CancellationToken.None);
                continue;
            }

            // Not awaited: the loop goes straight back to accepting. The connection gives its slot back when it ends.
            _ = ServeAsync(client, stopping);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        // An async method runs on its caller's thread until its first real wait. Yielding first moves the whole
        // connection off the accept loop, so that parsing and answering one request never delays the next accept.
        await Task.Yield();
        try
        {
            await new Connection(client, _options).RunAsync(stopping);
        }
        catch (Exception exception)
        {
            // Connection answers its own failures; one that still escapes is a bug, and a bug is never silent.
            _options.Log($"A connection failed: {exception}");
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Stops accepting, cancels the connections in progress and waits for them to close.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        // Each connection gives its slot back in a finally: once this has taken every slot, none is running.
        for (var slot = 0; slot < _options.MaxConnections; slot++)
        {
            await _slots.WaitAsync();
        }
        _stopping.Dispose();
        _slots.Dispose();
    }
}
