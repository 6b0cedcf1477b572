using System.Text;
using HttpBasics.Routing;

namespace HttpBasics.Tests;

/// <summary>TODO 6 and 7: each method and path gets its answer; nothing else.</summary>
public sealed class RouterTests
{
    [Fact]
    public void Root_answers_an_html_page_showing_the_request()
    {
        var response = Route("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: workshop-test\r\n\r\n");

        response.StatusCode.Should().Be(200, "GET / is the home page; the router answered: {0}", Describe(response));
        response.ContentType.Should().Be(HttpResponse.HtmlPage, "the home page is HTML");
        Encoding.UTF8.GetString(response.Body).Should().Contain("User-Agent: workshop-test", "the page shows the request it received (Pages.RequestEcho)");
    }

    [Fact]
    public void Hello_greets_the_name_from_the_query()
    {
        var response = Route("GET /hello?name=Ana HTTP/1.1\r\nHost: localhost\r\n\r\n");

        response.StatusCode.Should().Be(200, "GET /hello is a route; the router answered: {0}", Describe(response));
        response.ContentType.Should().Be(HttpResponse.PlainText);
        Encoding.UTF8.GetString(response.Body).Should().Be("Hello, Ana!");
    }

    [Fact]
    public void Hello_without_a_name_greets_the_world()
    {
        var response = Route("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Encoding.UTF8.GetString(response.Body).Should().Be("Hello, world!", "'world' is the name when the query has none; the router answered: {0}", Describe(response));
    }

    [Theory]
    [InlineData("name=Ana%20Mar%C3%ADa", "Ana María")]
    [InlineData("name=Jos%C3%A9+Luis", "José Luis")]
    [InlineData("lang=es&name=Zo%C3%AB", "Zoë")]
    public void Query_value_is_percent_decoded_as_utf8(string query, string expected)
    {
        Router.QueryValue(query, "name").Should().Be(expected,
            "%XX escapes are UTF-8 bytes and '+' is a space, the way browsers send form fields (Uri.UnescapeDataString helps)");
    }

    [Fact]
    public void Echo_answers_the_body_with_its_content_type()
    {
        var request = Parse("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n")
            with { Body = Encoding.UTF8.GetBytes("{\"a\":\"ñ\"}") };

        var response = Router.Route(request);

        response.StatusCode.Should().Be(200, "POST /echo is a route; the router answered: {0}", Describe(response));
        response.ContentType.Should().Be("application/json", "the echo keeps the request's Content-Type");
        response.Body.Should().Equal(request.Body, "the echo sends back the very bytes it received");
    }

    [Fact]
    public void Head_is_answered_wherever_get_is()
    {
        var response = Route("HEAD /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");

        response.StatusCode.Should().Be(200, "HEAD asks for what GET would answer, without the body; the router answered: {0}", Describe(response));
    }

    [Fact]
    public void Unknown_path_answers_404()
    {
        var response = Route("GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n");

        response.StatusCode.Should().Be(404, "no route has the path /nowhere; the router answered: {0}", Describe(response));
    }

    [Theory]
    [InlineData("POST /hello", "GET, HEAD")]
    [InlineData("DELETE /", "GET, HEAD")]
    [InlineData("GET /echo", "POST")]
    public void Known_path_with_the_wrong_method_answers_405_with_allow(string methodAndPath, string allow)
    {
        var response = Route($"{methodAndPath} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        response.StatusCode.Should().Be(405, "the path exists but not for this method: 405, not 404; the router answered: {0}", Describe(response));
        response.ExtraHeaders.Should().Contain(new KeyValuePair<string, string>("Allow", allow), "a 405 must list the methods the path does answer");
    }

    private static HttpResponse Route(string head) => Router.Route(Parse(head));

    private static HttpRequest Parse(string head)
    {
        RequestParser.TryParseHead(head, out var request, out var error).Should().BeTrue("the test's request is valid, but the parser said: {0}", error);
        return request!;
    }

    private static string Describe(HttpResponse response) =>
        $"{response.StatusCode} {Encoding.UTF8.GetString(response.Body)}";
}
