using WebSocketHandshake.Handshake;

namespace WebSocketHandshake.Tests.Handshake;

/// <summary>TODO 3: a browser page from another site may not open a WebSocket here (cross-site WebSocket hijacking).</summary>
[Todo(3)]
public sealed class OriginPolicyTests
{
    private const string Host = "127.0.0.1:5004";

    [Fact]
    public void Client_without_origin_is_allowed()
    {
        OriginPolicy.IsAllowed(null, "http", Host, []).Should().BeTrue(
            "only browsers send Origin; curl, ClientWebSocket and other programs send none, and nothing protects them from themselves");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5004")]
    [InlineData("HTTP://127.0.0.1:5004")]
    public void Page_of_the_server_itself_is_allowed(string origin)
    {
        OriginPolicy.IsAllowed(origin, "http", Host, []).Should().BeTrue("'{0}' is the origin of the server's own page", origin);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://127.0.0.1:5005")]
    [InlineData("http://127.0.0.1:50040")]
    [InlineData("http://127.0.0.1:5004.evil.example")]
    [InlineData("http://127.0.0.1")]
    [InlineData("https://127.0.0.1:5004")]
    [InlineData("null")]
    [InlineData("garbage")]
    public void Foreign_origin_is_refused(string origin)
    {
        OriginPolicy.IsAllowed(origin, "http", Host, []).Should().BeFalse(
            "a page from '{0}' is not the server's own (scheme, host and port all count, each whole: an origin that only " +
            "starts or ends like the server's is another site), and no allowed origin was configured", origin);
    }

    [Fact]
    public void Configured_origin_is_allowed()
    {
        OriginPolicy.IsAllowed("http://localhost:3000", "http", Host, ["https://other.example", "http://localhost:3000"]).Should().BeTrue(
            "WebSocket:AllowedOrigins lists http://localhost:3000");
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost:30001")]
    [InlineData("http://localhost:3000.evil.example")]
    public void Configured_origins_do_not_let_in_others(string origin)
    {
        OriginPolicy.IsAllowed(origin, "http", Host, ["http://localhost:3000"]).Should().BeFalse(
            "WebSocket:AllowedOrigins lists http://localhost:3000, not {0}: compare whole origins, not how they start", origin);
    }
}
