using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using HttpBasics.Http;
using HttpBasics.Routing;

namespace HttpBasics.Server;

/// <summary>
/// One client connection, one request, one response, then the connection closes: HTTP without keep-alive.
/// The protocol work is in <see cref="RequestParser"/>, <see cref="Router"/> and <see cref="ResponseWriter"/>;
/// this class only moves bytes, applies the time limit, and makes sure that no failure escapes.
/// </summary>
internal sealed class Connection(TcpClient client, ServerOptions options)
{
    private static readonly TimeSpan LingerTime = TimeSpan.FromSeconds(1);
    private const int MaxLingerBytes = 2 * 1024 * 1024;

    private readonly string _peer = client.Client.RemoteEndPoint?.ToString() ?? "?";

    public async Task RunAsync(CancellationToken stopping)
    {
        using var _ = client;
        var stream = client.GetStream();

        // One deadline for receiving the whole request and sending the answer: a client that trickles bytes
        // (or sends none) cannot hold a connection slot for longer than this.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(options.RequestTimeout);

        var reader = new RequestReader(PipeReader.Create(stream), options.MaxHeadBytes);
        try
        {
            var (request, response) = await ReceiveAndAnswerAsync(reader, deadline.Token);
            if (response is null)
            {
                return;
            }
            var omitBody = request?.Method == "HEAD";
            var bytes = ResponseWriter.Serialize(response, options.Time.GetUtcNow(), omitBody);
            await stream.WriteAsync(bytes, deadline.Token);
            options.Log($"{_peer} {request?.Method ?? "-"} {request?.Path ?? "-"} -> {response.StatusCode} ({bytes.Length} bytes)");
            await CloseGracefullyAsync(stream, deadline.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            await AnswerTimeoutAsync(stream, reader.ReceivedAnything);
        }
        catch (OperationCanceledException)
        {
            // The server is stopping; the client sees the connection close.
        }
        catch (IOException exception)
        {
            options.Log($"{_peer} went away: {exception.Message}");
        }
        catch (NotImplementedException exception)
        {
            // A TODO of the lesson is not done yet: say which one, to the browser or test that asked.
            options.Log($"{_peer} -> 500: {exception.Message}");
            await TrySendAsync(stream, () => FallbackResponse(exception.Message));
        }
        catch (Exception exception)
        {
            options.Log($"{_peer} -> 500: {exception}");
            await TrySendAsync(stream, () => FallbackResponse("The server failed while answering; its console has the details."));
        }
    }

    private async Task<(HttpRequest? Request, HttpResponse? Response)> ReceiveAndAnswerAsync(
        RequestReader reader, CancellationToken cancellationToken)
    {
        var (status, head) = await reader.ReadHeadAsync(cancellationToken);
        switch (status)
        {
            case HeadStatus.Closed or HeadStatus.Truncated:
                return (null, null);
            case HeadStatus.TooLarge:
                return (null, HttpResponse.FromError(new HttpError(431, $"The request line and headers are larger than this server accepts ({options.MaxHeadBytes} bytes).")));
        }

        if (!RequestParser.TryParseHead(head, out var request, out var error)
            || !RequestParser.TryGetBodyLength(request.Headers, out var length, out error))
        {
            return (request, HttpResponse.FromError(error));
        }

        var body = await reader.ReadBodyAsync(length, cancellationToken);
        if (body is null)
        {
            return (request, null);
        }
        request = request with { Body = body };
        return (request, Router.Route(request));
    }

    /// <summary>
    /// Says "no more from me" and reads what the client still sends (a body the server refused, say) before closing.
    /// Closing a socket with unread bytes in it makes the operating system send a reset, and a reset can make the
    /// client throw away the response it has not read yet.
    /// </summary>
    private static async Task CloseGracefullyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var linger = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linger.CancelAfter(LingerTime);
        var discard = new byte[4096];
        try
        {
            stream.Socket.Shutdown(SocketShutdown.Send);
            for (var drained = 0; drained < MaxLingerBytes;)
            {
                var read = await stream.ReadAsync(discard, linger.Token);
                if (read == 0)
                {
                    return;
                }
                drained += read;
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // The client closed first or took too long: either way the answer is already on its way.
        }
    }

    private async Task AnswerTimeoutAsync(NetworkStream stream, bool receivedAnything)
    {
        if (!receivedAnything)
        {
            // An idle connection (a browser's spare one, or a client that never wrote) is simply closed.
            options.Log($"{_peer} sent nothing within {options.RequestTimeout.TotalSeconds:0.#} s; closed");
            return;
        }
        options.Log($"{_peer} -> 408: the request did not arrive within {options.RequestTimeout.TotalSeconds:0.#} s");
        var response = HttpResponse.FromError(new HttpError(408, $"The whole request must arrive within {options.RequestTimeout.TotalSeconds:0.#} seconds."));
        await TrySendAsync(stream, () => ResponseWriter.Serialize(response, options.Time.GetUtcNow(), omitBody: false));
    }

    // The last-resort answer is written by hand, not by ResponseWriter, because ResponseWriter may be what failed.
    private static byte[] FallbackResponse(string message)
    {
        var body = Encoding.UTF8.GetBytes($"500 Internal Server Error: {message}\n");
        var head = $"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    /// <summary>Sends what <paramref name="response"/> makes; when that is a TODO not done yet, a 500 naming it instead.</summary>
    private static async Task TrySendAsync(NetworkStream stream, Func<byte[]> response)
    {
        byte[] bytes;
        try
        {
            bytes = response();
        }
        catch (NotImplementedException exception)
        {
            bytes = FallbackResponse(exception.Message);
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await stream.WriteAsync(bytes, timeout.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client is gone; closing the connection is all that is left.
        }
    }
}
