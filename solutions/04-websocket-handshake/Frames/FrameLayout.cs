namespace WebSocketHandshake.Frames;

/// <summary>
/// The layout of a frame on the wire, RFC 6455 §5.2 (https://www.rfc-editor.org/rfc/rfc6455#section-5.2):
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-------+-+-------------+-------------------------------+
/// |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
/// |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
/// |N|V|V|V|       |S|             |   (if payload len==126/127)   |
/// | |1|2|3|       |K|             |                               |
/// +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
/// |     Extended payload length continued, if payload len == 127  |
/// + - - - - - - - - - - - - - - - +-------------------------------+
/// |                               |Masking-key, if MASK set to 1  |
/// +-------------------------------+-------------------------------+
/// | Masking-key (continued)       |          Payload Data         |
/// +-------------------------------- - - - - - - - - - - - - - - - +
/// :                     Payload Data continued ...                :
/// + - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - +
/// |                     Payload Data continued ...                |
/// +---------------------------------------------------------------+
/// </code>
/// All lengths are in network byte order (big-endian). The header is 2 to 14 bytes: 2, plus 2 or 8 for an extended
/// length, plus 4 for a masking key.
/// </summary>
public static class FrameLayout
{
    // The first byte: FIN, RSV1-3, opcode.
    public const byte FinBit = 0b_1000_0000;
    public const byte ReservedBits = 0b_0111_0000;
    public const byte OpcodeBits = 0b_0000_1111;

    // The second byte: MASK, payload len.
    public const byte MaskBit = 0b_1000_0000;
    public const byte LengthBits = 0b_0111_1111;

    /// <summary>The largest length the 7 bits of "Payload len" hold themselves.</summary>
    public const int MaxSevenBitLength = 125;

    /// <summary>"Payload len" 126: the length is in the next 2 bytes, an unsigned 16-bit number.</summary>
    public const byte SixteenBitLengthFollows = 126;

    /// <summary>"Payload len" 127: the length is in the next 8 bytes, an unsigned 64-bit number whose top bit is 0.</summary>
    public const byte SixtyFourBitLengthFollows = 127;

    /// <summary>The length of the masking key, when MASK is 1.</summary>
    public const int MaskingKeyLength = 4;

    /// <summary>The longest header: 2 bytes, an 8-byte length, a 4-byte masking key.</summary>
    public const int MaxHeaderLength = 2 + 8 + MaskingKeyLength;

    /// <summary>A control frame's payload may not be longer than this (§5.5).</summary>
    public const int MaxControlPayloadLength = 125;
}
