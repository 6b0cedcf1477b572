using System.Text;

namespace HttpBasics.Http;

/// <summary>What the server answers: a status code, a body and its media type, and any extra header fields.</summary>
public sealed record HttpResponse(int StatusCode, string ContentType, byte[] Body)
{
    public const string PlainText = "text/plain; charset=utf-8";
    public const string HtmlPage = "text/html; charset=utf-8";

    /// <summary>Header fields beyond the ones every response carries, such as <c>Allow</c> on a 405.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders { get; init; } = [];

    public static HttpResponse Text(int statusCode, string text) =>
        new(statusCode, PlainText, Encoding.UTF8.GetBytes(text));

    public static HttpResponse Html(string html) =>
        new(200, HtmlPage, Encoding.UTF8.GetBytes(html));

    /// <summary>A refusal in plain words, so that a person reading it with curl or a browser knows what to fix.</summary>
    public static HttpResponse FromError(HttpError error) =>
        Text(error.StatusCode, $"{error.StatusCode} {StatusText.For(error.StatusCode)}: {error.Reason}\n");
}
