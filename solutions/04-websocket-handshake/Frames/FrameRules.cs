using System.Diagnostics.CodeAnalysis;

namespace WebSocketHandshake.Frames;

/// <summary>
/// What a server accepts in the header of a client's frame. A frame that breaks a rule fails the connection
/// (RFC 6455 §7.1.7, https://www.rfc-editor.org/rfc/rfc6455#section-7.1.7) with the close code that names the reason.
/// </summary>
public static class FrameRules
{
    /// <summary>
    /// Checks a header before a single byte of its payload is waited for: a frame that declares 2^63 bytes is refused
    /// from its 10 header bytes, and the server never holds more than <paramref name="maxPayloadBytes"/> for it.
    /// </summary>
    public static bool TryCheck(FrameHeader header, int maxPayloadBytes, [NotNullWhen(false)] out ProtocolError? error)
    {
        error = null;
        // BEGIN TODO 5: Refuse the frames a server must refuse, each with its close code.
        //   1002 (CloseCode.ProtocolError): RSV bits set (no extension was agreed); an opcode RFC 6455 does not define;
        //     a frame without MASK (a client MUST mask, §5.1); a control frame (close, ping, pong) that is longer than
        //     125 bytes or has no FIN (§5.5); a 64-bit length with its top bit set (§5.2).
        //   1009 (CloseCode.MessageTooBig): a payload longer than maxPayloadBytes.
        if (header.Reserved != 0)
        {
            error = new ProtocolError(CloseCode.ProtocolError, $"RSV bits {header.Reserved} set, but no extension was agreed.");
            return false;
        }
        if (!header.Opcode.IsDefined())
        {
            error = new ProtocolError(CloseCode.ProtocolError, $"Opcode 0x{(byte)header.Opcode:X} is reserved.");
            return false;
        }
        // §5.1: "The server MUST close the connection upon receiving a frame that is not masked."
        if (!header.Masked)
        {
            error = new ProtocolError(CloseCode.ProtocolError, "A client's frames must be masked.");
            return false;
        }
        // §5.5: "All control frames MUST have a payload length of 125 bytes or less and MUST NOT be fragmented."
        if (header.Opcode.IsControl() && header.PayloadLength > FrameLayout.MaxControlPayloadLength)
        {
            error = new ProtocolError(CloseCode.ProtocolError, $"A {header.Opcode} frame of {header.PayloadLength} bytes: control frames carry at most 125.");
            return false;
        }
        if (header.Opcode.IsControl() && !header.Fin)
        {
            error = new ProtocolError(CloseCode.ProtocolError, $"A {header.Opcode} frame without FIN: control frames are never fragmented.");
            return false;
        }
        // §5.2: "the most significant bit MUST be 0".
        if (header.PayloadLength > long.MaxValue)
        {
            error = new ProtocolError(CloseCode.ProtocolError, "A 64-bit length with its most significant bit set.");
            return false;
        }
        if (header.PayloadLength > (ulong)maxPayloadBytes)
        {
            error = new ProtocolError(CloseCode.MessageTooBig, $"A frame of {header.PayloadLength} bytes; this server accepts at most {maxPayloadBytes}.");
            return false;
        }
        return true;
        // END TODO
    }
}
