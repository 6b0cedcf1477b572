using WebSocketHandshake.Frames;
using WebSocketHandshake.Messages;

namespace WebSocketHandshake.Connection;

/// <summary>
/// The heart of the connection: what the server does with each frame the client sends. It decides, and
/// <see cref="WebSocketConnection"/> does the sending, so the decisions are tested without a socket.
/// </summary>
public static class FrameHandler
{
    /// <summary>
    /// Reacts to one frame. Data frames go through <paramref name="assembler"/>, the connection's own, which keeps the
    /// fragments of a message until its last one arrives.
    /// </summary>
    public static Reaction React(Frame frame, MessageAssembler assembler)
    {
        // TODO 10: Decide what to do with each frame: echo messages, answer pings, answer the closing handshake.
        //   Ping -> a Pong with the very same payload (§5.5.2). Pong -> nothing (the connection notes it for keep-alive).
        //   Close -> read it with CloseFrame.TryParse; valid: answer with the same code and reason (§5.5.1), else Fail.
        //   Text, Binary, Continuation -> the assembler; a whole message is echoed back with its own opcode,
        //   a fragment needs nothing yet, and the assembler's error fails the connection.
        //   Control frames may arrive between the fragments of a message: they must not disturb it.
        throw new NotImplementedException("TODO 10: Decide what to do with each frame: echo messages, answer pings, answer the closing handshake.");
    }
}
