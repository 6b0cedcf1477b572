using System.Globalization;
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
    /// <summary>How long the server keeps reading after its answer before it closes (see <see cref="CloseGracefullyAsync"/>).</summary>
    private static readonly TimeSpan LingerTime = TimeSpan.FromSeconds(1);

    /// <summary>The most the server reads and throws away while lingering: a client that keeps sending is cut off.</summary>
    private const int MaxLingerBytes = 2 * 1024 * 1024;

    /// <summary>
    /// How long a 408 or a 500 may take to go out. They are sent after the request's own deadline has passed or after
    /// a failure, so they need a bound of their own: a client that never reads must not hold its slot for them.
    /// </summary>
    private static readonly TimeSpan LastAnswerTimeout = TimeSpan.FromSeconds(5);

    private const string ServerFailed = "The server failed while answering; its console has the details.";

    private readonly string _peer = client.Client.RemoteEndPoint?.ToString() ?? "?";

    public async Task RunAsync(CancellationToken stopping)
    {
        using var _ = client;
        var stream = client.GetStream();

        // One deadline for receiving the whole request and sending the answer: a client that trickles bytes
        // (or sends none) cannot hold a connection slot for longer than this.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(options.RequestTimeout);

        // The TcpClient owns the socket and closes it; completing the reader at the end gives back its pooled buffers.
        await using var reader = new RequestReader(
            PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)), options.MaxHeadBytes);

        // Once the first byte of an answer is on its way, no other answer may follow it:
        // a 408 or a 500 after half a 200 would be garbage to the client.
        var responseStarted = false;
        try
        {
            if (await ReceiveAndAnswerAsync(reader, deadline.Token) is not Answer(var request, var response))
            {
                return;
            }
            var bytes = ResponseWriter.Serialize(response, options.Time.GetUtcNow(), omitBody: request?.Method == "HEAD");
            responseStarted = true;
            await stream.WriteAsync(bytes, deadline.Token);
            options.Log($"{_peer} {request?.Method ?? "-"} {request?.Path ?? "-"} -> {response.StatusCode} ({bytes.Length} bytes)");
            await CloseGracefullyAsync(stream, deadline.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is stopping; the client sees the connection close.
        }
        catch (OperationCanceledException) when (responseStarted)
        {
            options.Log($"{_peer} did not take its response within {Seconds(options.RequestTimeout)} s; closed");
        }
        catch (OperationCanceledException)
        {
            await AnswerTimeoutAsync(stream, reader.ReceivedAnything, stopping);
        }
        catch (IOException exception)
        {
            options.Log($"{_peer} went away: {exception.Message}");
        }
        catch (NotImplementedException exception) when (!responseStarted)
        {
            // A TODO of the lesson is not done yet: say which one, to the browser or test that asked.
            options.Log($"{_peer} -> 500: {exception.Message}");
            await TrySendAsync(stream, () => FallbackResponse(exception.Message), stopping);
        }
        catch (Exception exception) when (!responseStarted)
        {
            options.Log($"{_peer} -> 500: {exception}");
            await TrySendAsync(stream, () => FallbackResponse(ServerFailed), stopping);
        }
    }

    /// <summary>What to do once the client has sent what it is going to send.</summary>
    private abstract record Outcome;

    /// <summary>Send <paramref name="Response"/>. <paramref name="Request"/> is null when the head was refused before it could be parsed.</summary>
    private sealed record Answer(HttpRequest? Request, HttpResponse Response) : Outcome;

    /// <summary>Hang up without answering: the client closed before its request was whole, so nobody would read an answer.</summary>
    private sealed record HangUp : Outcome;

    private async Task<Outcome> ReceiveAndAnswerAsync(RequestReader reader, CancellationToken cancellationToken)
    {
        var (status, head) = await reader.ReadHeadAsync(cancellationToken);
        switch (status)
        {
            case HeadStatus.Closed or HeadStatus.Truncated:
                return new HangUp();
            case HeadStatus.TooLarge:
                return new Answer(null, HttpResponse.FromError(new HttpError(431, $"The request line and headers are larger than this server accepts ({options.MaxHeadBytes} bytes).")));
        }

        if (!RequestParser.TryParseHead(head, out var request, out var error)
            || !RequestParser.TryGetBodyLength(request.Headers, out var length, out error))
        {
            return new Answer(request, HttpResponse.FromError(error));
        }

        var body = await reader.ReadBodyAsync(length, cancellationToken);
        if (body is null)
        {
            return new HangUp();
        }
        request = request with { Body = body };
        return new Answer(request, Router.Route(request));
    }

    /// <summary>
    /// Says "no more from me" and reads what the client still sends (a body the server refused, say) before closing.
    /// Closing a socket with unread bytes in it makes the operating system send a reset, and a reset can make the
    /// client throw away the response it has not read yet: the "lingering close" of RFC 9112 §9.6,
    /// https://www.rfc-editor.org/rfc/rfc9112#section-9.6.
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

    /// <summary>
    /// 408 Request Timeout (RFC 9110 §15.5.9, https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9)
    /// for a request that started to arrive but did not finish in time.
    /// </summary>
    private async Task AnswerTimeoutAsync(NetworkStream stream, bool receivedAnything, CancellationToken stopping)
    {
        var seconds = Seconds(options.RequestTimeout);
        if (!receivedAnything)
        {
            // An idle connection (a browser's spare one, or a client that never wrote) is simply closed.
            options.Log($"{_peer} sent nothing within {seconds} s; closed");
            return;
        }
        options.Log($"{_peer} -> 408: the request did not arrive within {seconds} s");
        var response = HttpResponse.FromError(new HttpError(408, $"The whole request must arrive within {seconds} seconds."));
        await TrySendAsync(stream, () => ResponseWriter.Serialize(response, options.Time.GetUtcNow(), omitBody: false), stopping);
    }

    // The last-resort answer is written by hand, not by ResponseWriter, because ResponseWriter may be what failed.
    private static byte[] FallbackResponse(string message)
    {
        var body = Encoding.UTF8.GetBytes($"500 Internal Server Error: {message}\n");
        var head = $"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    /// <summary>Sends what <paramref name="response"/> makes; when making it fails (a TODO not done yet, say), a 500 instead.</summary>
    private async Task TrySendAsync(NetworkStream stream, Func<byte[]> response, CancellationToken stopping)
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
        catch (Exception exception)
        {
            options.Log($"{_peer} -> 500: {exception}");
            bytes = FallbackResponse(ServerFailed);
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(LastAnswerTimeout);
            await stream.WriteAsync(bytes, timeout.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client is gone, too slow to read, or the server is stopping: closing the connection is all that is left.
        }
    }

    // Seconds as the log and the 408 say them ("10", "1.5"): the same on every machine, whatever its language.
    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
