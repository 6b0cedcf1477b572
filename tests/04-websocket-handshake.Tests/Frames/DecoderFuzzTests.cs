namespace WebSocketHandshake.Tests.Frames;

/// <summary>
/// TODOs 4 to 6 against bytes nobody would send on purpose: random bytes and valid frames with a bit flipped, a tail cut
/// off, or garbage added, thousands of them, from a fixed seed so that a failure can be replayed.
/// </summary>
[Todo(4, 5, 6)]
public sealed class DecoderFuzzTests
{
    private const int Seed = 6455;
    private const int Cases = 4000;
    private const int Limit = 4096;

    /// <summary>What one Decode may allocate besides the payload: the frame, its header and a few small objects.</summary>
    private const long Overhead = 2048;

    [Fact]
    public void Decoder_survives_random_and_mutated_frames()
    {
        var random = new Random(Seed);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var input = NextInput(random);
            var cut = random.Next(input.Length + 1);
            var outcome = DecodeAll(input, cut, i);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        counts.Keys.Should().Contain(["decoded", "incomplete", "invalid"],
            "the {0} inputs should reach every outcome, or the fuzzing is not trying hard enough; they reached: {1}",
            Cases, string.Join(", ", counts.Select(pair => $"{pair.Key} {pair.Value}")));
    }

    /// <summary>Decodes frame after frame from the input, as the connection does, and checks each step.</summary>
    private static string DecodeAll(byte[] input, int cut, int index)
    {
        var sequence = Segments.Of(input, cut);
        var steps = 0;
        while (true)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            DecodeResult result;
            try
            {
                result = FrameDecoder.Decode(sequence, Limit);
            }
            catch (Exception exception) when (exception is not NotImplementedException)
            {
                throw new InvalidOperationException(
                    $"Case {index} (seed {Seed}): the decoder threw instead of answering Incomplete or Invalid for {Hex(input)}: {exception}");
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated.Should().BeLessThanOrEqualTo(Limit + Overhead,
                "case {0} (seed {1}): one Decode allocated {2} bytes with a limit of {3}: whatever a frame declares, the decoder must not make room for more than the limit; input {4}",
                index, Seed, allocated, Limit, Hex(input));

            switch (result)
            {
                case DecodeResult.Decoded(var frame, var consumed):
                    consumed.Should().BeInRange(2, (int)sequence.Length, "case {0}: a frame takes at least its 2-byte header, and no more than there is", index);
                    frame.Payload.Length.Should().BeLessThanOrEqualTo(Limit, "case {0}: a frame over the limit must be refused", index);
                    sequence = sequence.Slice(consumed);
                    break;
                case DecodeResult.Incomplete:
                    return "incomplete";
                case DecodeResult.Invalid(var error):
                    error.Code.Should().BeOneOf([(ushort)1002, (ushort)1009], "case {0}: a broken frame is a protocol error or too big", index);
                    return "invalid";
            }
            if (sequence.IsEmpty)
            {
                return "decoded";
            }
            steps++;
            steps.Should().BeLessThan(input.Length, "case {0}: every decoded frame takes bytes, so decoding must come to an end", index);
        }
    }

    private static byte[] NextInput(Random random) => random.Next(4) switch
    {
        0 => RandomBytes(random, random.Next(0, 40)),
        1 => Mutated(random, ValidFrame(random)),
        2 => DeclaringLength(random),
        _ => [.. ValidFrame(random), .. ValidFrame(random), .. Mutated(random, ValidFrame(random))],
    };

    private static byte[] ValidFrame(Random random)
    {
        int[] opcodes = [0x0, 0x1, 0x2, 0x8, 0x9, 0xA];
        var opcode = opcodes[random.Next(opcodes.Length)];
        var length = opcode >= 0x8 ? random.Next(0, 126) : random.Next(3) switch { 0 => random.Next(0, 126), 1 => random.Next(126, 1000), _ => random.Next(Limit - 10, Limit + 10) };
        var key = RandomBytes(random, 4);
        return ClientFrames.Frame(opcode, RandomBytes(random, length), fin: opcode >= 0x8 || random.Next(2) == 0, key: key);
    }

    private static byte[] Mutated(Random random, byte[] frame)
    {
        switch (random.Next(3))
        {
            case 0:
                var bit = random.Next(Math.Min(frame.Length, 14) * 8);
                frame[bit / 8] ^= (byte)(1 << (bit % 8));
                return frame;
            case 1:
                return frame[..random.Next(frame.Length)];
            default:
                return [.. frame, .. RandomBytes(random, random.Next(1, 20))];
        }
    }

    private static byte[] DeclaringLength(Random random)
    {
        var header = ClientFrames.HeaderDeclaring((ulong)random.NextInt64() << random.Next(0, 2), opcode: random.Next(16));
        return [.. header, .. RandomBytes(random, random.Next(0, 64))];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Hex(byte[] input) =>
        input.Length > 32 ? Convert.ToHexString(input, 0, 32) + $"... ({input.Length} bytes)" : Convert.ToHexString(input);
}
