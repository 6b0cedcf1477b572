namespace WebSocketHandshake.Tests.Frames;

/// <summary>TODO 7: the server's frames: the shortest length form, big-endian, and never masked.</summary>
[Todo(7)]
public sealed class FrameEncoderTests
{
    [Fact]
    public void Hello_is_encoded_as_the_unmasked_frame_of_the_rfc()
    {
        FrameEncoder.Encode(Opcode.Text, RfcExamples.Hello).Should().Equal(RfcExamples.UnmaskedHello,
            "RFC 6455 §5.7: a single-frame unmasked text message \"Hello\" is 81 05 48 65 6c 6c 6f; a server never masks (§5.1)");
    }

    [Fact]
    public void Fragments_are_encoded_as_in_the_rfc()
    {
        FrameEncoder.Encode(Opcode.Text, "Hel"u8, fin: false).Should().Equal(RfcExamples.FragmentHel, "the first fragment: no FIN, opcode text");
        FrameEncoder.Encode(Opcode.Continuation, "lo"u8, fin: true).Should().Equal(RfcExamples.FragmentLo, "the last: FIN, opcode continuation");
    }

    [Fact]
    public void Ping_is_encoded_as_in_the_rfc()
    {
        FrameEncoder.Encode(Opcode.Ping, RfcExamples.Hello).Should().Equal(RfcExamples.UnmaskedPing, "RFC 6455 §5.7: an unmasked ping \"Hello\"");
    }

    [Fact]
    public void Binary_of_256_bytes_has_the_16_bit_header_of_the_rfc()
    {
        var frame = FrameEncoder.Encode(Opcode.Binary, new byte[256]);

        frame[..4].Should().Equal(RfcExamples.Binary256Header, "RFC 6455 §5.7: 82 7E 01 00 then 256 bytes");
        frame.Length.Should().Be(4 + 256);
    }

    [Fact]
    public void Binary_of_64_KiB_has_the_64_bit_header_of_the_rfc()
    {
        var frame = FrameEncoder.Encode(Opcode.Binary, new byte[65536]);

        frame[..10].Should().Equal(RfcExamples.Binary64KiBHeader, "RFC 6455 §5.7: 82 7F 00 00 00 00 00 01 00 00 then 65,536 bytes (big-endian)");
        frame.Length.Should().Be(10 + 65536);
    }

    [Theory]
    [InlineData(0, new byte[] { 0x82, 0x00 })]
    [InlineData(125, new byte[] { 0x82, 0x7D })]
    [InlineData(126, new byte[] { 0x82, 0x7E, 0x00, 0x7E })]
    [InlineData(65535, new byte[] { 0x82, 0x7E, 0xFF, 0xFF })]
    [InlineData(65536, new byte[] { 0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00 })]
    [InlineData(70000, new byte[] { 0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x11, 0x70 })]
    public void Length_uses_the_shortest_form_that_fits(int length, byte[] expectedHeader)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var frame = FrameEncoder.Encode(Opcode.Binary, payload);

        frame[..expectedHeader.Length].Should().Equal(expectedHeader,
            "{0} bytes: up to 125 in the 7 bits, up to 65,535 as 126 + 16 bits, more as 127 + 64 bits; big-endian, never masked", length);
        frame[expectedHeader.Length..].Should().Equal(payload, "the payload follows the header as it is");
    }

    [Fact]
    public void Server_frames_read_back_unmasked_by_a_client()
    {
        var message = Encoding.UTF8.GetBytes("¡Hola! 👋");

        var frame = ServerFrame.TryRead(FrameEncoder.Encode(Opcode.Text, message), out _);

        frame.Should().NotBeNull();
        frame!.Masked.Should().BeFalse("a client fails the connection if a server masks a frame (RFC 6455 §5.1)");
        frame.Fin.Should().BeTrue();
        frame.Reserved.Should().Be(0, "no extension was agreed, so no RSV bit may be set");
        frame.Payload.Should().Equal(message);
    }
}
