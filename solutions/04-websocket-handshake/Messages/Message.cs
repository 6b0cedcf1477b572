using WebSocketHandshake.Frames;

namespace WebSocketHandshake.Messages;

/// <summary>A whole message: <see cref="Opcode.Text"/> (valid UTF-8) or <see cref="Opcode.Binary"/>, and all its bytes.</summary>
public sealed record Message(Opcode Opcode, byte[] Payload);
