using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Unicode;
using WebSocketHandshake.Frames;

namespace WebSocketHandshake.Messages;

/// <summary>
/// Puts fragmented messages back together (RFC 6455 §5.4, https://www.rfc-editor.org/rfc/rfc6455#section-5.4):
/// a Text or Binary frame without FIN starts a message, Continuation frames add to it, the one with FIN ends it.
/// One assembler per connection; control frames never come here (they may arrive between fragments).
/// </summary>
/// <remarks>
/// <code>
/// FIN=0 Text "Hel"   FIN=0 Continuation "l"   (Ping)   FIN=1 Continuation "o"   ->   message Text "Hello"
/// </code>
/// </remarks>
public sealed class MessageAssembler(int maxMessageBytes)
{
    // The fragments so far; never more than maxMessageBytes, whatever the client declares.
    private readonly ArrayBufferWriter<byte> _fragments = new();

    // The opcode of the message in progress, or null between messages.
    private Opcode? _messageOpcode;

    /// <summary>True while a fragmented message has started and not ended.</summary>
    public bool InMessage => _messageOpcode is not null;

    /// <summary>
    /// Adds a data frame (Text, Binary or Continuation). <paramref name="message"/> is the whole message when this frame
    /// ends one, and null while more fragments are to come.
    /// </summary>
    public bool TryAdd(Frame frame, out Message? message, [NotNullWhen(false)] out ProtocolError? error)
    {
        message = null;
        error = null;
        // TODO 8: Reassemble messages from their fragments and check them.
        //   Continuation with no message in progress, or Text/Binary while one is in progress -> 1002.
        //   All fragments together longer than maxMessageBytes -> 1009 (check before you copy the payload in).
        //   On FIN: the message is done. A Text message that is not valid UTF-8 -> 1007; check the whole message,
        //   not each fragment: a character's bytes may be split between two fragments.
        //   After a message, the next frame starts afresh. (After an error the connection closes: nothing follows.)
        throw new NotImplementedException("TODO 8: Reassemble messages from their fragments and check them.");
    }

    private void Reset()
    {
        _fragments.ResetWrittenCount();
        _messageOpcode = null;
    }
}
