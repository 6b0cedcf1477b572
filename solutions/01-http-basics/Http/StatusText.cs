namespace HttpBasics.Http;

/// <summary>The reason phrase that follows a status code on the status line (RFC 9110 §15, https://www.rfc-editor.org/rfc/rfc9110#section-15).</summary>
public static class StatusText
{
    public static string For(int statusCode) => statusCode switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    };
}
