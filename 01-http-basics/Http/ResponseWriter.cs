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
        // TODO 5: Write the status line, the header fields, a blank line and the body, every line ending in CRLF.
        //   Always send Date (the moment in UTC, format "r"), Content-Type, Content-Length (bytes, not characters),
        //   Connection: close, then response.ExtraHeaders. For HEAD keep Content-Length but drop the body.
        throw new NotImplementedException("TODO 5: Write the status line, the header fields, a blank line and the body, every line ending in CRLF.");
    }
}
