using WebSocketHandshake.Connection;
using WebSocketHandshake.Messages;

namespace WebSocketHandshake.Tests.Connection;

/// <summary>TODO 10: what the server does with each frame: echo, pong, answer the close, or fail.</summary>
public sealed class FrameHandlerTests
{
    private static MessageAssembler NewAssembler() => new(1024);

    [Fact]
    [Todo(10)]
    public void Ping_is_answered_with_a_pong_carrying_the_same_payload()
    {
        var reaction = FrameHandler.React(new Frame(true, Opcode.Ping, "Hello"u8.ToArray()), NewAssembler());

        reaction.Should().BeOfType<Reaction.Send>("a ping gets a pong (RFC 6455 §5.5.2)");
        var pong = (Reaction.Send)reaction;
        pong.Opcode.Should().Be(Opcode.Pong);
        pong.Payload.Should().Equal("Hello"u8.ToArray(), "the pong carries the very payload of the ping: that is how the pinger matches them");
    }

    [Fact]
    [Todo(10)]
    public void Pong_needs_no_answer()
    {
        var reaction = FrameHandler.React(new Frame(true, Opcode.Pong, "12:00:00.000"u8.ToArray()), NewAssembler());

        reaction.Should().Be(Reaction.Nothing, "a pong answers the server's own ping; answering it would start an endless game of ping-pong");
    }

    [Fact]
    [Todo(8, 10)]
    public void Text_message_is_echoed_as_text()
    {
        var reaction = FrameHandler.React(new Frame(true, Opcode.Text, "¡Hola!"u8.ToArray()), NewAssembler());

        reaction.Should().BeEquivalentTo(new Reaction.Send(Opcode.Text, "¡Hola!"u8.ToArray()), "a whole text message comes back as it was");
    }

    [Fact]
    [Todo(8, 10)]
    public void Binary_message_is_echoed_as_binary()
    {
        var reaction = FrameHandler.React(new Frame(true, Opcode.Binary, [0, 1, 255]), NewAssembler());

        reaction.Should().BeEquivalentTo(new Reaction.Send(Opcode.Binary, [0, 1, 255]), "a binary message comes back binary");
    }

    [Fact]
    [Todo(8, 10)]
    public void Ping_between_fragments_is_answered_and_the_message_still_echoed()
    {
        var assembler = NewAssembler();

        var first = FrameHandler.React(new Frame(false, Opcode.Text, "Hel"u8.ToArray()), assembler);
        var ping = FrameHandler.React(new Frame(true, Opcode.Ping, "?"u8.ToArray()), assembler);
        var last = FrameHandler.React(new Frame(true, Opcode.Continuation, "lo"u8.ToArray()), assembler);

        first.Should().Be(Reaction.Nothing, "the first fragment is stored, there is nothing to echo yet");
        ping.Should().BeEquivalentTo(new Reaction.Send(Opcode.Pong, "?"u8.ToArray()), "control frames may come between fragments (RFC 6455 §5.4)");
        last.Should().BeEquivalentTo(new Reaction.Send(Opcode.Text, "Hello"u8.ToArray()), "the ping did not disturb the message");
    }

    [Fact]
    [Todo(8, 10)]
    public void Broken_fragment_sequence_fails_with_1002()
    {
        var reaction = FrameHandler.React(new Frame(true, Opcode.Continuation, "lo"u8.ToArray()), NewAssembler());

        reaction.Should().BeOfType<Reaction.Fail>("a continuation with no message started is a protocol error");
        ((Reaction.Fail)reaction).Error.Code.Should().Be(1002);
    }

    [Fact]
    [Todo(9, 10)]
    public void Close_is_answered_with_the_same_code_and_reason()
    {
        var reaction = FrameHandler.React(new Frame(true, Opcode.Close, [0x0F, 0xA1, .. "done"u8]), NewAssembler());

        reaction.Should().BeEquivalentTo(new Reaction.AnswerClose(4001, "done"),
            "the server answers a close with a close, echoing the status code it received (RFC 6455 §5.5.1): 0F A1 is 4001");
    }

    [Fact]
    [Todo(9, 10)]
    public void Empty_close_is_answered_with_an_empty_close()
    {
        var reaction = FrameHandler.React(new Frame(true, Opcode.Close, []), NewAssembler());

        reaction.Should().BeEquivalentTo(new Reaction.AnswerClose(null, ""), "no code came, so none goes back");
    }

    [Fact]
    [Todo(9, 10)]
    public void Invalid_close_fails_with_its_code()
    {
        var reaction = FrameHandler.React(new Frame(true, Opcode.Close, [0x03, 0xED]), NewAssembler());

        reaction.Should().BeOfType<Reaction.Fail>("1005 may never be sent in a close frame");
        ((Reaction.Fail)reaction).Error.Code.Should().Be(1002);
    }
}
