namespace WebSocketHandshake.Frames;

/// <summary>
/// What a frame carries: the 4-bit opcode of RFC 6455 §5.2 (https://www.rfc-editor.org/rfc/rfc6455#section-5.2).
/// 0x3-0x7 and 0xB-0xF are reserved: a frame that uses one is a protocol error.
/// </summary>
public enum Opcode : byte
{
    /// <summary>The next fragment of the message that a Text or Binary frame without FIN started (§5.4).</summary>
    Continuation = 0x0,

    /// <summary>A message of UTF-8 text (§5.6).</summary>
    Text = 0x1,

    /// <summary>A message of bytes that mean whatever the application says (§5.6).</summary>
    Binary = 0x2,

    /// <summary>The closing handshake (§5.5.1): an optional 2-byte code and a UTF-8 reason.</summary>
    Close = 0x8,

    /// <summary>"Are you there?" (§5.5.2). The answer is a pong with the same payload.</summary>
    Ping = 0x9,

    /// <summary>"I am here" (§5.5.3): the answer to a ping, or a heartbeat of its own.</summary>
    Pong = 0xA,
}

public static class OpcodeExtensions
{
    /// <summary>Control frames (close, ping, pong) have the high bit of the opcode set (§5.5).</summary>
    public static bool IsControl(this Opcode opcode) => ((byte)opcode & 0b_1000) != 0;

    /// <summary>The opcodes RFC 6455 defines; the others are reserved.</summary>
    public static bool IsDefined(this Opcode opcode) =>
        opcode is Opcode.Continuation or Opcode.Text or Opcode.Binary or Opcode.Close or Opcode.Ping or Opcode.Pong;
}
