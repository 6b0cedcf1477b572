namespace WebSocketHandshake.Frames;

/// <summary>
/// Client-to-server masking, RFC 6455 §5.3 (https://www.rfc-editor.org/rfc/rfc6455#section-5.3).
/// </summary>
/// <remarks>
/// A client XORs every payload byte with a key it picks at random for each frame. It is not encryption: the key travels
/// in the frame. It stops a page's script from choosing the bytes that cross the network, so it cannot write bytes
/// that a proxy in between would read as an HTTP request of its own and cache (§10.3).
/// </remarks>
public static class Masking
{
    /// <summary>Masks or unmasks <paramref name="payload"/> in place: XOR is its own inverse.</summary>
    public static void Apply(Span<byte> payload, ReadOnlySpan<byte> maskingKey)
    {
        // TODO 6: Unmask the payload in place: byte i is XORed with byte (i % 4) of the masking key.
        //   "j = i MOD 4; transformed-octet-i = original-octet-i XOR masking-key-octet-j" (§5.3).
        //   An empty key (a frame without MASK) leaves the payload as it is.
        throw new NotImplementedException("TODO 6: Unmask the payload in place: byte i is XORed with byte (i % 4) of the masking key.");
    }
}
