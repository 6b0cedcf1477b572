using WebSocketHandshake.Handshake;

namespace WebSocketHandshake.Tests.Handshake;

/// <summary>TODO 1: the server proves it read the key: base64(SHA-1(key + the RFC's GUID)).</summary>
[Todo(1)]
public sealed class AcceptKeyTests
{
    [Fact]
    public void Accept_key_of_the_rfc_sample_is_s3pPLMBiTxaQ9kYGzzhZRbK_xOo()
    {
        var accept = WebSocketHandshake.Handshake.Handshake.ComputeAcceptKey("dGhlIHNhbXBsZSBub25jZQ==");

        accept.Should().Be("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
            "RFC 6455 §1.3 works this very example: SHA-1 of the key followed by 258EAFA5-E914-47DA-95CA-C5AB0DC85B11, in base64");
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "ICX+Yqv66kxgM0FcWaLWlFLwTAI=")]
    [InlineData("x3JJHMbDL1EzLkh9GBhXDw==", "HSmrc0sMlYUkAGmm5OPpG2HaGWk=")]
    public void Accept_key_hashes_the_key_as_it_arrived(string key, string expected)
    {
        var accept = WebSocketHandshake.Handshake.Handshake.ComputeAcceptKey(key);

        accept.Should().Be(expected, "the key is hashed as the client sent it, still in base64, with the GUID appended");
    }
}
