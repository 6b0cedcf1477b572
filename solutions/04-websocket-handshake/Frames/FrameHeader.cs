using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace WebSocketHandshake.Frames;

/// <summary>
/// The header of one frame, as it was on the wire (see the drawing in <see cref="FrameLayout"/>): nothing checked yet.
/// </summary>
/// <param name="Reserved">RSV1, RSV2 and RSV3 as a number from 0 to 7; 0 unless an extension says otherwise.</param>
/// <param name="PayloadLength">The length the frame declares, which may be anything up to 2^64 - 1.</param>
/// <param name="MaskingKey">The 4 bytes of the masking key, or none when MASK is 0.</param>
public sealed record FrameHeader(bool Fin, int Reserved, Opcode Opcode, bool Masked, ulong PayloadLength, byte[] MaskingKey)
{
    /// <summary>
    /// Reads the header at the start of <paramref name="input"/>. False when <paramref name="input"/> does not hold the
    /// whole header yet: TCP delivers bytes, not frames, so the rest may still be on its way.
    /// </summary>
    /// <param name="headerLength">How many bytes the header took: 2 to 14.</param>
    public static bool TryParse(ReadOnlySpan<byte> input, [NotNullWhen(true)] out FrameHeader? header, out int headerLength)
    {
        header = null;
        headerLength = 0;
        // BEGIN TODO 4: Read a frame header: FIN, RSV1-3, opcode, MASK, the 7/16/64-bit length, the masking key.
        //   Return false (not an error) whenever input is too short for the part you need next.
        //   "Payload len" 0-125 is the length; 126: a 16-bit length follows; 127: a 64-bit length follows.
        //   Both extended lengths are big-endian (BinaryPrimitives). The masking key follows the length when MASK is 1.
        //   Check nothing here: FrameRules judges the header once it is read.
        if (input.Length < 2)
        {
            return false;
        }

        // "FIN: 1 bit. Indicates that this is the final fragment in a message."
        var fin = (input[0] & FrameLayout.FinBit) != 0;
        // "RSV1, RSV2, RSV3: 1 bit each. MUST be 0 unless an extension is negotiated."
        var reserved = (input[0] & FrameLayout.ReservedBits) >> 4;
        // "Opcode: 4 bits. Defines the interpretation of the Payload data."
        var opcode = (Opcode)(input[0] & FrameLayout.OpcodeBits);
        // "Mask: 1 bit. Defines whether the Payload data is masked."
        var masked = (input[1] & FrameLayout.MaskBit) != 0;

        // "Payload length: 7 bits, 7+16 bits, or 7+64 bits. [...] If 0-125, that is the payload length. If 126, the
        //  following 2 bytes interpreted as a 16-bit unsigned integer are the payload length. If 127, the following
        //  8 bytes interpreted as a 64-bit unsigned integer [...] are the payload length."
        var length = 2;
        ulong payloadLength;
        switch (input[1] & FrameLayout.LengthBits)
        {
            case FrameLayout.SixteenBitLengthFollows:
                if (input.Length < length + sizeof(ushort))
                {
                    return false;
                }
                payloadLength = BinaryPrimitives.ReadUInt16BigEndian(input[length..]);
                length += sizeof(ushort);
                break;
            case FrameLayout.SixtyFourBitLengthFollows:
                if (input.Length < length + sizeof(ulong))
                {
                    return false;
                }
                payloadLength = BinaryPrimitives.ReadUInt64BigEndian(input[length..]);
                length += sizeof(ulong);
                break;
            case var sevenBits:
                payloadLength = (ulong)sevenBits;
                break;
        }

        // "Masking-key: 0 or 4 bytes. [...] present if the mask bit is set to 1."
        var maskingKey = Array.Empty<byte>();
        if (masked)
        {
            if (input.Length < length + FrameLayout.MaskingKeyLength)
            {
                return false;
            }
            maskingKey = input.Slice(length, FrameLayout.MaskingKeyLength).ToArray();
            length += FrameLayout.MaskingKeyLength;
        }

        header = new FrameHeader(fin, reserved, opcode, masked, payloadLength, maskingKey);
        headerLength = length;
        return true;
        // END TODO
    }
}
