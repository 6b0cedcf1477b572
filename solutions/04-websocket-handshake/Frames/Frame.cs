namespace WebSocketHandshake.Frames;

/// <summary>One decoded frame: its FIN bit, its opcode, and its payload, already unmasked.</summary>
public sealed record Frame(bool Fin, Opcode Opcode, byte[] Payload);
