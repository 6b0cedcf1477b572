using System.Text;
using HttpBasics.Routing;

namespace HttpBasics.Tests;

/// <summary>
/// TODO 6 and 7: each method and path gets its answer; nothing else.
/// The requests are built directly, not parsed, so these goals wait on the router alone, not on the parser.
/// </summary>
public sealed class RouterTests
{
    [Fact]
    [Todo(6)]
    public void Root_answers_an_html_page_showing_the_request()
    {
        var response = Router.Route(Request("GET", "/") with { RawHead = "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: workshop-test\r\n\r\n" });

        response.StatusCode.Should().Be(200, "GET / is the home page; the router answered: {0}", Describe(response));
        response.ContentType.Should().Be(HttpResponse.HtmlPage, "the home page is HTML");
        Encoding.UTF8.GetString(response.Body).Should().Contain("User-Agent: workshop-test", "the page shows the request it received (Pages.RequestEcho)");
    }

    [Fact]
    [Todo(6, 7)]
    public void Hello_greets_the_name_from_the_query()
    {
        var response = Router.Route(Request("GET", "/hello", "name=Ana"));

        response.StatusCode.Should().Be(200, "GET /hello is a route; the router answered: {0}", Describe(response));
        response.ContentType.Should().Be(HttpResponse.PlainText);
        Encoding.UTF8.GetString(response.Body).Should().Be("Hello, Ana!");
    }

    [Theory]
    [Todo(6, 7)]
    [InlineData("")]
    [InlineData("name=")]
    [InlineData("lang=es")]
    public void Hello_without_a_name_greets_the_world(string query)
    {
        var response = Router.Route(Request("GET", "/hello", query));

        Encoding.UTF8.GetString(response.Body).Should().Be("Hello, world!",
            "'world' is the name when the query '{0}' gives none (an empty name is no name); the router answered: {1}", query, Describe(response));
    }

    [Fact]
    [Todo(1, 6)]
    public void Echo_answers_the_body_with_its_content_type()
    {
        var headers = new HttpHeaders();
        headers.Add("Content-Type", "application/json");
        var request = Request("POST", "/echo", headers: headers) with { Body = Encoding.UTF8.GetBytes("{\"a\":\"ñ\"}") };

        var response = Router.Route(request);

        response.StatusCode.Should().Be(200, "POST /echo is a route; the router answered: {0}", Describe(response));
        response.ContentType.Should().Be("application/json", "the echo keeps the request's Content-Type");
        response.Body.Should().Equal(request.Body, "the echo sends back the very bytes it received");
    }

    [Fact]
    [Todo(6)]
    public void Echo_without_a_content_type_answers_octet_stream()
    {
        var response = Router.Route(Request("POST", "/echo") with { Body = [0xCA, 0xFE] });

        response.StatusCode.Should().Be(200, "POST /echo is a route; the router answered: {0}", Describe(response));
        response.ContentType.Should().Be("application/octet-stream", "bytes of unknown meaning are application/octet-stream");
        response.Body.Should().Equal([0xCA, 0xFE]);
    }

    [Theory]
    [Todo(6)]
    [InlineData("/")]
    [InlineData("/hello")]
    public void Head_is_answered_wherever_get_is(string path)
    {
        var response = Router.Route(Request("HEAD", path));

        response.StatusCode.Should().Be(200, "HEAD asks for what GET {0} would answer, without the body; the router answered: {1}", path, Describe(response));
    }

    [Fact]
    [Todo(6)]
    public void Unknown_path_answers_404()
    {
        var response = Router.Route(Request("GET", "/nowhere"));

        response.StatusCode.Should().Be(404, "no route has the path /nowhere; the router answered: {0}", Describe(response));
        response.Body.Should().NotBeEmpty("a 404 should say in words that nothing is there, and what is");
    }

    [Theory]
    [Todo(6)]
    [InlineData("POST", "/hello", "GET, HEAD")]
    [InlineData("DELETE", "/", "GET, HEAD")]
    [InlineData("GET", "/echo", "POST")]
    [InlineData("get", "/hello", "GET, HEAD")]
    [InlineData("post", "/echo", "POST")]
    public void Known_path_with_the_wrong_method_answers_405_with_allow(string method, string path, string allow)
    {
        var response = Router.Route(Request(method, path));

        response.StatusCode.Should().Be(405,
            "the path exists but not for {0} (methods are case-sensitive: 'get' is not 'GET'): 405, not 404 or 200; the router answered: {1}",
            method, Describe(response));
        response.ExtraHeaders.Should().Contain(new KeyValuePair<string, string>("Allow", allow), "a 405 must list the methods the path does answer");
    }

    [Theory]
    [Todo(7)]
    [InlineData("name=Ana%20Mar%C3%ADa", "Ana María")]
    [InlineData("name=Jos%C3%A9+Luis", "José Luis")]
    [InlineData("lang=es&name=Zo%C3%AB", "Zoë")]
    public void Query_value_is_percent_decoded_as_utf8(string query, string expected)
    {
        Router.QueryValue(query, "name").Should().Be(expected,
            "%XX escapes are UTF-8 bytes and '+' is a space, the way browsers send form fields (Uri.UnescapeDataString helps)");
    }

    [Theory]
    [Todo(7)]
    [InlineData("name=a%26b&x=1", "a&b")]
    [InlineData("name=a%3Db", "a=b")]
    [InlineData("name=Ana&name=Eva", "Ana")]
    [InlineData("n%61me=Ana", "Ana")]
    public void Query_is_split_before_it_is_decoded(string query, string expected)
    {
        Router.QueryValue(query, "name").Should().Be(expected,
            "split '{0}' at '&' and '=' first, then decode each part: an encoded %26 or %3D is part of a value, not a separator, and the first 'name' wins", query);
    }

    [Theory]
    [Todo(7)]
    [InlineData("username=x", "a longer key that ends in 'name'")]
    [InlineData("names=x", "a longer key that starts with 'name'")]
    [InlineData("x=name", "'name' as a value")]
    [InlineData("name=", "an empty value")]
    [InlineData("name", "a key without '='")]
    [InlineData("", "an empty query")]
    public void Query_without_a_name_value_gives_null(string query, string what)
    {
        Router.QueryValue(query, "name").Should().BeNull(
            "the query '{0}' has {1}: compare whole keys, and treat an empty value as no value, so the greeting falls back to 'world'", query, what);
    }

    private static HttpRequest Request(string method, string path, string query = "", HttpHeaders? headers = null) =>
        new(new RequestLine(method, path, query, "HTTP/1.1"), headers ?? new HttpHeaders());

    private static string Describe(HttpResponse response) =>
        $"{response.StatusCode} {Encoding.UTF8.GetString(response.Body)}";
}
