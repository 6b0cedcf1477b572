namespace HttpBasics.Tests;

/// <summary>TODO 3: each header line is "Name: value", and HTTP/1.1 requires exactly one Host.</summary>
public sealed class HeaderLineTests
{
    private static readonly RequestLine Http11 = new("GET", "/", "", "HTTP/1.1");
    private static readonly RequestLine Http10 = new("GET", "/", "", "HTTP/1.0");

    [Fact]
    [Todo(3)]
    public void Header_line_is_split_at_the_first_colon_and_the_value_is_trimmed()
    {
        var headers = new HttpHeaders();

        var parsed = RequestParser.TryParseHeaderLine("Host:   localhost:5001  ", headers, out var error);

        parsed.Should().BeTrue("'Host:   localhost:5001  ' is a valid header line, but the parser said: {0}", error);
        headers.GetValues("Host").Should().Equal(["localhost:5001"],
            "the name ends at the first colon; the value keeps its own colons and loses the spaces around it");
    }

    [Theory]
    [Todo(3)]
    [InlineData("Host localhost", "no colon")]
    [InlineData(": value", "an empty name")]
    [InlineData("Host : localhost", "a space before the colon")]
    [InlineData(" folded continuation", "a leading space (obsolete line folding)")]
    public void Malformed_header_line_is_rejected_with_400(string line, string what)
    {
        var parsed = RequestParser.TryParseHeaderLine(line, new HttpHeaders(), out var error);

        parsed.Should().BeFalse("the header line '{0}' has {1}", line, what);
        error!.StatusCode.Should().Be(400, "a header line that is not 'Name: value' is a client error: 400 Bad Request");
        error.Reason.Should().NotBeNullOrWhiteSpace("the client deserves to be told in words what was wrong with '{0}'", line);
    }

    [Theory]
    [Todo(3)]
    [InlineData("Content-Type: text/plain\rSet-Cookie: evil=1", "a carriage return")]
    [InlineData("X-Note: a\u0000b", "a NUL byte")]
    [InlineData("X-Note: bell\u0007", "a control character")]
    [InlineData("X-Note: delete\u007F", "DEL")]
    public void Header_value_with_control_characters_is_rejected_with_400(string line, string what)
    {
        var headers = new HttpHeaders();

        var parsed = RequestParser.TryParseHeaderLine(line, headers, out var error);

        parsed.Should().BeFalse(
            "a field value may not hold {0} (RFC 9110 §5.5): a bare CR could smuggle a second header line into a response that repeats it", what);
        error!.StatusCode.Should().Be(400, "a header value with a control character is a client error: 400 Bad Request");
        error.Reason.Should().NotBeNullOrWhiteSpace("the client deserves to be told in words what was wrong");
    }

    [Fact]
    [Todo(3)]
    public void Header_value_may_hold_tabs_and_non_ascii_bytes()
    {
        var headers = new HttpHeaders();

        var parsed = RequestParser.TryParseHeaderLine("X-Note: a\tb \u00e9", headers, out var error);

        parsed.Should().BeTrue("a tab inside a value and bytes above 127 (obs-text) are allowed (RFC 9110 §5.5), but the parser said: {0}", error);
    }

    [Fact]
    [Todo(3)]
    public void Http11_request_without_host_is_rejected_with_400()
    {
        var accepted = RequestParser.TryCheckHost(Http11, new HttpHeaders(), out var error);

        accepted.Should().BeFalse("an HTTP/1.1 request must name the host it is for (RFC 9112 §3.2)");
        error!.StatusCode.Should().Be(400, "a missing Host header is a client error: 400 Bad Request");
        error.Reason.Should().Contain("Host", "the reason should say what is missing");
    }

    [Fact]
    [Todo(3)]
    public void Http10_request_without_host_is_served()
    {
        var accepted = RequestParser.TryCheckHost(Http10, new HttpHeaders(), out var error);

        accepted.Should().BeTrue("HTTP/1.0 came before Host was required: a 1.0 request without it is still valid, but the parser said: {0}", error);
    }

    [Fact]
    [Todo(1, 3)]
    public void Http11_request_with_two_hosts_is_rejected_with_400()
    {
        var headers = new HttpHeaders();
        headers.Add("Host", "example.com");
        headers.Add("host", "evil.example");

        var accepted = RequestParser.TryCheckHost(Http11, headers, out var error);

        accepted.Should().BeFalse("with two Host headers, two servers could each believe a different one (RFC 9112 §3.2: exactly one)");
        error!.StatusCode.Should().Be(400);
        error.Reason.Should().Contain("Host", "the reason should say which header is the problem");
    }

    [Fact]
    [Todo(1, 3)]
    public void Http11_request_with_one_host_is_accepted()
    {
        var headers = new HttpHeaders();
        headers.Add("Host", "localhost:5001");

        var accepted = RequestParser.TryCheckHost(Http11, headers, out var error);

        accepted.Should().BeTrue("one Host header is exactly what HTTP/1.1 asks for, but the parser said: {0}", error);
    }

    [Fact]
    [Todo(1, 2, 3)]
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
