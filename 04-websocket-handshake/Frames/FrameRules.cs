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
        // TODO 5: Refuse the frames a server must refuse, each with its close code.
        //   1002 (CloseCode.ProtocolError): RSV bits set (no extension was agreed); an opcode RFC 6455 does not define;
        //     a frame without MASK (a client MUST mask, §5.1); a control frame (close, ping, pong) that is longer than
        //     125 bytes or has no FIN (§5.5); a 64-bit length with its top bit set (§5.2).
        //   1009 (CloseCode.MessageTooBig): a payload longer than maxPayloadBytes.
        throw new NotImplementedException("TODO 5: Refuse the frames a server must refuse, each with its close code.");
    }
}
