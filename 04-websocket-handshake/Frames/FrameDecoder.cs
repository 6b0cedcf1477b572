using System.Buffers;

namespace WebSocketHandshake.Frames;

/// <summary>
/// Turns the bytes a client sent into frames: read the header (<see cref="FrameHeader"/>), judge it
/// (<see cref="FrameRules"/>), wait for the whole payload, unmask it (<see cref="Masking"/>). Pure code over bytes:
/// no sockets here, so every rule is tested in microseconds, at every split of the input.
/// </summary>
public static class FrameDecoder
{
    /// <summary>Decodes the frame at the start of <paramref name="input"/>, whatever part of it has arrived.</summary>
    /// <param name="maxPayloadBytes">The largest payload accepted; a frame that declares more is refused from its header.</param>
    public static DecodeResult Decode(ReadOnlySequence<byte> input, int maxPayloadBytes)
    {
        // The header is at most 14 bytes: copy them out of the (possibly many-segment) input to read them in one span.
        Span<byte> head = stackalloc byte[FrameLayout.MaxHeaderLength];
        var available = (int)Math.Min(input.Length, head.Length);
        input.Slice(0, available).CopyTo(head);
        if (!FrameHeader.TryParse(head[..available], out var header, out var headerLength))
        {
            return DecodeResult.NeedMoreData;
        }
        if (!FrameRules.TryCheck(header, maxPayloadBytes, out var error))
        {
            return new DecodeResult.Invalid(error);
        }
        if (header.PayloadLength > (ulong)maxPayloadBytes)
        {
            // A bug, not bad input: the rules must refuse such a frame before the server waits for its payload.
            throw new InvalidOperationException($"FrameRules.TryCheck accepted a payload of {header.PayloadLength} bytes over the limit of {maxPayloadBytes}.");
        }

        var payloadLength = (int)header.PayloadLength;
        if (input.Length - headerLength < payloadLength)
        {
            return DecodeResult.NeedMoreData;
        }
        var payload = input.Slice(headerLength, payloadLength).ToArray();
        Masking.Apply(payload, header.MaskingKey);
        return new DecodeResult.Decoded(new Frame(header.Fin, header.Opcode, payload), headerLength + payloadLength);
    }

    /// <summary>Decodes the frame at the start of <paramref name="input"/>.</summary>
    public static DecodeResult Decode(ReadOnlyMemory<byte> input, int maxPayloadBytes) =>
        Decode(new ReadOnlySequence<byte>(input), maxPayloadBytes);
}
