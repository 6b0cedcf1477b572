namespace WebSocketHandshake.Frames;

/// <summary>
/// The status codes of a close frame that this server sends (RFC 6455 §7.4.1, https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1).
/// </summary>
public static class CloseCode
{
    /// <summary>The purpose of the connection is fulfilled.</summary>
    public const ushort NormalClosure = 1000;

    /// <summary>The endpoint is going away: a server shutting down, or a peer that stopped answering pings.</summary>
    public const ushort GoingAway = 1001;

    /// <summary>The peer broke a rule of the protocol: a bad frame, a bad sequence of frames, a bad close code.</summary>
    public const ushort ProtocolError = 1002;

    /// <summary>A text message (or a close reason) that is not valid UTF-8.</summary>
    public const ushort InvalidPayloadData = 1007;

    /// <summary>A message larger than the server accepts.</summary>
    public const ushort MessageTooBig = 1009;

    /// <summary>The server met a condition it did not expect, such as a TODO not written yet.</summary>
    public const ushort InternalError = 1011;
}
