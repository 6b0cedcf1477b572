using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workshop.Testing;

/// <summary>
/// A client that writes exact bytes into a TCP connection and reads whatever comes back until the server closes it.
/// HttpClient would refuse to send the malformed requests a server must survive; this sends anything.
/// </summary>
public static class RawHttpClient
{
    /// <summary>The longest a test waits for a server to answer and close, so a hung server fails a test instead of hanging it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends <paramref name="request"/> (its line breaks written as they are) and reads until the server closes.</summary>
    public static Task<RawResponse> SendAsync(IPEndPoint server, string request, CancellationToken cancellationToken) =>
        SendAsync(server, Encoding.UTF8.GetBytes(request), DefaultTimeout, cancellationToken);

    public static async Task<RawResponse> SendAsync(IPEndPoint server, byte[] request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(server, cancellationToken);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cancellationToken);
        }
        catch (IOException)
        {
            // A server may answer and close before reading all of a request it refuses (a huge body, say);
            // what it answered is still there to read.
        }
        return await ReadUntilClosedAsync(client, timeout, cancellationToken);
    }

    public static async Task<TcpClient> ConnectAsync(IPEndPoint server, CancellationToken cancellationToken)
    {
        var client = new TcpClient(server.AddressFamily);
        await client.ConnectAsync(server, cancellationToken);
        return client;
    }

    /// <summary>Reads until the server closes the connection, or until <paramref name="timeout"/> passes.</summary>
    public static async Task<RawResponse> ReadUntilClosedAsync(TcpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await client.GetStream().ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    return RawResponse.From(received.ToArray(), closedByServer: true);
                }
                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RawResponse.From(received.ToArray(), closedByServer: false);
        }
        catch (IOException)
        {
            // A reset is the server closing too, only less politely.
            return RawResponse.From(received.ToArray(), closedByServer: true);
        }
    }
}
