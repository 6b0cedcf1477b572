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
        // TODO 4: Read a frame header: FIN, RSV1-3, opcode, MASK, the 7/16/64-bit length, the masking key.
        //   Return false (not an error) whenever input is too short for the part you need next.
        //   "Payload len" 0-125 is the length; 126: a 16-bit length follows; 127: a 64-bit length follows.
        //   Both extended lengths are big-endian (BinaryPrimitives). The masking key follows the length when MASK is 1.
        //   Check nothing here: FrameRules judges the header once it is read.
        throw new NotImplementedException("TODO 4: Read a frame header: FIN, RSV1-3, opcode, MASK, the 7/16/64-bit length, the masking key.");
    }
}
