using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using WebSocketHandshake.Frames;

namespace WebSocketHandshake.Messages;

/// <summary>
/// The payload of a close frame (RFC 6455 §5.5.1, https://www.rfc-editor.org/rfc/rfc6455#section-5.5.1):
/// nothing at all, or a 2-byte big-endian status code followed by a UTF-8 reason.
/// <code>
/// 0x03 0xE8 'b' 'y' 'e'   ->   code 1000, reason "bye"
/// </code>
/// </summary>
public static class CloseFrame
{
    /// <summary>A close frame is a control frame: its code and reason together fit in 125 bytes.</summary>
    public const int MaxReasonBytes = FrameLayout.MaxControlPayloadLength - sizeof(ushort);

    /// <summary>
    /// Reads a client's close payload. <paramref name="code"/> is null when the payload is empty: the client gave no code,
    /// and the server answers with an empty close frame too.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out ushort? code, out string reason, [NotNullWhen(false)] out ProtocolError? error)
    {
        code = null;
        reason = "";
        error = null;
        // BEGIN TODO 9: Read the close frame's code and reason, and refuse what no peer may send.
        //   Empty payload -> no code, no reason: fine. One byte -> 1002 (half a code).
        //   The code is big-endian (BinaryPrimitives). Valid codes (§7.4): 1000-1003, 1007-1014 and 3000-4999.
        //   1004, 1005, 1006 and 1015 are reserved, never sent; any other -> 1002.
        //   The reason is the rest of the payload, and must be valid UTF-8 -> else 1007.
        if (payload.IsEmpty)
        {
            return true;
        }
        if (payload.Length == 1)
        {
            error = new ProtocolError(CloseCode.ProtocolError, "A close payload of 1 byte: a status code takes 2.");
            return false;
        }
        var status = BinaryPrimitives.ReadUInt16BigEndian(payload);
        if (!IsValidCode(status))
        {
            error = new ProtocolError(CloseCode.ProtocolError, $"{status} is not a close code a peer may send.");
            return false;
        }
        if (!Utf8.IsValid(payload[sizeof(ushort)..]))
        {
            error = new ProtocolError(CloseCode.InvalidPayloadData, "A close reason that is not valid UTF-8.");
            return false;
        }
        code = status;
        reason = Encoding.UTF8.GetString(payload[sizeof(ushort)..]);
        return true;

        static bool IsValidCode(ushort status) => status is (>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999);
        // END TODO
    }

    /// <summary>
    /// The payload of a close frame from the server: the code, then the reason cut to fit in 123 bytes of UTF-8
    /// without splitting a character. No code at all gives an empty payload.
    /// </summary>
    public static byte[] Payload(ushort? code, string reason)
    {
        if (code is null)
        {
            return [];
        }
        var reasonBytes = Encoding.UTF8.GetBytes(reason);
        var length = Math.Min(reasonBytes.Length, MaxReasonBytes);
        // A byte 10xxxxxx continues a character: cut before the character it belongs to.
        while (length < reasonBytes.Length && (reasonBytes[length] & 0b_1100_0000) == 0b_1000_0000)
        {
            length--;
        }
        var payload = new byte[sizeof(ushort) + length];
        BinaryPrimitives.WriteUInt16BigEndian(payload, code.Value);
        reasonBytes.AsSpan(0, length).CopyTo(payload.AsSpan(sizeof(ushort)));
        return payload;
    }
}
