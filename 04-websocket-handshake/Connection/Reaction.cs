using WebSocketHandshake.Frames;

namespace WebSocketHandshake.Connection;

/// <summary>What the server does about one frame from the client (<see cref="FrameHandler.React"/>).</summary>
public abstract record Reaction
{
    /// <summary>Nothing to send: a fragment was stored, or a pong arrived.</summary>
    public static readonly Reaction Nothing = new None();

    public sealed record None : Reaction;

    /// <summary>Send one frame: the echo of a whole message, or the pong that answers a ping.</summary>
    public sealed record Send(Opcode Opcode, byte[] Payload) : Reaction;

    /// <summary>
    /// The client started the closing handshake: answer with a close frame of this code and reason (no code: an empty
    /// close frame), then close the TCP connection.
    /// </summary>
    public sealed record AnswerClose(ushort? Code, string Reason) : Reaction;

    /// <summary>The client broke the protocol: send a close frame with the error's code, then close the TCP connection.</summary>
    public sealed record Fail(ProtocolError Error) : Reaction;
}
