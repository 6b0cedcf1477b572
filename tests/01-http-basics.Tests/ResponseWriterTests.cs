using System.Text;

namespace HttpBasics.Tests;

/// <summary>TODO 5: a response is a status line, header lines, a blank line and the body, as bytes.</summary>
[Todo(5)]
public sealed class ResponseWriterTests
{
    // A clock nine hours ahead of UTC, early in the morning: in UTC it is still the day before. A writer that prints
    // the clock's own time instead of UTC gets both the day and the hour wrong, on any machine in any time zone.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Response_starts_with_the_status_line()
    {
        var text = Write(HttpResponse.Text(404, "nothing here"));

        text.Should().StartWith("HTTP/1.1 404 Not Found\r\n",
            "the first line is 'HTTP-version status-code reason-phrase', ended by CRLF; StatusText.For gives the phrase");
    }

    [Fact]
    public void Response_carries_date_content_type_content_length_and_connection_close()
    {
        var head = Write(HttpResponse.Text(200, "Hello, Ana!")).Split("\r\n\r\n")[0].Split("\r\n");

        head.Should().Contain("Date: Tue, 24 Nov 2026 18:00:00 GMT",
            "Date is the moment in UTC, in the IMF-fixdate format (.ToString(\"r\")): 03:00 at UTC+9 is 18:00 GMT the day before");
        head.Should().Contain("Content-Type: text/plain; charset=utf-8", "the client needs the media type to know how to show the body");
        head.Should().Contain("Content-Length: 11", "the client needs the length to know where the body ends");
        head.Should().Contain("Connection: close", "this server closes the connection after each response, and says so");
    }

    [Fact]
    public void Blank_line_separates_the_headers_from_the_body()
    {
        var text = Write(HttpResponse.Text(200, "Hello, Ana!"));

        text.Should().EndWith("\r\n\r\nHello, Ana!", "an empty line (CRLF CRLF) ends the head, then the body follows as it is");
    }

    [Fact]
    public void Content_length_counts_utf8_bytes_not_characters()
    {
        var text = Write(HttpResponse.Text(200, "¡Hola, María!"));

        text.Should().Contain("Content-Length: 15\r\n",
            "'¡Hola, María!' is 13 characters but 15 bytes in UTF-8, and Content-Length counts bytes");
    }

    [Fact]
    public void Extra_headers_are_written_too()
    {
        var response = HttpResponse.Text(405, "no") with { ExtraHeaders = [new("Allow", "GET, HEAD")] };

        Write(response).Should().Contain("\r\nAllow: GET, HEAD\r\n", "a 405 must say which methods are allowed");
    }

    [Fact]
    public void Head_response_has_the_headers_but_no_body()
    {
        var bytes = ResponseWriter.Serialize(HttpResponse.Text(200, "Hello, Ana!"), Now, omitBody: true);
        var text = Encoding.UTF8.GetString(bytes);

        text.Should().EndWith("\r\n\r\n", "a response to HEAD stops after the blank line");
        text.Should().Contain("Content-Length: 11", "a HEAD response announces the length the GET body would have");
    }

    private static string Write(HttpResponse response) =>
        Encoding.UTF8.GetString(ResponseWriter.Serialize(response, Now, omitBody: false));
}
