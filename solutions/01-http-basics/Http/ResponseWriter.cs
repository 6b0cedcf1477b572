using System.Globalization;
using System.Text;

namespace HttpBasics.Http;

/// <summary>
/// Turns a <see cref="HttpResponse"/> into the exact bytes that go on the wire
/// (RFC 9112 §4 and §6, https://www.rfc-editor.org/rfc/rfc9112#section-4):
/// <code>
/// HTTP/1.1 200 OK                              status-line
/// Date: Wed, 25 Nov 2026 10:00:00 GMT          field-lines
/// Content-Type: text/plain; charset=utf-8
/// Content-Length: 11
/// Connection: close
///                                              (blank line)
/// Hello, Ana!                                  body: exactly Content-Length bytes
/// </code>
/// </summary>
public static class ResponseWriter
{
    private const string CrLf = "\r\n";

    /// <param name="response">What to send.</param>
    /// <param name="now">The moment for the Date header, passed in so that tests can fix it.</param>
    /// <param name="omitBody">True for a HEAD request: the same header fields as for GET, no body bytes.</param>
    public static byte[] Serialize(HttpResponse response, DateTimeOffset now, bool omitBody)
    {
        // BEGIN TODO 5: Write the status line, the header fields, a blank line and the body, every line ending in CRLF.
        //   Always send Date (the moment in UTC, format "r"), Content-Type, Content-Length (bytes, not characters),
        //   Connection: close, then response.ExtraHeaders. For HEAD keep Content-Length but drop the body.
        var head = new StringBuilder()
            .Append($"HTTP/1.1 {response.StatusCode} {StatusText.For(response.StatusCode)}{CrLf}")
            .Append($"Date: {now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)}{CrLf}")
            .Append($"Content-Type: {response.ContentType}{CrLf}")
            .Append($"Content-Length: {response.Body.Length}{CrLf}")
            .Append($"Connection: close{CrLf}");
        foreach (var (name, value) in response.ExtraHeaders)
        {
            head.Append($"{name}: {value}{CrLf}");
        }
        head.Append(CrLf);

        // Header fields are ASCII on the wire; the body is bytes, whatever they encode.
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        return omitBody ? headBytes : [.. headBytes, .. response.Body];
        // END TODO
    }
}
