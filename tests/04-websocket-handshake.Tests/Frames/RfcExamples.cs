namespace WebSocketHandshake.Tests.Frames;

/// <summary>The frames of RFC 6455 §5.7 (https://www.rfc-editor.org/rfc/rfc6455#section-5.7), byte for byte.</summary>
internal static class RfcExamples
{
    /// <summary>A single-frame unmasked text message "Hello".</summary>
    public static readonly byte[] UnmaskedHello = [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];

    /// <summary>A single-frame masked text message "Hello", masking key 37 fa 21 3d.</summary>
    public static readonly byte[] MaskedHello = [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58];

    /// <summary>A fragmented unmasked text message: "Hel" without FIN...</summary>
    public static readonly byte[] FragmentHel = [0x01, 0x03, 0x48, 0x65, 0x6c];

    /// <summary>...then "lo" in a continuation frame with FIN.</summary>
    public static readonly byte[] FragmentLo = [0x80, 0x02, 0x6c, 0x6f];

    /// <summary>An unmasked ping with the body "Hello".</summary>
    public static readonly byte[] UnmaskedPing = [0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];

    /// <summary>A masked pong with the body "Hello", the answer to that ping.</summary>
    public static readonly byte[] MaskedPong = [0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58];

    /// <summary>The header of a 256-byte binary message in a single unmasked frame.</summary>
    public static readonly byte[] Binary256Header = [0x82, 0x7E, 0x01, 0x00];

    /// <summary>The header of a 64 KiB binary message in a single unmasked frame.</summary>
    public static readonly byte[] Binary64KiBHeader = [0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00];

    public static readonly byte[] Hello = "Hello"u8.ToArray();
}
