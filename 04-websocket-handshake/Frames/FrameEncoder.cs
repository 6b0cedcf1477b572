using System.Buffers.Binary;

namespace WebSocketHandshake.Frames;

/// <summary>Writes the server's frames (the layout is drawn in <see cref="FrameLayout"/>). Pure code over bytes.</summary>
public static class FrameEncoder
{
    /// <summary>One frame from the server: a header with the shortest length form that fits, then the payload as it is.</summary>
    public static byte[] Encode(Opcode opcode, ReadOnlySpan<byte> payload, bool fin = true)
    {
        // TODO 7: Write one server frame: FIN and the opcode, the payload length, then the payload.
        //   Length 0-125 goes in the 7 bits itself; up to 65,535 -> 126 and a 16-bit length; more -> 127 and a
        //   64-bit length, both big-endian (BinaryPrimitives). "The minimal number of bytes MUST be used" (§5.2).
        //   A server never masks: MASK is 0 and there is no masking key (§5.1). RSV bits are 0.
        throw new NotImplementedException("TODO 7: Write one server frame: FIN and the opcode, the payload length, then the payload.");
    }
}
