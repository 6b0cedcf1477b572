namespace WebSocketHandshake.Handshake;

/// <summary>
/// A handshake the server refuses: the status code to answer with, and one line that tells the client why.
/// Refusing a bad request is an expected outcome, so it travels as a value, not as an exception.
/// </summary>
public sealed record HandshakeError(int StatusCode, string Reason);
