namespace HttpBasics.Tests;

/// <summary>
/// TODO 4: the headers say how many bytes of body follow the blank line.
/// The tests fill an <see cref="HttpHeaders"/> with TODO 1's <c>Add</c>, so they need TODO 1 too.
/// </summary>
[Todo(1, 4)]
public sealed class BodyLengthTests
{
    [Fact]
    public void Content_length_gives_the_body_size()
    {
        var length = BodyLength(("Content-Length", "12"), out var error);

        length.Should().Be(12, "Content-Length: 12 announces a 12-byte body; the parser said: {0}", error);
    }

    [Fact]
    public void Request_without_content_length_has_no_body()
    {
        var length = BodyLength([], out var error);

        length.Should().Be(0, "without Content-Length (and without Transfer-Encoding) a request has no body; the parser said: {0}", error);
    }

    [Theory]
    [InlineData("twelve")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("")]
    public void Content_length_that_is_not_a_whole_number_is_rejected_with_400(string value)
    {
        var error = Refused([("Content-Length", value)], $"Content-Length '{value}' is not a number of bytes, so the body cannot be read");

        error.StatusCode.Should().Be(400, "a Content-Length that is not a whole number is a client error: 400 Bad Request");
    }

    [Fact]
    public void Different_content_lengths_are_rejected_with_400()
    {
        var error = Refused([("Content-Length", "5"), ("Content-Length", "6")], "two different lengths leave the end of the body ambiguous (RFC 9112 §6.3)");

        error.StatusCode.Should().Be(400);
    }

    [Theory]
    [InlineData("5, 5")]
    [InlineData("5,5")]
    public void Identical_content_lengths_in_one_line_are_one_length(string value)
    {
        var length = BodyLength(("Content-Length", value), out var error);

        length.Should().Be(5, "'{0}' repeats the same length, which leaves no doubt where the body ends (RFC 9112 §6.3); the parser said: {1}", value, error);
    }

    [Fact]
    public void Identical_content_lengths_on_two_lines_are_one_length()
    {
        var length = BodyLength([("Content-Length", "5"), ("Content-Length", "5")], out var error);

        length.Should().Be(5, "two identical Content-Length lines agree on where the body ends; the parser said: {0}", error);
    }

    [Fact]
    public void Body_of_exactly_one_mebibyte_is_accepted()
    {
        var length = BodyLength(("Content-Length", "1048576"), out var error);

        length.Should().Be(RequestParser.MaxBodyBytes, "the limit is 1 MiB inclusive: only a larger body is refused; the parser said: {0}", error);
    }

    [Theory]
    [InlineData("1048577")]
    [InlineData("99999999999999999999999")]
    public void Body_larger_than_one_mebibyte_is_rejected_with_413(string value)
    {
        var error = Refused([("Content-Length", value)], $"a body of {value} bytes is over the limit of {RequestParser.MaxBodyBytes} and must be refused before the server reads it");

        error.StatusCode.Should().Be(413, "a body larger than the server accepts gets 413 Content Too Large");
    }

    [Fact]
    public void Transfer_encoding_is_rejected_with_501()
    {
        var error = Refused([("Transfer-Encoding", "chunked")], "this server cannot decode chunked bodies, and guessing would misread the request");

        error.StatusCode.Should().Be(501, "a Transfer-Encoding the server does not implement gets 501 Not Implemented");
    }

    /// <summary>Checks that the parser refuses the fields (returns false) with an error that gives a reason in words.</summary>
    private static HttpError Refused((string Name, string Value)[] fields, string why)
    {
        var length = BodyLength(fields, out var error);

        length.Should().BeNull("TryGetBodyLength must return false here: {0}; it returned true with a length of {1}", why, length);
        error.Should().NotBeNull("a refusal comes with its HttpError: {0}", why);
        error!.Reason.Should().NotBeNullOrWhiteSpace("the client deserves to be told in words what was wrong");
        return error;
    }

    private static long? BodyLength((string Name, string Value) header, out HttpError? error) =>
        BodyLength([header], out error);

    private static long? BodyLength((string Name, string Value)[] fields, out HttpError? error)
    {
        var headers = new HttpHeaders();
        foreach (var (name, value) in fields)
        {
            headers.Add(name, value);
        }
        return RequestParser.TryGetBodyLength(headers, out var length, out error) ? length : null;
    }
}
