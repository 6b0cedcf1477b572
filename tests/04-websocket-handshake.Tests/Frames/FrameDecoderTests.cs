using System.Buffers;

namespace WebSocketHandshake.Tests.Frames;

/// <summary>TODOs 4 to 6 together: bytes in, whole unmasked frames out, whatever way TCP splits them.</summary>
[Todo(4, 5, 6)]
public sealed class FrameDecoderTests
{
    private const int Limit = 64 * 1024;

    private static Frame Decoded(byte[] bytes, int limit = Limit)
    {
        var result = FrameDecoder.Decode(bytes, limit);
        result.Should().BeOfType<DecodeResult.Decoded>("{0}... is a whole, valid client frame", Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 16))));
        var decoded = (DecodeResult.Decoded)result;
        decoded.Consumed.Should().Be(bytes.Length, "the frame is all of the bytes");
        return decoded.Frame;
    }

    [Fact]
    public void Masked_hello_of_the_rfc_decodes_to_hello()
    {
        var frame = Decoded(RfcExamples.MaskedHello);

        frame.Should().BeEquivalentTo(new Frame(true, Opcode.Text, RfcExamples.Hello), "RFC 6455 §5.7: a masked text frame \"Hello\"");
    }

    [Fact]
    public void Masked_pong_of_the_rfc_decodes_to_a_pong_with_hello()
    {
        var frame = Decoded(RfcExamples.MaskedPong);

        frame.Should().BeEquivalentTo(new Frame(true, Opcode.Pong, RfcExamples.Hello), "RFC 6455 §5.7: a masked pong carrying \"Hello\"");
    }

    [Theory]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    public void Payload_at_each_length_boundary_is_decoded(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();

        var frame = Decoded(ClientFrames.Frame(0x2, payload), limit: 65536);

        frame.Payload.Should().Equal(payload, "a {0}-byte payload uses the {1} length form and must come out whole and unmasked",
            length, length <= 125 ? "7-bit" : length <= 65535 ? "16-bit" : "64-bit");
    }

    [Fact]
    public void Frame_split_at_any_byte_waits_for_the_rest()
    {
        var bytes = ClientFrames.Frame(0x1, Encoding.UTF8.GetBytes(new string('a', 200)));

        for (var length = 0; length < bytes.Length; length++)
        {
            var result = FrameDecoder.Decode(bytes.AsMemory(0, length), Limit);
            result.Should().BeOfType<DecodeResult.Incomplete>("only {0} of the frame's {1} bytes have arrived", length, bytes.Length);
        }
        Decoded(bytes).Payload.Length.Should().Be(200);
    }

    [Fact]
    public void Frame_spread_over_many_buffers_is_decoded()
    {
        var bytes = ClientFrames.Frame(0x1, Encoding.UTF8.GetBytes("Hello, fragmented buffers"));

        var result = FrameDecoder.Decode(Segments.Of(bytes, 1, 3, 5, 8), Limit);

        result.Should().BeOfType<DecodeResult.Decoded>("a pipe hands over its bytes in several buffers, and a header may straddle two of them");
        Encoding.UTF8.GetString(((DecodeResult.Decoded)result).Frame.Payload).Should().Be("Hello, fragmented buffers");
    }

    [Fact]
    public void Only_the_first_frame_is_consumed()
    {
        byte[] twoFrames = [.. RfcExamples.MaskedHello, .. RfcExamples.MaskedPong];

        var result = FrameDecoder.Decode(twoFrames, Limit);

        result.Should().BeOfType<DecodeResult.Decoded>();
        ((DecodeResult.Decoded)result).Consumed.Should().Be(RfcExamples.MaskedHello.Length,
            "one read may bring several frames: the decoder takes the first, and the rest stays for the next call");
    }

    [Fact]
    public void Huge_declared_length_is_refused_from_the_header_alone()
    {
        var result = FrameDecoder.Decode(ClientFrames.HeaderDeclaring(1UL << 62), Limit);

        result.Should().BeOfType<DecodeResult.Invalid>(
            "a frame that declares 2^62 bytes is over the limit: refuse it now, without waiting for (or making room for) its payload");
        ((DecodeResult.Invalid)result).Error.Code.Should().Be(1009);
    }

    [Fact]
    public void Unmasked_frame_of_the_rfc_is_refused_with_1002()
    {
        var result = FrameDecoder.Decode(RfcExamples.UnmaskedHello, Limit);

        result.Should().BeOfType<DecodeResult.Invalid>("the RFC's unmasked \"Hello\" is a server's frame: from a client it is a protocol error (§5.1)");
        ((DecodeResult.Invalid)result).Error.Code.Should().Be(1002);
    }
}

/// <summary>A byte array cut into a <see cref="ReadOnlySequence{T}"/> of several segments, as a pipe may hold it.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Cuts <paramref name="bytes"/> at the given offsets.</summary>
    public static ReadOnlySequence<byte> Of(byte[] bytes, params int[] cuts)
    {
        var edges = cuts.Where(cut => cut > 0 && cut < bytes.Length).Distinct().Order().Prepend(0).Append(bytes.Length).ToArray();
        var first = new Segments(bytes.AsMemory(edges[0], edges[1] - edges[0]), 0);
        var last = first;
        for (var i = 1; i + 1 < edges.Length; i++)
        {
            var next = new Segments(bytes.AsMemory(edges[i], edges[i + 1] - edges[i]), edges[i]);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
