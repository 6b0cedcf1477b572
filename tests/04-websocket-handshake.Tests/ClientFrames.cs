using System.Buffers.Binary;

namespace WebSocketHandshake.Tests;

/// <summary>
/// Frames as a client writes them, built by the tests themselves, byte by byte: a test of the decoder must not depend
/// on the encoder it is also testing. Every frame is masked unless a test asks otherwise, as a client's must be.
/// </summary>
internal static class ClientFrames
{
    /// <summary>The masking key of RFC 6455 §5.7's examples: 37 fa 21 3d.</summary>
    public static readonly byte[] RfcKey = [0x37, 0xfa, 0x21, 0x3d];

    public static byte[] Text(string text, bool fin = true) => Frame(0x1, Encoding.UTF8.GetBytes(text), fin);

    public static byte[] Close(ushort code, string reason = "") =>
        Frame(0x8, [(byte)(code >> 8), (byte)code, .. Encoding.UTF8.GetBytes(reason)]);

    /// <summary>One frame: FIN, RSV bits, opcode, MASK, the shortest length form, the key, the payload masked with it.</summary>
    public static byte[] Frame(int opcode, byte[] payload, bool fin = true, int rsv = 0, bool mask = true, byte[]? key = null)
    {
        key ??= RfcKey;
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | (rsv << 4) | opcode) };
        var maskBit = mask ? 0x80 : 0;
        if (payload.Length <= 125)
        {
            header.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.Add((byte)(maskBit | 126));
            header.AddRange([(byte)(payload.Length >> 8), (byte)payload.Length]);
        }
        else
        {
            header.Add((byte)(maskBit | 127));
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            header.AddRange(length);
        }
        if (!mask)
        {
            return [.. header, .. payload];
        }
        return [.. header, .. key, .. payload.Select((b, i) => (byte)(b ^ key[i % 4]))];
    }

    /// <summary>A header that declares <paramref name="length"/> bytes with the 64-bit form, and no payload after it.</summary>
    public static byte[] HeaderDeclaring(ulong length, int opcode = 0x2)
    {
        var frame = new byte[14];
        frame[0] = (byte)(0x80 | opcode);
        frame[1] = 0x80 | 127;
        BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), length);
        RfcKey.CopyTo(frame, 10);
        return frame;
    }
}
