using WebSocketHandshake.Messages;

namespace WebSocketHandshake.Tests.Messages;

/// <summary>TODO 9: a close frame's payload: nothing, or a big-endian code that a peer may send and a UTF-8 reason.</summary>
[Todo(9)]
public sealed class CloseFrameTests
{
    [Fact]
    public void Code_and_reason_are_read_big_endian()
    {
        var parsed = CloseFrame.TryParse([0x03, 0xE8, .. "bye"u8], out var code, out var reason, out var error);

        parsed.Should().BeTrue("03 E8 'bye' is a valid close payload, but the parser said: {0}", error);
        code.Should().Be((ushort)1000, "03 E8 is 1000 in network byte order (big-endian)");
        reason.Should().Be("bye");
    }

    [Fact]
    public void Empty_close_has_no_code()
    {
        var parsed = CloseFrame.TryParse([], out var code, out var reason, out var error);

        parsed.Should().BeTrue("a close frame may have no payload at all (RFC 6455 §5.5.1), but the parser said: {0}", error);
        code.Should().BeNull("no payload, no code");
        reason.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(1002)]
    [InlineData(1003)]
    [InlineData(1007)]
    [InlineData(1008)]
    [InlineData(1009)]
    [InlineData(1010)]
    [InlineData(1011)]
    [InlineData(1012)]
    [InlineData(1013)]
    [InlineData(1014)]
    [InlineData(3000)]
    [InlineData(3999)]
    [InlineData(4000)]
    [InlineData(4999)]
    public void Valid_close_code_is_accepted(int value)
    {
        var parsed = CloseFrame.TryParse([(byte)(value >> 8), (byte)value], out var code, out _, out var error);

        parsed.Should().BeTrue("{0} is a close code a peer may send (RFC 6455 §7.4, and the IANA registry: 1012 to 1014), but the parser said: {1}", value, error);
        code.Should().Be((ushort)value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(1004)]
    [InlineData(1005)]
    [InlineData(1006)]
    [InlineData(1015)]
    [InlineData(1016)]
    [InlineData(1100)]
    [InlineData(2000)]
    [InlineData(2999)]
    [InlineData(5000)]
    [InlineData(65535)]
    public void Invalid_close_code_is_refused_with_1002(int value)
    {
        var parsed = CloseFrame.TryParse([(byte)(value >> 8), (byte)value], out _, out _, out var error);

        parsed.Should().BeFalse("{0} is not a code a peer may send: reserved (1004-1006, 1015), unassigned, or out of range (RFC 6455 §7.4)", value);
        error!.Code.Should().Be(1002);
        error!.Reason.Should().NotBeNullOrWhiteSpace("the reason goes into the server's close frame: it says, in words, what was wrong");
    }

    [Fact]
    public void One_byte_close_payload_is_refused_with_1002()
    {
        var parsed = CloseFrame.TryParse([0x03], out _, out _, out var error);

        parsed.Should().BeFalse("a close payload of 1 byte holds half a status code");
        error!.Code.Should().Be(1002);
        error!.Reason.Should().NotBeNullOrWhiteSpace("the reason goes into the server's close frame: it says, in words, what was wrong");
    }

    [Fact]
    public void Reason_that_is_not_utf8_is_refused_with_1007()
    {
        var parsed = CloseFrame.TryParse([0x03, 0xE8, 0xCE, 0xBA, 0xED, 0xA0, 0x80], out _, out _, out var error);

        parsed.Should().BeFalse("the reason ED A0 80 is an encoded surrogate, not valid UTF-8");
        error!.Code.Should().Be(1007, "a close reason must be UTF-8 like any text: 1007 invalid payload data");
        error!.Reason.Should().NotBeNullOrWhiteSpace("the reason goes into the server's close frame: it says, in words, what was wrong");
    }
}
