using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace WebSocketHandshake.Handshake;

/// <summary>
/// The opening handshake of RFC 6455 §4 (https://www.rfc-editor.org/rfc/rfc6455#section-4), the server's side:
/// is this request a valid WebSocket upgrade, and what does the server prove it understood? Pure string work.
/// </summary>
/// <remarks>
/// The client's request and the server's answer (§1.2, https://www.rfc-editor.org/rfc/rfc6455#section-1.2):
/// <code>
/// GET /ws HTTP/1.1                                    HTTP/1.1 101 Switching Protocols
/// Host: 127.0.0.1:5004                                Connection: Upgrade
/// Upgrade: websocket                                  Upgrade: websocket
/// Connection: Upgrade                                 Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=
/// Sec-WebSocket-Version: 13
/// Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==
/// Origin: http://127.0.0.1:5004
/// </code>
/// </remarks>
public static class Handshake
{
    /// <summary>The one version of the protocol there is (§4.1): anything else is answered 426 with this value.</summary>
    public const string SupportedVersion = "13";

    /// <summary>
    /// The string every server appends to the client's key before hashing it (§1.3, https://www.rfc-editor.org/rfc/rfc6455#section-1.3).
    /// Only a server that knows WebSocket knows it, so an accept value proves the answer comes from one.
    /// </summary>
    public const string KeyGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>The number of random bytes a client's <c>Sec-WebSocket-Key</c> holds, before base64 (§4.1).</summary>
    public const int KeyBytes = 16;

    /// <summary>
    /// The <c>Sec-WebSocket-Accept</c> value for a client's key (§4.2.2, item 5.4):
    /// base64( SHA-1( key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11" ) ).
    /// </summary>
    public static string ComputeAcceptKey(string key)
    {
        // BEGIN TODO 1: Compute the Sec-WebSocket-Accept value: base64(SHA-1(key + KeyGuid)).
        //   The key is used as it arrived (still base64, not decoded); the text is ASCII.
        //   RFC 6455's own example: "dGhlIHNhbXBsZSBub25jZQ==" -> "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=".
        var hash = SHA1.HashData(Encoding.ASCII.GetBytes(key + KeyGuid));
        return Convert.ToBase64String(hash);
        // END TODO
    }

    /// <summary>
    /// Checks what §4.2.1 (https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1) asks of a client's opening handshake.
    /// A version other than 13 is refused with 426 (the endpoint adds <c>Sec-WebSocket-Version: 13</c>, §4.4);
    /// anything else that is wrong with 400.
    /// </summary>
    public static bool TryValidate(UpgradeRequest request, [NotNullWhen(false)] out HandshakeError? error)
    {
        error = null;
        // BEGIN TODO 2: Accept only a valid opening handshake; refuse the rest with 400, or 426 for the version.
        //   GET only. Upgrade must hold the token "websocket"; Connection must hold the token "Upgrade".
        //   Tokens are case-insensitive and may come in comma lists ("keep-alive, Upgrade").
        //   Sec-WebSocket-Version must be exactly "13" (missing or other -> 426).
        //   Sec-WebSocket-Key must be base64 of exactly 16 bytes.
        if (!string.Equals(request.Method, "GET", StringComparison.Ordinal))
        {
            error = new HandshakeError(400, $"A WebSocket handshake is a GET request, not {request.Method}.");
            return false;
        }
        if (!HasToken(request.Upgrade, "websocket"))
        {
            error = new HandshakeError(400, "This is not a WebSocket upgrade: the Upgrade header must say 'websocket'.");
            return false;
        }
        if (!HasToken(request.Connection, "Upgrade"))
        {
            error = new HandshakeError(400, "The Connection header must hold the token 'Upgrade'.");
            return false;
        }
        if (!string.Equals(request.Version, SupportedVersion, StringComparison.Ordinal))
        {
            error = new HandshakeError(426, $"This server speaks WebSocket version {SupportedVersion}, not '{request.Version}'.");
            return false;
        }
        if (!IsKey(request.Key))
        {
            error = new HandshakeError(400, $"The Sec-WebSocket-Key '{request.Key}' is not base64 of {KeyBytes} bytes.");
            return false;
        }
        return true;

        // A header value is a comma-separated list of tokens, compared without case (RFC 9110 §5.6.1, §7.8).
        static bool HasToken(string? header, string token) =>
            header is not null
            && header.Split(',', StringSplitOptions.TrimEntries).Any(item => string.Equals(item, token, StringComparison.OrdinalIgnoreCase));

        // Base64 of 16 bytes is 24 characters ending in "=="; the buffer has room for more, so that a longer key
        // decodes and is refused for its length rather than for not being base64.
        static bool IsKey(string? key)
        {
            Span<byte> bytes = stackalloc byte[KeyBytes + 3];
            return key is not null && Convert.TryFromBase64String(key, bytes, out var written) && written == KeyBytes;
        }
        // END TODO
    }
}
