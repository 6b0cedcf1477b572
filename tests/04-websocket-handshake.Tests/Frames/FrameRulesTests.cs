namespace WebSocketHandshake.Tests.Frames;

/// <summary>TODO 5: the frames a server must refuse, each with its close code, judged from the header alone.</summary>
[Todo(5)]
public sealed class FrameRulesTests
{
    private const int Limit = 1024;
    private static readonly byte[] Key = [1, 2, 3, 4];

    private static FrameHeader Header(Opcode opcode = Opcode.Text, ulong length = 5, bool fin = true, int reserved = 0, bool masked = true) =>
        new(fin, reserved, opcode, masked, length, masked ? Key : []);

    [Theory]
    [InlineData(Opcode.Text, 5UL)]
    [InlineData(Opcode.Binary, 0UL)]
    [InlineData(Opcode.Continuation, 100UL)]
    [InlineData(Opcode.Ping, 125UL)]
    [InlineData(Opcode.Close, 2UL)]
    [InlineData(Opcode.Binary, 1024UL)]
    public void Masked_frame_within_the_rules_is_accepted(Opcode opcode, ulong length)
    {
        var accepted = FrameRules.TryCheck(Header(opcode, length), Limit, out var error);

        accepted.Should().BeTrue("a masked {0} frame of {1} bytes, no RSV bits, breaks no rule (limit {2}); but the rules said: {3}", opcode, length, Limit, error);
    }

    public static TheoryData<string> BrokenRules => [.. Broken.Keys];

    private static readonly Dictionary<string, (FrameHeader Header, ushort Code)> Broken = new()
    {
        ["RSV1 set"] = (Header(reserved: 0b100), 1002),
        ["RSV2 set"] = (Header(reserved: 0b010), 1002),
        ["RSV3 set"] = (Header(reserved: 0b001), 1002),
        ["opcode 0x3"] = (Header(opcode: (Opcode)0x3), 1002),
        ["opcode 0x7"] = (Header(opcode: (Opcode)0x7), 1002),
        ["opcode 0xB"] = (Header(opcode: (Opcode)0xB), 1002),
        ["opcode 0xF"] = (Header(opcode: (Opcode)0xF), 1002),
        ["a text frame without MASK"] = (Header(masked: false), 1002),
        ["a close frame without MASK"] = (Header(opcode: Opcode.Close, length: 2, masked: false), 1002),
        ["a ping of 126 bytes"] = (Header(opcode: Opcode.Ping, length: 126), 1002),
        ["a close of 126 bytes"] = (Header(opcode: Opcode.Close, length: 126), 1002),
        ["a pong without FIN"] = (Header(opcode: Opcode.Pong, length: 0, fin: false), 1002),
        ["a ping without FIN"] = (Header(opcode: Opcode.Ping, length: 5, fin: false), 1002),
        ["a 64-bit length with its top bit set"] = (Header(opcode: Opcode.Binary, length: 0x8000_0000_0000_0000), 1002),
        ["a text frame one byte over the limit"] = (Header(length: Limit + 1), 1009),
        ["a binary frame of 2^62 bytes"] = (Header(opcode: Opcode.Binary, length: 1UL << 62), 1009),
        ["a continuation of 4 GiB"] = (Header(opcode: Opcode.Continuation, length: 1UL << 32), 1009),
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Frame_that_breaks_a_rule_is_refused_with_its_close_code(string what)
    {
        var (header, code) = Broken[what];

        var accepted = FrameRules.TryCheck(header, Limit, out var error);

        accepted.Should().BeFalse("{0} breaks RFC 6455 (or the limit of {1} bytes)", what, Limit);
        error!.Code.Should().Be(code, "{0} is closed with {1} ({2})", what, code, code == 1009 ? "message too big" : "protocol error");
        error.Reason.Should().NotBeNullOrWhiteSpace("the close frame's reason tells the client what it did wrong");
    }
}
