using System.Buffers.Binary;
using System.Text;

namespace Workshop.Testing;

/// <summary>A frame the server sent, read by the tests' own code: what a raw client sees on the wire.</summary>
public sealed record ServerFrame(bool Fin, int Reserved, int Opcode, bool Masked, byte[] Payload)
{
    public bool IsClose => Opcode == 0x8;

    public bool IsPing => Opcode == 0x9;

    /// <summary>The payload as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Payload);

    /// <summary>The close code of a close frame, or null when it has none.</summary>
    public int? CloseCode => IsClose && Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(Payload) : null;

    public string CloseReason => IsClose && Payload.Length > 2 ? Encoding.UTF8.GetString(Payload.AsSpan(2)) : "";

    /// <summary>Reads one frame at the start of <paramref name="bytes"/>; null when they do not hold a whole frame.</summary>
    public static ServerFrame? TryRead(ReadOnlySpan<byte> bytes, out int length)
    {
        length = 0;
        if (bytes.Length < 2)
        {
            return null;
        }
        var masked = (bytes[1] & 0x80) != 0;
        var header = 2;
        ulong payloadLength = (ulong)(bytes[1] & 0x7f);
        if (payloadLength == 126)
        {
            if (bytes.Length < 4)
            {
                return null;
            }
            payloadLength = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
            header = 4;
        }
        else if (payloadLength == 127)
        {
            if (bytes.Length < 10)
            {
                return null;
            }
            payloadLength = BinaryPrimitives.ReadUInt64BigEndian(bytes[2..]);
            header = 10;
        }
        var key = masked ? 4 : 0;
        if ((ulong)bytes.Length < (ulong)(header + key) + payloadLength)
        {
            return null;
        }
        var payload = bytes.Slice(header + key, (int)payloadLength).ToArray();
        if (masked)
        {
            var maskingKey = bytes.Slice(header, 4);
            for (var i = 0; i < payload.Length; i++)
            {
                payload[i] ^= maskingKey[i % 4];
            }
        }
        length = header + key + (int)payloadLength;
        return new ServerFrame((bytes[0] & 0x80) != 0, (bytes[0] >> 4) & 0b111, bytes[0] & 0x0f, masked, payload);
    }

    public override string ToString() => Opcode switch
    {
        0x8 => $"close {CloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(no code)"} \"{CloseReason}\"",
        0x1 => $"text \"{Shorten(Text)}\"{(Fin ? "" : " (no FIN)")}",
        0x9 => "ping",
        0xA => "pong",
        _ => $"opcode 0x{Opcode:X} with {Payload.Length} bytes{(Fin ? "" : " (no FIN)")}{(Masked ? " (masked)" : "")}",
    };

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
