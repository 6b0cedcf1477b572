using System.Globalization;

namespace Workshop.Bench.Measuring;

/// <summary>
/// The mark a run puts on its message texts: <c>"bench-1f3a9c0e 17"</c> is message 17 of one run. A server given by URL
/// may hold other people's messages, a started one holds the warm-up's, and a late broadcast of an earlier round can
/// still arrive: only texts that carry this run's tag count.
/// </summary>
public sealed class MessageTag(string prefix)
{
    private readonly string _tag = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]} ";

    /// <summary>The text of message <paramref name="message"/>: the tag and the message's number.</summary>
    public string TextOf(int message) => _tag + message.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number of a message of this run, from its text; -1 for any other text.</summary>
    public int NumberOf(ReadOnlySpan<char> text) =>
        text.StartsWith(_tag, StringComparison.Ordinal)
        && int.TryParse(text[_tag.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : -1;
}
