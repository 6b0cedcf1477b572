using System.Net.Sockets;

namespace Workshop.Bench.Wire;

/// <summary>
/// HTTP and WebSocket clients whose every connection, request and byte is counted in one <see cref="WireCounters"/>.
/// Each client made here has its own connection pool, as each browser tab has: a hundred subscribers are a hundred
/// pages, not one page that shares its connections.
/// </summary>
public static class CountedClients
{
    /// <summary>An <see cref="HttpClient"/> for one simulated page, talking to <paramref name="baseAddress"/>.</summary>
    public static HttpClient Http(Uri baseAddress, WireCounters counters) =>
        new(Invoker(counters), disposeHandler: true) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// The handler chain behind <see cref="Http"/>; give it to <c>ClientWebSocket.ConnectAsync(uri, invoker, token)</c>
    /// and the upgrade request and every frame are counted too.
    /// </summary>
    public static HttpMessageHandler Invoker(WireCounters counters) => new RequestCounter(counters)
    {
        InnerHandler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
                counters.ConnectionOpened();
                return new CountingStream(new NetworkStream(socket, ownsSocket: true), counters);
            },
        },
    };

    /// <summary>Counts each request as it leaves, and each one that fails to get an answer.</summary>
    private sealed class RequestCounter(WireCounters counters) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counters.RequestSent();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                counters.RequestFailed();
                throw;
            }
        }
    }
}
