using WebSocketHandshake.Messages;

namespace WebSocketHandshake.Tests.Messages;

/// <summary>TODO 8: fragments back into messages, in order, within the limit, and text that is UTF-8 as a whole.</summary>
[Todo(8)]
public sealed class MessageAssemblerTests
{
    private const int Limit = 1024;

    private static Frame Text(string text, bool fin = true) => new(fin, Opcode.Text, Encoding.UTF8.GetBytes(text));
    private static Frame Continuation(byte[] payload, bool fin = true) => new(fin, Opcode.Continuation, payload);
    private static Frame Continuation(string text, bool fin = true) => Continuation(Encoding.UTF8.GetBytes(text), fin);

    private static Message? Add(MessageAssembler assembler, Frame frame)
    {
        var added = assembler.TryAdd(frame, out var message, out var error);
        added.Should().BeTrue("{0} is a valid next frame, but the assembler said: {1}", frame, error);
        return message;
    }

    private static ProtocolError Refused(MessageAssembler assembler, Frame frame)
    {
        var added = assembler.TryAdd(frame, out var message, out var error);
        added.Should().BeFalse("the frame {0} must be refused", frame);
        message.Should().BeNull();
        error!.Reason.Should().NotBeNullOrWhiteSpace("the reason goes into the close frame: the client's developer reads there, in words, "
            + "what was wrong with {0}", frame);
        return error!;
    }

    [Fact]
    public void Single_frame_is_a_whole_message()
    {
        var message = Add(new MessageAssembler(Limit), Text("Hello"));

        message.Should().BeEquivalentTo(new Message(Opcode.Text, "Hello"u8.ToArray()), "a text frame with FIN is a message on its own");
    }

    [Fact]
    public void Fragments_of_the_rfc_make_hello()
    {
        var assembler = new MessageAssembler(Limit);

        Add(assembler, Text("Hel", fin: false)).Should().BeNull("a frame without FIN is not the end of its message");
        var message = Add(assembler, Continuation("lo"));

        message.Should().BeEquivalentTo(new Message(Opcode.Text, "Hello"u8.ToArray()),
            "RFC 6455 §5.7: \"Hel\" without FIN, then \"lo\" in a continuation with FIN, is the text message \"Hello\"");
    }

    [Fact]
    public void Binary_fragments_keep_the_opcode_of_the_first()
    {
        var assembler = new MessageAssembler(Limit);

        Add(assembler, new Frame(false, Opcode.Binary, [1, 2]));
        Add(assembler, Continuation([3], fin: false));
        var message = Add(assembler, Continuation([4, 5]));

        message.Should().BeEquivalentTo(new Message(Opcode.Binary, [1, 2, 3, 4, 5]),
            "continuation frames carry opcode 0: the message is of the kind its first frame says");
    }

    [Fact]
    public void Character_split_between_fragments_is_valid_text()
    {
        var assembler = new MessageAssembler(Limit);
        var euro = "€"u8.ToArray();

        Add(assembler, new Frame(false, Opcode.Text, [(byte)'a', euro[0]]));
        Add(assembler, Continuation([euro[1]], fin: false));
        var message = Add(assembler, Continuation([euro[2], (byte)'b']));

        Encoding.UTF8.GetString(message!.Payload).Should().Be("a€b",
            "the 3 bytes of '€' arrive in 3 fragments: no fragment is valid UTF-8 alone, but the message is; check the message, not each fragment");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0x48, 0x69, 0xE2, 0x82 })]
    public void Text_that_is_not_utf8_is_refused_with_1007(byte[] payload)
    {
        var error = Refused(new MessageAssembler(Limit), new Frame(true, Opcode.Text, payload));

        error.Code.Should().Be(1007, "{0} is not valid UTF-8 (a stray byte, an overlong form, a surrogate, a code point over U+10FFFF or a cut character): 1007 invalid payload data",
            Convert.ToHexString(payload));
    }

    [Fact]
    public void Text_that_ends_inside_a_character_is_refused_with_1007()
    {
        var assembler = new MessageAssembler(Limit);

        Add(assembler, Text("Hello ", fin: false));
        Add(assembler, Continuation([0xE2, 0x82], fin: false));
        var error = Refused(assembler, Continuation("", fin: true));

        error.Code.Should().Be(1007, "the message ends two bytes into a three-byte character: the whole message is not valid UTF-8");
    }

    [Fact]
    public void Binary_is_not_checked_as_text()
    {
        var message = Add(new MessageAssembler(Limit), new Frame(true, Opcode.Binary, [0xFF, 0xFE, 0x00]));

        message!.Payload.Should().Equal([0xFF, 0xFE, 0x00], "a binary message may hold any bytes at all");
    }

    [Fact]
    public void Continuation_without_a_start_is_refused_with_1002()
    {
        Refused(new MessageAssembler(Limit), Continuation("lo")).Code.Should().Be(1002,
            "a continuation frame continues nothing when no message has started (RFC 6455 §5.4)");
    }

    [Fact]
    public void New_message_inside_a_fragmented_one_is_refused_with_1002()
    {
        var assembler = new MessageAssembler(Limit);
        Add(assembler, Text("Hel", fin: false));

        Refused(assembler, Text("other")).Code.Should().Be(1002,
            "the fragments of one message may not be interleaved with another message (RFC 6455 §5.4)");
    }

    [Fact]
    public void Message_of_exactly_the_limit_is_accepted()
    {
        var assembler = new MessageAssembler(Limit);

        Add(assembler, new Frame(false, Opcode.Binary, new byte[Limit - 100]));
        var message = Add(assembler, Continuation(new byte[100]));

        message!.Payload.Length.Should().Be(Limit, "the limit itself is allowed");
    }

    [Fact]
    public void Fragments_over_the_limit_together_are_refused_with_1009()
    {
        var assembler = new MessageAssembler(Limit);
        Add(assembler, new Frame(false, Opcode.Binary, new byte[600]));

        Refused(assembler, Continuation(new byte[500], fin: false)).Code.Should().Be(1009,
            "600 + 500 bytes is over the limit of {0}, although each fragment alone is not: the limit is for the message", Limit);
    }

    [Fact]
    public void Fragment_over_the_limit_is_refused_before_it_is_copied()
    {
        // A client may announce any length up to 2^63; what the server refuses, it must not have stored first.
        var assembler = new MessageAssembler(Limit);
        Add(assembler, new Frame(false, Opcode.Binary, new byte[600]));
        var huge = Continuation(new byte[64 * Limit], fin: false);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var added = assembler.TryAdd(huge, out _, out var error);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        added.Should().BeFalse("600 bytes so far and a fragment of {0} are over the limit of {1}", huge.Payload.Length, Limit);
        error!.Code.Should().Be(1009);
        allocated.Should().BeLessThan(huge.Payload.Length / 4,
            "refusing a fragment of {0} bytes allocated {1} bytes: the assembler copied the payload in and then checked the " +
            "size. Compare the bytes so far plus this fragment's with the limit first, and copy only a fragment that fits",
            huge.Payload.Length, allocated);
    }

    [Fact]
    public void Next_message_starts_afresh()
    {
        var assembler = new MessageAssembler(Limit);
        Add(assembler, Text("Hel", fin: false));
        Add(assembler, Continuation("lo"));

        var second = Add(assembler, new Frame(true, Opcode.Binary, [42]));

        second.Should().BeEquivalentTo(new Message(Opcode.Binary, [42]), "once a message is done, the next frame starts a new one, with nothing left over");
    }
}
