namespace HttpBasics.Tests;

/// <summary>TODO 1: header fields are a case-insensitive map from a name to every value it was given.</summary>
[Todo(1)]
public sealed class HeaderMapTests
{
    [Fact]
    public void Header_names_are_case_insensitive()
    {
        var headers = new HttpHeaders();
        headers.Add("Content-Type", "text/plain");

        headers.GetValues("content-type").Should().Equal(["text/plain"],
            "header names are case-insensitive (RFC 9110 §5.1): 'Content-Type' and 'content-type' are the same field; " +
            "give the dictionary StringComparer.OrdinalIgnoreCase");
    }

    [Fact]
    public void Repeated_header_keeps_every_value_in_order()
    {
        var headers = new HttpHeaders();
        headers.Add("Accept", "text/html");
        headers.Add("accept", "text/plain");

        headers.GetValues("Accept").Should().Equal(["text/html", "text/plain"],
            "a field sent twice keeps both values in arrival order; adding a value must not replace the first one");
        headers.Count.Should().Be(1, "both lines are the same field, whatever the case of their names");
    }
}
