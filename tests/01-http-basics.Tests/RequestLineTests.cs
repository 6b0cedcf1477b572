namespace HttpBasics.Tests;

/// <summary>TODO 2: the request line says what the client wants: method, target, version.</summary>
[Todo(2)]
public sealed class RequestLineTests
{
    [Fact]
    public void Request_line_is_split_into_method_path_query_and_version()
    {
        var parsed = RequestParser.TryParseRequestLine("GET /hello?name=Ana HTTP/1.1", out var line, out var error);

        parsed.Should().BeTrue("'GET /hello?name=Ana HTTP/1.1' is a valid request line, but the parser said: {0}", error);
        line.Should().Be(new RequestLine("GET", "/hello", "name=Ana", "HTTP/1.1"),
            "the target splits at '?' into the path and the query (without the '?')");
    }

    [Fact]
    public void Target_without_query_has_an_empty_query()
    {
        RequestParser.TryParseRequestLine("POST /echo HTTP/1.0", out var line, out var error)
            .Should().BeTrue("'POST /echo HTTP/1.0' is valid, but the parser said: {0}", error);
        line.Should().Be(new RequestLine("POST", "/echo", "", "HTTP/1.0"), "a target without '?' has an empty query, not null");
    }

    [Theory]
    [InlineData("GET /", "only two parts")]
    [InlineData("GET  / HTTP/1.1", "two spaces in a row")]
    [InlineData("GET / HTTP/1.1 extra", "four parts")]
    [InlineData("GET hello HTTP/1.1", "a target without a leading '/'")]
    [InlineData("G(E)T / HTTP/1.1", "a method with parentheses, which a token may not have")]
    [InlineData("GET / HTTP/one", "a version that is not HTTP/<digit>.<digit>")]
    [InlineData("", "an empty line")]
    public void Malformed_request_line_is_rejected_with_400(string requestLine, string what)
    {
        var parsed = RequestParser.TryParseRequestLine(requestLine, out _, out var error);

        parsed.Should().BeFalse("the request line '{0}' has {1}", requestLine, what);
        error!.StatusCode.Should().Be(400, "a request line that does not follow the grammar is a client error: 400 Bad Request");
        error.Reason.Should().NotBeNullOrWhiteSpace("the client deserves to be told what was wrong");
    }

    [Theory]
    [InlineData("HTTP/2.0")]
    [InlineData("HTTP/0.9")]
    public void Unsupported_http_version_is_rejected_with_505(string version)
    {
        var parsed = RequestParser.TryParseRequestLine($"GET / {version}", out _, out var error);

        parsed.Should().BeFalse("this server speaks HTTP/1.0 and HTTP/1.1 only");
        error!.StatusCode.Should().Be(505, "{0} is well-formed but not spoken here: 505 HTTP Version Not Supported", version);
        error.Reason.Should().NotBeNullOrWhiteSpace("the client deserves to be told which versions this server speaks");
    }
}
