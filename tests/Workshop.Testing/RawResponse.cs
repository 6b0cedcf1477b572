using System.Text;

namespace Workshop.Testing;

/// <summary>
/// Everything a server wrote on one connection until it closed it, split the way HTTP/1.1 frames it:
/// a status line, header lines, a blank line, a body.
/// </summary>
public sealed class RawResponse
{
    private RawResponse(byte[] bytes, bool closedByServer)
    {
        Bytes = bytes;
        ClosedByServer = closedByServer;
        Text = Encoding.UTF8.GetString(bytes);
        var blankLine = Text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Head = blankLine < 0 ? Text : Text[..blankLine];
        Body = blankLine < 0 ? "" : Text[(blankLine + 4)..];
        var lines = Head.Split("\r\n");
        StatusLine = lines[0];
        var parts = StatusLine.Split(' ', 3);
        StatusCode = parts.Length >= 2 && int.TryParse(parts[1], out var code) ? code : 0;
        Headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .Select(pair => new KeyValuePair<string, string>(pair[0], pair[1].Trim()))
            .ToList();
    }

    public byte[] Bytes { get; }
    public string Text { get; }
    public string Head { get; }
    public string StatusLine { get; }
    /// <summary>The status code from the status line, or 0 when there was no valid status line.</summary>
    public int StatusCode { get; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
    public string Body { get; }

    /// <summary>True when the server closed the connection; false when the client gave up waiting.</summary>
    public bool ClosedByServer { get; }

    /// <summary>The value of a header (name compared case-insensitively), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static RawResponse From(byte[] bytes, bool closedByServer) => new(bytes, closedByServer);

    /// <summary>What the server sent, shown in a failing test's message.</summary>
    public override string ToString() => Text.Length == 0
        ? ClosedByServer ? "(the server closed the connection without answering)" : "(the server sent nothing)"
        : Text.Length > 2000 ? Text[..2000] + "..." : Text;
}
