using Workshop.Testing;

namespace BroadcastChat.Tests;

/// <summary>
/// A chat client over a raw TCP connection, for the misbehaviour ClientWebSocket never shows: a client that never
/// answers a ping, or one that stops reading altogether. It does the handshake itself and reads frames only when
/// the test asks (the shared <see cref="RawWebSocket"/>, which step 04's tests use too).
/// </summary>
internal static class RawChatPeer
{
    /// <summary>
    /// Connects to /chat with <paramref name="query"/> and does the handshake; fails with the server's answer when it
    /// is not a 101. <paramref name="receiveBufferSize"/>, when given, is set before connecting, so the TCP window the
    /// client offers stays that small.
    /// </summary>
    public static Task<RawWebSocket> OpenAsync(ChatServer server, string query, int? receiveBufferSize = null) =>
        RawWebSocket.OpenAsync(server.EndPoint,
            $"GET /chat?{query} HTTP/1.1\r\nHost: {server.EndPoint}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            receiveBufferSize);
}
