namespace WebSocketHandshake.Tests.Frames;

/// <summary>TODO 4: reading a frame header, bit by bit, from however many bytes have arrived.</summary>
[Todo(4)]
public sealed class FrameHeaderTests
{
    private static FrameHeader Parse(byte[] bytes, int expectedLength)
    {
        var parsed = FrameHeader.TryParse(bytes, out var header, out var headerLength);
        parsed.Should().BeTrue("{0} holds a whole header", Convert.ToHexString(bytes));
        headerLength.Should().Be(expectedLength, "the header of {0} is {1} bytes long", Convert.ToHexString(bytes), expectedLength);
        return header!;
    }

    [Fact]
    public void Unmasked_hello_of_the_rfc_is_fin_text_of_five_bytes()
    {
        var header = Parse(RfcExamples.UnmaskedHello, 2);

        header.Should().BeEquivalentTo(new { Fin = true, Reserved = 0, Opcode = Opcode.Text, Masked = false, PayloadLength = 5UL },
            "0x81 0x05 is FIN, opcode 1 (text), no mask, length 5 (RFC 6455 §5.7)");
        header.MaskingKey.Should().BeEmpty("an unmasked frame has no masking key");
    }

    [Fact]
    public void Masked_hello_of_the_rfc_carries_its_masking_key()
    {
        var header = Parse(RfcExamples.MaskedHello, 6);

        header.Masked.Should().BeTrue("0x85 has the MASK bit set");
        header.PayloadLength.Should().Be(5UL, "0x85 without the MASK bit is 5");
        header.MaskingKey.Should().Equal([0x37, 0xfa, 0x21, 0x3d], "the 4 bytes after the length are the masking key");
    }

    [Fact]
    public void Fragments_of_the_rfc_tell_first_from_last()
    {
        var first = Parse(RfcExamples.FragmentHel, 2);
        var last = Parse(RfcExamples.FragmentLo, 2);

        first.Should().BeEquivalentTo(new { Fin = false, Opcode = Opcode.Text, PayloadLength = 3UL }, "0x01: no FIN, a text message starts");
        last.Should().BeEquivalentTo(new { Fin = true, Opcode = Opcode.Continuation, PayloadLength = 2UL }, "0x80: FIN, a continuation ends it");
    }

    [Fact]
    public void Ping_and_pong_of_the_rfc_are_read()
    {
        Parse(RfcExamples.UnmaskedPing, 2).Opcode.Should().Be(Opcode.Ping, "0x89 is FIN and opcode 9, ping");
        Parse(RfcExamples.MaskedPong, 6).Opcode.Should().Be(Opcode.Pong, "0x8a is FIN and opcode 10, pong");
    }

    [Fact]
    public void Sixteen_bit_length_of_the_rfc_256_byte_frame_is_big_endian()
    {
        var header = Parse(RfcExamples.Binary256Header, 4);

        header.Opcode.Should().Be(Opcode.Binary);
        header.PayloadLength.Should().Be(256UL, "126 says a 16-bit length follows: 0x01 0x00 is 256 in network byte order (big-endian)");
    }

    [Fact]
    public void Sixty_four_bit_length_of_the_rfc_64_KiB_frame_is_big_endian()
    {
        var header = Parse(RfcExamples.Binary64KiBHeader, 10);

        header.PayloadLength.Should().Be(65536UL, "127 says a 64-bit length follows: 00 00 00 00 00 01 00 00 is 65,536 big-endian");
    }

    [Theory]
    [InlineData(new byte[] { 0x82, 0x7D }, 125UL, 2)]
    [InlineData(new byte[] { 0x82, 0x7E, 0x00, 0x7E }, 126UL, 4)]
    [InlineData(new byte[] { 0x82, 0x7E, 0xFF, 0xFF }, 65535UL, 4)]
    [InlineData(new byte[] { 0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00 }, 65536UL, 10)]
    [InlineData(new byte[] { 0x82, 0x7F, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 }, 0x0102030405060708UL, 10)]
    public void Length_is_read_in_each_of_its_three_forms(byte[] bytes, ulong expected, int headerLength)
    {
        Parse(bytes, headerLength).PayloadLength.Should().Be(expected,
            "payload len 0-125 is the length itself, 126 is followed by 16 bits, 127 by 64 bits, all big-endian");
    }

    [Fact]
    public void Reserved_bits_and_reserved_opcodes_are_read_as_they_are()
    {
        var header = Parse([0xF3, 0x80, 1, 2, 3, 4], 6);

        header.Reserved.Should().Be(7, "0xF3 has RSV1, RSV2 and RSV3 set: the parser reads them; FrameRules refuses them");
        ((int)header.Opcode).Should().Be(3, "the low 4 bits of 0xF3 are opcode 3, reserved, but still what the frame says");
        header.Fin.Should().BeTrue();
    }

    public static TheoryData<string, byte[]> WholeHeaders => new()
    {
        { "masked hello", RfcExamples.MaskedHello[..6] },
        { "16-bit length, masked", [0x82, 0xFE, 0x01, 0x00, 1, 2, 3, 4] },
        { "64-bit length, masked", [0x82, 0xFF, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 3, 4] },
    };

    [Theory]
    [MemberData(nameof(WholeHeaders))]
    public void Header_cut_short_anywhere_asks_for_more_bytes(string what, byte[] header)
    {
        for (var length = 0; length < header.Length; length++)
        {
            var parsed = FrameHeader.TryParse(header.AsSpan(0, length), out _, out _);

            parsed.Should().BeFalse("only the first {0} of the {1} bytes of a header ({2}) have arrived: wait for the rest", length, header.Length, what);
        }
        FrameHeader.TryParse(header, out _, out var headerLength).Should().BeTrue("all {0} bytes of the header are there", header.Length);
        headerLength.Should().Be(header.Length);
    }
}
