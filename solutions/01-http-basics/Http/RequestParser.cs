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
        // BEGIN TODO 2: Split the request line into method, path, query and version, and reject what is malformed.
        //   "GET /hello?name=Ana HTTP/1.1" -> Method "GET", Path "/hello", Query "name=Ana", Version "HTTP/1.1".
        //   Not three parts, a method that is not a token, or a target without a leading '/' -> 400.
        //   A version that is not "HTTP/<digit>.<digit>" -> 400; "HTTP/2.0" or "HTTP/0.9" -> 505.
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts.Any(part => part.Length == 0))
        {
            error = new HttpError(400, $"The request line '{line}' is not 'METHOD /target HTTP/1.1' (three parts, single spaces).");
            return false;
        }

        var (method, target, version) = (parts[0], parts[1], parts[2]);
        if (!IsToken(method))
        {
            error = new HttpError(400, $"The method '{method}' has characters a method may not have.");
            return false;
        }
        if (!target.StartsWith('/'))
        {
            error = new HttpError(400, $"The target '{target}' must start with '/', such as '/hello?name=Ana'.");
            return false;
        }
        if (!IsHttpVersion(version))
        {
            error = new HttpError(400, $"The version '{version}' is not of the form 'HTTP/1.1'.");
            return false;
        }
        if (version is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            error = new HttpError(505, $"This server speaks HTTP/1.0 and HTTP/1.1, not {version}.");
            return false;
        }

        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        requestLine = queryStart < 0
            ? new RequestLine(method, target, "", version)
            : new RequestLine(method, target[..queryStart], target[(queryStart + 1)..], version);
        return true;
        // END TODO
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
        // BEGIN TODO 3: Split "Name: value" at the first colon, trim the value, and add it to the headers.
        //   No colon, an empty name, or a name that is not a token (spaces included: "Host : x") -> 400.
        //   A line that starts with a space or tab continues the previous one (obsolete line folding) -> 400.
        //   A value with a control character (CR, NUL, DEL...; a tab is fine) -> 400.
        if (line.StartsWith(' ') || line.StartsWith('\t'))
        {
            error = new HttpError(400, $"The header line '{line}' starts with whitespace (obsolete line folding is not accepted).");
            return false;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = new HttpError(400, $"The header line '{line}' has no ':' between its name and its value.");
            return false;
        }

        var name = line[..colon];
        if (!IsToken(name))
        {
            error = new HttpError(400, $"The header name '{name}' is empty or has characters a name may not have (no spaces before the ':').");
            return false;
        }

        var value = line[(colon + 1)..].Trim(' ', '\t');
        if (value.Any(IsControlCharacter))
        {
            error = new HttpError(400, $"The value of the header '{name}' holds a control character, which a header value may not have.");
            return false;
        }

        headers.Add(name, value);
        return true;
        // END TODO
    }

    /// <summary>An HTTP/1.1 request must name its host exactly once (RFC 9112 §3.2, https://www.rfc-editor.org/rfc/rfc9112#section-3.2).</summary>
    public static bool TryCheckHost(
        RequestLine requestLine,
        HttpHeaders headers,
        [NotNullWhen(false)] out HttpError? error)
    {
        error = null;
        // BEGIN TODO 3: An HTTP/1.1 request without a Host header, or with more than one, gets 400.
        var hosts = headers.GetValues("Host").Count;
        if (requestLine.Version == "HTTP/1.1" && hosts != 1)
        {
            error = new HttpError(400, hosts == 0
                ? "An HTTP/1.1 request must carry a Host header."
                : "The request carries more than one Host header.");
            return false;
        }
        return true;
        // END TODO
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
        // BEGIN TODO 4: Find out how long the body is from the headers.
        //   Any Transfer-Encoding -> 501. No Content-Length -> 0.
        //   Content-Length not a whole number, or several different values -> 400. Over MaxBodyBytes -> 413.
        if (headers.Contains("Transfer-Encoding"))
        {
            error = new HttpError(501, "This server does not support Transfer-Encoding; send a Content-Length instead.");
            return false;
        }

        var values = headers.GetValues("Content-Length")
            .SelectMany(value => value.Split(','))
            .Select(value => value.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (values.Count == 0)
        {
            return true;
        }
        if (values.Count > 1)
        {
            error = new HttpError(400, $"The request carries different Content-Length values: {string.Join(", ", values)}.");
            return false;
        }
        if (values[0].Length == 0 || !values[0].All(char.IsAsciiDigit))
        {
            error = new HttpError(400, $"The Content-Length '{values[0]}' is not a whole number of bytes.");
            return false;
        }
        // All digits but too many for a long is still a number: just a far too large one.
        if (!long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > MaxBodyBytes)
        {
            error = new HttpError(413, $"The body is {values[0]} bytes; this server accepts at most {MaxBodyBytes}.");
            return false;
        }
        return true;
        // END TODO
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
