using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using WebSocketHandshake.Frames;
using WebSocketHandshake.Messages;

namespace WebSocketHandshake.Connection;

/// <summary>
/// One WebSocket connection after the handshake: reads the client's frames, lets <see cref="FrameHandler"/> decide
/// what to do with each, sends what it decides, pings on the <see cref="KeepAlive"/> schedule, and closes. The protocol
/// work is in Frames/ and Messages/; this class only moves bytes, and makes sure no failure escapes.
/// </summary>
public sealed class WebSocketConnection(Stream stream, WebSocketSettings settings, TimeProvider time, ILogger logger, string peer)
{
    /// <summary>After the server sends a close frame, how long it waits for the client's before it closes TCP anyway.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The most the server reads and throws away while it waits for the client's close frame.</summary>
    private const int MaxLingerBytes = 1024 * 1024;

    /// <summary>How long one frame may take to go out: a client that never reads cannot hold the server forever.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The shortest keep-alive wait, so that a wrong schedule can never spin the processor.</summary>
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(10);

    private const string ServerFailed = "The server failed; its log has the details.";

    // One frame at a time on the wire: the reading loop (echoes, pongs) and keep-alive (pings) both send.
    private readonly SemaphoreSlim _sending = new(1, 1);
    private bool _closeSent;

    // Keep-alive's view of the connection, written by the reading loop (pongs) and read by keep-alive.
    private readonly Lock _keepAliveGate = new();
    private DateTimeOffset _quietSince;
    private DateTimeOffset? _pingSentAt;

    /// <summary>Runs the connection until either side closes it, the client goes away, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _quietSince = time.GetUtcNow();
        var keepAlive = KeepAliveAsync(connection);
        try
        {
            if (await ReceiveAsync(reader, connection.Token) is Ending.ServerClosed)
            {
                await LingerAsync(reader);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogInformation("{Peer}: the server is stopping", peer);
            await TrySendFallbackCloseAsync(CloseCode.GoingAway, "The server is stopping.");
        }
        catch (OperationCanceledException) when (connection.IsCancellationRequested)
        {
            // Keep-alive gave up on the client and has sent its close frame.
        }
        catch (IOException exception)
        {
            logger.LogInformation("{Peer} went away: {Message}", peer, exception.Message);
        }
        catch (NotImplementedException exception)
        {
            // A TODO of the lesson is not done yet: say which one, in the close frame the browser or the test reads.
            logger.LogWarning("{Peer}: closing with 1011: {Message}", peer, exception.Message);
            await TrySendFallbackCloseAsync(CloseCode.InternalError, exception.Message);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{Peer}: closing with 1011", peer);
            await TrySendFallbackCloseAsync(CloseCode.InternalError, ServerFailed);
        }
        finally
        {
            await connection.CancelAsync();
            await keepAlive;
            await reader.CompleteAsync();
        }
    }

    /// <summary>How the reading loop ended.</summary>
    private enum Ending
    {
        /// <summary>The client closed the TCP connection, in the middle of a frame or not.</summary>
        ClientGone,

        /// <summary>The client started the closing handshake and the server answered it: nothing more will come.</summary>
        ClientClosed,

        /// <summary>The server sent a close frame first (a protocol error): the client's close frame is still to come.</summary>
        ServerClosed,
    }

    private async Task<Ending> ReceiveAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        var assembler = new MessageAssembler(settings.MaxMessageBytes);
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            try
            {
                // One read may bring many frames, or part of one: act on every whole frame, keep the rest.
                while (true)
                {
                    var result = FrameDecoder.Decode(buffer, settings.MaxMessageBytes);
                    if (result is DecodeResult.Invalid(var error))
                    {
                        return await FailAsync(error, cancellationToken);
                    }
                    if (result is not DecodeResult.Decoded(var frame, var consumed))
                    {
                        break;
                    }
                    buffer = buffer.Slice(consumed);
                    if (await ActOnAsync(frame, assembler, cancellationToken) is { } ending)
                    {
                        return ending;
                    }
                }
                if (read.IsCompleted)
                {
                    logger.LogInformation("{Peer} went away{Where}", peer, buffer.IsEmpty && !assembler.InMessage ? "" : " in the middle of a message");
                    return Ending.ClientGone;
                }
            }
            finally
            {
                // Decoded frames are consumed; the start of the next frame stays until more bytes arrive.
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    /// <summary>Does what <see cref="FrameHandler.React"/> decides; returns how the loop ends, or null to go on.</summary>
    private async Task<Ending?> ActOnAsync(Frame frame, MessageAssembler assembler, CancellationToken cancellationToken)
    {
        if (frame.Opcode == Opcode.Pong)
        {
            lock (_keepAliveGate)
            {
                _quietSince = time.GetUtcNow();
                _pingSentAt = null;
            }
        }
        switch (FrameHandler.React(frame, assembler))
        {
            case Reaction.Send(var opcode, var payload):
                await SendAsync(FrameEncoder.Encode(opcode, payload), cancellationToken);
                return null;
            case Reaction.AnswerClose(var code, var reason):
                await SendCloseAsync(code, reason, cancellationToken);
                logger.LogInformation("{Peer} closed: {Code} {Reason}", peer, code?.ToString(CultureInfo.InvariantCulture) ?? "(no code)", reason);
                return Ending.ClientClosed;
            case Reaction.Fail(var error):
                return await FailAsync(error, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>"Fail the WebSocket connection" (RFC 6455 §7.1.7): a close frame with the code that says why.</summary>
    private async Task<Ending> FailAsync(ProtocolError error, CancellationToken cancellationToken)
    {
        logger.LogInformation("{Peer}: closing with {Code}: {Reason}", peer, error.Code, error.Reason);
        await SendCloseAsync(error.Code, error.Reason, cancellationToken);
        return Ending.ServerClosed;
    }

    private async Task KeepAliveAsync(CancellationTokenSource connection)
    {
        var cancellationToken = connection.Token;
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                KeepAliveStep step;
                lock (_keepAliveGate)
                {
                    step = KeepAlive.Next(now, _quietSince, _pingSentAt, settings.KeepAliveInterval, settings.KeepAliveTimeout);
                }
                switch (step)
                {
                    case KeepAliveStep.WaitUntil(var when):
                        await Task.Delay(when - now > MinimumWait ? when - now : MinimumWait, time, cancellationToken);
                        break;
                    case KeepAliveStep.Ping:
                        lock (_keepAliveGate)
                        {
                            _pingSentAt = now;
                        }
                        // Any payload will do: the client's pong sends it back. The time helps someone reading a capture.
                        var payload = Encoding.ASCII.GetBytes(now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture));
                        await SendAsync(FrameEncoder.Encode(Opcode.Ping, payload), cancellationToken);
                        break;
                    case KeepAliveStep.Stop:
                        var seconds = settings.KeepAliveTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                        logger.LogInformation("{Peer} did not answer a ping within {Seconds} s; closing", peer, seconds);
                        await SendCloseAsync(CloseCode.GoingAway, $"No pong within {seconds} s.", cancellationToken);
                        await connection.CancelAsync();
                        return;
                    default:
                        throw new InvalidOperationException($"KeepAlive.Next gave an unknown step: {step}.");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection is over.
        }
        catch (NotImplementedException exception)
        {
            // The connection still works without keep-alive: say so, and let its other goals be reached.
            logger.LogWarning("{Peer}: no keep-alive on this connection: {Message}", peer, exception.Message);
        }
        catch (IOException)
        {
            // The client is gone; the reading loop finds out too.
        }
    }

    /// <summary>Sends one frame, unless a close frame has already gone out: nothing may follow it (§5.5.1).</summary>
    private async Task SendAsync(byte[] frame, CancellationToken cancellationToken, bool isClose = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SendTimeout);
        await _sending.WaitAsync(timeout.Token);
        try
        {
            if (_closeSent)
            {
                return;
            }
            _closeSent = isClose;
            await stream.WriteAsync(frame, timeout.Token);
            await stream.FlushAsync(timeout.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    private Task SendCloseAsync(ushort? code, string reason, CancellationToken cancellationToken) =>
        SendAsync(FrameEncoder.Encode(Opcode.Close, CloseFrame.Payload(code, reason)), cancellationToken, isClose: true);

    /// <summary>
    /// A close frame written by hand, not by <see cref="FrameEncoder"/>, because the encoder may be what failed.
    /// Best effort: the client may already be gone.
    /// </summary>
    private async Task TrySendFallbackCloseAsync(ushort code, string reason)
    {
        var payload = CloseFrame.Payload(code, reason);
        byte[] frame = [FrameLayout.FinBit | (byte)Opcode.Close, (byte)payload.Length, .. payload];
        try
        {
            await SendAsync(frame, CancellationToken.None, isClose: true);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Nobody is left to read it.
        }
    }

    /// <summary>
    /// After a close frame of its own, the server reads (and throws away) what the client still sends until the client's
    /// close frame arrives, for up to a second. Closing a socket with unread bytes in it makes the operating system send
    /// a reset, and a reset can make the client lose the close frame before it reads it.
    /// </summary>
    private async Task LingerAsync(PipeReader reader)
    {
        using var linger = new CancellationTokenSource(CloseTimeout, time);
        long drained = 0;
        try
        {
            while (drained < MaxLingerBytes)
            {
                var read = await reader.ReadAsync(linger.Token);
                var buffer = read.Buffer;
                var sawClose = SkipToClose(ref buffer);
                drained += read.Buffer.Length - buffer.Length;
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (sawClose || read.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client closed first, or took too long: either way the close frame is on its way.
        }
    }

    private bool CloseFrameFollows(ReadOnlySequence<byte> buffer)
    {
        var bytes = buffer.ToArray();
        for (var start = 1; start + 1 < bytes.Length; start++)
        {
            if (bytes[start] == 0x88 && (bytes[start + 1] & 0x80) != 0
                && FrameDecoder.Decode(new ReadOnlySequence<byte>(bytes, start, bytes.Length - start), settings.MaxMessageBytes)
                    is DecodeResult.Decoded({ Opcode: Opcode.Close }, _))
            {
                return true;
            }
        }
        return false;
    }

    // Skips whole frames until a close frame; bytes that are not frames at all are skipped whole.
    private bool SkipToClose(ref ReadOnlySequence<byte> buffer)
    {
        try
        {
            while (FrameDecoder.Decode(buffer, settings.MaxMessageBytes) is DecodeResult.Decoded(var frame, var consumed))
            {
                buffer = buffer.Slice(consumed);
                if (frame.Opcode == Opcode.Close)
                {
                    return true;
                }
            }
            if (FrameDecoder.Decode(buffer, settings.MaxMessageBytes) is DecodeResult.Invalid)
            {
                // The broken frame that ended the connection is still here, and the client's close frame often follows
                // it in the same read. Skipping it all would lose that close and keep the connection open for the whole
                // CloseTimeout: look for where a client's close frame starts (0x88, then a byte with MASK set).
                var sawClose = CloseFrameFollows(buffer);
                buffer = buffer.Slice(buffer.End);
                return sawClose;
            }
        }
        catch (NotImplementedException)
        {
            buffer = buffer.Slice(buffer.End);
        }
        return false;
    }
}
