namespace LongPolling.Messages;

/// <summary>A message as the board stores it and sends it.</summary>
/// <param name="Id">Given by the board: 1, 2, 3... in the order messages arrive, never reused.</param>
/// <param name="Author">Who wrote it; <c>Anonymous</c> when the sender left it blank.</param>
/// <param name="Text">What they wrote, exactly as sent (trimmed).</param>
/// <param name="SentAt">When the board received it, in UTC.</param>
public sealed record Message(long Id, string Author, string Text, DateTime SentAt);

/// <summary>What a client posts: <c>{"author": "Ana", "text": "hola"}</c>. Either may be missing; the rules decide.</summary>
public sealed record MessageDraft(string? Author, string? Text);
