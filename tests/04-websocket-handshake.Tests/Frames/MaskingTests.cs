namespace WebSocketHandshake.Tests.Frames;

/// <summary>TODO 6: unmasking a client's payload: each byte XOR the key byte at its position modulo 4.</summary>
[Todo(6)]
public sealed class MaskingTests
{
    [Fact]
    public void Masked_hello_of_the_rfc_unmasks_to_hello()
    {
        byte[] payload = [0x7f, 0x9f, 0x4d, 0x51, 0x58];

        Masking.Apply(payload, ClientFrames.RfcKey);

        Encoding.ASCII.GetString(payload).Should().Be("Hello", "RFC 6455 §5.7: 7f 9f 4d 51 58 under the key 37 fa 21 3d is \"Hello\"");
    }

    [Fact]
    public void Key_repeats_every_four_bytes()
    {
        var original = Enumerable.Range(0, 11).Select(i => (byte)(i * 7)).ToArray();
        byte[] key = [0x01, 0x02, 0x04, 0x80];
        var payload = original.Select((b, i) => (byte)(b ^ key[i % 4])).ToArray();

        Masking.Apply(payload, key);

        payload.Should().Equal(original, "byte i is XORed with key byte i MOD 4, for every byte of an 11-byte payload (RFC 6455 §5.3)");
    }

    [Fact]
    public void Masking_twice_gives_back_the_original()
    {
        var payload = "¡Hola, WebSocket!"u8.ToArray();
        var original = payload.ToArray();

        Masking.Apply(payload, ClientFrames.RfcKey);
        payload.Should().NotEqual(original, "masking changes the bytes");
        Masking.Apply(payload, ClientFrames.RfcKey);

        payload.Should().Equal(original, "XOR with the same key undoes itself: masking and unmasking are one operation");
    }

    [Fact]
    public void Empty_key_leaves_the_payload_as_it_is()
    {
        var payload = "Hello"u8.ToArray();

        try
        {
            Masking.Apply(payload, []);
        }
        catch (IndexOutOfRangeException)
        {
            throw new Xunit.Sdk.XunitException(
                "Masking.Apply threw IndexOutOfRangeException for an empty key. A frame without MASK has no key, so there is " +
                "no key byte to read: return before the loop when maskingKey.IsEmpty.");
        }
        payload.Should().Equal("Hello"u8.ToArray(), "a frame without MASK has no key, and its payload is already plain");
    }
}
