using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HttpBasics.Http;

/// <summary>
/// Turns the text of a request's head into a <see cref="HttpRequest"/>, or into the <see cref="HttpError"/>
/// that says why it cannot. Pure string work: no sockets here, so every rule is tested in microseconds.
/// </summary>
/// <remarks>
/// The head is everything before the blank line (RFC 9112 §2.1, https://www.rfc-editor.org/rfc/rfc9112#section-2.1):
/// <code>
/// GET /hello?name=Ana HTTP/1.1      request-line
/// Host: localhost:5001              field-line
/// Accept: text/plain                field-line
///                                   (blank line: the head ends here)
/// </code>
/// </remarks>
public static class RequestParser
{
    /// <summary>The largest body the server accepts; a larger Content-Length gets 413.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Parses the request line and the header lines. Lines end in CRLF; a bare LF is accepted too.</summary>
    public static bool TryParseHead(
        string head,
        [NotNullWhen(true)] out HttpRequest? request,
        [NotNullWhen(false)] out HttpError? error)
    {
        request = null;
        var lines = head.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count == 0)
        {
            error = new HttpError(400, "The request is empty: it needs a request line such as 'GET / HTTP/1.1'.");
            return false;
        }

        if (!TryParseRequestLine(lines[0], out var requestLine, out error))
        {
            return false;
        }

        var headers = new HttpHeaders();
        foreach (var line in lines.Skip(1))
        {
            if (!TryParseHeaderLine(line, headers, out error))
            {
                return false;
            }
        }

        if (!TryCheckHost(requestLine, headers, out error))
        {
            return false;
        }

        request = new HttpRequest(requestLine, headers) { RawHead = head };
        return true;
    }

    /// <summary>
    /// Parses <c>method SP request-target SP HTTP-version</c> (RFC 9112 §3, https://www.rfc-editor.org/rfc/rfc9112#section-3).
    /// Rejects with 400 what is not three parts, a target that does not start with <c>/</c> or a version that is
    /// not of the form <c>HTTP/x.y</c>; with 505 a well-formed version other than HTTP/1.0 and HTTP/1.1.
    /// </summary>
    public static bool TryParseRequestLine(
        string line,
        [NotNullWhen(true)] out RequestLine? requestLine,
        [NotNullWhen(false)] out HttpError? error)
    {
        requestLine = null;
        error = null;
        // TODO 2: Split the request line into method, path, query and version, and reject what is malformed.
        //   "GET /hello?name=Ana HTTP/1.1" -> Method "GET", Path "/hello", Query "name=Ana", Version "HTTP/1.1".
        //   Not three parts, a method that is not a token, or a target without a leading '/' -> 400.
        //   A version that is not "HTTP/<digit>.<digit>" -> 400; "HTTP/2.0" or "HTTP/0.9" -> 505.
        throw new NotImplementedException("TODO 2: Split the request line into method, path, query and version, and reject what is malformed.");
    }

    /// <summary>
    /// Parses one <c>field-name ":" OWS field-value OWS</c> line (RFC 9112 §5, https://www.rfc-editor.org/rfc/rfc9112#section-5) and adds it to <paramref name="headers"/>.
    /// </summary>
    public static bool TryParseHeaderLine(
        string line,
        HttpHeaders headers,
        [NotNullWhen(false)] out HttpError? error)
    {
        error = null;
        // TODO 3: Split "Name: value" at the first colon, trim the value, and add it to the headers.
        //   No colon, an empty name, or a name that is not a token (spaces included: "Host : x") -> 400.
        //   A line that starts with a space or tab continues the previous one (obsolete line folding) -> 400.
        //   A value with a control character (CR, NUL, DEL...; a tab is fine) -> 400.
        throw new NotImplementedException("TODO 3: Split \"Name: value\" at the first colon, trim the value, and add it to the headers.");
    }

    /// <summary>An HTTP/1.1 request must name its host exactly once (RFC 9112 §3.2, https://www.rfc-editor.org/rfc/rfc9112#section-3.2).</summary>
    public static bool TryCheckHost(
        RequestLine requestLine,
        HttpHeaders headers,
        [NotNullWhen(false)] out HttpError? error)
    {
        error = null;
        // TODO 3: An HTTP/1.1 request without a Host header, or with more than one, gets 400.
        throw new NotImplementedException("TODO 3: An HTTP/1.1 request without a Host header, or with more than one, gets 400.");
    }

    /// <summary>
    /// How many body bytes follow the head (RFC 9112 §6.3, https://www.rfc-editor.org/rfc/rfc9112#section-6.3): the Content-Length, or zero when there is none.
    /// This server does not decode Transfer-Encoding (such as chunked), so it refuses it rather than misread the body.
    /// </summary>
    public static bool TryGetBodyLength(
        HttpHeaders headers,
        out long length,
        [NotNullWhen(false)] out HttpError? error)
    {
        length = 0;
        error = null;
        // TODO 4: Find out how long the body is from the headers.
        //   Any Transfer-Encoding -> 501. No Content-Length -> 0.
        //   Content-Length not a whole number, or several different values -> 400. Over MaxBodyBytes -> 413.
        throw new NotImplementedException("TODO 4: Find out how long the body is from the headers.");
    }

    // A token is what RFC 9110 §5.6.2 allows in a method or a field name: visible characters but no delimiters
    // (https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2).
    private static bool IsToken(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));

    // A field value is visible characters, spaces, tabs and bytes above 127 (RFC 9110 §5.5,
    // https://www.rfc-editor.org/rfc/rfc9110#section-5.5). Any other control character is refused: a bare CR in a
    // value could become a line break, and a second header, in a response that repeats the value.
    private static bool IsControlCharacter(char c) => (c < ' ' && c != '\t') || c == '\u007F';

    private static bool IsHttpVersion(string text) =>
        text.Length == 8 && text.StartsWith("HTTP/", StringComparison.Ordinal)
        && char.IsAsciiDigit(text[5]) && text[6] == '.' && char.IsAsciiDigit(text[7]);
}
