using WebSocketHandshake.Handshake;

namespace WebSocketHandshake.Tests.Handshake;

/// <summary>TODO 2: only a valid opening handshake is upgraded; the rest gets 400, or 426 for a wrong version.</summary>
[Todo(2)]
public sealed class HandshakeValidationTests
{
    private static readonly UpgradeRequest Valid = new(
        Method: "GET",
        Scheme: "http",
        Host: "127.0.0.1:5004",
        Upgrade: "websocket",
        Connection: "Upgrade",
        Version: "13",
        Key: "dGhlIHNhbXBsZSBub25jZQ==",
        Origin: "http://127.0.0.1:5004");

    [Fact]
    public void Valid_handshake_is_accepted()
    {
        var accepted = WebSocketHandshake.Handshake.Handshake.TryValidate(Valid, out var error);

        accepted.Should().BeTrue("this is the handshake of RFC 6455 §1.2, but the server said: {0}", error);
    }

    [Theory]
    [InlineData("WebSocket", "Upgrade")]
    [InlineData("websocket", "upgrade")]
    [InlineData("WEBSOCKET", "keep-alive, Upgrade")]
    [InlineData("websocket", "Upgrade,keep-alive")]
    public void Upgrade_and_connection_tokens_ignore_case_and_may_come_in_lists(string upgrade, string connection)
    {
        var accepted = WebSocketHandshake.Handshake.Handshake.TryValidate(Valid with { Upgrade = upgrade, Connection = connection }, out var error);

        accepted.Should().BeTrue(
            "'Upgrade: {0}' and 'Connection: {1}' hold the right tokens: tokens are compared without case, and Firefox sends " +
            "'Connection: keep-alive, Upgrade'; but the server said: {2}", upgrade, connection, error);
    }

    private static readonly Dictionary<string, UpgradeRequest> BadRequests = new()
    {
        ["a POST"] = Valid with { Method = "POST" },
        ["no Upgrade header"] = Valid with { Upgrade = null },
        ["Upgrade: h2c"] = Valid with { Upgrade = "h2c" },
        ["Upgrade: websockets (a different token)"] = Valid with { Upgrade = "websockets" },
        ["no Connection header"] = Valid with { Connection = null },
        ["Connection: keep-alive only"] = Valid with { Connection = "keep-alive" },
        ["Connection: Upgraded (not the token)"] = Valid with { Connection = "Upgraded" },
        ["no Sec-WebSocket-Key"] = Valid with { Key = null },
        ["a key that is not base64"] = Valid with { Key = "not base64 at all!!!!!!!" },
        ["a key of 24 characters ending in == that is not base64"] = Valid with { Key = "not base64 at all!!!!!==" },
        ["a key of 15 bytes"] = Valid with { Key = Convert.ToBase64String(new byte[15]) },
        ["a key of 17 bytes"] = Valid with { Key = Convert.ToBase64String(new byte[17]) },
        ["two keys"] = Valid with { Key = "dGhlIHNhbXBsZSBub25jZQ==,dGhlIHNhbXBsZSBub25jZQ==" },
    };

    public static TheoryData<string> BadRequestNames => [.. BadRequests.Keys];

    [Theory]
    [MemberData(nameof(BadRequestNames))]
    public void Bad_handshake_is_rejected_with_400_and_a_reason(string what)
    {
        var request = BadRequests[what];

        var accepted = WebSocketHandshake.Handshake.Handshake.TryValidate(request, out var error);

        accepted.Should().BeFalse("a handshake with {0} is not a valid WebSocket upgrade (RFC 6455 §4.2.1)", what);
        error!.StatusCode.Should().Be(400, "a malformed handshake is a client error: 400 Bad Request");
        error.Reason.Should().NotBeNullOrWhiteSpace("the client deserves one line that says what was wrong");
        error.Reason.Should().NotContain("\n", "the reason is one line");
    }

    [Theory]
    [InlineData("8")]
    [InlineData("12")]
    [InlineData("14")]
    [InlineData("13, 8")]
    [InlineData(null)]
    public void Other_version_is_rejected_with_426(string? version)
    {
        var accepted = WebSocketHandshake.Handshake.Handshake.TryValidate(Valid with { Version = version }, out var error);

        var asked = version is null ? "no version at all (no Sec-WebSocket-Version header)" : $"version '{version}'";
        accepted.Should().BeFalse("this server speaks version 13 only, and the client asked for {0}", asked);
        error!.StatusCode.Should().Be(426, "RFC 6455 §4.4: a version the server does not speak gets 426 Upgrade Required, listing the one it does; the client asked for {0}", asked);
        error!.Reason.Should().NotBeNullOrWhiteSpace("the answer's body says, in words, why the server refuses: which version it speaks; the client asked for {0}", asked);
    }
}
