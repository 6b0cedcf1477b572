namespace HttpBasics.Tests;

/// <summary>TODO 3: each header line is "Name: value", and HTTP/1.1 requires a Host.</summary>
public sealed class HeaderLineTests
{
    [Fact]
    public void Header_line_is_split_at_the_first_colon_and_the_value_is_trimmed()
    {
        var headers = new HttpHeaders();

        var parsed = RequestParser.TryParseHeaderLine("Host:   localhost:5001  ", headers, out var error);

        parsed.Should().BeTrue("'Host:   localhost:5001  ' is a valid header line, but the parser said: {0}", error);
        headers.GetValues("Host").Should().Equal(["localhost:5001"],
            "the name ends at the first colon; the value keeps its own colons and loses the spaces around it");
    }

    [Theory]
    [InlineData("Host localhost", "no colon")]
    [InlineData(": value", "an empty name")]
    [InlineData("Host : localhost", "a space before the colon")]
    [InlineData(" folded continuation", "a leading space (obsolete line folding)")]
    public void Malformed_header_line_is_rejected_with_400(string line, string what)
    {
        var parsed = RequestParser.TryParseHeaderLine(line, new HttpHeaders(), out var error);

        parsed.Should().BeFalse("the header line '{0}' has {1}", line, what);
        error!.StatusCode.Should().Be(400, "a header line that is not 'Name: value' is a client error: 400 Bad Request");
    }

    [Fact]
    public void Http11_request_without_host_is_rejected_with_400()
    {
        var parsed = RequestParser.TryParseHead("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", out _, out var error);

        parsed.Should().BeFalse("an HTTP/1.1 request must name the host it is for (RFC 9112 §3.2)");
        error!.StatusCode.Should().Be(400, "a missing Host header is a client error: 400 Bad Request");
    }

    [Fact]
    public void Whole_head_is_parsed_into_a_request()
    {
        const string head = "GET /hello?name=Ana HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\nAccept: text/html\r\n\r\n";

        var parsed = RequestParser.TryParseHead(head, out var request, out var error);

        parsed.Should().BeTrue("the head is valid, but the parser said: {0}", error);
        request!.Method.Should().Be("GET");
        request.Path.Should().Be("/hello");
        request.Headers.GetValues("accept").Should().Equal(["text/plain", "text/html"]);
        request.RawHead.Should().Be(head, "the page at '/' shows the head exactly as it arrived");
    }
}
