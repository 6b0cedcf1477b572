using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workshop.Bench.Tests;

/// <summary>
/// A raw HTTP/1.1 server on a loopback port that knows, to the byte, what it read and wrote: it reads each request up to
/// the end of its headers (the tests send no bodies) and answers with one fixed response, keeping the connection open.
/// With <c>answer: false</c> it reads the request and closes the connection without a word.
/// Only connections whose first request carries this peer's <see cref="Marker"/> are served and counted: tests run in
/// parallel, and a client of another test whose server has stopped may reach this port once the system hands it out
/// again. Such a stranger is closed unanswered and leaves every count as it was.
/// </summary>
internal sealed class RawHttpPeer : IAsyncDisposable
{
    public static readonly byte[] Response = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly bool _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private long _bytesRead;
    private long _bytesWritten;
    private int _accepted;
    private int _requests;

    public RawHttpPeer(bool answer = true)
    {
        _answer = answer;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The header every request of the test's own clients carries; see <see cref="Mark"/>.</summary>
    public const string MarkerHeader = "X-Raw-Peer";

    /// <summary>This peer's own value of <see cref="MarkerHeader"/>.</summary>
    public string Marker { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Makes <paramref name="client"/> one of this peer's own clients, and returns it.</summary>
    public HttpClient Mark(HttpClient client)
    {
        client.DefaultRequestHeaders.Add(MarkerHeader, Marker);
        return client;
    }

    /// <summary>Bytes read, counted as soon as a whole request is in, before it is answered.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Bytes of every answer, counted as it is about to be written.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Connections of this peer's own clients, counted at their first request.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    public int RequestsRead => Volatile.Read(ref _requests);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_connections)
                {
                    _connections.Add(ServeAsync(client));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new byte[8192];
        var pending = new List<byte>();
        var known = false;
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }
                pending.AddRange(buffer.AsSpan(0, read));
                int end;
                while ((end = EndOfHeaders(pending)) > 0)
                {
                    var request = Encoding.ASCII.GetString([.. pending.Take(end)]);
                    pending.RemoveRange(0, end);
                    if (!known)
                    {
                        if (!request.Contains($"{MarkerHeader}: {Marker}\r\n", StringComparison.OrdinalIgnoreCase))
                        {
                            return;
                        }
                        known = true;
                        Interlocked.Increment(ref _accepted);
                    }
                    Interlocked.Add(ref _bytesRead, end);
                    Interlocked.Increment(ref _requests);
                    if (!_answer)
                    {
                        return;
                    }
                    Interlocked.Add(ref _bytesWritten, Response.Length);
                    await stream.WriteAsync(Response, _stop.Token);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // Stopped, or the client went away.
        }
    }

    private static int EndOfHeaders(List<byte> bytes)
    {
        for (var i = 3; i < bytes.Count; i++)
        {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
            {
                return i + 1;
            }
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }
        await Task.WhenAll(connections);
        _stop.Dispose();
    }
}
