using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace HttpBasics.Server;

/// <summary>What reading a request's head gave.</summary>
internal enum HeadStatus
{
    /// <summary>The head arrived, up to and including its blank line.</summary>
    Complete,
    /// <summary>The client closed the connection without sending anything: nothing to answer.</summary>
    Closed,
    /// <summary>The client closed the connection in the middle of the head.</summary>
    Truncated,
    /// <summary>The head grew past the limit before its blank line came.</summary>
    TooLarge,
}

/// <summary>
/// Reads one request off a connection: the head up to the blank line, then exactly the body's length.
/// A <see cref="PipeReader"/> keeps the bytes that arrive after the blank line for the body, whatever the
/// network's packet boundaries, and lets the buffer grow only as far as the limits allow.
/// Disposing it completes the <see cref="PipeReader"/>, which gives the pipe's pooled buffers back.
/// </summary>
internal sealed class RequestReader(PipeReader pipe, int maxHeadBytes) : IAsyncDisposable
{
    /// <summary>True once any byte has arrived, to tell a slow client (408) from an idle one (just closed).</summary>
    public bool ReceivedAnything { get; private set; }

    public async Task<(HeadStatus Status, string Head)> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            ReceivedAnything |= !buffer.IsEmpty;

            if (TryFindBlankLine(buffer, out var headLength, out var afterBlankLine))
            {
                if (headLength > maxHeadBytes)
                {
                    return (HeadStatus.TooLarge, "");
                }
                // Header fields are ASCII; Latin-1 maps each byte to one char, so no byte is lost or rejected here.
                var head = Encoding.Latin1.GetString(buffer.Slice(0, headLength));
                pipe.AdvanceTo(afterBlankLine);
                return (HeadStatus.Complete, head);
            }
            if (buffer.Length > maxHeadBytes)
            {
                return (HeadStatus.TooLarge, "");
            }
            if (read.IsCompleted)
            {
                return (buffer.IsEmpty ? HeadStatus.Closed : HeadStatus.Truncated, "");
            }
            pipe.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads exactly <paramref name="length"/> body bytes; null when the client hangs up first.</summary>
    public async Task<byte[]?> ReadBodyAsync(long length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return [];
        }
        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length >= length)
            {
                var body = buffer.Slice(0, length).ToArray();
                pipe.AdvanceTo(buffer.GetPosition(length));
                return body;
            }
            if (read.IsCompleted)
            {
                return null;
            }
            pipe.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    // The head ends at the first empty line: "\r\n\r\n", or "\n\n" from a client that sends bare line feeds, which a
    // server may accept (RFC 9112 §2.2, https://www.rfc-editor.org/rfc/rfc9112#section-2.2).
    private static bool TryFindBlankLine(ReadOnlySequence<byte> buffer, out long headLength, out SequencePosition afterBlankLine)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryAdvanceTo((byte)'\n'))
        {
            headLength = reader.Consumed;
            if (reader.IsNext((byte)'\n', advancePast: true) || reader.IsNext("\r\n"u8, advancePast: true))
            {
                afterBlankLine = reader.Position;
                return true;
            }
        }
        headLength = 0;
        afterBlankLine = default;
        return false;
    }

    public ValueTask DisposeAsync() => pipe.CompleteAsync();
}
