namespace WebSocketHandshake.Frames;

/// <summary>
/// Why the server fails a connection: the close code it sends (<see cref="CloseCode"/>) and a reason in words.
/// A peer that breaks the protocol is an expected outcome, so it travels as a value, not as an exception.
/// </summary>
public sealed record ProtocolError(ushort Code, string Reason);
